"""PUNCT_HALFWIDTH: ASCII marks among Chinese text are reported at build, never changed."""
from __future__ import annotations

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.checks import CODE, halfwidth_marks
from editor.layout.paginate import layout_document
from editor.layout.template import load_template


def test_marks_between_chinese_are_found_numbers_and_latin_are_not():
    assert halfwidth_marks("落实,确保完成;下一步:推进") == [",", ";", ":"]
    assert halfwidth_marks("(一)总体要求") == ["(一)"]
    assert halfwidth_marks("共3,000人，10:30开会，版本1.2，见www.a.cn/x?y=1") == []
    assert halfwidth_marks("附录(a)说明") == []
    assert halfwidth_marks("全角，、；：不报") == []


def test_layout_reports_the_block_and_page_and_keeps_the_text():
    doc = model.Document(id="d1", title="关于测试的通知", body=[
        model.Paragraph(id="p1", runs=[model.Run("第一段，没有问题。")]),
        model.Paragraph(id="p2", runs=[model.Run("完善法官考核机制,将重点任务落实。")])])
    laid = layout_document(doc, load_template("gbt9704"), FixedMeasurer())
    found = [w for w in laid.warnings if w.code == CODE]
    assert [(w.block_id, w.page) for w in found] == [("p2", 0)]
    assert "“,”" in found[0].text
    printed = "".join(it.text for it in laid.pages[0].items if hasattr(it, "text"))
    assert "机制,将" in printed
