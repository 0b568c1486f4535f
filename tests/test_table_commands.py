"""Table layout fix commands on the imported sample tables: each changes the model as
asked, and apply then revert (also after a save/restore of the command) gives back an
equal model."""
from __future__ import annotations

import pytest

from conftest import sample
from tablecheck import STSongMeasurer
from editor import model
from editor.app.command import Command
from editor.app.table_commands import (
    DeleteEmptyColumn, DeleteEmptyRow, MergeCells, SetCellPadding, SetColumnAlignment,
    SetColumnWidths, SetHeaderRows, SetKeepRowsTogether, SetLandscape, SetTableFontSize,
    SplitTableAtRow, UnmergeCell, cell_at, column_refusal, find_table, row_refusal)
from editor.docx_import import import_docx
from editor.errors import GazetteError
from editor.layout.flow import Frame
from editor.layout.items import TextItem
from editor.layout.table import TableFlowable, TableStyle
from editor.model.serialize import to_dict

_DOCS = {}


def make_issue() -> tuple[model.Issue, str, str]:
    if "02" not in _DOCS:
        _DOCS["02"] = to_dict(import_docx(sample("02")).document)
    from editor.model.serialize import from_dict
    doc = from_dict(_DOCS["02"])
    table = next(b for b in doc.all_blocks() if isinstance(b, model.Table))
    return model.Issue(sections=[model.Section("s1", "区政府文件", [doc])]), doc.id, table.id


def round_trip(cmd: Command, check) -> None:
    issue, doc_id, table_id = make_issue()
    cmd.doc_id, cmd.table_id = doc_id, table_id
    before = to_dict(issue)
    change = cmd.apply(issue)
    assert (doc_id, table_id) in change.tables and doc_id in change.documents
    assert to_dict(issue) != before
    check(find_table(issue, doc_id, table_id), issue)
    restored = Command.from_dict(cmd.to_dict())      # the undo history survives a restart
    restored.revert(issue)
    assert to_dict(issue) == before


def test_column_widths_set_and_scale():
    round_trip(SetColumnWidths(value=[1, 2, 3, 4]),
               lambda t, i: t.layout.col_widths == [1, 2, 3, 4])
    round_trip(SetColumnWidths(value=[1, 1, 2, 1], mode="scale"),
               lambda t, i: t.layout.col_widths[2] == pytest.approx(t.grid[2] * 2))


@pytest.mark.slow
def test_layout_overrides():
    round_trip(SetTableFontSize(value=10.5), lambda t, i: t.layout.font_size == 10.5)
    round_trip(SetCellPadding(value=2.0), lambda t, i: t.layout.padding == 2.0)
    round_trip(SetHeaderRows(value=2), lambda t, i: t.header_rows == 2)
    round_trip(SetLandscape(value=True), lambda t, i: t.layout.landscape is True)
    round_trip(SetKeepRowsTogether(value=True), lambda t, i: t.layout.keep_rows_together)
    round_trip(SetColumnAlignment(col=1, align="center"),
               lambda t, i: t.layout.col_align == [None, "center", None, None])


def _plain_block(table: model.Table) -> int:
    """A row r such that rows r, r+1 have single cells in columns 2 and 3."""
    def single(r, c):
        hit = cell_at(table, r, c)
        return hit and hit[0] == r and hit[1].row_span == hit[1].col_span == 1
    return next(r for r in range(1, 90) if all(single(rr, c) for rr in (r, r + 1) for c in (2, 3)))


def test_merge_concatenates_in_order_and_revert_restores():
    issue, doc_id, table_id = make_issue()
    table = find_table(issue, doc_id, table_id)
    r0 = _plain_block(table)
    parts = [cell_at(table, r, c)[1].text for r in (r0, r0 + 1) for c in (2, 3)]

    def check(t, issue):
        r, cell = cell_at(t, r0, 2)
        assert (r, cell.row_span, cell.col_span) == (r0, 2, 2)
        assert cell_at(t, r0 + 1, 3)[1] is cell
        assert cell.text == "\n".join(p for p in parts if p.strip())
    round_trip(MergeCells(row=r0, col=2, n_rows=2, n_cols=2), check)


def test_merge_refuses_crossing_a_merged_cell():
    issue, doc_id, table_id = make_issue()
    table = find_table(issue, doc_id, table_id)
    r, c = next((r, c) for r, row in enumerate(table.rows) for c in row.cells if c.row_span > 1)
    with pytest.raises(GazetteError):
        MergeCells(doc_id, table_id, row=r + 1, col=c.col, n_rows=c.row_span, n_cols=1).apply(issue)


