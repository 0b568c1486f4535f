"""Recognition faults the second QA pass found in sender-shaped documents
(tests/sender_docs.py), each with a variant of another shape, judged from the import
model and, where the fault was printed, from the PDF: a 文号 quoted in the first sentence
of a 批复 taken for its 文号 (the title printed as a red issuer mark); a title over its
文号 as gazettes reprint it read as the issuer mark; a 文号 and 签发人 in a borderless
table not read."""
from __future__ import annotations


import pymupdf
import pytest

import sender_docs
from docx_builder import package, para
from editor.docx_import import import_docx_bytes
from editor.model import Paragraph, Table

CENTER = '<w:jc w:val="center"/>'
RIGHT = '<w:jc w:val="right"/>'
TITLE = '<w:sz w:val="44"/>'
RED_BIG = '<w:color w:val="FF0000"/><w:sz w:val="72"/>'


def _import(data: bytes):
    return import_docx_bytes(data, "x.docx")


def _texts(doc) -> list[str]:
    return [b.display_text for b in doc.body if isinstance(b, Paragraph)]


def _layout_table(*cells: str) -> str:
    """A borderless one-row table of the given cells."""
    tcs = "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>{para(c)}</w:tc>"
                  for c in cells)
    return ('<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/><w:bottom w:val="nil"/>'
            '<w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid>'
            + '<w:gridCol w:w="4000"/>' * len(cells) + f"</w:tblGrid><w:tr>{tcs}</w:tr></w:tbl>")


# -- 1. a 文号 only on a line of its own ------------------------------------------------

def test_a_reply_quoting_a_number_in_its_first_sentence_keeps_title_and_body():
    result = _import(sender_docs.tracked())
    doc = result.document
    assert doc.title == "东西湖区人民政府关于同意设立东西湖区走马岭街道社区卫生服务中心的批复"
    assert (doc.issuer_mark, doc.doc_number) == ("", "")
    assert doc.recipients == "区卫生健康局："
    first = "你局《关于设立走马岭街道社区卫生服务中心的请示》（东卫健文〔2025〕12号）收悉。"
    assert _texts(doc)[0] == first                 # was cut to 岭街道…12号 as the 文号
    assert len(doc.annotations) == 2 and not any(a.orphaned for a in doc.annotations)
    assert doc.annotations[0].quote.startswith("你局《关于设立")


def test_a_number_in_a_short_sentence_under_the_title_is_body_text():
    """Short enough to pass for a head line, still a sentence: not the 文号."""
    body = (para("关于同意调整会议时间的复函", CENTER, TITLE) + para("区教育局：") +
            para("你局来函（东教函〔2025〕3号）收悉。") + para("同意调整。") +
            para("东西湖区人民政府办公室", RIGHT) + para("2025年5月6日", RIGHT))
    doc = _import(package(body)).document
    assert (doc.title, doc.doc_number, doc.issuer_mark) == ("关于同意调整会议时间的复函", "", "")
    assert _texts(doc) == ["你局来函（东教函〔2025〕3号）收悉。", "同意调整。"]


# -- 2. a title over its 文号 ----------------------------------------------------------

def test_a_title_over_its_number_is_the_title():
    doc = _import(sender_docs.long_title()).document
    assert doc.title == sender_docs.LONG and doc.uncertain == []
    assert (doc.issuer_mark, doc.doc_number) == ("", "东政办〔2025〕9号")
    assert doc.recipients == "各街道办事处，区直各单位："
    assert not any("东政办〔2025〕9号" == t for t in _texts(doc))


def test_a_two_line_title_over_a_bracketed_number_is_the_title():
    body = (para("东西湖区人民政府关于印发", CENTER, TITLE) +
            para("东西湖区防汛抗旱应急预案的通知", CENTER, TITLE) +
            para("（东政〔2025〕6号）", CENTER) + para("各街道办事处，区政府各部门：") +
            para("现将预案印发给你们，请认真执行。") +
            para("东西湖区人民政府", RIGHT) + para("2025年4月1日", RIGHT))
    doc = _import(package(body)).document
    assert doc.title == "东西湖区人民政府关于印发东西湖区防汛抗旱应急预案的通知"
    assert (doc.issuer_mark, doc.doc_number) == ("", "东政〔2025〕6号")
    assert _texts(doc) == ["现将预案印发给你们，请认真执行。"]


