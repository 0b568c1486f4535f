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


def test_a_long_line_over_a_number_is_a_title_in_doubt():
    """No 关于……的 nor a kind (办法, 方案 …) to name it a title: taken for its length,
    and flagged 待核对."""
    body = (para("东西湖区2025年度优化营商环境重点任务及各部门责任分工安排情况汇总", CENTER, TITLE) +
            para("东政办〔2025〕21号", CENTER) + para("各街道办事处，区政府各部门：") +
            para("现将清单印发给你们，请认真执行。") +
            para("东西湖区人民政府办公室", RIGHT) + para("2025年4月1日", RIGHT))
    result = _import(package(body))
    doc = result.document
    assert doc.title == "东西湖区2025年度优化营商环境重点任务及各部门责任分工安排情况汇总"
    assert (doc.issuer_mark, doc.doc_number, doc.uncertain) == ("", "东政办〔2025〕21号",
                                                                ["title"])
    assert any("请核对" in e.message_zh for e in result.report.warnings)


def test_a_short_title_over_a_bracketed_number_is_the_title():
    """A title as short as an agency's name, ending in its kind (暂行办法), over its 文号
    in brackets as a gazette reprints it."""
    body = (para("东西湖区政府投资项目代建管理暂行办法", CENTER, TITLE) +
            para("（东政规〔2025〕1号）", CENTER) + para("第一条　为规范代建管理，制定本办法。") +
            para("第二条　本办法自印发之日起施行。"))
    doc = _import(package(body)).document
    assert (doc.title, doc.issuer_mark, doc.doc_number) == (
        "东西湖区政府投资项目代建管理暂行办法", "", "东政规〔2025〕1号")
    assert doc.uncertain == []


def test_an_issuer_mark_over_a_title_over_its_number():
    body = (para("东西湖区人民政府文件", CENTER) +
            para("东西湖区人民政府关于印发东西湖区防汛抗旱应急预案的通知", CENTER, TITLE) +
            para("（东政〔2025〕6号）", CENTER) + para("各街道办事处，区政府各部门：") +
            para("现将预案印发给你们，请认真执行。") +
            para("东西湖区人民政府", RIGHT) + para("2025年4月1日", RIGHT))
    doc = _import(package(body)).document
    assert (doc.issuer_mark, doc.doc_number) == ("东西湖区人民政府文件", "东政〔2025〕6号")
    assert doc.title == "东西湖区人民政府关于印发东西湖区防汛抗旱应急预案的通知"


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
    result = _import(package(body))
    doc = result.document
    assert (doc.kind, doc.doc_number) == ("request", "东政〔2025〕19号")
    assert any("签发人：周明" in e.message_zh for e in result.report.entries)
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


# -- 4. typed list items are not headings ----------------------------------------------

def _headings(doc) -> list[tuple[int, str]]:
    from editor.model import Heading
    return [(b.level, b.display_text) for b in doc.body if isinstance(b, Heading)]


def test_typed_material_items_ending_in_semicolons_are_not_headings():
    result = _import(sender_docs.direct_runs())
    doc = result.document
    assert _headings(doc) == [(1, "一、申报范围"), (1, "二、申报材料"), (1, "三、报送方式")]
    assert "1. 项目申报书（含建设内容、技术路线、投资估算）；" in _texts(doc)
    told = [e.message_zh for e in result.report.entries if "列表项" in e.message_zh]
    assert told and "未作标题" in told[0] and "共 2 处" in told[0]      # the doubt, said


def test_long_numbered_items_in_a_row_are_not_headings_and_short_headings_are():
    items = ["各街道办事处要在本辖区内全面排查老旧小区燃气管道和消防通道的安全隐患情况",
             "区住房和城市更新局要会同有关部门制定老旧小区改造年度计划并报区政府审定",
             "区财政局要统筹安排改造资金并加强对资金使用情况的全过程绩效监督和管理工作"]
    body = (para("关于做好老旧小区改造工作的通知", CENTER, TITLE) + para("各街道办事处：") +
            para("一、工作任务") + "".join(para(f"{k + 1}．{t}") for k, t in enumerate(items)) +
            para("二、保障措施") + para("1.加强组织领导") +
            para("各单位要高度重视，明确分管领导和具体责任人。") + para("2.强化督促检查") +
            para("区政府督查室将定期通报工作进展。") +
            para("东西湖区人民政府办公室", RIGHT) + para("2025年5月6日", RIGHT))
    doc = _import(package(body)).document
    assert all(len(t) >= 35 for t in items)
    assert _headings(doc) == [(1, "一、工作任务"), (1, "二、保障措施"), (3, "1.加强组织领导"),
                              (3, "2.强化督促检查")]


