"""Header rows of tables whose sender did not mark them (issue #19, item 3): read from
evidence at import (bold, shaded, centred first rows, a two-level merged header, 序号),
repeated on every page the table continues on, a guess on weak evidence said as a
TABLE_HEADER_GUESSED warning, and the table panel's 重复表头行数 still the last word.
Judged from the PDF (the boxes at the top of every table page)."""
from __future__ import annotations

import pytest

from table_docs import HEADER_STYLES, header_doc, ten_column_doc
from tablereport import read_table_pages
from editor import model
from editor.app.table_commands import SetHeaderRows
from editor.docx_import import import_docx
from editor.render import build_pdf

HEAD = ["社区名称", "所属街道", "主要工作", "户数"]


def _doc(tmp_path, style: str, **kw):
    return import_docx(header_doc(tmp_path / f"{style}.docx", style, **kw)).document


def _table(doc) -> model.Table:
    return next(b for b in doc.all_blocks() if isinstance(b, model.Table))


def _build(tmp_path, doc):
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    out = tmp_path / "h.pdf"
    laid = build_pdf(issue, out)
    return [p for p in read_table_pages(out) if p.boxes], laid


def _top_rows(page, n: int = 1) -> list[str]:
    """Texts of the boxes in the first ``n`` rows of boxes on a table page, left to right."""
    tops = sorted({round(b.top) for b in page.boxes})[:n]
    return [b.text for b in sorted(page.boxes, key=lambda b: (round(b.top), b.left))
            if round(b.top) in tops and b.text]


@pytest.mark.parametrize("style, rows, doubt", [
    ("bold", 1, False), ("shaded", 1, False), ("centred", 1, False), ("merged", 2, False),
    ("labels", 1, True), ("data", 0, False), ("marked", 1, False)])
def test_header_rows_are_read_from_evidence(tmp_path, style, rows, doubt):
    # Before: only w:tblHeader counted, so every unmarked table had no header row.
    assert style in HEADER_STYLES
    table = _table(_doc(tmp_path, style, rows=6))
    assert table.header_rows == rows
    assert bool(table.header_doubt) == doubt


@pytest.mark.parametrize("style", ["bold", "merged"])
@pytest.mark.slow
def test_a_guessed_header_repeats_on_every_page(tmp_path, style):
    pages, laid = _build(tmp_path, _doc(tmp_path, style))
    assert len(pages) >= 2
    for p in pages:
        top = _top_rows(p, 2 if style == "merged" else 1)
        if style == "merged":
            assert top == ["社区名称", "所属街道", "工作情况", "主要工作", "户数"], p.index
        else:
            assert top == HEAD, p.index
    assert not [w for w in laid.warnings if w.code == "TABLE_HEADER_GUESSED"]


@pytest.mark.slow
def test_a_weak_guess_is_said_once_and_the_panel_overrides_it(tmp_path):
    doc = _doc(tmp_path, "labels")
    table = _table(doc)
    pages, laid = _build(tmp_path, doc)
    said = [w for w in laid.warnings if w.code == "TABLE_HEADER_GUESSED"]
    assert len(said) == 1 and said[0].block_id == table.id and said[0].doc_id == doc.id
    assert "表头" in said[0].text and "重复表头行数" in said[0].text
    assert all(_top_rows(p) == HEAD for p in pages)
    issue_cmd = SetHeaderRows(doc_id=doc.id, table_id=table.id, value=0)
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    issue_cmd.apply(issue)                      # the user: no header row
    pages, laid = _build(tmp_path, doc)
    assert not [w for w in laid.warnings if w.code == "TABLE_HEADER_GUESSED"]
    assert sum(_top_rows(p) == HEAD for p in pages) == 1       # only where the row is
    issue_cmd.revert(issue)
    assert table.header_rows == 1


def test_two_bold_rows_make_a_two_row_header(tmp_path):
    path = header_doc(tmp_path / "two.docx", "bold", rows=6)
    import docx
    d = docx.Document(str(path))
    for cell in d.tables[0].rows[1].cells:      # the second row bold too: a header row
        for p in cell.paragraphs:
            for r in p.runs:
                r.bold = True
    d.save(str(path))
    assert _table(import_docx(path).document).header_rows == 2


def test_a_table_that_fits_one_page_says_no_doubt(tmp_path):
    _, laid = _build(tmp_path, _doc(tmp_path, "labels", rows=5))
    assert not [w for w in laid.warnings if w.code == "TABLE_HEADER_GUESSED"]


@pytest.mark.slow
def test_the_ten_column_table_repeats_its_unmarked_header(tmp_path):
    doc = import_docx(ten_column_doc(tmp_path / "ten.docx")).document
    pages, _ = _build(tmp_path, doc)
    assert len(pages) >= 3
    for p in pages:
        assert _top_rows(p)[:3] == ["序号", "事项编码", "事项名称"], p.index