def test_a_red_issuer_mark_over_its_number_stays_the_issuer_mark():
    """The 红头 is still read as one: red, or ending 文件, over the 文号."""
    body = (para("东西湖区人民政府", CENTER, RED_BIG) + para("东政文〔2025〕31号", CENTER) +
            para("关于同意设立区图书馆分馆的批复", CENTER, TITLE) + para("区文化和旅游局：") +
            para("同意设立。") + para("东西湖区人民政府", RIGHT) + para("2025年9月9日", RIGHT))
    doc = _import(package(body)).document
    assert (doc.issuer_mark, doc.doc_number) == ("东西湖区人民政府", "东政文〔2025〕31号")
    assert doc.title == "关于同意设立区图书馆分馆的批复"


# -- 3. a 文号 and 签发人 in a layout table ---------------------------------------------

def test_a_number_and_signer_in_a_borderless_table_are_read():
    result = _import(sender_docs.layout_tables())
    doc = result.document
    assert (doc.issuer_mark, doc.doc_number) == ("东西湖区人力资源和社会保障局文件",
                                                 "东人社发〔2025〕7号")
    assert doc.title == "关于举办2025年东西湖区高校毕业生专场招聘会的通知"
    assert doc.recipients == "各街道办事处，区直各有关单位，各有关企业："
    assert doc.uncertain == []
    tables = [b for b in doc.body if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 4          # only the 报名表 is left
    assert any("签发人：刘洋" in e.message_zh for e in result.report.entries)


def test_a_number_table_heading_a_request_with_no_mark():
    """A 请示 opening with its 文号 | 签发人 table, nothing above it."""
    body = (_layout_table("东政〔2025〕19号", "签发人：周明") +
            para("关于申请建设区应急物资储备库的请示", CENTER, TITLE) + para("市人民政府：") +
            para("为提升应急保障能力，特申请建设区应急物资储备库。") + para("妥否，请批示。") +
            para("东西湖区人民政府", RIGHT) + para("2025年6月3日", RIGHT))
    doc = _import(package(body)).document
    assert (doc.kind, doc.doc_number) == ("request", "东政〔2025〕19号")
    assert doc.title == "关于申请建设区应急物资储备库的请示"
    assert not any(isinstance(b, Table) for b in doc.body)


def test_a_data_table_in_the_head_is_not_a_number():
    """A one-row table of other text (份号/密级) is no 文号 and stays."""
    body = (_layout_table("份号000123", "密级：公开") +
            para("东西湖区人民政府文件", CENTER, RED_BIG) + para("东政发〔2025〕3号", CENTER) +
            para("关于印发工作要点的通知", CENTER, TITLE) + para("各街道：") + para("请执行。") +
            para("东西湖区人民政府", RIGHT) + para("2025年1月3日", RIGHT))
    doc = _import(package(body)).document
    assert (doc.issuer_mark, doc.doc_number) == ("东西湖区人民政府文件", "东政发〔2025〕3号")
    assert isinstance(doc.body[0], Table)


# -- printed ----------------------------------------------------------------------------

def _red(colour) -> bool:
    r, g, b = colour[:3]
    return r > 0.6 and g < 0.4 and b < 0.4


@pytest.mark.slow
def test_the_three_heads_print_as_titles(tmp_path):
    """From the PDF: the 批复's title and its 主送机关, and the reprinted title, in black
    at title size (were the red issuer mark, the long one shrunk to ~5 pt); the table-set
    head's title in the 目录 (was 无标题文件)."""
    from editor.issue_json import load_issue
    from editor.render import build_pdf
    issue = sender_docs.write_all(tmp_path, ["03_layout_tables.docx", "05_tracked.docx",
                                             "07_long_title.docx"])
    out = tmp_path / "x.pdf"
    build_pdf(load_issue(issue), out)
    with pymupdf.open(str(out)) as pdf:
        pages = [page.get_text() for page in pdf]
        toc = next(t for t in pages if "目　录" in t or "目录" in t.replace(" ", ""))
        assert "招聘会的通知" in toc and "无标题" not in toc
        for start, title in (("东西湖区人民政府关于同意设立", "区卫生健康局"),
                             ("东西湖区人民政府办公室关于印发", "及配套政策实施细则的通知")):
            number = next(n for n, t in enumerate(pages) if t.startswith(start))
            glyphs = [(chr(ch[0]), span["size"], span["color"])
                      for span in pdf[number].get_texttrace() for ch in span["chars"]]
            head = [g for g in glyphs if g[0] not in " \u3000"][:40]
            assert all(size >= 15 and not _red(colour) for _c, size, colour in head), head
            assert title in pages[number]
        assert "（东政办〔2025〕9号）" in "".join(pages).replace(" ", "")
