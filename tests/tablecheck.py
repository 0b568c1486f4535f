"""Table checker for tests: laid-out table pages → PDF → cells read back (layer: tests).

``render_pdf(pages, path)`` writes page items with reportlab (every glyph at its own x in
the built-in CID font STSong-Light, borders as line segments), so the check reads a real
PDF.  ``check_table_pdf(path, table)`` reads it with pdfplumber and reports, in Chinese-
free plain English problem strings:

* a character not enclosed by border segments on all four sides, or crossed by one
  (i.e. outside the box of its cell);
* a page whose top row of boxes does not show the header rows' text;
* per column (boxes grouped by their left/right border), the text read top to bottom,
  page after page, differs from the model's cells of that column in row order (repeated
  header boxes removed) — so every cell's text is there, once, in the right column.

``STSongMeasurer`` gives the layout real font widths matching the rendered glyphs.

``tablereport.table_report(path)`` (PyMuPDF) judges the tables of any whole PDF.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict

import pdfplumber
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.items import LineItem, RectItem, TextItem

FONT = "STSong-Light"
TOL = 0.6
# STSong-Light's CMap drops U+00B7 (middle dot): draw it as U+30FB and read it back.
_DRAW = {"\u00b7": "\u30fb"}
_READ = {v: k for k, v in _DRAW.items()}


def _register() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class STSongMeasurer(FixedMeasurer):
    """Measurer with STSong-Light widths (what ``render_pdf`` draws); ascent and descent
    as ``FixedMeasurer``'s."""

    def __init__(self):
        _register()
        self._cache: dict[str, float] = {}

    def advance(self, ch: str, role: str, size: float) -> float:
        w = self._cache.get(ch)
        if w is None:
            w = self._cache[ch] = pdfmetrics.stringWidth(ch, FONT, 1000.0) / 1000.0
        return w * size

    def face_for(self, ch: str, role: str) -> str:
        return FONT


def render_pdf(pages: list[list], path, size: tuple[float, float] = (595.28, 841.89)) -> None:
    """Draw each page's items (top-left origin, y down) into a PDF."""
    _register()
    c = canvas.Canvas(str(path), pagesize=size)
    height = size[1]
    for items in pages:
        for it in items:
            if isinstance(it, RectItem) and it.fill:
                c.setFillColorRGB(*_rgb(it.fill))
                c.rect(it.x, height - it.y - it.h, it.w, it.h, stroke=0, fill=1)
        for it in items:
            if isinstance(it, LineItem):
                c.setLineWidth(it.width)
                c.line(it.x1, height - it.y1, it.x2, height - it.y2)
            elif isinstance(it, TextItem):
                c.setFillColorRGB(0, 0, 0)
                c.setFont(FONT, it.size)
                xs = it.xs or [it.x] * len(it.text)
                for ch, x in zip(it.text, xs):
                    if not ch.isspace():
                        c.drawString(x, height - it.y, _DRAW.get(ch, ch))
        c.showPage()
    c.save()


