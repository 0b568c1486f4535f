"""Structure recognition on built documents: attachment note and numbered attachments,
版记, title over several paragraphs, speeches, news digests, other documents."""
from __future__ import annotations

from docx_builder import package, para
from editor.docx_import import import_docx_bytes
from editor.model import Heading

CENTER = '<w:jc w:val="center"/>'
RIGHT = '<w:jc w:val="right"/>'
BIG = '<w:sz w:val="44"/>'


def _doc(body: str):
    return import_docx_bytes(package(body), "built.docx").document


def test_notice_with_attachments_and_colophon():
    body = (para("某某区人民政府办公室文件", CENTER) + para("") +
            para("某政办〔2024〕12号", CENTER) +
            para("关于做好春节期间", CENTER, BIG) + para("安全生产工作的通知", CENTER, BIG) +
            para("各街道办事处，区直各部门：") + para("一、总体要求") + para("请认真落实。") +
            para("附件：1.检查表") + para("2.联系人名单") + para("") +
            para("某某区人民政府办公室", RIGHT) + para("2024年1月5日", RIGHT) +
            para("（此件公开发布）") +
            para("附件1") + para("检查表", CENTER) + para("检查内容。") +
            para("附件2") + para("联系人名单", CENTER) + para("张三。") +
            para("抄送：区委办公室。") + para("某某区人民政府办公室        2024年1月5日印发"))
    d = _doc(body)
    assert (d.kind, d.issuer_mark, d.doc_number) == ("notice", "某某区人民政府办公室文件",
                                                     "某政办〔2024〕12号")
    assert d.title == "关于做好春节期间安全生产工作的通知"
    assert d.recipients == "各街道办事处，区直各部门："
    assert d.attachment_note == ["附件：1.检查表", "2.联系人名单"]
    assert d.signature == ["某某区人民政府办公室"] and d.date == "2024年1月5日"
    assert [(a.label, a.title, [b.text for b in a.blocks]) for a in d.attachments] == [
        ("附件1", "检查表", ["检查内容。"]), ("附件2", "联系人名单", ["张三。"])]
    assert d.colophon_note == ["抄送：区委办公室。", "某某区人民政府办公室        2024年1月5日印发"]
    assert isinstance(d.body[0], Heading) and d.body[0].level == 1
    assert d.body[-1].text == "（此件公开发布）" and d.body[-1].role == "note"


def test_speech_subtitle_and_speaker():
    body = (para("在全区经济工作会议上的讲话", CENTER, BIG) +
            para("——2025年2月10日", CENTER) + para("区长  李四", CENTER) +
            para("同志们：") + para("一、回顾去年工作") + para("去年全区经济稳中有进。"))
    d = _doc(body)
    assert d.kind == "speech" and d.title == "在全区经济工作会议上的讲话"
    assert d.subtitle == "——2025年2月10日" and d.speaker == "区长  李四"
    assert [b.text for b in d.body][:2] == ["同志们：", "一、回顾去年工作"]


def test_news_digest():
    body = (para("政务简讯", CENTER, BIG) +
            para("区政府召开常务会议", CENTER, "<w:b/>") + para("3月1日，区政府召开常务会议。") +
            para("全区植树活动举行", CENTER, "<w:b/>") + para("3月12日，全区开展植树活动。"))
    d = _doc(body)
    assert d.kind == "news" and d.title == "政务简讯"
    assert [b.role for b in d.body] == ["news_title", "body", "news_title", "body"]


def test_a_document_without_a_set_title_gets_its_first_line_as_an_uncertain_title():
    """Never a file name: the first short line becomes the title, flagged for the editor
    (import report and 属性); nothing else is dropped or turned into headings."""
    body = para("Meeting notes") + para("1. Budget") + para("Agreed.") + para("2025年1月2日")
    result = import_docx_bytes(package(body), "built.docx")
    d = result.document
    assert (d.kind, d.title, d.uncertain) == ("article", "Meeting notes", ["title"])
    assert [b.text for b in d.body] == ["1. Budget", "Agreed.", "2025年1月2日"]
    assert not any(isinstance(b, Heading) for b in d.body)
    assert any("Meeting notes" in e.message_zh and "标题" in e.message_zh
               for e in result.report.warnings)


def test_speech_with_a_date_line_and_speaker_under_the_title():
    """The common 领导讲话 head: title, （date） line, speaker — in either order — then
    the body with its 一、 headings."""
    kai = '<w:sz w:val="32"/>'
    body = (para("在全区优化营商环境工作大会上的讲话", CENTER, BIG) +
            para("（2025年3月1日）", CENTER, kai) + para("区长  张三", CENTER, kai) +
            para("同志们：") + para("一、充分肯定成绩") + para("过去一年，全区上下坚持稳中求进。"))
    d = _doc(body)
    assert (d.kind, d.title) == ("speech", "在全区优化营商环境工作大会上的讲话")
    assert (d.subtitle, d.speaker, d.date) == ("", "区长  张三", "2025年3月1日")
    assert d.date_in_head
    assert [b.text for b in d.body][0] == "同志们："
    assert isinstance(d.body[1], Heading) and d.body[1].level == 1
    swapped = (para("坚定信心　真抓实干", CENTER, BIG) + para("区委书记  王五", CENTER, kai) +
               para("（2025年2月10日在全区经济工作会议上）", CENTER, kai) +
               para("同志们：") + para("今年的任务很重。"))
    d = _doc(swapped)                                    # a title not naming itself a speech
    assert (d.kind, d.title, d.speaker) == ("speech", "坚定信心真抓实干", "区委书记  王五")
    assert d.subtitle == "（2025年2月10日在全区经济工作会议上）" and d.date == "2025年2月10日"
    assert [b.text for b in d.body] == ["同志们：", "今年的任务很重。"]
    centred_title_only = (para("区政府2025年工作要点", CENTER, BIG) + para("一、目标") +
                          para("全年地区生产总值增长6%。"))
    other = _doc(centred_title_only)
    assert (other.kind, other.title, other.speaker) == ("article", "区政府2025年工作要点", "")
    assert isinstance(other.body[0], Heading) and other.body[0].level == 1
    assert [b.text for b in other.body] == ["一、目标", "全年地区生产总值增长6%。"]


def test_a_centred_sentence_or_small_first_line_is_not_taken_for_a_title():
    small = para("会议纪要", CENTER) + para("一、议题") + para("研究了三件事。")
    d = _doc(small)             # centred but small: taken, flagged uncertain
    assert (d.title, d.uncertain) == ("会议纪要", ["title"])
    assert [type(b).__name__ for b in d.body] == ["Heading", "Paragraph"]     # 一、 still counts
    sentence = para("经研究，同意上述方案。请各单位认真执行。", CENTER, BIG) + para("正文。")
    d = _doc(sentence)
    assert d.title == "" and len(d.body) == 2 and d.uncertain == ["title"]
    assert d.toc_title == "无标题文件"


def test_title_spacing_goes_between_chinese_and_stays_between_latin_words():
    from editor.docx_import.patterns import title_text
    assert title_text("通  知") == "通知"
    assert title_text("关于做好春节期间 安全生产工作的通知") == "关于做好春节期间安全生产工作的通知"
    assert title_text("Announcements  May 12, 2004") == "Announcements May 12, 2004"
    assert title_text("推进 AI 赋能政务服务的通知") == "推进AI赋能政务服务的通知"
    english = para("Business Plan for a", CENTER, BIG) + para("Startup Business", CENTER, BIG) + \
        para("Our plan follows.")
    assert _doc(english).title == "Business Plan for a Startup Business"
