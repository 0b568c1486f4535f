"""PDF line checker for tests: finished PDF → lines → typesetting violations (layer: tests).

Reads character positions with pdfplumber, groups them into lines and counts what a
reader of a gazette notices first (TYPOGRAPHY.md):

- ``not_start``: a line starting with a NOT_START character (a ``——`` pair may start one);
- ``not_end``: a line ending with a NOT_END character;
- ``split_pairs``: a ``——`` or ``……`` pair torn across two consecutive lines;
- ``short``: a *continuing* line of a justified paragraph ending more than ``tol`` points
  short of the text box's right edge.

Lines.  Characters are grouped per page by baseline (the text matrix's y, within
``y_tol``), sorted by x, and split into segments where the gap between two characters
exceeds 1.5 em (table rows, distributed lines); each segment is a ``Line``.  Rotated
characters are ignored, and so are folios such as "— 3 —".

Continuing-line heuristic (the PDF does not say where a paragraph ends).  Within one text
box on one page, line L is *continuing* when the next line N below it:
  1. has the same font size as L (median character size, within 0.5 pt);
  2. follows at a normal line pitch (baseline step ≤ 2.2 × that size);
  3. starts where a continuation of L's paragraph starts: N.x0 is within 1 pt of L.x0
     and both are flush with the box's left edge (L a middle line), or L.x0 − N.x0 is
     between 0.9 and 4.2 em (L a first line indented 1–4 字).  Two lines that both start
     indented at the same x are taken as two one-line paragraphs (so the middle lines of
     a paragraph with a left indent are not checked);
  4. L is the only segment on its baseline (not a table row) and starts within 4.2 em of
     the box's left edge, and L is not centred (equal margins within 1 pt).
A continuing L is *short* when box.x1 − L.x1 is more than ``tol`` and less than 3 em (a
gap larger than 3 em is not a ragged justified line but a different construct, e.g. a
cell or a left-aligned list).  Lines inside table cells (vertical rules cross their
baseline on both sides) are not checked for shortness.  Paragraphs continuing across a
page are not checked.

Glyph positions.  pdfminer adds the character spacing Tc only *between* the glyphs of one
string, while the PDF specification adds it after every glyph; the PDF painter draws a
justified line as several strings (one per font subset) with one Tc, so pdfplumber's
stock positions drift by Tc at each string boundary.  ``pdf_lines`` reads with a
spec-conforming horizontal string renderer (``spec_char_spacing``).

Page-level checks (``layout_report``): text/picture overlaps, headings stranded at a page
foot, one-line orphans and widows, characters per full line on grid pages, and the
share of mid-line ，、；： set full width (全身式).  ``page_text_dump`` writes laid-out
pages as text for the golden files (tests/golden/).

From a shell: ``python tests/pdfcheck.py issue.pdf [x0 x1]`` prints every violation and
the counts (text box found per page by ``auto_box`` unless given).
"""
from __future__ import annotations

import contextlib
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdevice import PDFTextDevice

if __name__ == "__main__":                      # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.layout.linebreak import DASHES, ELLIPSES, NOT_END, NOT_START  # noqa: E402

FOLIO = re.compile(r"^[—－\-–]\s*\d+\s*[—－\-–]$")


@dataclass
class Line:
    page: int
    text: str
    x0: float
    x1: float
    baseline: float            # from the top of the page
    size: float
    chars: list = field(default_factory=list, repr=False)


def _baseline(ch: dict, height: float) -> float:
    return height - ch["matrix"][5]


def page_lines(page, page_index: int = 0, y_tol: float = 1.0) -> list[Line]:
    """The lines (segments) of one pdfplumber page, top to bottom, left to right."""
    chars = [c for c in page.chars if c.get("upright", True) and c["text"].strip()]
    chars.sort(key=lambda c: (_baseline(c, page.height), c["x0"]))
    rows: list[list[dict]] = []
    for c in chars:
        b = _baseline(c, page.height)
        if rows and abs(_baseline(rows[-1][0], page.height) - b) <= y_tol:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        for seg in _segments(row):
            lines.append(_line(seg, page_index, page.height))
    return lines


