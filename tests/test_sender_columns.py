"""A document the sender set in two columns (Word w:cols): the gazette sets it as its
template says (通栏; a 大事记 in columns where the template has them) and the import
report says so in Chinese, instead of changing the layout silently."""
from __future__ import annotations

import io
import re
import zipfile

import qa_docs


def _columns(data: bytes, num: int) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = re.sub(r"<w:cols[^>]*/>", "", body.decode("utf-8"))
                text = text.replace("</w:sectPr></w:body>",
                                    f'<w:cols w:num="{num}" w:space="425"/></w:sectPr></w:body>')
                body = text.encode("utf-8")
            z.writestr(item, body)
    return out.getvalue()


def _notes(data: bytes) -> list[str]:
    from editor.docx_import.importer import import_docx_bytes
    return [e.message_zh for e in import_docx_bytes(data, "x.docx").report.entries
            if "栏" in e.message_zh]


def test_a_two_column_document_is_told_in_the_import_report():
    news = qa_docs.news_collection()
    assert _notes(_columns(news, 1)) == []
    (note,) = _notes(_columns(news, 2))
    assert "分2栏" in note and "通栏" in note
