"""A 份号 (GB/T 9704 7.2.1: six digits at the top left) typed by the sender on the 文号's
line or on a line of its own above it: the 文号 is still read and printed alone, the
份号 (one copy's number, meaningless in a gazette) is not printed and is told in the
import notes; judged from the PDF."""
from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from test_qa_senders import _checked, _one, pdf_lines, text_of

MARK = "东西湖区人民政府办公室文件"
NUMBER = "东政办〔2025〕12号"
TITLE = "东西湖区人民政府办公室关于做好2025年春季防汛工作的通知"
C, L, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
HEADS = {
    "same line": [(MARK, C, 30), ("000123　　　　　　" + NUMBER, L, 16)],
    "same line, tab": [(MARK, C, 30), ("份号：000123\t\t" + NUMBER, L, 16)],
    "line above the mark": [("000123", L, 16), (MARK, C, 30), (NUMBER, C, 16)],
    "line above the number": [(MARK, C, 30), ("000123", L, 16), (NUMBER, C, 16)],
}


def _notice(head) -> bytes:
    d = docx.Document()
    rest = [(TITLE, C, 22), ("各街道办事处，区直各单位：", L, 16),
            ("为做好防汛工作，现将有关事项通知如下。", L, 16),
            ("东西湖区人民政府办公室", R, 16), ("2025年3月10日", R, 16)]
    for text, align, size in head + rest:
        para = d.add_paragraph()
        para.alignment = align
        run = para.add_run(text)
        run.font.size = Pt(size)
        if text == MARK:
            run.font.color.rgb = RGBColor(0xE6, 0, 0x12)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize("shape", list(HEADS))
def test_a_copy_number_leaves_the_doc_number_readable(tmp_path, shape):
    pdf, laid, _report = _checked(_one(tmp_path, _notice(HEADS[shape])))
    texts = [text_of(chars) for _n, _y, chars in pdf_lines(pdf)]
    assert NUMBER in texts                      # the 文号 on its own line, as GB/T 9704 sets it
    assert not any("000123" in t for t in texts)
    assert MARK in texts and texts.index(MARK) < texts.index(NUMBER)


def test_the_copy_number_is_told_in_the_import_notes():
    from editor.docx_import.importer import import_docx_bytes
    for shape in HEADS:
        result = import_docx_bytes(_notice(HEADS[shape]), "x.docx")
        assert result.document.doc_number == NUMBER
        assert any("000123" in e.message_zh for e in result.report.entries), shape
