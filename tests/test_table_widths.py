"""Column widths of tables nobody designed for print (issue #19, item 3): widths from
content when the sender's grid is bad (an unbreakable code column given 110 pt and a URL
column 40 pt, python-docx's even grid), the sender's sensible grid kept, cell widths
(w:tcW) read when the tblGrid is left even.  Judged from the PDF (pages, row lines, words
kept whole) and from the prepared widths."""
from __future__ import annotations

import io

import pytest
from docx import Document
from docx.shared import Cm

from table_docs import (BAD_GRID, build, long_text_doc, narrow_names_doc, set_grid,
                        tall_rows_doc, ten_column_doc, wide_table_doc)
from tablecheck import STSongMeasurer
from tablereport import read_table_pages
from editor import model
from editor.docx_import import import_docx, import_docx_bytes
from editor.layout.table_prep import column_metrics, prepare
from editor.layout.tables_glue import table_style
from editor.layout.template import load_template

M = STSongMeasurer()
T = load_template("gbt9704")


def _tables(o, out=None) -> list[model.Table]:
    import dataclasses
    out = [] if out is None else out
    if isinstance(o, model.Table):
        out.append(o)
    elif isinstance(o, list):
        for x in o:
            _tables(x, out)
    elif dataclasses.is_dataclass(o) and not isinstance(o, type):
        for f in dataclasses.fields(o):
            _tables(getattr(o, f.name), out)
    return out


def _table_of(path) -> model.Table:
    return _tables(import_docx(path).document)[0]


def _row_lines(pages) -> list[int]:
    """Lines of every row on the table pages: the most lines of a box in the row (boxes
    grouped by their top edge)."""
    out = []
    for p in pages:
        rows: dict[int, int] = {}
        for b in p.boxes:
            rows[round(b.top)] = max(rows.get(round(b.top), 0), len(b.lines()))
        out += list(rows.values())
    return out


def _spread_han(pages) -> float:
    """The widest extra space (in em) between two Han characters of a cell line that is
    not its box's last line (a justified line spread by a fraction of a character)."""
    worst = 0.0
    for p in pages:
        for b in p.boxes:
            for ln in b.lines()[:-1]:
                for g, h in zip(ln, ln[1:]):
                    if all("\u4e00" <= x.c <= "\u9fff" for x in (g, h)):
                        worst = max(worst, (h.u0 - g.u0 - g.size) / g.size)
    return worst


def _built(tmp_path, path):
    out = tmp_path / (path.stem + ".pdf")
    build(path, out)
    return [p for p in read_table_pages(out) if p.boxes]


@pytest.mark.slow
@pytest.mark.parametrize("grid", [BAD_GRID, None], ids=["sender-grid", "even-grid"])
def test_ten_columns_with_a_bad_grid_get_widths_from_content(tmp_path, grid):
    # Before: the grid's code column (110 pt) and a squeezed URL column (40 pt) made rows
    # of up to 10 lines; 18 rows took 7 landscape pages.
    pages = _built(tmp_path, ten_column_doc(tmp_path / "ten.docx", grid=grid))
    assert len(pages) <= 4, len(pages)
    lines = _row_lines(pages)
    assert max(lines) <= 5 and sum(lines) / len(lines) <= 4.5, lines
    assert _spread_han(pages) < 0.02          # names set on whole characters, not spread
    words = [b.text for p in pages for b in p.boxes]
    for k in range(1, 19):                     # codes and phone numbers whole on a line
        code, phone = f"HBQK-ZWFW-{2025000 + k}", f"027-8385{k:04d}"
        assert any(w == code for w in words), code
        box = next(b for p in pages for b in p.boxes if b.text == phone)
        assert len(box.lines()) == 1


@pytest.mark.parametrize("builder, most", [
    pytest.param(wide_table_doc, 8, marks=pytest.mark.slow), (long_text_doc, 5)],
    ids=["nine-columns-urls-note", "long-paragraphs"])
def test_wide_and_long_text_tables_take_fewer_pages(tmp_path, builder, most):
    # Before: 11 table pages for the 9-column table, 9 for the long-paragraph one (even
    # python-docx grids; the long text squeezed into a quarter of the width).
    pages = _built(tmp_path, builder(tmp_path / "t.docx"))
    assert len(pages) <= most, len(pages)


