"""Print PDF: LaidOutIssue page items → PDF bytes on a reportlab canvas (layer: render).

A thin painter: no layout happens here (no platypus, no reportlab Paragraph).  Every
``TextItem`` is drawn where the composer put each character (``editor.render.pdftext``:
runs sharing one character spacing and font subset, each placed by an absolute text
matrix).  Fonts come from the FontBook (``register_reportlab`` subsets and embeds exactly
the characters used).  Streams are Flate-compressed without the ASCII85 layer.

Page boxes: the MediaBox is the template's page size and the TrimBox equals it; with
``bleed`` the MediaBox grows by 3 mm bleed plus room for crop marks, TrimBox/BleedBox are
set, colour fields touching the trim run on into the bleed (``editor.render.bleed``) and
crop marks are drawn, with a slug line (issue, sheet and folio, date) below the trim.
Bookmarks follow ``LaidOutIssue.outline``; ``LinkItem``s (目录 entries) jump to their
pages; document info carries title, subject (the period) and creator.  ``invariant=1`` makes the bytes depend on the input only.
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen import canvas as rl_canvas

from editor import __version__
from editor.fonts.measure import MISSING_FACE
from editor.fonts.placeholder import placeholders
from editor.layout.items import (ImageItem, LaidOutIssue, LineItem, LinkItem, Page,
                                 RectItem, TextItem)
from editor.render.bleed import extend_to_bleed
from editor.render.pdftext import TextWriter

# characters never drawn: controls (a tab from Word) and format characters (zero-width
# space, BOM, soft hyphen, word joiner …): no font draws them, reportlab would put glyph 0
_UNDRAWN = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
                      "\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                      "\ufeff\ufff9-\ufffb]")

MM = 72 / 25.4
BLEED = 3 * MM
MARK_ROOM = 10 * MM       # bleed + crop marks, per side
MARK_LEN = 5 * MM
SLUG_SIZE = 6.0           # pt, the page information line in the slug
CREATOR = f"公报编辑器 {__version__}"


def _rgb(hex_colour: str | None) -> tuple[float, float, float]:
    text = (hex_colour or "000000").lstrip("#")
    if len(text) != 6:
        return (0.0, 0.0, 0.0)
    return tuple(int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))


def char_counts(laid_out: LaidOutIssue) -> dict[str, Counter]:
    """How often each character is drawn, per FontBook face."""
    out: dict[str, Counter] = defaultdict(Counter)
    for page in laid_out.pages:
        for item in page.items:
            if isinstance(item, TextItem):
                out[item.face].update(item.text)
    return dict(out)


def chars_by_face(laid_out: LaidOutIssue) -> dict[str, set[str]]:
    """Every character drawn, per FontBook face (what the fonts must embed)."""
    out: dict[str, set[str]] = defaultdict(set)
    for page in laid_out.pages:
        for item in page.items:
            if isinstance(item, TextItem):
                out[item.face].update(item.text)
    return dict(out)


class PdfPainter:
    """Draws page items on a reportlab canvas (origin conversion: y down → y up)."""

    def __init__(self, canv, fonts: dict[str, str], offset: float = 0.0,
                 actual_text: bool = False):
        self.c = canv
        self.fonts = fonts
        self.offset = offset
        self.actual_text = actual_text     # PDF/A-2u: placeholders say their characters
        self.height = 0.0
        self.writer = TextWriter(canv, fonts)

    def begin_page(self, page: Page) -> None:
        self.height = page.height

    def _y(self, y: float) -> float:
        return self.height - y + self.offset

    def _x(self, x: float) -> float:
        return x + self.offset

    def draw(self, item) -> None:
        if isinstance(item, TextItem):
            self.text(item)
        elif isinstance(item, LineItem):
            self.line(item)
        elif isinstance(item, RectItem):
            self.rect(item)
        elif isinstance(item, ImageItem):
            self.image(item)

    def text(self, item: TextItem) -> None:
        if not item.text:
            return
        xs = item.positions()
        if item.face == MISSING_FACE:
            self._placeholders(item, xs)
        elif _UNDRAWN.search(item.text):       # a tab, a zero-width space: no glyph, no box
            keep = [k for k, ch in enumerate(item.text) if not _UNDRAWN.match(ch)]
            if keep:
                shown = replace(item, text="".join(item.text[k] for k in keep),
                                xs=[xs[k] for k in keep])
                self.writer.write(shown, shown.xs, self.offset, self._y(item.y))
        else:
            self.writer.write(item, xs, self.offset, self._y(item.y))
        self._decorate(item)

    def _placeholders(self, item: TextItem, xs: list[float]) -> None:
        """Characters no installed face has: a framed box with the code, as strokes —
        written as one path per character (a document in a script no face covers draws
        tens of thousands of them; reportlab's per-line calls took 30 s for 300 pages)."""
        ops = ["q", self.writer.colour(item.color, "RG")]
        for mark in placeholders(item.text, xs, item.y, item.size, item.width, item.scale_x):
            x, y, w, h = mark.frame
            ops.append(f"{mark.width:.3f} w {self._x(x):.2f} {self._y(y + h):.2f} "
                       f"{w:.2f} {h:.2f} re")
            ops += [f"{self._x(x1):.2f} {self._y(y1):.2f} m {self._x(x2):.2f} {self._y(y2):.2f} l"
                    for x1, y1, x2, y2 in mark.strokes]
            ops.append("S")
        ops.append("Q")
        if self.actual_text:    # the characters stay recoverable (PDF/A-2u, copy, search)
            ops = [f"/Span <</ActualText <{_utf16_hex(item.text)}>>> BDC", *ops, "EMC"]
        self.c.addLiteral(" ".join(ops))

    def _decorate(self, item: TextItem) -> None:
        for x0, y, x1, width in item.decorations():
            self.c.addLiteral(f"q {self.writer.colour(item.color, 'RG')} {width:.3f} w "
                              f"{self._x(x0):.3f} {self._y(y):.3f} m "
                              f"{self._x(x1):.3f} {self._y(y):.3f} l S Q")
        dots = item.emphasis_dots()
        if dots:                # 着重号: filled circles, four Bézier arcs each
            ops = ["q", self.writer.colour(item.color, "rg")]
            for cx, cy, r in dots:
                ops.append(_circle(self._x(cx), self._y(cy), r))
            self.c.addLiteral(" ".join(ops + ["Q"]))

    def line(self, item: LineItem) -> None:
        ops = ["q", self.writer.colour(item.color, "RG"), f"{item.width:.3f} w"]
        if item.dash:
            ops.append(f"[{' '.join(f'{d:.3f}' for d in item.dash)}] 0 d")
        ops.append(f"{self._x(item.x1):.3f} {self._y(item.y1):.3f} m "
                   f"{self._x(item.x2):.3f} {self._y(item.y2):.3f} l S Q")
        self.c.addLiteral(" ".join(ops))

    def rect(self, item: RectItem) -> None:
        if not (item.fill or item.stroke):
            return
        ops = ["q"]
        if item.fill:
            ops.append(self.writer.colour(item.fill, "rg"))
        if item.stroke:
            ops += [self.writer.colour(item.stroke, "RG"), f"{item.stroke_width:.3f} w"]
        paint = "B" if item.fill and item.stroke else ("f" if item.fill else "S")
        ops.append(f"{self._x(item.x):.3f} {self._y(item.y + item.h):.3f} "
                   f"{item.w:.3f} {item.h:.3f} re {paint} Q")
        self.c.addLiteral(" ".join(ops))

    def image(self, item: ImageItem) -> None:
        import io
        from reportlab.lib.utils import ImageReader
        try:                    # ImageReader decodes lazily: drawImage is where it fails
            reader = ImageReader(io.BytesIO(item.data))
            self.c.drawImage(reader, self._x(item.x), self._y(item.y + item.h), item.w,
                             item.h, mask="auto")
        except Exception:       # an unreadable image (a metafile here): leave its box empty
            return

    def link(self, item: LinkItem) -> None:
        x0, y0 = self._x(item.x), self._y(item.y + item.h)
        self.c.linkRect("", f"page{item.target}", (x0, y0, x0 + item.w, y0 + item.h),
                        relative=0, thickness=0)


def _turn(c, page: Page, off: float, painter: PdfPainter) -> None:
    """Draw a landscape page on a portrait sheet, turned so its top faces the binding
    (left) edge — as the printed issue has it (the electronic edition looks the same)."""
    c.saveState()
    c.translate(off + page.height, off)
    c.rotate(90)
    painter.offset = 0.0


def _crop_marks(c, width: float, height: float, off: float) -> None:
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.25)
    x0, y0, x1, y1 = off, off, off + width, off + height
    gap = BLEED
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            c.line(x + sx * gap, y, x + sx * (gap + MARK_LEN), y)
            c.line(x, y + sy * gap, x, y + sy * (gap + MARK_LEN))
    c.restoreState()


