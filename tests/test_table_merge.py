"""Merging and splitting table cells as Word and WPS do: a merge joins the content of the
non-empty cells (images and blank lines inside them kept) in the top-left cell; a split
leaves that content in the top-left cell and gives the new cells one empty paragraph
formatted like it; undo gives back exactly the state before, also through the session's
stored history."""
from __future__ import annotations

import pytest

from conftest import sample
from editor import model
from editor.app.command import Command
from editor.app.session import Session
from editor.app.table_commands import (DeleteEmptyRow, MergeCells, UnmergeCell, cell_at,
                                       find_table)
from editor.errors import GazetteError
from editor.model.serialize import to_dict


def _para(pid: str, text: str) -> model.Paragraph:
    return model.Paragraph(pid, [model.Run(text, size=10.5)] if text else [],
                           style=model.ParaStyle(align="center", line_pitch=14.0),
                           style_name="表格文字")


def _issue_with_grid() -> model.Issue:
    """A 2 × 3 table: 甲 (with a blank line) | an image | empty / 乙 | empty | 丙."""
    image = model.Image("img1", b"\x89PNG\r\n\x1a\n", width=40.0, height=20.0, name="章.png")
    rows = [model.Row([model.Cell("c1", 0, [_para("p1", "甲一"), _para("p2", ""),
                                             _para("p3", "甲二")], shading="D9D9D9"),
                       model.Cell("c2", 1, [image]),
                       model.Cell("c3", 2, [_para("p4", "")])]),
            model.Row([model.Cell("c4", 0, [_para("p5", "乙")]),
                       model.Cell("c5", 1, [_para("p6", "")]),
                       model.Cell("c6", 2, [_para("p7", "丙")])])]
    table = model.Table("t1", [100.0, 100.0, 100.0], rows)
    doc = model.Document(id="d1", body=[table])
    return model.Issue(sections=[model.Section("s1", "栏目", [doc])])


def _apply(issue, command: Command) -> Command:
    command.doc_id, command.table_id = "d1", "t1"
    command.apply(issue)
    return Command.from_dict(command.to_dict())     # as stored in the undo history


def test_merge_keeps_images_and_blank_lines_of_non_empty_cells():
    issue = _issue_with_grid()
    before = to_dict(issue)
    merge = _apply(issue, MergeCells(row=0, col=0, n_rows=2, n_cols=3))
    table = find_table(issue, "d1", "t1")
    (cell,) = [c for r in table.rows for c in r.cells]
    assert [getattr(b, "id") for b in cell.blocks] == ["p1", "p2", "p3", "img1", "p5", "p7"]
    assert (cell.row_span, cell.col_span, cell.shading) == (2, 3, "D9D9D9")
    merge.revert(issue)
    assert to_dict(issue) == before


def test_split_leaves_content_in_first_cell_and_formats_new_ones_like_it():
    issue = _issue_with_grid()
    _apply(issue, MergeCells(row=0, col=0, n_rows=2, n_cols=2))
    merged = to_dict(issue)
    split = _apply(issue, UnmergeCell(row=1, col=1))
    table = find_table(issue, "d1", "t1")
    first = cell_at(table, 0, 0)[1]
    assert first.text == "甲一\n\n甲二\n\n乙"
    assert (first.row_span, first.col_span) == (1, 1)
    for r, c in ((0, 1), (1, 0), (1, 1)):
        row, cell = cell_at(table, r, c)
        assert row == r and cell.col == c and cell.text == ""
        (blank,) = cell.blocks
        assert blank.style == first.blocks[0].style and cell.shading == "D9D9D9"
    assert [c.col for r in table.rows for c in r.cells] == [0, 1, 2, 0, 1, 2]
    split.revert(issue)
    assert to_dict(issue) == merged


def test_empty_row_with_an_image_is_not_deleted():
    issue = _issue_with_grid()
    row = find_table(issue, "d1", "t1").rows[0]
    row.cells[0].blocks = [_para("p9", "")]              # left: the image only
    with pytest.raises(GazetteError, match="不是空行"):
        DeleteEmptyRow("d1", "t1", row=0).apply(issue)
    row.cells[1].blocks = [_para("p10", "  ")]           # now truly empty: deleted
    DeleteEmptyRow("d1", "t1", row=0).apply(issue)
    assert [c.text for c in find_table(issue, "d1", "t1").rows[0].cells] == ["乙", "", "丙"]


def _single(table: model.Table, row: int, col: int) -> bool:
    hit = cell_at(table, row, col)
    return bool(hit) and hit[0] == row and hit[1].col == col and \
        hit[1].row_span == hit[1].col_span == 1


@pytest.mark.slow
def test_merge_split_undo_redo_through_the_session(tmp_path):
    path = tmp_path / "t.gazette"
    with Session.create(path) as s:
        s.import_documents([sample("02")], "区级文件选登")
    with Session.open(path) as s:
        doc = next(s.issue.documents())
        table = next(b for blocks in [doc.body] + [a.blocks for a in doc.attachments]
                     for b in blocks if isinstance(b, model.Table))
        r0, c0 = next((r, c) for r in range(1, len(table.rows) - 1) for c in range(3)
                      if all(_single(table, rr, cc) for rr in (r, r + 1) for cc in (c, c + 1)))
        states = [to_dict(s.issue)]
        s.execute(MergeCells(doc.id, table.id, row=r0, col=c0, n_rows=2, n_cols=2))
        states.append(to_dict(s.issue))
        s.execute(UnmergeCell(doc.id, table.id, row=r0 + 1, col=c0 + 1))
        states.append(to_dict(s.issue))
    with Session.open(path) as s:                       # after a restart
        s.undo()
        assert to_dict(s.issue) == states[1]
        s.undo()
        assert to_dict(s.issue) == states[0]
        s.redo()
        s.redo()
        assert to_dict(s.issue) == states[2]