def test_a_numbered_line_with_nothing_of_its_own_under_it_is_an_item():
    """1. and 2. one after the other, then 一、: a list, however short the lines."""
    body = (para("关于报送材料的通知", CENTER, TITLE) + para("各单位：") +
            para("一、报送材料") + para("1.工作总结") + para("2.统计报表") +
            para("二、报送时间") + para("请于6月30日前报送。") +
            para("东西湖区统计局", RIGHT) + para("2025年6月3日", RIGHT))
    doc = _import(package(body)).document
    assert _headings(doc) == [(1, "一、报送材料"), (1, "二、报送时间")]


# -- 5. an 附件说明 right above the 署名 --------------------------------------------------

def test_an_attachment_note_with_no_blank_line_before_the_signature():
    body = (para("关于下达资金计划的通知", CENTER, TITLE) + para("各街道：") +
            para("现将计划下达给你们。") + para("附件：1．资金计划表") +
            para("　　　2．项目建设管理要求") + para("东西湖区农业农村局", RIGHT) +
            para("2025年3月12日", RIGHT))
    doc = _import(package(body)).document
    assert doc.attachment_note == ["附件：1．资金计划表", "2．项目建设管理要求"]
    assert doc.signature == ["东西湖区农业农村局"]


# -- 6. typed indents -----------------------------------------------------------------------

def test_eight_typed_spaces_are_the_senders_indent():
    body = (para("关于做好防汛工作的通知", CENTER, TITLE) + para("各街道：") +
            para("        汛期将至，请各单位做好准备。") +
            para("　　  请于5月底前完成隐患排查。") +
            para("东西湖区应急管理局", RIGHT) + para("2025年4月3日", RIGHT))
    doc = _import(package(body)).document
    assert _texts(doc) == ["汛期将至，请各单位做好准备。", "请于5月底前完成隐患排查。"]


def test_a_deep_lead_goes_when_the_document_indents_so_throughout():
    """Eight 　 on every paragraph is the sender's indent; on one line among paragraphs
    indented 　　 it places that line, and stays."""
    lines = ["汛期将至，请各单位做好准备。", "请于5月底前完成隐患排查。", "请加强值班值守。"]
    head = para("关于做好防汛工作的通知", CENTER, TITLE) + para("各街道：")
    tail = para("东西湖区应急管理局", RIGHT) + para("2025年4月3日", RIGHT)
    deep = "\u3000" * 8
    doc = _import(package(head + "".join(para(deep + t) for t in lines) + tail)).document
    assert _texts(doc) == lines
    body = "".join(para("\u3000\u3000" + t) for t in lines) + para(deep + "（此件公开发布）")
    doc = _import(package(head + body + tail)).document
    assert _texts(doc) == lines + [deep + "（此件公开发布）"]


def _one_issue(folder, data: bytes):
    """An issue.json of one section holding the document ``data``."""
    import json
    (folder / "one.docx").write_bytes(data)
    path = folder / "issue.json"
    path.write_text(json.dumps(
        {"title": "东西湖区人民政府公报", "period": "2025年第2期", "issue_label": "总第34期",
         "sections": [{"title": "部门文件", "documents": [{"file": "one.docx"}]}]},
        ensure_ascii=False), encoding="utf-8")
    return path


def _line_starts(pdf_path) -> dict[str, tuple[float, float]]:
    """First characters of each printed line → (x of its first glyph, size)."""
    out: dict[str, tuple[float, float]] = {}
    with pymupdf.open(str(pdf_path)) as pdf:
        for page in pdf:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    chars = [(c["c"], c["origin"][0], span["size"]) for span in line["spans"]
                             for c in span["chars"] if not c["c"].isspace()]
                    if chars:
                        out.setdefault("".join(c for c, _x, _s in chars)[:6],
                                       (chars[0][1], chars[0][2]))
    return out


@pytest.mark.slow
def test_typed_indent_and_attachment_note_print_where_they_belong(tmp_path):
    """From the PDF: the paragraph typed with eight spaces starts 2 字 in, as any body
    paragraph (was ~4 字 further); the 附件说明's second entry stands under its first
    (it was the first line of the right-aligned 署名)."""
    from editor.issue_json import load_issue
    from editor.render import build_pdf
    body = (para("关于下达资金计划的通知", CENTER, TITLE) + para("各街道：") +
            para("        现将计划下达给你们，请认真组织实施，确保资金按期拨付到位。") +
            para("附件：1．资金计划表") + para("　　　2．项目建设管理要求") +
            para("东西湖区农业农村局", RIGHT) + para("2025年3月12日", RIGHT))
    out = tmp_path / "x.pdf"
    build_pdf(load_issue(_one_issue(tmp_path, package(body))), out)
    starts = _line_starts(out)
    left, size = starts["各街道："]
    assert abs(starts["现将计划下达"][0] - (left + 2 * size)) < 1.0
    first = next(k for k in starts if k.startswith("附件"))
    assert abs(starts["2．项目建设"][0] - (starts[first][0] + 3 * size)) < 1.0
    assert starts["东西湖区农业"][0] > starts["2．项目建设"][0] + 4 * size


