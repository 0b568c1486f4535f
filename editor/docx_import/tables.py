"""Tables: w:tbl -> model Table on its grid, merged cells once, header rows (layer: import).

gridSpan and vMerge (and the legacy hMerge) become one Cell with col_span/row_span whose
blocks hold the merged text once; covered grid positions have no Cell.  Rows marked
w:tblHeader are header rows; a table with none gets its header rows from evidence
(``table_head``: bold, shaded or centred first rows, a merged two-level header, 序号).  Cell paragraphs keep their own formatting; nested tables are
cell blocks.

Bounded (issue #24): at most ``MAX_COLS`` grid columns (spans, gridBefore and a long
tblGrid clamped; cells beyond the last column join the row's last cell), ``MAX_ROWS``
rows, and tables nested at most ``MAX_DEPTH`` deep (a deeper table's paragraphs are
imported as plain paragraphs) — each with a note in the import report.
"""
from __future__ import annotations

from editor.docx_import.body import walk_blocks
from editor.docx_import.context import Context
from editor.docx_import.table_head import guess_header
from editor.docx_import.xmlutil import (child, count, local, number, on_off, twips_to_pt,
                                        w, wval)
from editor.model import Cell, Paragraph, Row, Run, Table

MAX_COLS = 256          # grid columns of one table (Word itself allows 63)
MAX_ROWS = 10_000       # rows of one table
MAX_DEPTH = 12          # tables inside tables

_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right"}
_VALIGN = {"top": "top", "center": "center", "bottom": "bottom", "both": "center"}


def table(ctx: Context, tbl, rels=None) -> Table | list:
    """The model Table of a w:tbl (or, nested too deep, its paragraphs as plain ones)."""
    if ctx.depth >= MAX_DEPTH:
        return _flattened(ctx, tbl)
    ctx.depth += 1
    try:
        return _table(ctx, tbl, rels)
    finally:
        ctx.depth -= 1


def _table(ctx: Context, tbl, rels) -> Table:
    tid = ctx.next_id("t")
    tpr = child(tbl, "tblPr")
    grid = [max(twips_to_pt(g.get(w("w")), 0.0) or 0.0, 0.0)
            for g in (child(tbl, "tblGrid") if child(tbl, "tblGrid") is not None else [])
            if local(g.tag) == "gridCol"]
    if len(grid) > MAX_COLS:
        ctx.note("warning", f"表格列数过多（{len(grid)} 列），已按前 {MAX_COLS} 列排版",
                 f"tblGrid of {len(grid)} columns")
        del grid[MAX_COLS:]
    out = Table(id=tid, grid=grid, borders=_borders(child(tpr, "tblBorders")),
                style_name=ctx.styles.name(wval(child(tpr, "tblStyle"))),
                align=_ALIGN.get(wval(child(tpr, "jc"))))
    open_v: dict[int, Cell] = {}
    counter = [0]
    cell_widths: dict[int, list[float]] = {}
    for n, tr in enumerate(_unwrapped(tbl, "tr")):
        if n == MAX_ROWS:
            ctx.note("warning", f"表格行数过多，只导入了前 {MAX_ROWS} 行", "rows beyond MAX_ROWS")
            break
        out.rows.append(_row(ctx, tr, tid, counter, open_v, rels, cell_widths))
    _grid_from_cells(out, cell_widths)
    _fix_grid(ctx, out)
    _header_from_evidence(ctx, out)
    return out


def _header_from_evidence(ctx: Context, tab: Table) -> None:
    """Header rows of a table whose sender marked none, from how its first rows look
    (``table_head.guess_header``); a guess on weak evidence keeps its doubt."""
    if any(r.is_header for r in tab.rows):
        return
    n, doubt = guess_header(tab)
    for row in tab.rows[:n]:
        row.is_header = True
    tab.header_doubt = doubt
    if n:
        ctx.note("info", f"表格前 {n} 行未标为标题行，已识别为表头（跨页时重复）",
                 doubt or "header rows from evidence")


def _grid_from_cells(tab: Table, cell_widths: dict[int, list[float]]) -> None:
    """The cells' own widths (w:tcW in twips) instead of the tblGrid when they give every
    grid column a width and differ from it: Word lays a table out by its cells' preferred
    widths, and some writers (python-docx, scripts) leave an even tblGrid behind them."""
    n = len(tab.grid)
    if not n or any(not cell_widths.get(c) for c in range(n)):
        return
    widths = [max(set(v), key=v.count) for v in (cell_widths[c] for c in range(n))]
    if any(abs(a - b) > 0.05 * max(a, b) for a, b in zip(widths, tab.grid)):
        tab.grid = widths


def _unwrapped(parent, tag: str):
    """The ``tag`` children of ``parent``, looking inside content controls, custom XML
    and tracked insertions/moves that wrap them."""
    for el in parent:
        name = local(el.tag)
        if name == tag:
            yield el
        elif name in ("sdt", "customXml", "ins", "moveTo"):
            inner = child(el, "sdtContent") if name == "sdt" else el
            if inner is not None:
                yield from _unwrapped(inner, tag)


