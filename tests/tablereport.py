"""Table faults of any PDF, read with PyMuPDF (layer: tests).

``table_report(path)`` reads every page in its reading frame (a landscape page drawn
turned on a portrait sheet is turned back by its text direction), finds the boxes that
ruled lines enclose (underlines are not rules) and counts what a print shop sends back:

* ``row_fragments``: a row split over two pages leaving one text line on one side;
* ``short_row_splits``: a row of ``min_split_lines`` lines or fewer split at all;
* ``stub_rows``: a table page (continued from or onto another) whose body holds one line;
* ``latin_spaces``: a run of Latin letters, digits and signs in a cell with a gap inside
  wider than 0.15 em (``https : //``, ``BHFW - JSKZ``); real spaces are no gaps;
* ``letter_spaced``: a cell line of two or more Han characters spread more than ¼ em apart;
* ``missing_labels``: an empty merged box (taller than the first row) at the top of a
  continued table body — a group label not repeated;
* ``title_separated`` / ``note_separated``: a table's title as the last line of the page
  before the table, or its ``注：`` note first on the page after it.

A row continues on the next page when a column that has text in the last row of a page
is empty in the first body row below the repeated header of the next page, and so is
that row's first box (a number or name column, filled when a row starts).

From a shell: ``python tests/tablereport.py FILE.pdf …`` prints the faults and counts.
"""
from __future__ import annotations

import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field

TOL = 0.6

_FOLIO = re.compile(r"^[—－\-–]\s*\d+\s*[—－\-–]$")
_TITLE_END = ("表", "清单", "一览表", "目录", "汇总表", "明细表", "统计表")


@dataclass
class Glyph:
    c: str
    u0: float
    u1: float
    v: float               # baseline, reading frame (y down)
    size: float


@dataclass
class Box:
    left: float
    right: float
    top: float
    bottom: float
    glyphs: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.c for g in sorted(self.glyphs, key=lambda g: (round(g.v), g.u0))
                       if not g.c.isspace())

    def lines(self) -> list[list[Glyph]]:
        return _group_lines(self.glyphs)


@dataclass
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
                if first_line and re.match(r"^注[：:]", _text(first_line)):
                    hit("note_separated", k + 1, _text(first_line)[:30])
    return counts


def _title_like(line: list[Glyph]) -> bool:
    t = _text(line)
    return bool(t) and len(t) <= 40 and (bool(re.match(r"^(附?表\s*\d*)", t))
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
    if han_gaps and statistics.median(han_gaps) > 0.25:
        hit("letter_spaced", _text(line)[:20])


def main(argv: list[str]) -> int:
    """``python tests/tablereport.py FILE.pdf …``: each file's table faults, then counts."""
    for path in argv[1:]:
        details: list = []
        counts = table_report(path, details=details)
        for kind, page, what in details:
            print(f"{path} p{page} {kind:16} {what}")
        print(path, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