def _segments(row: list[dict]) -> list[list[dict]]:
    segs = [[row[0]]]
    for c in row[1:]:
        prev = segs[-1][-1]
        if c["x0"] - prev["x1"] > 1.5 * max(c["size"], prev["size"]):
            segs.append([c])
        else:
            segs[-1].append(c)
    return segs


def _line(seg: list[dict], page_index: int, height: float) -> Line:
    return Line(page=page_index, text="".join(c["text"] for c in seg),
                x0=seg[0]["x0"], x1=max(c["x1"] for c in seg),
                baseline=statistics.median(_baseline(c, height) for c in seg),
                size=statistics.median(c["size"] for c in seg), chars=seg)


def _string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace,
                       wordspace, rise, dxscale, ncs, graphicstate):
    """Glyph positions of one horizontal text string, as PDF 32000-1 §9.4.4 states:
    the character spacing Tc follows *every* glyph, the last of a string included.
    (pdfminer adds it only between glyphs of one string, so text drawn as several
    strings with a non-zero Tc, as the PDF painter does at font-subset switches,
    drifts left by Tc at every string boundary.)"""
    x, y = pos
    for obj in seq:
        if isinstance(obj, (int, float)):
            x -= obj * dxscale
            continue
        for cid in font.decode(obj):
            x += self.render_char(_translated(matrix, x, y), font, fontsize, scaling,
                                  rise, cid, ncs, graphicstate)
            x += charspace
            if cid == 32 and wordspace:
                x += wordspace
    return x, y


def _translated(m, x: float, y: float):
    a, b, c, d, e, f = m
    return a, b, c, d, x * a + y * c + e, x * b + y * d + f


@contextlib.contextmanager
def spec_char_spacing():
    """Within the block, pdfplumber places glyphs with Tc applied after every glyph."""
    original = PDFTextDevice.render_string_horizontal
    PDFTextDevice.render_string_horizontal = _string_horizontal
    try:
        yield
    finally:
        PDFTextDevice.render_string_horizontal = original


def pdf_lines(pdf_path, y_tol: float = 1.0) -> list[list[Line]]:
    """Lines of every page of a PDF file."""
    return [lines for lines, _ in pdf_pages(pdf_path, y_tol)]


def pdf_pages(pdf_path, y_tol: float = 1.0) -> list[tuple[list[Line], list[tuple]]]:
    """(lines, vertical rules) of every page; a rule is ``(x, top, bottom)``."""
    with spec_char_spacing(), pdfplumber.open(str(pdf_path)) as pdf:
        return [(page_lines(p, i, y_tol), vertical_rules(p)) for i, p in enumerate(pdf.pages)]


def vertical_rules(page) -> list[tuple[float, float, float]]:
    """Vertical strokes and rectangle sides of a page (table borders)."""
    return [(e["x0"], e["top"], e["bottom"]) for e in page.edges
            if e.get("orientation") == "v" and e["bottom"] - e["top"] > 2]


def in_table(line: Line, rules) -> bool:
    """True when vertical rules cross the line's baseline on both its sides: the line
    is inside a table cell, whose measure is not the text box's."""
    crossing = [x for x, top, bottom in rules if top - 1 <= line.baseline <= bottom + 1]
    return (any(x <= line.x0 + 1 for x in crossing)
            and any(x >= line.x1 - 1 for x in crossing))


def auto_box(lines: list[Line]) -> tuple[float, float] | None:
    """Guess a page's text box from its lines: the leftmost left edge shared by two lines
    or more (first-line indents are to its right) and the most common right edge
    (justified lines end there), to 0.5 pt; None with fewer than 3 lines."""
    if len(lines) < 3:
        return None
    lefts = Counter(round(ln.x0 * 2) / 2 for ln in lines)
    rights = Counter(round(ln.x1 * 2) / 2 for ln in lines)
    shared = [x for x, n in lefts.items() if n >= 2] or list(lefts)
    return min(shared), rights.most_common(1)[0][0]


def _box_for(text_box, page_index: int, lines: list[Line]):
    if text_box == "auto":
        box = auto_box(lines)
    else:
        box = text_box(page_index) if callable(text_box) else text_box
    if box is None:
        return None
    if len(box) == 2:
        return (box[0], float("-inf"), box[1], float("inf"))
    return tuple(box)