def test_names_in_a_narrow_column_stay_whole(tmp_path):
    # The sender's 1.3 cm name column broke 圣家墩遗址 over two lines.
    pages = _built(tmp_path, narrow_names_doc(tmp_path / "n.docx"))
    names = [b for p in pages for b in p.boxes if b.text.endswith("遗址")]
    assert names and all(len(b.lines()) == 1 for b in names)


def test_a_sensible_sender_grid_is_kept():
    # tall_rows_doc's 1.2 / 10.5 / 3.8 cm columns lay out well: not reshaped.
    with_grid = _table_of(tall_rows_doc(_tmp() / "tall.docx"))
    got = prepare(with_grid, table_style(T), 442.2, M, "d").widths
    grid = with_grid.grid
    assert [round(w / sum(got), 3) for w in got] == [round(g / sum(grid), 3) for g in grid]


@pytest.mark.slow
def test_the_sample_issue_tables_keep_their_grid():
    from editor.app.loading import load_any_issue
    from editor.resources import sample_issue_path
    tables = _tables(load_any_issue(sample_issue_path()))
    assert len(tables) >= 2
    for t in tables:
        got = prepare(t, table_style(T), 442.2, M, "d").widths
        assert [round(w / sum(got), 3) for w in got] == \
            [round(g / sum(t.grid), 3) for g in t.grid], t.id


@pytest.mark.slow
def test_wrapping_columns_from_content_hold_whole_characters():
    table = _table_of(wide_table_doc(_tmp() / "wide.docx"))
    style = table_style(T)
    p = prepare(table, style, 637.8, M, "d")
    mt = column_metrics(table, style, M)
    inner = [w - 2 * style.padding for w in p.widths]
    wrapping = [k for k, w in enumerate(inner) if mt.hi[k] * p.size > w
                and w > (mt.lo[k] + 1) * p.size]        # not held at its widest piece
    assert len(wrapping) >= 4
    for k in wrapping:
        assert abs(inner[k] / p.size - round(inner[k] / p.size)) < 0.01, (k, inner[k])
    assert abs(sum(p.widths) - 637.8) < 0.01


def test_every_column_gets_its_widest_unit_and_long_text_the_rest():
    rows = [["序号", "编码", "内容", "电话"]] + [
        [str(k), f"BHFW-JSKZ-2025-{k:03d}", "依照有关规定" * (3 + k % 4), "027-83850001"]
        for k in range(1, 9)]
    table = model.Table("t1", grid=[110.0, 30.0, 40.0, 30.0], rows=[
        model.Row([model.Cell(f"c{r}_{k}", k, [model.Paragraph(f"p{r}_{k}", runs=[
            model.Run(text=v)])]) for k, v in enumerate(vals)]) for r, vals in enumerate(rows)])
    p = prepare(table, table_style(T), 442.2, M, "d")
    mt = column_metrics(table, table_style(T), M)
    pad2 = 2 * table_style(T).padding
    for k in range(4):
        assert p.widths[k] >= mt.lo[k] * p.size + pad2 - 0.01
    assert p.widths[2] == max(p.widths) and p.widths[0] < 40     # 序号 gave its room away


def test_the_users_column_widths_are_kept_over_names_and_content():
    table = _table_of(narrow_names_doc(_tmp() / "n.docx"))
    table.layout.col_widths = [30.0, 30.0, 120.0, 262.2]     # a name column of 30 pt
    got = prepare(table, table_style(T), 442.2, M, "d").widths
    assert [round(w, 1) for w in got] == [30.0, 30.0, 120.0, 262.2]


def test_cell_widths_are_read_when_the_grid_is_left_even():
    d = Document()
    t = d.add_table(rows=2, cols=3)
    for row in t.rows:
        for cell, w in zip(row.cells, [1.0, 9.0, 4.0]):
            cell.width = Cm(w)                  # python-docx writes w:tcW only
    buf = io.BytesIO()
    d.save(buf)
    grid = _tables(import_docx_bytes(buf.getvalue(), "t.docx").document)[0].grid
    assert [round(g / 28.35, 1) for g in grid] == [1.0, 9.0, 4.0]
    d2 = Document()
    t2 = d2.add_table(rows=2, cols=3)
    set_grid(t2, [30, 250, 110])                # a grid and its cells agreeing: as it is
    buf = io.BytesIO()
    d2.save(buf)
    assert _tables(import_docx_bytes(buf.getvalue(), "t.docx").document)[0].grid == [30, 250, 110]


def _tmp():
    import tempfile
    from pathlib import Path
    return Path(tempfile.mkdtemp(prefix="gongbao-widths-"))
