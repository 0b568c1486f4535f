"""Model: lossless JSON round trip and the derived properties layout relies on."""
from editor.model import (Annotation, Attachment, Cell, Document, Heading, Image, Issue, IssueMeta,
                          ListItem, Paragraph, ParaStyle, Row, Run, Section, Table, TableLayout)
from editor.model.serialize import dumps, loads


def _document() -> Document:
    table = Table(id="t1", grid=[100.0, 200.0], rows=[
        Row(cells=[Cell(id="c1", col=0, blocks=[Paragraph(id="cp1", runs=[Run("序号")])]),
                   Cell(id="c2", col=1, blocks=[Paragraph(id="cp2", runs=[Run("工作措施")])])], is_header=True),
        Row(cells=[Cell(id="c3", col=0, row_span=2, blocks=[Paragraph(id="cp3", runs=[Run("1")])]),
                   Cell(id="c4", col=1, blocks=[])]),
    ], layout=TableLayout(font_size=10.5, col_widths=[1, 3]))
    return Document(
        id="d1", doc_number="东政办〔2025〕2号", title="关于印发方案的通知",
        body=[Heading(id="h1", runs=[Run("总体要求", role="hei", size=16, bold=True)], level=1, label="一、"),
              ListItem(id="l1", runs=[Run("文件甲")], label="1.", level=0, num_id="3"),
              Paragraph(id="p1", runs=[Run("正文", color="FF0000")], style=ParaStyle(first_indent=32.0)),
              table, Image(id="i1", data=b"\x89PNG\x00\x01", width=10, height=20)],
        signature=["东西湖区人民政府办公室"], date="2025年3月28日",
        attachments=[Attachment(id="a1", label="附件1", title="任务清单", blocks=[])],
        annotations=[Annotation(id="n1", doc_id="d1", block_id="p1", start=0, end=2, quote="正文", kind="改",
                                new_text="正式文本")])


def test_round_trip_is_lossless():
    issue = Issue(meta=IssueMeta(title="东西湖区人民政府公报", total_number=32, colophon={"主办": "区政府"}),
                  sections=[Section(id="s1", title="区级文件选登", documents=[_document()])])
    again = loads(dumps(issue))
    assert again == issue
    assert isinstance(again.sections[0].documents[0].body[0], Heading)
    assert again.sections[0].documents[0].body[4].data == b"\x89PNG\x00\x01"


def test_header_rows_and_display_text():
    doc = _document()
    table = doc.body[3]
    assert table.header_rows == 1
    table.layout.header_rows = 2
    assert table.header_rows == 2
    assert doc.body[0].display_text == "一、总体要求"