def _inside(line: Line, box) -> bool:
    x0, top, x1, bottom = box
    em = line.size
    return (line.x0 >= x0 - 1.5 * em and line.x1 <= x1 + 1.5 * em
            and top - 1 <= line.baseline <= bottom + em)


def count_violations(pdf_path, text_box, tol: float = 0.5,
                     details: list | None = None) -> dict[str, int]:
    """Count typesetting violations in a PDF.

    ``text_box``: ``(x0, x1)`` or ``(x0, top, x1, bottom)`` in page coordinates (points,
    origin top-left), the same for every page, or a function ``page_index -> box | None``
    (None skips the page), or ``"auto"`` (``auto_box`` per page: mirrored margins and
    landscape pages need no configuration; running heads and folios outside the body's
    columns are still checked against it, so prefer a 4-tuple when you know the box).  Only lines inside the box are checked.  When ``details`` is a
    list, ``(kind, Line)`` tuples are appended to it.
    """
    counts = {"lines": 0, "not_start": 0, "not_end": 0, "split_pairs": 0, "short": 0}
    for page, rules in pdf_pages(pdf_path):
        if not page:
            continue
        box = _box_for(text_box, page[0].page, page)
        if box is None:
            continue
        lines = [ln for ln in page if _inside(ln, box) and not FOLIO.match(ln.text)]
        _count_page(lines, box, tol, counts, details, rules)
    return counts


def _count_page(lines: list[Line], box, tol: float, counts: dict, details,
                rules=()) -> None:
    per_baseline: dict[float, int] = {}
    for ln in lines:
        key = round(ln.baseline, 1)
        per_baseline[key] = per_baseline.get(key, 0) + 1

    def hit(kind: str, ln: Line) -> None:
        counts[kind] += 1
        if details is not None:
            details.append((kind, ln))

    for i, ln in enumerate(lines):
        counts["lines"] += 1
        if ln.text[0] in NOT_START and not _pair_start(ln.text):
            hit("not_start", ln)
        if ln.text[-1] in NOT_END:
            hit("not_end", ln)
        nxt = _next_below(lines, i)
        if nxt is None:
            continue
        if split_pair(ln.text, nxt.text):
            hit("split_pairs", ln)
        alone = per_baseline[round(ln.baseline, 1)] == 1
        if alone and not in_table(ln, rules) and _continues(ln, nxt, box) \
                and tol < box[2] - ln.x1 < 3 * ln.size and not _coloured(ln):
            hit("short", ln)


def _coloured(ln: Line) -> bool:
    """Set in colour (the red 版头: a joint head's names stop short of the box where 文件
    stands beside them); a justified text paragraph is black."""
    colours = [c.get("non_stroking_color") for c in ln.chars]
    if not colours or any(not isinstance(v, (tuple, list)) for v in colours):
        return False
    return all((len(v) == 3 and max(v) - min(v) > 0.2) or (len(v) == 4 and max(v[:3]) > 0.2)
               for v in colours)


def _pair_start(text: str) -> bool:
    return text[0] == "⸺" or (len(text) > 1 and text[0] in DASHES and text[1] in DASHES)


def split_pair(a: str, b: str) -> bool:
    """True when line ``a`` ends and line ``b`` starts inside a ``——`` or ``……`` pair
    (a run of dashes may break between whole pairs; U+2E3A counts as a pair)."""
    if a[-1] in ELLIPSES and b[0] in ELLIPSES:
        return True
    if a[-1] in DASHES and b[0] in DASHES:
        run = len(a) - len(a.rstrip("".join(DASHES)))
        run += a[len(a) - run:].count("⸺")
        return run % 2 == 1
    return False


def _next_below(lines: list[Line], i: int) -> Line | None:
    """The next line in reading order on a lower baseline."""
    for ln in lines[i + 1:]:
        if ln.baseline > lines[i].baseline + 1:
            return ln
    return None


def _continues(ln: Line, nxt: Line, box) -> bool:
    em = ln.size
    if abs(nxt.size - ln.size) > 0.5 or nxt.baseline - ln.baseline > 2.2 * em:
        return False
    if ln.x0 - box[0] > 4.2 * em:
        return False
    if abs((ln.x0 - box[0]) - (box[2] - ln.x1)) <= 1.0:
        return False                              # centred
    d = ln.x0 - nxt.x0
    if abs(d) <= 1.0:
        return ln.x0 - box[0] < 0.9 * em          # else: two one-line indented paragraphs
    return 0.9 * em <= d <= 4.2 * em


