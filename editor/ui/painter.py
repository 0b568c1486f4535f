"""QPainter painter of positioned page items: layout.items.Page → pixels (layer: ui).

The twin of ``editor.render.pdf.PdfPainter``: no layout happens here, every character is
drawn at the x the composer gave it (``TextItem.xs``), so the preview and the printout show
the same lines.  Coordinates are page points (origin top-left, y down, text ``y`` is the
baseline); callers set the painter's transform from points to device pixels, which makes
the same code serve the screen (any zoom, any device pixel ratio) and the printer.

Fonts: ``FaceFonts`` maps a FontBook face key to a Qt family.  Faces are loaded from the
FontBook's own files with ``QFontDatabase.addApplicationFont``; faces the FontBook does not
know (e.g. the role names of the fixed test measurer) fall back to a CJK family chosen by
role.  Below ``GREEK_SCALE`` (thumbnails) text is drawn as grey bars: fast and legible
enough to recognise a page.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QByteArray, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QGlyphRun, QImage, QPainter, QPen,
                           QRawFont)

from editor.fonts.measure import MISSING_FACE
from editor.fonts.placeholder import placeholders
from editor.layout.items import ImageItem, LineItem, LinkItem, Page, RectItem, TextItem
from editor.ui.qtfix import keep_singletons_alive

BASE_PX = 64.0          # fonts are made at this pixel size and scaled per item
GREEK_SCALE = 0.3       # device pixels per point below which text is drawn as bars
_SANS_ROLES = ("hei", "sans")


def _colour(hex_colour: str | None, fallback: str = "000000") -> QColor:
    text = (hex_colour or fallback).lstrip("#")
    if len(text) != 6:
        text = fallback
    return QColor("#" + text)


def bundled_cjk_files() -> list[Path]:
    """The open-licensed CJK fonts that ``pip install`` brings (Noto Serif/Sans SC)."""
    spec = importlib.util.find_spec("pylopdf_fonts_zh_cn")
    if spec is None or not spec.origin:
        return []
    folder = Path(spec.origin).parent
    return sorted(folder.glob("*.otf")) + sorted(folder.glob("*.ttf"))


def _add_font_file(path: Path) -> list[str]:
    """Register a font file with Qt; the families it holds ([] when Qt refuses it)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
    if font_id < 0:
        return []
    return list(QFontDatabase.applicationFontFamilies(font_id))


class FaceFonts:
    """Face key → QFont (at ``BASE_PX``), loading FontBook files on first use."""

    def __init__(self, fontbook=None):
        self.fontbook = fontbook
        self._fonts: dict[tuple[str, bool, str], QFont] = {}
        self._raw: dict[tuple[str, bool, str], QRawFont] = {}
        self._families: dict[str, str] = {}
        self._files: dict[str, list[str]] = {}
        self._fallback: dict[str, str] = {}

    def _load(self, path: Path) -> list[str]:
        key = str(path)
        if key not in self._files:
            self._files[key] = _add_font_file(path)
        return self._files[key]

    def fallback_family(self, role: str) -> str:
        kind = "sans" if role in _SANS_ROLES else "serif"
        if kind not in self._fallback:
            self._fallback[kind] = self._pick_fallback(kind)
        return self._fallback[kind]

    def _pick_fallback(self, kind: str) -> str:
        want = "Sans" if kind == "sans" else "Serif"
        families: list[str] = []
        for path in bundled_cjk_files():
            families += [f for f in self._load(path) if want in f]
        if families:
            return families[0]
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        preferred = ("SimSun", "宋体", "Microsoft YaHei", "微软雅黑") if kind == "serif" \
            else ("SimHei", "黑体", "Microsoft YaHei", "微软雅黑")
        for name in preferred:
            if name in chinese:
                return name
        return chinese[0] if chinese else QFont().defaultFamily()

    def family(self, face: str, role: str = "") -> str:
        if face in self._families:
            return self._families[face]
        family = ""
        if self.fontbook is not None:
            try:
                path, index = self.fontbook.face_path(face)
                families = self._load(Path(path))
                if families:
                    family = families[min(int(index or 0), len(families) - 1)]
            except (KeyError, LookupError, OSError, TypeError, ValueError, AttributeError):
                family = ""
        family = family or self.fallback_family(role or face)
        self._families[face] = family
        return family

    def raw_font(self, item: TextItem) -> QRawFont:
        """The face as a QRawFont (glyph runs at exact positions, no per-char calls)."""
        key = (item.face, item.bold, item.role)
        raw = self._raw.get(key)
        if raw is None:
            raw = self._raw[key] = QRawFont.fromFont(self.font(item))
        return raw

    def font(self, item: TextItem) -> QFont:
        key = (item.face, item.bold, item.role)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.family(item.face, item.role))
            font.setPixelSize(int(BASE_PX))
            font.setBold(item.bold)
            font.setKerning(False)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
            self._fonts[key] = font
        return font


