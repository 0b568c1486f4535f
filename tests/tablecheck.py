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
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict

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


# -- whole-PDF table checks (PyMuPDF): any gazette PDF, portrait or turned pages ------------
#
# ``table_report(path)`` reads every page with PyMuPDF in its reading frame (a landscape
# page drawn turned on a portrait sheet is turned back by its text direction), finds the
# boxes that ruled lines enclose and counts what a print shop sends back:
#
# * ``row_fragments``: a row split over two pages leaving one text line on one side;
# * ``short_row_splits``: a row of ``min_split_lines`` lines or fewer split at all;
# * ``stub_rows``: a table page (continued from or onto another) whose body holds one line;
# * ``latin_spaces``: a run of Latin letters, digits and signs in a cell with a gap inside
#   wider than ``0.15`` em (``https : //``, ``BHFW - JSKZ``);
# * ``letter_spaced``: a cell line of two or more Han characters spread more than ¼ em apart;
# * ``missing_labels``: an empty merged box (taller than the first row) at the top of a
#   continued table body — a group label not repeated;
# * ``title_separated`` / ``note_separated``: a table's title as the last line of the page
#   before the table, or its ``注：`` note first on the page after it.
#
# A row continues on the next page when a column that has text in the last row of a page
# is empty in the first body row below the repeated header of the next page, and so is
# that row's first box (a number or name column, filled when a row starts).

import re as _re
import statistics as _stats
from dataclasses import dataclass as _dataclass, field as _field

_FOLIO = _re.compile(r"^[—－\-–]\s*\d+\s*[—－\-–]$")
_TITLE_END = ("表", "清单", "一览表", "目录", "汇总表", "明细表", "统计表")


@_dataclass
class Glyph:
    c: str
    u0: float
    u1: float
    v: float               # baseline, reading frame (y down)
    size: float


@_dataclass
class Box:
    left: float
    right: float
    top: float
    bottom: float
    glyphs: list = _field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.c for g in sorted(self.glyphs, key=lambda g: (round(g.v), g.u0))
                       if not g.c.isspace())

    def lines(self) -> list[list[Glyph]]:
        return _group_lines(self.glyphs)


@_dataclass
class TPage:
    index: int
    height: float
    boxes: list
    outside: list           # lines (lists of glyphs) outside every box, folios removed

    def col(self, b: Box) -> tuple[int, int]:
        """A box's column, relative to the left edge of the page's boxes (so mirrored
        margins do not matter)."""
        x0 = min(x.left for x in self.boxes)
        return round(b.left - x0), round(b.right - x0)


def _group_lines(glyphs: list) -> list[list[Glyph]]:
    out: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.v, g.u0)):
        if out and abs(out[-1][0].v - g.v) <= 1.0:
            out[-1].append(g)
        else:
            out.append([g])
    for ln in out:
        ln.sort(key=lambda g: g.u0)
    return [ln for ln in out if any(not g.c.isspace() for g in ln)]


def _frame(direction) -> tuple:
    """(u, v) of a page point for text running in ``direction`` (v grows down the text)."""
    dx, dy = round(direction[0]), round(direction[1])
    return lambda x, y: (x * dx + y * dy, -x * dy + y * dx) if (dx, dy) != (0, 0) else (x, y)


def _read_page(page, index: int) -> TPage:
    raw = page.get_text("rawdict")
    dirs: Counter = Counter()
    chars = []
    for b in raw["blocks"]:
        for ln in b.get("lines", []):
            for sp in ln["spans"]:
                for ch in sp["chars"]:
                    if ch.get("synthetic"):         # a space PyMuPDF made up for a gap
                        continue
                    chars.append((ln["dir"], sp["size"], ch))
                    dirs[(round(ln["dir"][0]), round(ln["dir"][1]))] += 1
    d = dirs.most_common(1)[0][0] if dirs else (1, 0)
    tf = _frame(d)
    glyphs = []
    for ldir, size, ch in chars:
        if (round(ldir[0]), round(ldir[1])) != d:
            continue
        x0, y0, x1, y1 = ch["bbox"]
        (a, _), (b, _) = tf(x0, y0), tf(x1, y1)
        u0, v = tf(*ch["origin"])
        adv = abs(b - a) if d[0] else abs((y1 - y0))
        glyphs.append(Glyph(ch["c"], u0, u0 + adv, v, size))
    corners = [tf(page.rect.x0, page.rect.y0), tf(page.rect.x1, page.rect.y1)]
    v_top = min(c[1] for c in corners)
    height = abs(corners[0][1] - corners[1][1])
    vs, hs = [], []
    for dr in page.get_drawings():
        if dr.get("type") == "f":
            continue
        for it in dr["items"]:
            if it[0] != "l":
                continue
            (ua, va), (ub, vb) = tf(it[1].x, it[1].y), tf(it[2].x, it[2].y)
            if abs(ua - ub) < TOL and abs(va - vb) > 2:
                vs.append((ua, min(va, vb), max(va, vb)))
            elif abs(va - vb) < TOL and abs(ua - ub) > 2:
                hs.append((va, min(ua, ub), max(ua, ub)))
    for g in glyphs:
        g.v -= v_top
    vs = [(x, t - v_top, b - v_top) for x, t, b in vs]
    hs = [(y - v_top, l, r) for y, l, r in hs]
    hs = [h for h in hs if _ruled(h, vs)]          # not an underline or a rule in text
    boxes: dict = {k: Box(*k) for k in _probe_boxes(vs, hs)}
    loose = []
    for g in glyphs:
        key = _glyph_box(g, vs, hs)       # spaces too: a word space is no inserted gap
        if key is None:
            loose.append(g)
        else:
            boxes.setdefault(key, Box(*key)).glyphs.append(g)
    outside = [ln for ln in _group_lines(loose)
               if not _FOLIO.match("".join(g.c for g in ln))]
    return TPage(index, height, list(boxes.values()), outside)