# --- page-level checks: overlaps, stranded headings, 孤行, the grid, 全身式 marks --------

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
                     r"|[0-9０-９]+[.．](?![0-9])|（[0-9０-９]+）|第[一二三四五六七八九十]+[章节条]"
                     r"|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}(?=[^0-9.]))")
MID_MARKS = set("，、；：")
_PUNCT_NEAR = NOT_START | NOT_END


@dataclass
class PageView:
    """One page as the page-level checks see it: its flow lines (inside the text box,
    no folio, no running head, not inside a ruled table), its table lines, pictures
    ``(x0, top, x1, bottom)`` and every upright character."""
    index: int
    box: tuple
    flow: list
    table: list
    images: list
    chars: list
    body_size: float
    numbered: bool = False


def page_views(pdf_path, text_box="auto") -> list[PageView]:
    """The pages of a PDF for ``layout_report`` (``text_box`` as in ``count_violations``)."""
    out = []
    with spec_char_spacing(), pdfplumber.open(str(pdf_path)) as pdf:
        for i, page in enumerate(pdf.pages):
            lines = page_lines(page, i)
            rules = vertical_rules(page)
            images = [(im["x0"], im["top"], im["x1"], im["bottom"]) for im in page.images]
            chars = [c for c in page.chars if c.get("upright", True) and c["text"].strip()]
            box = _box_for(text_box, i, lines) if lines else None
            if box is None:
                out.append(PageView(i, None, [], [], images, chars, 0.0))
                continue
            inside = [ln for ln in lines if _inside(ln, box) and not FOLIO.match(ln.text)]
            # the body size from the text outside ruled tables (a page of 五号 table text
            # with a few 三号 lines is still a page of 三号 body text)
            size = _body_size([ln for ln in inside if not in_table(ln, rules)] or inside)
            inside = _without_running_head(inside, size)
            flow = [ln for ln in inside if ln.size >= 0.8 * size and not in_table(ln, rules)]
            table = [ln for ln in inside if in_table(ln, rules)]
            numbered = any(FOLIO.match(ln.text) for ln in lines)
            out.append(PageView(i, box, flow, table, images, chars, size, numbered))
    return out


def _without_running_head(lines: list[Line], size: float) -> list[Line]:
    """``lines`` less a running head: a top line smaller than the body text standing
    well above the next line (an auto box has no top to cut it off)."""
    if len(lines) < 2:
        return lines
    top = min(lines, key=lambda ln: ln.baseline)
    below = [ln.baseline for ln in lines if ln.baseline > top.baseline + 1]
    if below and top.size < size - 1 and min(below) - top.baseline > 2 * top.size:
        return [ln for ln in lines if abs(ln.baseline - top.baseline) > 1]
    return lines


def _body_size(lines: list[Line]) -> float:
    sizes = Counter()
    for ln in lines:
        sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _font(ln: Line) -> str:
    return Counter(c.get("fontname", "").split("+")[-1] for c in ln.chars).most_common(1)[0][0]


def layout_report(pdf_path, text_box="auto", chars_per_line: int | None = 28,
                  details: list | None = None) -> dict[str, int]:
    """Count what a print shop sends back, page by page:

    - ``overlaps``: characters whose box intersects a picture's;
    - ``stranded_headings``: a heading (一、 （一） 1. （1） pattern, or set in another
      face or size than the body) ending a page's text while its document goes on;
    - ``orphans``: a paragraph's first line alone at a page foot; ``widows``: its last
      line alone at the next page's top;
    - ``grid_lines`` / ``grid_off``: full lines of Chinese text on numbered pages and how
      many do not hold ``chars_per_line`` characters (indent included) for no reason;
      a line squeezed to take in one more mark (先挤进) counts in ``grid_squeezed``, one
      stretched after characters were pushed down (后推出) in ``grid_pushed``;
    - ``marks_mid`` / ``marks_full``: mid-line ，、；： outside tables (not next to another
      mark) and how many of them take a full 字; ``table_marks_mid`` /
      ``table_marks_full`` the same inside ruled tables.
    When ``details`` is a list, ``(kind, page index, text)`` tuples are appended.
    """
    views = page_views(pdf_path, text_box)
    counts = dict.fromkeys(("overlaps", "stranded_headings", "orphans", "widows",
                            "grid_lines", "grid_off", "grid_squeezed", "grid_pushed", "marks_mid",
                            "marks_full", "table_marks_mid", "table_marks_full"), 0)

    def hit(kind: str, page: int, text: str) -> None:
        counts[kind] += 1
        if details is not None:
            details.append((kind, page, text))

    for k, view in enumerate(views):
        _overlaps(view, hit)
        if view.box is None:
            continue
        nxt = views[k + 1] if k + 1 < len(views) else None
        _page_foot(view, nxt, hit)
        if chars_per_line and view.numbered:
            _grid(view, chars_per_line, counts, hit)
        _marks(view.flow, counts, "marks_mid", "marks_full")
        _marks(view.table, counts, "table_marks_mid", "table_marks_full")
    return counts


