"""Inline content the importer must keep or drop: revisions, hyperlinks, content controls,
fields, hidden text, text boxes, images, page breaks, comments and footnotes."""
from __future__ import annotations

import struct
import zlib

from docx_builder import package, para
from editor.docx_import import import_docx_bytes
from editor.model import Image, PageBreak, Paragraph, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _doc(body: str, **kw):
    return import_docx_bytes(package(body, **kw), "features.docx")


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_revisions_hyperlinks_sdt_smart_tags_fields():
    body = ("<w:p>" + _r("甲") + '<w:ins w:id="1" w:author="a">' + _r("乙") + "</w:ins>"
            '<w:del w:id="2" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del>'
            '<w:hyperlink r:id="rId9">' + _r("丙") + "</w:hyperlink>"
            "<w:sdt><w:sdtPr/><w:sdtContent>" + _r("丁") + "</w:sdtContent></w:sdt>"
            '<w:smartTag w:uri="u" w:element="e">' + _r("戊") + "</w:smartTag>"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("己") +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:fldSimple w:instr=" DATE ">' + _r("庚") + "</w:fldSimple>"
            '<w:moveFrom w:id="3" w:author="a">' + _r("旧") + "</w:moveFrom>"
            + _r("隐藏", "<w:vanish/>") + "</w:p>")
    result = _doc(body)
    (p,) = result.document.body
    assert p.text == "甲乙丙丁戊己庚"
    messages = " ".join(e.message_zh for e in result.report.entries)
    assert "删除" in messages and "隐藏" in messages


def test_block_level_sdt_and_tables_interleaved():
    table = ("<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr><w:tc>"
             + para("格") + "</w:tc></w:tr></w:tbl>")
    body = (para("一") + "<w:sdt><w:sdtContent>" + para("二") + "</w:sdtContent></w:sdt>" +
            table + para("三"))
    blocks = _doc(body).document.body
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert isinstance(blocks[2], Table) and blocks[2].rows[0].cells[0].text == "格"
    assert blocks[2].grid == [100.0]


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b""))


def test_image_kept_with_size_and_page_break():
    drawing = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1270000" cy="635000"/>'
               '<wp:docPr id="1" name="图片 1" descr="示意图"/><a:graphic><a:graphicData>'
               '<pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic>'
               '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    body = para("前") + drawing + '<w:p><w:r><w:t>后</w:t><w:br w:type="page"/></w:r></w:p>' + \
        para("新页")
    blocks = _doc(body, extra={"word/media/image1.png": _png()}).document.body
    images = [b for b in blocks if isinstance(b, Image)]
    assert len(images) == 1
    img = images[0]
    assert (img.width, img.height, img.content_type, img.alt) == (100.0, 50.0, "image/png", "示意图")
    assert img.data.startswith(b"\x89PNG") and img.id == "i1"
    kinds = [type(b).__name__ for b in blocks]
    assert kinds[-3:] == ["Paragraph", "PageBreak", "Paragraph"]
    assert isinstance(blocks[-2], PageBreak)


def test_text_box_content_kept_in_flow():
    box = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
           f'<w:txbxContent>{para("文本框里的字")}</w:txbxContent></v:textbox></v:shape>'
           "</w:pict></w:r></w:p>")
    doc = _doc(para("之前") + box + para("之后")).document
    texts = [b.text for b in doc.body if isinstance(b, Paragraph)]
    assert [doc.title] + texts == ["之前", "文本框里的字", "之后"]    # first line: uncertain title


def test_comments_anchor_to_their_range():
    comments = (f'<w:comments xmlns:w="{W}"><w:comment w:id="7" w:author="审校" '
                'w:date="2025-04-01T10:00:00Z"><w:p><w:r><w:t>请核对</w:t></w:r></w:p>'
                "</w:comment></w:comments>")
    body = ("<w:p>" + _r("关于公布") + '<w:commentRangeStart w:id="7"/>' + _r("文物保护") +
            '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>'
            + _r("单位的通知") + "</w:p>")
    doc = _doc(body, comments=comments).document
    (ann,) = doc.annotations
    assert (ann.block_id, ann.start, ann.end, ann.quote) == ("p1", 4, 8, "文物保护")
    assert (ann.note, ann.author, ann.kind) == ("请核对", "审校", "注")
    assert doc.body[0].text == "关于公布文物保护单位的通知"


def test_footnotes_kept():
    notes = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
             '<w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
             "<w:t>见市政府文件。</w:t></w:r></w:p></w:footnote></w:footnotes>")
    body = "<w:p>" + _r("依据") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + "</w:p>"
    doc = _doc(body, footnotes=notes).document
    assert [(f.id, f.kind, f.plain_text) for f in doc.footnotes] == [
        ("fn1", "footnote", "见市政府文件。")]
    runs = doc.body[0].runs         # the reference point: a text-less run naming the note
    assert runs[-1].text == "" and runs[-1].note == "fn1" and doc.body[0].text == "依据"