# -- 7. a 纪要's meeting lines under its head ----------------------------------------------

MEETING = ["时间：2025年3月5日上午9:00", "地点：区政府第一会议室", "主持：周明",
           "出席：李华、王强、张伟、刘洋、陈静、杨帆、赵磊、黄敏、吴刚、徐丽、孙涛、马超、朱琳、"
           "胡军、郭亮", "记录：何平"]


def _minutes_with_meeting_lines() -> bytes:
    import minutes_docs
    from recognition.builder import Writer
    w = Writer()
    minutes_docs.head(w, "东西湖区人民政府专题会议纪要", "第7期", "spaces", "2025年3月6日")
    for line in MEETING:
        w.p("　　" + line)
    w.p("　　会议听取了区住房和城市更新局关于老旧小区改造工作的汇报，研究了有关事项。"
        "现纪要如下：")
    w.p("　　一、关于改造计划", font=minutes_docs.HEI)
    w.p("　　会议原则同意2025年老旧小区改造计划，请区住房和城市更新局抓紧组织实施。")
    return w.bytes()


def test_meeting_lines_at_the_top_of_minutes_are_attendance_lines():
    doc = _import(_minutes_with_meeting_lines()).document
    assert doc.kind == "minutes" and doc.date == "2025年3月6日"
    roles = [(b.role, b.display_text) for b in doc.body[:6]]
    assert roles[:5] == [("attendance", line) for line in MEETING]
    assert roles[5][0] == "body"


def test_a_single_time_line_opening_a_minutes_body_stays_body_text():
    """时间： alone is no meeting header; and a notice's body is never read so."""
    import minutes_docs
    from recognition.builder import Writer
    w = Writer()
    minutes_docs.head(w, "东西湖区人民政府专题会议纪要", "第8期", "spaces", "2025年3月9日")
    w.p("　　时间：本次会议定于每季度末召开。")
    w.p("　　会议研究了有关事项。")
    doc = _import(w.bytes()).document
    assert [b.role for b in doc.body] == ["body", "body"]
    body = (para("关于召开工作会议的通知", CENTER, TITLE) + para("各单位：") +
            para("时间：2025年3月5日") + para("地点：区政府第一会议室") +
            para("东西湖区人民政府办公室", RIGHT) + para("2025年3月1日", RIGHT))
    assert [b.role for b in _import(package(body)).document.body] == ["body", "body"]


@pytest.mark.slow
def test_meeting_lines_print_with_a_black_label_and_names_under_the_first(tmp_path):
    """From the PDF: 时间：地点：主持：出席：记录： in the 黑体 of the 一、 heading, the
    names in the body face, 出席's second line aligned under its first name."""
    from editor.issue_json import load_issue
    from editor.render import build_pdf
    out = tmp_path / "x.pdf"
    build_pdf(load_issue(_one_issue(tmp_path, _minutes_with_meeting_lines())), out)
    with pymupdf.open(str(out)) as pdf:
        lines = [(("".join(s["text"] for s in ln["spans"])).replace(" ", ""), ln["spans"])
                 for page in pdf for block in page.get_text("dict")["blocks"]
                 for ln in block.get("lines", ())]
    heading = next(spans for text, spans in lines if text.startswith("一、"))
    for line in MEETING:
        k, (text, spans) = next((k, ln) for k, ln in enumerate(lines)
                                if ln[0].startswith(line[:3]))
        assert spans[0]["text"].replace(" ", "") == line[:3]
        assert spans[0]["font"] == heading[0]["font"] and spans[1]["font"] != spans[0]["font"]
    k = next(k for k, ln in enumerate(lines) if ln[0].startswith("出席："))
    first_name = lines[k][1][1]["bbox"][0]
    assert lines[k + 1][0].startswith("胡军") or "：" not in lines[k + 1][0][:4]
    assert lines[k + 1][1][0]["bbox"][0] == pytest.approx(first_name, abs=1)


def test_a_public_notice_of_a_list_is_read_as_a_notice():
    """关于……的公示: its 附件说明, 署名, date and 附件 are read (it was an article, the
    署名 and date printed as body lines)."""
    doc = _import(sender_docs.long_attachment()).document
    assert (doc.kind, doc.signature, doc.date) == ("notice", ["东西湖区民政局"], "2025年3月31日")
    assert doc.attachment_note == ["附件：2025年第一批城乡低保对象名单"]
    assert [a.title for a in doc.attachments] == ["2025年第一批城乡低保对象名单"]
