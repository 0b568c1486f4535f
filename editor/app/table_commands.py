"""Table layout fixes as undoable commands on the model (layer: app, no Qt).

The editor window's table panel calls these; each is a ``Command`` dataclass holding the
document and table ids, its parameters and — captured in ``apply`` — what ``revert`` needs
(old values, or for structural edits a serialised copy of the table), so apply then revert
gives back an equal model and the undo history survives a restart.  Layout overrides live
in ``Table.layout`` and are saved with the document, so a re-layout keeps them.

Commands: SetColumnWidths, SetTableFontSize, SetCellPadding, SetHeaderRows, SetLandscape,
SetKeepRowsTogether, SetColumnAlignment (overrides); MergeCells, UnmergeCell,
DeleteEmptyRow, DeleteEmptyColumn, SplitTableAtRow (structure).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, ClassVar

from editor import model
from editor.app.command import Change, Command
from editor.errors import GazetteError
from editor.model.serialize import from_dict, to_dict


def locate(issue: model.Issue, doc_id: str, table_id: str) -> tuple[list, int]:
    """(block list, index) of a top-level table in a document's body or attachments."""
    doc = issue.find_document(doc_id)
    if doc is None:
        raise GazetteError("找不到该文件", f"document {doc_id}")
    place = doc.place_of(table_id)
    if place is None or not isinstance(place[0][place[1]], model.Table):
        raise GazetteError("找不到该表格", f"table {table_id} in {doc_id}")
    return place[0], place[1]


def find_table(issue: model.Issue, doc_id: str, table_id: str) -> model.Table:
    blocks, i = locate(issue, doc_id, table_id)
    return blocks[i]


def cell_at(table: model.Table, row: int, col: int) -> tuple[int, model.Cell] | None:
    """The cell covering grid position (row, col), with the index of its own row."""
    for r in range(min(row, len(table.rows) - 1), -1, -1):
        for c in table.rows[r].cells:
            if c.col <= col < c.col + c.col_span and r <= row < r + c.row_span:
                return r, c
    return None


def column_count(table: model.Table) -> int:
    """Grid columns the table uses: its w:tblGrid or the widest row, whichever is more."""
    return max([len(table.grid)] + [c.col + c.col_span for r in table.rows for c in r.cells])


def shows_something(block) -> bool:
    """True for a block that prints: text, an image, a table holding either."""
    if isinstance(block, model.Paragraph):
        return bool(block.display_text.strip())
    if isinstance(block, model.Table):
        return any(shows_something(b) for r in block.rows for c in r.cells for b in c.blocks)
    return not isinstance(block, model.PageBreak)


def _empty(cell: model.Cell) -> bool:
    return not any(shows_something(b) for b in cell.blocks)


def _restore(table: model.Table, snapshot: Any) -> None:
    """Put a serialised copy back into the live table object (identity kept)."""
    old = snapshot if isinstance(snapshot, model.Table) else from_dict(snapshot)
    table.__dict__.update(copy.deepcopy(old).__dict__)


@dataclass
class _TableCommand(Command):
    doc_id: str = ""
    table_id: str = ""

    def _table(self, issue: model.Issue) -> model.Table:
        return find_table(issue, self.doc_id, self.table_id)

    def _change(self) -> Change:
        return Change(documents={self.doc_id}, tables={(self.doc_id, self.table_id)})


@dataclass
class _LayoutField(_TableCommand):
    """Sets one ``TableLayout`` field; the old value is kept for revert."""
    field_name: ClassVar[str] = ""
    value: Any = None
    old: Any = None

    def _new_value(self, table: model.Table) -> Any:
        return copy.deepcopy(self.value)

    def apply(self, issue: model.Issue) -> Change:
        table = self._table(issue)
        self.old = copy.deepcopy(getattr(table.layout, self.field_name))
        setattr(table.layout, self.field_name, self._new_value(table))
        return self._change()

    def revert(self, issue: model.Issue) -> Change:
        setattr(self._table(issue).layout, self.field_name, copy.deepcopy(self.old))
        return self._change()