def _overlaps(view: PageView, hit) -> None:
    for x0, top, x1, bottom in view.images:
        for c in view.chars:
            if min(x1, c["x1"]) - max(x0, c["x0"]) > 0.5 and \
                    min(bottom, c["bottom"]) - max(top, c["top"]) > 0.5:
                hit("overlaps", view.index, c["text"])


def _ends_short(ln: Line, box) -> bool:
    return box[2] - ln.x1 > 0.6 * ln.size


def _is_heading(ln: Line, view: PageView) -> bool:
    centred = abs((ln.x0 - view.box[0]) - (view.box[2] - ln.x1)) <= 1.0
    other_face = abs(ln.size - view.body_size) > 0.5 or "Sans" in _font(ln) \
        or "Hei" in _font(ln)
    return _ends_short(ln, view.box) and (bool(HEADING.match(ln.text)) or other_face
                                          or centred and ln.size > view.body_size + 1)


_LEVELS = (re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^（[一二三四五六七八九十]+）"),
           re.compile(r"^[0-9０-９]+[.．](?![0-9])"), re.compile(r"^（[0-9０-９]+）"))


def _label_level(text: str) -> int | None:
    """1–4 for a typed 一、 （一） 1. （1） label, None for other text."""
    return next((k for k, rx in enumerate(_LEVELS, 1) if rx.match(text)), None)


def _sibling_opens(ln: Line, top: Line) -> bool:
    """The next page opens with a heading of the level of ``ln`` or a higher one: a
    heading with no text of its own (1.…a / 2.…b) is not stranded (the layout keeps a
    heading with its children only)."""
    a, b = _label_level(ln.text), _label_level(top.text)
    return a is not None and b is not None and b <= a


def _last_row(flow: list[Line]) -> list[Line]:
    if not flow:
        return []
    y = max(ln.baseline for ln in flow)
    return [ln for ln in flow if abs(ln.baseline - y) <= 1]


def _first_row(flow: list[Line]) -> list[Line]:
    if not flow:
        return []
    y = min(ln.baseline for ln in flow)
    return [ln for ln in flow if abs(ln.baseline - y) <= 1]


def _page_foot(view: PageView, nxt: PageView | None, hit) -> None:
    """A heading or a first line at this page's foot; a last line at the next top
    (numbered pages only: the front matter has no running text)."""
    last = _last_row(view.flow)
    if len(last) != 1 or nxt is None or nxt.box is None or not (view.numbered and nxt.numbered):
        return
    if any(t.baseline > last[0].baseline for t in view.table):
        return                                    # a table ends the page
    ln = last[0]
    first = _first_row(nxt.flow) or _first_row(nxt.table)
    # the next page starts another document (its title or 版头 is larger): no strand
    if not first or first[0].size > max(view.body_size, nxt.body_size) + 1 or len(first) != 1 \
            and not nxt.table:
        return
    em = ln.size
    if _is_heading(ln, view):
        if not _sibling_opens(ln, first[0]):
            hit("stranded_headings", view.index, ln.text)
        return
    top = first[0]
    indented = 1.5 * em <= ln.x0 - view.box[0] <= 2.5 * em
    continues = abs(top.x0 - nxt.box[0]) <= 1.0 and len(first) == 1
    if indented and not _ends_short(ln, view.box) and continues:
        hit("orphans", view.index, ln.text)
    elif not _ends_short(ln, view.box) and continues and _ends_short(top, nxt.box) \
            and abs(top.size - ln.size) <= 0.5 and _font(top) == _font(ln):
        below = [x for x in nxt.flow + nxt.table if x.baseline > top.baseline + 1]
        after = min(below, key=lambda x: x.baseline) if below else None
        if after in nxt.table:
            return                                # a caption (续表) over a table
        if after is None or (after.x0 - nxt.box[0] >= 0.9 * after.size
                             and abs(after.size - top.size) <= 0.5):
            hit("widows", nxt.index, top.text)