def _rgb(hexcolour: str) -> tuple[float, float, float]:
    return tuple(int(hexcolour[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _segments(page):
    vs, hs = [], []
    for ln in page.lines:
        if abs(ln["x0"] - ln["x1"]) < TOL:
            vs.append((ln["x0"], ln["top"], ln["bottom"]))
        elif abs(ln["top"] - ln["bottom"]) < TOL:
            hs.append((ln["top"], ln["x0"], ln["x1"]))
    return vs, hs


def _ink(ch) -> tuple[float, float]:
    """The horizontal extent of a character's ink: full-width punctuation is drawn in one
    half of its em (GB fonts), which the typesetter may compress away."""
    x0, x1, t = ch["x0"], ch["x1"], ch["text"]
    if not ("\u3000" <= t <= "\u303f" or "\uff00" <= t <= "\uffef" or "\u2018" <= t <= "\u201f"):
        return x0, x1
    cat = unicodedata.category(t)
    half = (x1 - x0) / 2
    if cat in ("Ps", "Pi"):
        return x0 + half, x1
    if cat.startswith("P"):
        return x0, x0 + half
    return x0, x1


def _box(ch, vs, hs):
    """The (left, right, top, bottom) of the border box enclosing ``ch``, or None."""
    x0, x1 = _ink(ch)
    ch = dict(ch, x0=x0, x1=x1)
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    for x, t, b in vs:
        if t - TOL <= cy <= b + TOL and ch["x0"] + TOL < x < ch["x1"] - TOL:
            return None
    for y, l, r in hs:
        if l - TOL <= cx <= r + TOL and ch["top"] + TOL < y < ch["bottom"] - TOL:
            return None
    left = max((x for x, t, b in vs if t - TOL <= cy <= b + TOL and x <= ch["x0"] + TOL),
               default=None)
    right = min((x for x, t, b in vs if t - TOL <= cy <= b + TOL and x >= ch["x1"] - TOL),
                default=None)
    top = max((y for y, l, r in hs if l - TOL <= cx <= r + TOL and y <= ch["top"] + TOL),
              default=None)
    bottom = min((y for y, l, r in hs if l - TOL <= cx <= r + TOL and y >= ch["bottom"] - TOL),
                 default=None)
    if None in (left, right, top, bottom):
        return None
    return (round(left, 1), round(right, 1), round(top, 1), round(bottom, 1))


def _clean(text: str) -> str:
    return "".join(_READ.get(ch, ch) for ch in text if not ch.isspace())


def read_boxes(path) -> tuple[list[dict], list[str]]:
    """Per page: {box: text in reading order}; and the characters outside every box."""
    pages, outside = [], []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            vs, hs = _segments(page)
            boxes: dict = defaultdict(list)
            lost = []
            for ch in page.chars:
                if ch["text"].isspace():
                    continue
                b = _box(ch, vs, hs)
                if b is None:
                    lost.append(ch["text"])
                else:
                    boxes[b].append(ch)
            pages.append({b: "".join(c["text"] for c in sorted(
                chs, key=lambda c: (round(c["top"]), c["x0"]))) for b, chs in boxes.items()})
            outside.append("".join(lost))
    return pages, outside


def check_table_pdf(path, table: model.Table, caption: str = "续表",
                    repeat_merged: bool = False) -> list[str]:
    """Problems found in the PDF of ``table`` (empty list = all good)."""
    pages, outside = read_boxes(path)
    problems = []
    n_head = table.header_rows if table.header_rows < len(table.rows) else 0
    head_cells = [c for r in table.rows[:n_head] for c in r.cells]
    head_text = {_clean(c.text) for c in head_cells if _clean(c.text)}
    columns: dict = defaultdict(list)
    for k, (boxes, lost) in enumerate(zip(pages, outside)):
        if lost and lost != caption:
            problems.append(f"page {k + 1}: characters outside any cell: {lost[:40]!r}")
        if not boxes:
            problems.append(f"page {k + 1}: no table cells")
            continue
        top = min(b[2] for b in boxes)
        top_texts = {t for b, t in boxes.items() if abs(b[2] - top) < 1.0}
        if n_head and not head_text <= top_texts:
            problems.append(f"page {k + 1}: header missing at the top ({sorted(head_text - top_texts)})")
        for b in sorted(boxes, key=lambda b: (b[2], b[0])):
            if k > 0 and abs(b[2] - top) < 1.0 and boxes[b] in head_text:
                continue                   # a repeated header
            columns[(b[0], b[1])].append(boxes[b])
    if problems or repeat_merged:
        return problems
    return problems + _compare_columns(table, columns)


def _compare_columns(table: model.Table, columns: dict) -> list[str]:
    """Column streams read from the PDF against the model's cells, in row order."""
    order = sorted(columns)
    keys = sorted({(c.col, c.col_span) for r in table.rows for c in r.cells})
    if len(order) != len(keys):
        return [f"{len(order)} column positions in the PDF, {len(keys)} in the model"]
    problems = []
    for (lr, key) in zip(order, keys):
        want = "".join(_clean(c.text) for r in table.rows for c in r.cells
                       if (c.col, c.col_span) == key)
        got = "".join(columns[lr])
        if want != got:
            i = next((j for j, (a, b) in enumerate(zip(want, got)) if a != b),
                     min(len(want), len(got)))
            problems.append(f"column {key}: text differs at {i}: model {want[i:i + 20]!r}, "
                            f"PDF {got[i:i + 20]!r}")
    return problems


def all_text(path) -> str:
    """Every character of the PDF (no spaces), page after page."""
    with pdfplumber.open(str(path)) as pdf:
        return "".join(_clean("".join(c["text"] for c in p.chars)) for p in pdf.pages)