def _ruled(h, vs) -> bool:
    """Does horizontal segment ``h`` meet a vertical rule at each end (a table rule)?"""
    y, left, right = h
    return all(any(abs(x - end) < 1.0 and t - 1.0 <= y <= b + 1.0 for x, t, b in vs)
               for end in (left, right))


def _probe_boxes(vs, hs) -> set:
    """Every box the ruled lines enclose (empty ones too): probed just below each
    horizontal rule in the middle of each pair of neighbouring vertical rules."""
    xs = sorted({round(x, 1) for x, _, _ in vs})
    ys = sorted({round(y, 1) for y, _, _ in hs})
    out = set()
    for a, b in zip(xs, xs[1:]):
        if b - a < 2:
            continue
        for y in ys:
            key = _point_box((a + b) / 2, y + 1.0, vs, hs)
            if key is not None:
                out.add(key)
    return out


def _glyph_box(g: Glyph, vs, hs):
    return _point_box((g.u0 + g.u1) / 2, g.v - 0.3 * g.size, vs, hs)


def _point_box(cu: float, cv: float, vs, hs):
    left = max((x for x, t, b in vs if t - TOL <= cv <= b + TOL and x <= cu), default=None)
    right = min((x for x, t, b in vs if t - TOL <= cv <= b + TOL and x >= cu), default=None)
    top = max((y for y, l, r in hs if l - TOL <= cu <= r + TOL and y <= cv), default=None)
    bottom = min((y for y, l, r in hs if l - TOL <= cu <= r + TOL and y >= cv), default=None)
    if None in (left, right, top, bottom):
        return None
    return (round(left, 1), round(right, 1), round(top, 1), round(bottom, 1))


def read_table_pages(path) -> list[TPage]:
    """Every page of the PDF at ``path`` as boxes and loose lines, in its reading frame."""
    import pymupdf
    with pymupdf.open(str(path)) as doc:
        return [_read_page(p, i) for i, p in enumerate(doc)]


def _rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped by their top edge, top to bottom."""
    out: dict = {}
    for b in boxes:
        out.setdefault(round(b.top), []).append(b)
    return [out[k] for k in sorted(out)]


def _body(page: TPage, prev: TPage | None) -> list[Box]:
    """The boxes of ``page`` below a header repeated from ``prev``'s top rows."""
    boxes = list(page.boxes)
    if prev is None or not prev.boxes:
        return boxes
    for want, have in zip(_rows(prev.boxes), _rows(boxes)):
        sig = {(*prev.col(b), b.text) for b in want}
        if {(*page.col(b), b.text) for b in have} != sig:
            break
        boxes = [b for b in boxes if b not in have]
    return boxes


def _n_lines(boxes: list[Box]) -> int:
    return max((len(b.lines()) for b in boxes), default=0)


def _last_row(boxes: list[Box]) -> list[Box]:
    bottom = max(b.bottom for b in boxes)
    at = [b for b in boxes if abs(b.bottom - bottom) < 1]
    top = max(b.top for b in at)
    return [b for b in at if abs(b.top - top) < 1]


def _first_row(boxes: list[Box]) -> list[Box]:
    top = min(b.top for b in boxes)
    at = [b for b in boxes if abs(b.top - top) < 1]
    bottom = min(b.bottom for b in at)
    return [b for b in at if abs(b.bottom - bottom) < 1]


def _continues(page: TPage, prev: TPage | None) -> bool:
    """``page`` begins with the continuation of a table ending ``prev``."""
    if prev is None or not prev.boxes or not page.boxes:
        return False
    top = min(b.top for b in page.boxes)
    above = [ln for ln in page.outside if ln[0].v < top and _text(ln) != "续表"
             and ln[0].v > 0.1 * page.height]
    bottom = max(b.bottom for b in prev.boxes)
    below = [ln for ln in prev.outside if ln[0].v > bottom and ln[0].v < 0.9 * prev.height]
    cols = {prev.col(b) for b in prev.boxes}
    return not above and not below and bool(cols & {page.col(b) for b in page.boxes})