def _grid(view: PageView, cpl: int, counts: dict, hit) -> None:
    box = view.box
    pitch = (box[2] - box[0]) / cpl
    if abs(view.body_size - pitch) > 0.35 * pitch:
        return                                  # not a grid page of this pitch
    rows = Counter(round(ln.baseline) for ln in view.flow)
    for ln in view.flow:
        if rows[round(ln.baseline)] > 1 or _ends_short(ln, box) or abs(ln.size - view.body_size) > 0.5:
            continue
        if any(ch.isascii() for ch in ln.text) or ln.x0 - box[0] > 4.5 * pitch:
            continue
        counts["grid_lines"] += 1
        steps = [b["x0"] - a["x0"] for a, b in zip(ln.chars, ln.chars[1:])]
        # an ideographic space is a cell with no glyph: a step of two cells or more
        blanks = sum(round(d / pitch) - 1 for d in steps if d > 1.6 * pitch)
        cells = round((ln.x0 - box[0]) / pitch) + len(ln.text) + blanks
        if cells == cpl:
            continue
        if cells > cpl and any(d < 0.97 * pitch for d in steps):
            counts["grid_squeezed"] += 1          # 先挤进: a mark taken in by squeezing
        elif cells < cpl and all(d > 1.01 * pitch for d in steps[1:-1]):
            counts["grid_pushed"] += 1            # 后推出: stretched after a push-down
        else:
            hit("grid_off", view.index, f"{cells} 字：{ln.text}")


def _marks(lines: list[Line], counts: dict, mid: str, full: str) -> None:
    for ln in lines:
        chars = ln.chars
        for a, b in zip(chars, chars[1:]):
            if a["text"] not in MID_MARKS or b["text"] in _PUNCT_NEAR:
                continue
            counts[mid] += 1
            if b["x0"] - a["x0"] >= 0.9 * a["size"]:
                counts[full] += 1


def page_text_dump(pages) -> str:
    """A readable dump of laid-out pages (``LaidOutIssue.pages``): a header per page,
    then one line per baseline, the segments of a baseline joined by " | "."""
    out = []
    for k, page in enumerate(pages):
        folio = f" — {page.folio} —" if getattr(page, "folio", None) is not None else ""
        out.append(f"=== 面 {k + 1}{folio}")
        rows: dict[float, list] = {}
        for it in page.items:
            if getattr(it, "text", None) and it.text.strip():
                rows.setdefault(round(it.y, 1), []).append(it)
        for y in sorted(rows):
            row = sorted(rows[y], key=lambda it: it.x)
            segs, prev_end = [], None
            for it in row:
                if prev_end is not None and it.x - prev_end <= 1.5 * it.size:
                    segs[-1] += it.text
                else:
                    segs.append(it.text)
                prev_end = it.x + it.width
            out.append(" | ".join(segs))
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    """``python tests/pdfcheck.py FILE.pdf [x0 x1]``: print the line-break violations and
    the page-level counts (auto box)."""
    box = (float(argv[2]), float(argv[3])) if len(argv) >= 4 else "auto"
    details: list = []
    counts = count_violations(argv[1], box, details=details)
    for kind, ln in details:
        print(f"p{ln.page + 1} {kind:12} x0={ln.x0:.1f} x1={ln.x1:.1f} {ln.text}")
    print(counts)
    found: list = []
    report = layout_report(argv[1], box, details=found)
    for kind, page, text in found:
        print(f"p{page + 1} {kind:18} {text}")
    print(report)
    if report["marks_mid"]:
        print(f"mid-line ，、；： at full width: {report['marks_full'] / report['marks_mid']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