@dataclass
class SetColumnWidths(_LayoutField):
    """``value``: one number per column — weights (mode "set", e.g. widths in pt) or
    factors applied to the current widths (mode "scale")."""
    title: ClassVar[str] = "设置列宽"
    field_name: ClassVar[str] = "col_widths"
    mode: str = "set"

    def _new_value(self, table: model.Table) -> list[float]:
        n = column_count(table)
        values = [float(v) for v in (self.value or [])]
        if len(values) != n or any(v <= 0 for v in values):
            raise GazetteError("列宽个数或数值不正确", f"{len(values)} values for {n} columns")
        if self.mode == "scale":
            current = table.layout.col_widths or (
                table.grid if len(table.grid) == n and all(g > 0 for g in table.grid)
                else [1.0] * n)
            return [a * b for a, b in zip(current, values)]
        return values


def _plain_field(name: str, field_name: str, title: str) -> type[_LayoutField]:
    """A ``_LayoutField`` command that stores its value as given (registered by ``name``)."""
    doc = f"Sets ``TableLayout.{field_name}`` to ``value`` (None = automatic)."
    cls = type(name, (_LayoutField,), {"__doc__": doc, "__module__": __name__,
                                      "__qualname__": name, "title": title,
                                      "field_name": field_name})
    return dataclass(cls)


SetTableFontSize = _plain_field("SetTableFontSize", "font_size", "设置表格字号")
SetCellPadding = _plain_field("SetCellPadding", "padding", "设置单元格边距")
SetLandscape = _plain_field("SetLandscape", "landscape", "设置表格横排")
SetKeepRowsTogether = _plain_field("SetKeepRowsTogether", "keep_rows_together", "设置行不跨页")


@dataclass
class SetHeaderRows(_LayoutField):
    title: ClassVar[str] = "设置重复标题行"
    field_name: ClassVar[str] = "header_rows"

    def _new_value(self, table: model.Table) -> int | None:
        if self.value is not None and not 0 <= int(self.value) < len(table.rows):
            raise GazetteError("标题行数超出表格行数", f"{self.value}")
        return None if self.value is None else int(self.value)


@dataclass
class SetColumnAlignment(_TableCommand):
    """``align``: "left", "center", "right", "justify" or None (the paragraphs' own)."""
    title: ClassVar[str] = "设置列对齐"
    col: int = 0
    align: str | None = None
    old: list | None = None

    def apply(self, issue: model.Issue) -> Change:
        table = self._table(issue)
        if self.align not in (None, "left", "center", "right", "justify", "distribute"):
            raise GazetteError("对齐方式不正确", str(self.align))
        n = column_count(table)
        if not 0 <= self.col < n:
            raise GazetteError("列号超出表格范围", f"{self.col}")
        self.old = copy.deepcopy(table.layout.col_align)
        aligns = list(table.layout.col_align or [None] * n)
        aligns += [None] * (n - len(aligns))
        aligns[self.col] = self.align
        table.layout.col_align = aligns
        return self._change()

    def revert(self, issue: model.Issue) -> Change:
        self._table(issue).layout.col_align = copy.deepcopy(self.old)
        return self._change()


@dataclass
class _Structural(_TableCommand):
    """Edits the table's rows/cells; revert puts the saved copy back."""
    snapshot: dict | None = None

    def apply(self, issue: model.Issue) -> Change:
        table = self._table(issue)
        saved = to_dict(table)
        self.edit(table)
        self.snapshot = saved
        return self._change()

    def revert(self, issue: model.Issue) -> Change:
        _restore(self._table(issue), self.snapshot)
        return self._change()

    def edit(self, table: model.Table) -> None:
        raise NotImplementedError