class PagePainter:
    """Draws the items of one page with a QPainter whose transform maps points to pixels."""

    def __init__(self, fonts: FaceFonts):
        self.fonts = fonts
        self._images: dict[int, QImage] = {}

    def paint(self, painter: QPainter, page: Page, scale: float) -> None:
        """Paint ``page``; ``scale`` is device pixels per point (decides greeking)."""
        keep_singletons_alive()  # PySide6 6.12 / Python 3.11: see editor.ui.qtfix
        painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.GlobalColor.white)
        greek = scale < GREEK_SCALE
        for item in page.items:
            if isinstance(item, TextItem):
                if greek:
                    self._greek(painter, item)
                else:
                    self.text(painter, item)
            elif isinstance(item, LineItem):
                self.line(painter, item, scale)
            elif isinstance(item, RectItem):
                self.rect(painter, item)
            elif isinstance(item, ImageItem):
                self.image(painter, item)
            elif isinstance(item, LinkItem):
                continue

    def text(self, painter: QPainter, item: TextItem) -> None:
        if not item.text or item.size <= 0:
            return
        xs = item.positions()
        if item.face == MISSING_FACE:
            self._placeholders(painter, item, xs)
            return
        factor = item.size / BASE_PX
        painter.save()
        painter.setFont(self.fonts.font(item))
        painter.setPen(_colour(item.color))
        painter.translate(0, item.y)
        painter.scale(factor * item.scale_x, factor)
        sx = 1.0 / (factor * item.scale_x)
        raw = self.fonts.raw_font(item)
        glyphs = raw.glyphIndexesForString(item.text) if raw.isValid() else []
        if len(glyphs) == len(item.text) and all(glyphs):
            run = QGlyphRun()
            run.setRawFont(raw)
            run.setGlyphIndexes(glyphs)
            run.setPositions([QPointF(x * sx, 0.0) for x in xs])
            painter.drawGlyphRun(QPointF(0.0, 0.0), run)
        else:       # a glyph the face lacks: let Qt's font fallback find one per character
            for ch, x in zip(item.text, xs):
                if not ch.isspace():
                    painter.drawText(QPointF(x * sx, 0.0), ch)
        painter.restore()
        self._decorate(painter, item)

    def _placeholders(self, painter: QPainter, item: TextItem, xs: list[float]) -> None:
        """Characters no installed face has: the framed code box the PDF shows too."""
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for mark in placeholders(item.text, xs, item.y, item.size, item.width, item.scale_x):
            pen = QPen(_colour(item.color))
            pen.setWidthF(mark.width)
            painter.setPen(pen)
            painter.drawRect(QRectF(*mark.frame))
            painter.drawLines([QLineF(*s) for s in mark.strokes])
        painter.restore()

    def _decorate(self, painter: QPainter, item: TextItem) -> None:
        for x0, y, x1, width in item.decorations():
            pen = QPen(_colour(item.color))
            pen.setWidthF(width)
            painter.setPen(pen)
            painter.drawLine(QLineF(x0, y, x1, y))
        dots = item.emphasis_dots()
        if dots:                # 着重号
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(item.color))
            for cx, cy, r in dots:
                painter.drawEllipse(QPointF(cx, cy), r, r)
            painter.restore()

    def _greek(self, painter: QPainter, item: TextItem) -> None:
        width = item.width or item.size * len(item.text)
        colour = QColor(_colour(item.color))
        colour.setAlpha(110)
        painter.fillRect(QRectF(item.x, item.y - item.size * 0.7, width, item.size * 0.6),
                         colour)

    def line(self, painter: QPainter, item: LineItem, scale: float) -> None:
        pen = QPen(_colour(item.color))
        # hairlines stay visible on screen: at least one device pixel
        pen.setWidthF(max(item.width, 1.0 / max(scale, 1e-6)))
        if item.dash:
            pen.setDashPattern([max(d / max(item.width, 0.1), 0.1) for d in item.dash])
        painter.setPen(pen)
        painter.drawLine(QLineF(item.x1, item.y1, item.x2, item.y2))

    def rect(self, painter: QPainter, item: RectItem) -> None:
        box = QRectF(item.x, item.y, item.w, item.h)
        if item.fill:
            painter.fillRect(box, _colour(item.fill))
        if item.stroke:
            pen = QPen(_colour(item.stroke))
            pen.setWidthF(item.stroke_width)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)

    def image(self, painter: QPainter, item: ImageItem) -> None:
        key = id(item)
        img = self._images.get(key)
        if img is None:
            img = QImage.fromData(item.data)
            self._images[key] = img
        target = QRectF(item.x, item.y, item.w, item.h)
        if img.isNull():
            painter.setPen(QPen(QColor("#999999")))
            painter.drawRect(target)
            return
        painter.drawImage(target, img)


def render_page_image(page: Page, pages_painter: PagePainter, scale: float,
                      device_pixel_ratio: float = 1.0) -> QImage:
    """The page as an image at ``scale`` pixels per point (times the device pixel ratio)."""
    w = max(1, int(round(page.width * scale * device_pixel_ratio)))
    h = max(1, int(round(page.height * scale * device_pixel_ratio)))
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(device_pixel_ratio)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.scale(scale, scale)
    pages_painter.paint(p, page, scale * device_pixel_ratio)
    p.end()
    return img