def test_unmerge_splits_into_single_cells():
    issue, doc_id, table_id = make_issue()
    table = find_table(issue, doc_id, table_id)
    r, c = next((r, c) for r, row in enumerate(table.rows) for c in row.cells if c.row_span > 1)

    def check(t, i):
        assert all(cell_at(t, rr, c.col)[0] == rr for rr in range(r, r + c.row_span))
    round_trip(UnmergeCell(row=r + 1, col=c.col), check)


def test_delete_empty_row_and_column():
    def prep_and(cmd, edit, check):
        issue, doc_id, table_id = make_issue()
        table = find_table(issue, doc_id, table_id)
        edit(table)
        cmd.doc_id, cmd.table_id = doc_id, table_id
        before = to_dict(issue)
        cmd.apply(issue)
        check(table)
        Command.from_dict(cmd.to_dict()).revert(issue)
        assert to_dict(issue) == before

    def empty_row(t):
        t.rows.insert(3, model.Row([model.Cell(f"e{k}", k, []) for k in range(4)]))
    prep_and(DeleteEmptyRow(row=3), empty_row, lambda t: len(t.rows) == 93)

    def empty_col(t):
        t.grid.append(20.0)
        for k, row in enumerate(t.rows):
            row.cells.append(model.Cell(f"x{k}", 4, []))
    prep_and(DeleteEmptyColumn(col=4), empty_col, lambda t: len(t.grid) == 4)
    issue, doc_id, table_id = make_issue()
    with pytest.raises(GazetteError):
        DeleteEmptyRow(doc_id, table_id, row=5).apply(issue)


def test_refusals_tell_the_panel_what_the_delete_commands_accept():
    """The table panel enables 删除空行/删除空列 by these: a column beyond a short
    w:tblGrid counts (the command counts the widest row too)."""
    p = lambda t: model.Paragraph(f"p{t}", runs=[model.Run(t)] if t else [])
    table = model.Table("t", grid=[50.0], rows=[
        model.Row([model.Cell("a", 0, [p("甲")]), model.Cell("b", 1, [p("")])]),
        model.Row([model.Cell("c", 0, [p("")]), model.Cell("d", 1, [p("")])])])
    assert column_refusal(table, 1) is None and row_refusal(table, 1) is None
    assert column_refusal(table, 0) == "该列不是空列，不能删除"
    assert row_refusal(table, 0) == "该行不是空行，不能删除"
    assert row_refusal(table, 2) == "行号超出表格范围"
    issue = model.Issue(sections=[model.Section("s", "栏目", [
        model.Document("d", body=[table])])])
    DeleteEmptyColumn("d", "t", col=1).apply(issue)
    assert [len(r.cells) for r in table.rows] == [1, 1]
    with pytest.raises(GazetteError, match="该行不是空行"):
        DeleteEmptyRow("d", "t", row=0).apply(issue)


def test_split_table_at_row_repeats_header_and_keeps_text():
    issue, doc_id, table_id = make_issue()
    table = find_table(issue, doc_id, table_id)
    all_text = "".join(c.text for r in table.rows[1:] for c in r.cells)
    cut = next(r for r in range(10, 60) if all(
        rr + c.row_span <= r or rr >= r for rr, row in enumerate(table.rows) for c in row.cells))

    def check(t, i):
        second = find_table(i, doc_id, t.id + "b")
        assert len(t.rows) == cut and len(second.rows) == 93 - cut + 1
        assert second.rows[0].cells[0].text == t.rows[0].cells[0].text
        got = "".join(c.text for tt in (t, second) for r in tt.rows[1:] for c in r.cells)
        assert got == all_text
    round_trip(SplitTableAtRow(row=cut), check)


def test_override_changes_layout():
    issue, doc_id, table_id = make_issue()
    table = find_table(issue, doc_id, table_id)
    SetTableFontSize(doc_id, table_id, value=10.5).apply(issue)
    frame = Frame(0, 0, 442.2, 637.8)
    pl = TableFlowable(table, TableStyle(), STSongMeasurer(), doc_id).place(frame, 0, True)
    assert {it.size for it in pl.items if isinstance(it, TextItem) and it.source} == {10.5}