@dataclass
class MergeCells(_Structural):
    """Merge the rectangle of ``n_rows`` × ``n_cols`` grid positions from (row, col): as
    in Word, the content of every non-empty cell (all its blocks, images included) goes
    into the top-left cell in reading order; empty cells add nothing."""
    title: ClassVar[str] = "合并单元格"
    row: int = 0
    col: int = 0
    n_rows: int = 1
    n_cols: int = 1

    def edit(self, table: model.Table) -> None:
        r0, c0, r1, c1 = self.row, self.col, self.row + self.n_rows, self.col + self.n_cols
        if self.n_rows < 1 or self.n_cols < 1 or self.n_rows * self.n_cols < 2:
            raise GazetteError("请至少选择两个单元格")
        inside = []
        for r in range(r0, r1):
            for c in range(c0, c1):
                hit = cell_at(table, r, c)
                if hit is None:
                    raise GazetteError("所选区域超出表格", f"({r}, {c})")
                rr, cell = hit
                if not (r0 <= rr and rr + cell.row_span <= r1 and c0 <= cell.col
                        and cell.col + cell.col_span <= c1):
                    raise GazetteError("所选区域与已合并的单元格交叉，无法合并")
                if all(cell is not x for _, x in inside):
                    inside.append((rr, cell))
        (tr, top), others = inside[0], inside[1:]
        if tr != r0 or top.col != c0:
            raise GazetteError("所选区域左上角没有单元格")
        blocks = [b for _, cell in inside if not _empty(cell) for b in cell.blocks]
        for rr, cell in others:
            table.rows[rr].cells.remove(cell)
        top.blocks = blocks or top.blocks
        top.row_span, top.col_span = self.n_rows, self.n_cols