def build_date() -> str:
    """The build's date (ISO): the UTC day of ``SOURCE_DATE_EPOCH`` (the reproducible-
    builds convention) when it is set to a number of seconds, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    return date.today().isoformat()


def reproducible() -> bool:
    """True when ``SOURCE_DATE_EPOCH`` asks for byte-identical rebuilds."""
    return os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit()


def creation_time() -> datetime:
    """When the PDF says it was made: ``SOURCE_DATE_EPOCH`` when set, else now (UTC)."""
    if reproducible():
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"].strip()), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def _date_now_unless_reproducible(c) -> None:
    """reportlab's ``invariant`` mode (kept: the file ID then follows the content) dates
    every PDF 2000-01-01 unless SOURCE_DATE_EPOCH is set; the office wants the real date."""
    if not reproducible():
        from reportlab.lib.utils import TimeStamp
        c._doc._timeStamp = TimeStamp(invariant=False)


def slug_text(laid_out: LaidOutIssue, page: Page, date: str) -> str:
    """The page information line printed in the slug (outside the trim) of a bleed PDF."""
    folio = f"页码 {page.folio}" if page.folio is not None else "无页码"
    return f"{laid_out.title}　第 {page.index + 1}/{len(laid_out.pages)} 面　{folio}　{date}"


def _slug(c, text: str, font: str, off: float) -> None:
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, SLUG_SIZE)
    c.drawString(off + 2 * MARK_LEN, off - BLEED - SLUG_SIZE * 1.6, text)
    c.restoreState()


def write_pdf(laid_out: LaidOutIssue, out_path, fontbook, bleed: bool = False,
              progress: Callable[[str], None] | None = None,
              slug_date: str | None = None, archival: bool = False) -> None:
    """Paint ``laid_out`` into a PDF file at ``out_path`` (see the module docstring).

    ``archival``: the placeholder boxes of missing characters carry their characters as
    ``ActualText`` (what ``editor.render.pdfa`` needs for PDF/A-2u).

    ``slug_date`` is the date printed in the slug line of a bleed PDF (default: the
    ``SOURCE_DATE_EPOCH`` day when that is set, for byte-identical rebuilds, else today)."""
    chars = chars_by_face(laid_out)
    chars.pop(MISSING_FACE, None)           # drawn as placeholder boxes, not as text
    # the slug line is set in the 黑体 role's own face (not whichever face sorts first: a
    # fallback face such as Noto JP lacks simplified characters of the issue's name)
    slug_face = fontbook.faces_for_role("hei")[0] if bleed and chars else None
    if slug_face is not None:
        chars.setdefault(slug_face, set())
        slug_date = slug_date or build_date()
        for page in laid_out.pages:
            chars[slug_face].update(slug_text(laid_out, page, slug_date))
    fonts = fontbook.register_reportlab(chars, progress)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    off = MARK_ROOM if bleed else 0.0
    first = laid_out.pages[0] if laid_out.pages else None
    size = (first.width + 2 * off, first.height + 2 * off) if first else (595.28, 841.89)
    # the page preamble names the canvas font: make it one of ours (no Helvetica)
    initial = fonts[sorted(fonts)[0]] if fonts else None
    use_a85, rl_config.useA85 = rl_config.useA85, 0     # binary streams: smaller, faster
    try:
        _paint(laid_out, out_path, fonts, size, initial, bleed, off, slug_face, slug_date,
               archival)
    finally:
        rl_config.useA85 = use_a85


def _paint(laid_out: LaidOutIssue, out_path: Path, fonts: dict[str, str], size, initial,
           bleed: bool, off: float, slug_face, slug_date, archival: bool = False) -> None:
    c = rl_canvas.Canvas(str(out_path), pagesize=size, invariant=1, pageCompression=1,
                         pdfVersion=(1, 6), initialFontName=initial, initialFontSize=12,
                         lang="zh-CN")
    _date_now_unless_reproducible(c)
    c.setTitle(laid_out.title)
    c.setSubject(laid_out.subject)
    c.setCreator(CREATOR)
    c.setProducer(CREATOR)
    c.setAuthor(laid_out.title.split(" ")[0] if laid_out.title else "")
    painter = PdfPainter(c, fonts, off, actual_text=archival)
    painter.writer.prime(char_counts(laid_out))
    targets: set[int] = set()
    marks: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for k, entry in enumerate(laid_out.outline):
        marks[entry.page].append((k, entry.y))
    for page in laid_out.pages:
        for it in page.items:
            if isinstance(it, LinkItem):
                targets.add(it.target)
    for page in laid_out.pages:
        pw, ph = (page.height, page.width) if page.landscape else (page.width, page.height)
        w, h = pw + 2 * off, ph + 2 * off
        c.setPageSize((w, h))
        c.setTrimBox((off, off, off + pw, off + ph))
        if bleed:
            c.setBleedBox((off - BLEED, off - BLEED, off + pw + BLEED, off + ph + BLEED))
        painter.begin_page(page)
        if page.landscape:
            _turn(c, page, off, painter)
        if page.index in targets:
            c.bookmarkPage(f"page{page.index}", fit="XYZ", left=0, top=h, zoom=0)
        for k, y in marks.get(page.index, ()):   # one destination per bookmark
            c.bookmarkPage(f"outline{k}", fit="XYZ", left=0, top=h - y + off if y else h,
                           zoom=0)
        for item in page.items:
            if isinstance(item, LinkItem):
                painter.link(item)
            else:
                painter.draw(extend_to_bleed(item, page.width, page.height, BLEED)
                             if bleed else item)
        if page.landscape:
            c.restoreState()
            painter.offset = off
        if bleed:
            _crop_marks(c, pw, ph, off)
            if slug_face is not None:
                _slug(c, slug_text(laid_out, page, slug_date), fonts[slug_face], off)
        c.showPage()
    for k, entry in enumerate(laid_out.outline):
        c.addOutlineEntry(entry.title, f"outline{k}", level=entry.level, closed=False)
    if laid_out.outline:
        c.showOutline()
    c.save()


def _utf16_hex(text: str) -> str:
    """A PDF text string (UTF-16BE with its byte-order mark) as hex digits."""
    return "FEFF" + text.encode("utf-16-be").hex().upper()


def _circle(x: float, y: float, r: float) -> str:
    """PDF operators filling a circle of radius ``r`` around (x, y) (PDF coordinates)."""
    k = 0.5523 * r
    return (f"{x + r:.3f} {y:.3f} m "
            f"{x + r:.3f} {y + k:.3f} {x + k:.3f} {y + r:.3f} {x:.3f} {y + r:.3f} c "
            f"{x - k:.3f} {y + r:.3f} {x - r:.3f} {y + k:.3f} {x - r:.3f} {y:.3f} c "
            f"{x - r:.3f} {y - k:.3f} {x - k:.3f} {y - r:.3f} {x:.3f} {y - r:.3f} c "
            f"{x + k:.3f} {y - r:.3f} {x + r:.3f} {y - k:.3f} {x + r:.3f} {y:.3f} c f")
