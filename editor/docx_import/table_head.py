"""Header rows of a table its sender did not mark (no w:tblHeader), read from evidence
(layer: import).

A print typesetter repeats the header of a table that crosses pages; most senders never
tick Word's 重复标题行.  ``guess_header(table)`` looks at the first rows against the body:

* strong evidence (each enough alone): the first row bold, or shaded, where the body
  mostly is not; a vertically merged header of two or three rows (a cell of the first row
  merged down beside cells that are not, and a cell merged across or all short labels:
  a two-level header); 序号 (编号, 序) in the first
  cell over body rows numbered 1, 2, 3…;
* weak evidence (two make it sure): the first row centred where the body is not; 序号 in
  the first cell over a body not numbered; the first row all short labels without digits
  over a body with numbers or long text in those columns.

A first row that is a single cell across the table (a title set inside the table) is
taken with the header under it; rows under a bold or shaded first row set the same way
(up to three) are header rows too.  Returns ``(rows, doubt)``: ``doubt`` is empty when the
evidence is strong, else the Chinese reason the guess rests on (the layout says it when
the table crosses pages, so the user can check it in the table panel).
"""
from __future__ import annotations

import re

from editor.model import Paragraph, Table, block_text

NUMBER_HEADS = {"序号", "序", "编号", "排序", "序列", "no", "no.", "number"}
LABEL_MAX_CHARS = 12        # a header cell is a short label
_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"^\s*[（(]?\d{1,4}[)）.、]?\s*$")


def guess_header(table: Table) -> tuple[int, str]:
    """(header rows, doubt) of a table with no marked header row (module docstring)."""
    rows = table.rows
    if len(rows) < 3:
        return 0, ""
    n_cols = max([len(table.grid)] + [c.col + c.col_span for r in rows for c in r.cells])
    top = 0
    if _title_row(rows[0], n_cols):
        top = 1
    head = _merged_depth(rows, top)
    body = rows[top + head:] if head else rows[top + 1:]
    depth = head or 1
    if len(body) < 2:
        return 0, ""
    first = rows[top]
    strong: list[str] = []
    weak: list[str] = []
    if head > 1:
        strong.append(f"前 {head} 行为纵向合并的多层表头")
    if _share(body, _bold) < 0.5 and _bold(first):
        strong.append("首行加粗")
    if _share(body, _shaded) < 0.5 and _shaded(first):
        strong.append("首行有底纹")
    number_head = _first_text(first).lower() in NUMBER_HEADS
    if number_head and _share(body, lambda r: bool(_NUMBERED.match(_first_text(r)))) >= 0.8:
        strong.append("首格为“序号”，下面各行依次编号")
    elif number_head:
        weak.append("首格为“序号”")
    if _centred(first) and _share(body, _centred) < 0.5:
        weak.append("首行居中")
    if _labels(first) and _share(body, lambda r: not _labels(r)) >= 0.5:
        weak.append("首行均为简短的栏目名")
    if not head and strong:
        depth = _alike(rows, top, strong)
    if strong or len(weak) >= 2:
        return top + depth, ""
    if weak:
        return top + depth, f"表格首行未标为标题行，按“{weak[0]}”推断为表头，在续页重复"
    return 0, ""


def _alike(rows, top: int, strong: list[str]) -> int:
    """Rows from ``top`` that look as the first does (bold, shaded) — a header of two or
    three rows set in the same way — while at least two rows are left for the body."""
    looks = [f for f, why in ((_bold, "首行加粗"), (_shaded, "首行有底纹")) if why in strong]
    k = 1
    while looks and k < MAX_HEAD_ROWS and top + k < len(rows) - 2 \
            and all(f(rows[top + k]) for f in looks):
        k += 1
    return k


MAX_HEAD_ROWS = 3


def _paragraphs(cell) -> list[Paragraph]:
    return [b for b in cell.blocks if isinstance(b, Paragraph) and block_text(b).strip()]


def _filled(row) -> list:
    return [c for c in row.cells if any(_paragraphs(c))]


def _first_text(row) -> str:
    cells = sorted(row.cells, key=lambda c: c.col)
    return re_space("".join(block_text(b) for b in cells[0].blocks)) if cells else ""


def re_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _bold(row) -> bool:
    runs = [r for c in _filled(row) for p in _paragraphs(c) for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _shaded(row) -> bool:
    cells = row.cells
    return bool(cells) and all(c.shading and c.shading not in ("FFFFFF",) for c in cells)


def _centred(row) -> bool:
    paras = [p for c in _filled(row) for p in _paragraphs(c)]
    return bool(paras) and all(p.style and p.style.align == "center" for p in paras)


def _labels(row) -> bool:
    """Every cell a short label without digits (and at least two of them)."""
    texts = [re_space(c.text) for c in _filled(row)]
    return len(texts) >= 2 and len(texts) == len(row.cells) and all(
        0 < len(t) <= LABEL_MAX_CHARS and not _DIGIT.search(t) for t in texts)


def _share(rows, test) -> float:
    return sum(1 for r in rows if test(r)) / max(len(rows), 1)


def _title_row(row, n_cols: int) -> bool:
    return len(row.cells) == 1 and row.cells[0].col_span >= n_cols > 1


def _merged_depth(rows, top: int) -> int:
    """Rows of a vertically merged header starting at row ``top``: some of its cells
    merged down 2 or 3 rows beside cells that are not (their columns are split below),
    0 when there is none."""
    cells = rows[top].cells
    spans = [c.row_span for c in cells]
    depth = max(spans, default=1)
    if depth < 2 or depth > 3 or min(spans) == depth or top + depth >= len(rows) - 1:
        return 0
    if any(c.col_span > 1 for c in cells):
        return depth
    # short labels alone: unless the body merges cells down in the same columns again (a
    # 街道 over its people, group after group: the first group is data, not a header)
    merged = {c.col for c in cells if c.row_span > 1}
    again = any(c.col in merged and c.row_span > 1 for r in rows[top + depth:] for c in r.cells)
    return depth if _labels(rows[top]) and not again else 0