@dataclass
class UnmergeCell(_Structural):
    """Split the merged cell at (row, col) back into single cells; as in Word and WPS its
    content stays in the top-left one, and each new cell holds one empty paragraph
    formatted like the cell's first paragraph, with the cell's shading and borders."""
    title: ClassVar[str] = "拆分单元格"
    row: int = 0
    col: int = 0

    def edit(self, table: model.Table) -> None:
        hit = cell_at(table, self.row, self.col)
        if hit is None or (hit[1].row_span == 1 and hit[1].col_span == 1):
            raise GazetteError("该单元格没有合并")
        r0, cell = hit
        for r in range(r0, r0 + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                if (r, c) == (r0, cell.col):
                    continue
                blank = _blank_like(cell, f"{table.id}-{cell.id}-{r}-{c}")
                new = model.Cell(f"{cell.id}-{r}-{c}", c, [blank], v_align=cell.v_align,
                                 shading=cell.shading, borders=copy.deepcopy(cell.borders))
                cells = table.rows[r].cells
                cells.insert(sum(1 for x in cells if x.col < c), new)
        cell.row_span = cell.col_span = 1


def _blank_like(cell: model.Cell, block_id: str) -> model.Paragraph:
    """An empty paragraph with the style of the cell's first paragraph (if any)."""
    first = next((b for b in cell.blocks if isinstance(b, model.Paragraph)), None)
    if first is None:
        return model.Paragraph(block_id)
    return model.Paragraph(block_id, role=first.role, style=copy.deepcopy(first.style),
                           style_name=first.style_name)


def row_refusal(table: model.Table, row: int) -> str | None:
    """Why row ``row`` cannot be deleted as an empty row (Chinese), or None if it can."""
    if not 0 <= row < len(table.rows) or len(table.rows) < 2:
        return "行号超出表格范围"
    own = table.rows[row].cells
    if any(not _empty(c) for c in own):
        return "该行不是空行，不能删除"
    if any(c.row_span > 1 for c in own):
        return "该行有纵向合并的单元格，请先拆分"
    return None


def column_refusal(table: model.Table, col: int) -> str | None:
    """Why column ``col`` cannot be deleted as an empty column (Chinese), or None."""
    n = column_count(table)
    if not 0 <= col < n or n < 2:
        return "列号超出表格范围"
    starting = [c for r in table.rows for c in r.cells if c.col == col]
    if any(not _empty(c) for c in starting):
        return "该列不是空列，不能删除"
    if any(c.col_span > 1 for c in starting):
        return "该列有横向合并的单元格，请先拆分"
    return None


@dataclass
class DeleteEmptyRow(_Structural):
    title: ClassVar[str] = "删除空行"
    row: int = 0

    def edit(self, table: model.Table) -> None:
        refusal = row_refusal(table, self.row)
        if refusal:
            raise GazetteError(refusal, f"row {self.row}")
        for r in range(self.row):
            for c in table.rows[r].cells:
                if r + c.row_span > self.row:
                    c.row_span -= 1
        del table.rows[self.row]


@dataclass
class DeleteEmptyColumn(_Structural):
    title: ClassVar[str] = "删除空列"
    col: int = 0

    def edit(self, table: model.Table) -> None:
        refusal = column_refusal(table, self.col)
        if refusal:
            raise GazetteError(refusal, f"column {self.col}")
        for row in table.rows:
            row.cells = [c for c in row.cells if c.col != self.col]
            for c in row.cells:
                if c.col > self.col:
                    c.col -= 1
                elif c.col + c.col_span > self.col:
                    c.col_span -= 1
        lay = table.layout
        for values in (table.grid, lay.col_widths, lay.col_align):
            if values is not None and len(values) > self.col:
                del values[self.col]


@dataclass
class SplitTableAtRow(_TableCommand):
    """Split the table before ``row`` into two Table blocks; the header rows are repeated
    (copied) at the top of the second.  A cell spanning the cut keeps its text in the
    first table; the second gets an empty cell there."""
    title: ClassVar[str] = "在此行拆分表格"
    row: int = 1
    new_table_id: str = ""
    snapshot: dict | None = None

    def apply(self, issue: model.Issue) -> Change:
        blocks, i = locate(issue, self.doc_id, self.table_id)
        table = blocks[i]
        n_head = table.header_rows
        if not n_head < self.row < len(table.rows):
            raise GazetteError("拆分位置不正确（须在标题行之后、末行之前）", f"{self.row}")
        taken = {b.id for b in blocks if isinstance(b, model.Table)}
        new_id = self.new_table_id or _fresh_id(f"{table.id}b", taken)
        if new_id in taken:
            raise GazetteError("新表格编号已存在", new_id)
        saved = to_dict(table)
        head = [_copy_row(r, new_id) for r in table.rows[:n_head]]
        tail = table.rows[self.row:]
        for r in range(self.row):
            for c in table.rows[r].cells:
                if r + c.row_span > self.row:
                    rest = r + c.row_span - self.row
                    c.row_span = self.row - r
                    cont = model.Cell(f"{c.id}-cont", c.col, [], rest, c.col_span,
                                      c.v_align, c.shading, copy.deepcopy(c.borders))
                    cells = tail[0].cells
                    cells.insert(sum(1 for x in cells if x.col < c.col), cont)
        second = model.Table(new_id, list(table.grid), head + tail,
                             copy.deepcopy(table.borders), table.style_name, table.align,
                             copy.deepcopy(table.layout), header_doubt=table.header_doubt)
        table.rows = table.rows[:self.row]
        blocks.insert(i + 1, second)
        self.new_table_id, self.snapshot = new_id, saved
        return Change(documents={self.doc_id},
                      tables={(self.doc_id, self.table_id), (self.doc_id, new_id)})

    def revert(self, issue: model.Issue) -> Change:
        blocks, i = locate(issue, self.doc_id, self.new_table_id)
        del blocks[i]
        _restore(find_table(issue, self.doc_id, self.table_id), self.snapshot)
        return Change(documents={self.doc_id},
                      tables={(self.doc_id, self.table_id), (self.doc_id, self.new_table_id)})


def _fresh_id(base: str, taken: set[str]) -> str:
    k, out = 2, base
    while out in taken:
        out, k = f"{base}{k}", k + 1
    return out


def _copy_row(row: model.Row, prefix: str) -> model.Row:
    """A copy of a header row with new block ids (ids stay unique in the document)."""
    new = copy.deepcopy(row)
    for c in new.cells:
        for b in c.blocks:
            if hasattr(b, "id"):
                b.id = f"{prefix}-{b.id}"
    return new
