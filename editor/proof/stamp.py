"""The proof stamp: a diagonal 校样 watermark and a margin line (round, date, build id)
drawn as glyph outlines on an overlay PDF (layer: proof/render).

The stamp text is drawn as vector outlines taken from the open-licensed Noto Sans SC face
that the package depends on, so the overlay needs no embedded font and looks the same in
every viewer; it is not selectable text, so it never mixes into the proof's text when a
reader (or the import) extracts characters.
"""
from __future__ import annotations

import datetime as _dt
import io
from functools import lru_cache
from pathlib import Path

from reportlab.pdfgen import canvas as rl_canvas

WATERMARK = "校样"
WATERMARK_SIZE = 150.0
WATERMARK_ALPHA = 0.10
MARGIN_SIZE = 9.0
MARGIN_COLOR = (0.8, 0.1, 0.1)


@lru_cache(maxsize=1)
def _face():
    """(glyph set, cmap, hmtx, units per em) of the stamp face."""
    from fontTools.ttLib import TTFont
    import pylopdf_fonts_zh_cn

    path = Path(pylopdf_fonts_zh_cn.__file__).parent / "NotoSansSC-Regular.otf"
    font = TTFont(str(path), lazy=True)
    return font.getGlyphSet(), font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm


class _PathPen:
    """fontTools pen that records into a reportlab path, scaled and placed."""

    def __init__(self, path, x: float, y: float, scale: float):
        self.path, self.x, self.y, self.s = path, x, y, scale

    def _p(self, pt):
        return self.x + pt[0] * self.s, self.y + pt[1] * self.s

    def moveTo(self, pt):
        self.path.moveTo(*self._p(pt))

    def lineTo(self, pt):
        self.path.lineTo(*self._p(pt))

    def curveTo(self, *pts):
        # Cubic segments only (CFF outlines); a run of points is split into cubics.
        while len(pts) >= 3:
            (a, b, c), pts = pts[:3], pts[3:]
            self.path.curveTo(*self._p(a), *self._p(b), *self._p(c))
        for p in pts:
            self.path.lineTo(*self._p(p))

    def qCurveTo(self, *pts):
        for p in pts:
            if p is not None:
                self.path.lineTo(*self._p(p))

    def closePath(self):
        self.path.close()

    def endPath(self):
        pass

    def addComponent(self, name, transform):
        raise NotImplementedError("composite glyphs do not occur in CFF faces")


def text_width(text: str, size: float) -> float:
    glyphs, cmap, hmtx, upem = _face()
    return sum(hmtx[cmap.get(ord(ch), ".notdef")][0] for ch in text) * size / upem


def draw_outlined(canvas, text: str, x: float, y: float, size: float) -> None:
    """Fill ``text`` as outlines with its baseline at (x, y) in reportlab coordinates."""
    glyphs, cmap, hmtx, upem = _face()
    scale = size / upem
    path = canvas.beginPath()
    for ch in text:
        name = cmap.get(ord(ch), ".notdef")
        glyphs[name].draw(_PathPen(path, x, y, scale))
        x += hmtx[name][0] * scale
    canvas.drawPath(path, stroke=0, fill=1)


def margin_line(round_label: str, when: _dt.datetime, build: str) -> str:
    parts = ["校样", round_label, f"{when:%Y-%m-%d}", f"构建 {build[:8]}"]
    return " · ".join(p for p in parts if p)


def stamp_pdf(sizes: list[tuple[float, float]], round_label: str, when: _dt.datetime,
              build: str) -> bytes:
    """A PDF with one stamp page per sheet size in ``sizes``: the watermark across the
    centre and the margin line at the top right.  The proof places each page as a form
    XObject on every sheet of that size, so the outlines are stored once."""
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pageCompression=1)
    line = margin_line(round_label, when, build)
    for w, h in sizes:
        c.setPageSize((w, h))
        c.saveState()
        c.setFillColorRGB(0.85, 0.1, 0.1, alpha=WATERMARK_ALPHA)
        c.translate(w / 2, h / 2)
        c.rotate(45 if h >= w else 30)
        draw_outlined(c, WATERMARK, -text_width(WATERMARK, WATERMARK_SIZE) / 2,
                      -WATERMARK_SIZE * 0.35, WATERMARK_SIZE)
        c.restoreState()
        c.setFillColorRGB(*MARGIN_COLOR)
        draw_outlined(c, line, w - 24 - text_width(line, MARGIN_SIZE), h - 22, MARGIN_SIZE)
        c.showPage()
    c.save()
    return buf.getvalue()