def _text(line: list[Glyph]) -> str:
    return "".join(g.c for g in line if not g.c.isspace())


def table_report(path, min_split_lines: int = 4, details: list | None = None) -> dict:
    """Counts of table faults in the PDF at ``path`` (see the comment above)."""
    pages = read_table_pages(path)
    counts = dict.fromkeys(("row_fragments", "short_row_splits", "stub_rows", "latin_spaces",
                            "letter_spaced", "missing_labels", "title_separated",
                            "note_separated"), 0)

    def hit(kind: str, k: int, what: str) -> None:
        counts[kind] += 1
        if details is not None:
            details.append((kind, k + 1, what))

    for k, page in enumerate(pages):
        prev = pages[k - 1] if k else None
        nxt = pages[k + 1] if k + 1 < len(pages) else None
        for box in page.boxes:
            for ln in box.lines():
                _check_cell_line(ln, lambda kind, w: hit(kind, k, w))
        if not page.boxes:
            continue
        cont = _continues(page, prev)
        body = _body(page, prev) if cont else page.boxes
        if cont and body:
            first = _first_row(body)
            last = _last_row(prev.boxes)
            _check_split(first, last, page, prev, min_split_lines,
                         lambda kind, w: hit(kind, k, w))
            tall = [b for b in body if abs(b.top - first[0].top) < 1
                    and b.bottom > first[0].bottom + 1 and not b.text]
            for b in tall:
                hit("missing_labels", k, f"empty merged box at u={b.left:.0f}")
        onward = nxt is not None and _continues(nxt, page)
        if (cont or onward) and sum(max(_n_lines(r), 1) for r in _rows(body)) <= 1:
            hit("stub_rows", k, " ".join(b.text for b in body)[:40])
        if not cont and prev is not None and prev.outside:
            top = min(b.top for b in page.boxes)
            if not [ln for ln in page.outside if 0.1 * page.height < ln[0].v < top]:
                last_line = max(prev.outside, key=lambda ln: ln[0].v)
                if _title_like(last_line) and last_line[0].v < 0.9 * prev.height:
                    hit("title_separated", k - 1, _text(last_line))
        if nxt is not None and nxt.outside and not onward:
            bottom = max(b.bottom for b in page.boxes)
            if not [ln for ln in page.outside if bottom < ln[0].v < 0.9 * page.height]:
                body_lines = [ln for ln in nxt.outside if ln[0].v > 0.1 * nxt.height]
                first_line = min(body_lines, key=lambda ln: ln[0].v) if body_lines else None
                if first_line and _re.match(r"^注[：:]", _text(first_line)):
                    hit("note_separated", k + 1, _text(first_line)[:30])
    return counts


def _title_like(line: list[Glyph]) -> bool:
    t = _text(line)
    return bool(t) and len(t) <= 40 and (bool(_re.match(r"^(附?表\s*\d*)", t))
                                         or t.endswith(_TITLE_END))


def _check_split(first: list[Box], last: list[Box], page: TPage, prev: TPage,
                 min_lines: int, hit) -> None:
    """Is ``first`` (top body row of a page) the rest of ``last`` (the page before's
    bottom row)?  Then count a one-line fragment or a short row split."""
    cols = {page.col(b): b for b in first}
    lead = min(first, key=lambda b: b.left)
    split = not lead.text and any(b.text and prev.col(b) in cols and not cols[prev.col(b)].text
                                  for b in last)
    if not split or not any(b.text for b in first):
        return
    a, b = _n_lines(last), _n_lines(first)
    what = f"{''.join(x.text for x in last)[-12:]}|{''.join(x.text for x in first)[:12]}"
    if min(a, b) < 2:
        hit("row_fragments", f"{a}+{b} lines: {what}")
    if a + b <= min_lines:
        hit("short_row_splits", f"{a}+{b} lines: {what}")


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _check_cell_line(line: list[Glyph], hit) -> None:
    han_gaps = []
    run_spread = False
    for a, b in zip(line, line[1:]):
        gap = b.u0 - a.u1
        if _is_han(a.c) and _is_han(b.c):
            han_gaps.append(gap / a.size)
        latin = a.c.isascii() and b.c.isascii() and not a.c.isspace() and not b.c.isspace()
        if latin and gap > 0.15 * a.size:
            run_spread = True
        elif not latin and run_spread:
            hit("latin_spaces", _text(line)[:40])
            run_spread = False
    if run_spread:
        hit("latin_spaces", _text(line)[:40])
    if han_gaps and _stats.median(han_gaps) > 0.25:
        hit("letter_spaced", _text(line)[:20])