def _row(ctx: Context, tr, tid: str, counter: list, open_v: dict, rels,
         cell_widths: dict | None = None) -> Row:
    trpr = child(tr, "trPr")
    row = Row(is_header=on_off(child(trpr, "tblHeader"), False),
              cant_split=on_off(child(trpr, "cantSplit"), False))
    height = child(trpr, "trHeight")
    if height is not None and number(wval(height)):
        row.height = twips_to_pt(wval(height))
    col = count(wval(child(trpr, "gridBefore")), 0, 0, MAX_COLS - 1)
    seen: set[int] = set()
    last: Cell | None = None
    for tc in _unwrapped(tr, "tc"):
        tcpr = child(tc, "tcPr")
        span = count(wval(child(tcpr, "gridSpan")), 1, 1, MAX_COLS)
        if col + span > MAX_COLS:
            ctx.note("warning", f"表格合并或列数超过 {MAX_COLS} 列，超出部分已并入该行最后一格",
                     "span beyond MAX_COLS")
            if col >= MAX_COLS and (last or (row.cells[-1] if row.cells else None)):
                _append_blocks(ctx, last or row.cells[-1], tc, rels)
                continue
            col, span = min(col, MAX_COLS - 1), MAX_COLS - min(col, MAX_COLS - 1)
        vmerge = child(tcpr, "vMerge")
        hmerge = child(tcpr, "hMerge")
        if hmerge is not None and wval(hmerge) != "restart" and last is not None:
            last.col_span = min(last.col_span + span, MAX_COLS - last.col)
            _append_blocks(ctx, last, tc, rels)
            col += span
            continue
        if vmerge is not None and wval(vmerge) != "restart" and col in open_v:
            target = open_v[col]
            if id(target) not in seen:
                target.row_span += 1
                seen.add(id(target))
            _append_blocks(ctx, target, tc, rels)
            col += span
            last = None
            continue
        if cell_widths is not None and span == 1:
            tcw = _tcw(child(tcpr, "tcW"))
            if tcw:
                cell_widths.setdefault(col, []).append(tcw)
        counter[0] += 1
        cell_id = f"{tid}c{counter[0]}"
        cell = Cell(id=cell_id, col=col, col_span=span,
                    blocks=walk_blocks(ctx, tc, cell_id, rels),
                    v_align=_VALIGN.get(wval(child(tcpr, "vAlign"))),
                    shading=_fill(child(tcpr, "shd")),
                    borders=_borders(child(tcpr, "tcBorders")))
        row.cells.append(cell)
        for c in range(col, col + span):
            open_v.pop(c, None)
        if vmerge is not None:
            open_v[col] = cell
        last = cell
        col += span
    covered = {c.col for c in row.cells}
    for c in list(open_v):
        # A vertical merge ends where a row has no continuing cell in that column.
        if c in covered:
            continue
        if not any(id(open_v[c]) == s for s in seen):
            open_v.pop(c)
    return row


def _tcw(el) -> float | None:
    """A cell's preferred width in points when given in twips (w:type dxa or absent)."""
    if el is None or wval(el, "type") not in (None, "dxa"):
        return None
    width = twips_to_pt(wval(el, "w"))
    return width if width and width > 0 else None


def _flattened(ctx: Context, tbl) -> list:
    """A table nested deeper than ``MAX_DEPTH``: its paragraphs' text, in order, as plain
    paragraphs (iteratively: a 200-deep nesting must not recurse)."""
    ctx.note("warning", f"表格嵌套超过 {MAX_DEPTH} 层，更深的表格按普通段落导入",
             "nested tables beyond MAX_DEPTH")
    out = []
    p_tag, t_tag = w("p"), w("t")
    for p in tbl.iter(p_tag):
        if any(a.tag == p_tag for a in p.iterancestors(p_tag)):
            continue                     # a paragraph of a text box: its own p has it
        text = "".join(t.text or "" for t in p.iter(t_tag))
        if text.strip():
            out.append(Paragraph(id=ctx.next_id("p"), runs=[Run(text=text)]))
    return out


def _append_blocks(ctx: Context, cell: Cell, tc, rels) -> None:
    """Content of a covered (continuing) cell goes into the merged cell, never repeated."""
    blocks = walk_blocks(ctx, tc, f"{cell.id}m{len(cell.blocks)}", rels)
    if any(_has_text(b) for b in blocks):
        cell.blocks.extend(blocks)
        ctx.note("info", "合并单元格中被覆盖部分的文字已并入合并后的单元格", "merged cell content")


def _has_text(block) -> bool:
    from editor.model import block_text
    return bool(block_text(block).strip()) or local(type(block).__name__) in ("Image", "Table")


def _fill(shd) -> str | None:
    fill = wval(shd, "fill")
    if not fill or fill == "auto":
        return None
    return fill.upper()


def _borders(el) -> dict[str, float] | None:
    if el is None:
        return None
    out: dict[str, float] = {}
    for side in el:
        name = {"start": "left", "end": "right"}.get(local(side.tag), local(side.tag))
        val = wval(side)
        if val in ("nil", "none"):
            out[name] = 0.0
        else:
            out[name] = (number(wval(side, "sz"), 4) or 4) / 8.0
    return out or None


def _fix_grid(ctx: Context, tab: Table) -> None:
    """Make the grid cover every cell (some producers write a short or empty tblGrid)."""
    needed = max((c.col + c.col_span for r in tab.rows for c in r.cells), default=0)
    if len(tab.grid) < needed:
        known = [g for g in tab.grid if g > 0]
        width = sum(known) / len(known) if known else 60.0
        tab.grid.extend([width] * (needed - len(tab.grid)))
        ctx.note("info", "表格列宽定义不完整，已按平均列宽补齐", "short tblGrid")
