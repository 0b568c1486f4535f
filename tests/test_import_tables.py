"""Tables of samples 02 and 03: grid shape, header rows, gridSpan/vMerge as one cell with
its text once, multi-paragraph cells."""
from __future__ import annotations

import zipfile

from lxml import etree

from conftest import sample
from editor.docx_import import import_docx
from editor.docx_import.summary import table_info
from editor.model import Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _table(prefix: str) -> Table:
    doc = import_docx(sample(prefix)).document
    (table,) = [b for a in doc.attachments for b in a.blocks if isinstance(b, Table)]
    return table


def _source_cells(prefix: str) -> list[str]:
    """Texts of the source's non-continuation cells, read independently with lxml."""
    with zipfile.ZipFile(sample(prefix)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for tc in root.iter(W + "tc"):
        vm = tc.find(f"{W}tcPr/{W}vMerge")
        if vm is not None and vm.get(W + "val") != "restart":
            assert "".join(t.text or "" for t in tc.iter(W + "t")).strip() == ""
            continue
        out.append("".join(t.text or "" for t in tc.iter(W + "t")))
    return out


def test_02_task_table_shape_and_merges():
    t = _table("02")
    info = table_info(t)
    assert (info["rows"], info["cols"], info["header_rows"]) == (93, 4, 1)
    assert [c.text for c in t.rows[0].cells] == ["序号", "工作措施", "主要内容（*为我区自主创新举措）",
                                                 "责任单位"]
    sections = [r for r in t.rows if len(r.cells) == 1]
    assert len(sections) == 6 and all(r.cells[0].col_span == 4 for r in sections)
    assert sections[0].cells[0].text == "一、持续打造竞争有序的市场环境"
    measure = t.rows[2].cells[1]
    assert measure.text == "（一）便利市场准入准营" and measure.row_span == 3
    # Covered rows have no cell in column 1.
    assert [c.col for c in t.rows[3].cells] == [0, 2, 3]
    # Column 1 is covered exactly once on every non-section row (header included).
    assert sum(c.row_span for r in t.rows for c in r.cells if c.col == 1) == 93 - 6


def test_03_task_table_header_span_and_vertical_merges():
    t = _table("03")
    assert (len(t.rows), t.n_cols, t.header_rows) == (30, 5, 1)
    head = t.rows[0].cells[0]
    assert head.text == "事项名称" and head.col_span == 2
    first = t.rows[1].cells[0]
    assert first.text.startswith("一、深入实施“学子聚汉”") and first.row_span == 11
    assert t.rows[1].cells[1].row_span == 4
    multi = t.rows[1].cells[3]
    assert len(multi.blocks) == 2 and multi.text.startswith("区人社局：牵头负责。\n")


def test_merged_text_appears_once():
    for prefix in ("02", "03"):
        t = _table(prefix)
        model = [c.text.replace("\n", "") for r in t.rows for c in r.cells]
        assert model == _source_cells(prefix)
