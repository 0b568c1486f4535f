"""标点检查 (editor.proof.punctcheck): half-width marks touching Chinese text, a half-width
full stop ending a Chinese sentence, the 发文字号 year brackets — and nothing inside
numbers, Latin words, URLs, automatic numbers, nor spaces between phrases.  Fixing
applies as one undoable step."""
from __future__ import annotations

from editor.app.command import Command
from editor.issue_json import load_issue
from editor.model import Document, Issue, Paragraph, Run, Section
from editor.model.serialize import to_dict
from editor.proof.anchor import text_of
from editor.proof.corrections import FixPunctuation
from editor.proof.punctcheck import check_document, check_punctuation, fix_places
from editor.resources import sample_issue_path


def _doc(*texts: str, **head) -> Document:
    body = [Paragraph(id=f"p{i}", runs=[Run(t)]) for i, t in enumerate(texts)]
    return Document(id="d", body=body, **head)


def _fixed(doc: Document) -> dict[str, str]:
    issue = Issue(sections=[Section("s", "栏目", [doc])])
    FixPunctuation(places=fix_places(check_punctuation(issue))).apply(issue)
    return {p.id: p.display_text for p in doc.body}


def test_half_width_marks_in_chinese_text_become_full_width():
    doc = _doc("各单位要认真落实,确保按期完成;如有问题:及时报告!",
               "(一)总体要求", "完成情况良好.下一步继续推进.", "是否可行?请研究。")
    assert _fixed(doc) == {"p0": "各单位要认真落实，确保按期完成；如有问题：及时报告！",
                           "p1": "（一）总体要求", "p2": "完成情况良好。下一步继续推进。",
                           "p3": "是否可行？请研究。"}


def test_numbers_latin_urls_and_automatic_numbers_are_left_alone():
    texts = ["共计3,000万元,增长10.5%", "时间10:30", "访问 https://www.gov.cn/a.html 查询",
             "Wi-Fi (IEEE 802.11) 全覆盖", "GB/T 9704-2012"]
    doc = _doc(*texts)
    doc.body[0].label = "1."
    findings = check_document(doc)
    assert [(f.block_id, f.found, f.fix) for f in findings] == [("p0", ",", "，")]
    assert findings[0].start == len("1.共计3,000万元")
    assert _fixed(doc)["p0"] == "1.共计3,000万元，增长10.5%"


def test_spaces_between_chinese_characters_are_not_reported():
    """Slogans and titles set parallel phrases apart with a space (as in the sample's
    大事记): not a slip the checker can tell from a stray one."""
    doc = _doc("活动以“普惠托育 科学育儿”为主题", "3月5日　湖北省召开会议")
    assert check_document(doc) == []


def test_doc_number_year_goes_in_hexagonal_brackets():
    for typed in ("东政办[2025]2号", "东政办(2025)2号", "东政办【2025】2号", "东政办（2025）2号"):
        doc = _doc("正文。", doc_number=typed)
        (finding,) = check_document(doc)
        assert finding.block_id == "doc_number" and finding.fix == "〔2025〕"
        _fixed(doc)
        assert doc.doc_number == "东政办〔2025〕2号"
    assert check_document(_doc("正文。", doc_number="东政办〔2025〕2号")) == []


def test_the_sample_issue_fixed_in_one_step_and_undone():
    issue = load_issue(sample_issue_path())
    findings = check_punctuation(issue)
    assert len(findings) >= 50                           # the sample was typed in a hurry
    for f in findings:                                   # what the list shows is the text
        doc = issue.find_document(f.doc_id)
        text = text_of(doc, f.block_id)
        assert text[f.start:f.end] == f.found and text[:f.start].endswith(f.before)
    before = to_dict(issue)
    cmd = FixPunctuation(places=fix_places(findings))
    cmd.apply(issue)
    assert check_punctuation(issue) == []
    assert cmd.describe() == f"改正标点（{len(findings)} 处）"
    Command.from_dict(cmd.to_dict()).revert(issue)
    assert to_dict(issue) == before


def test_a_bracket_goes_with_its_partner():
    """（1）实施 — the ( touches no Chinese, yet it becomes full-width with its ) ."""
    doc = _doc("(1)实施方案", "详见附件(1)", "Wi-Fi (IEEE) 全覆盖")
    assert _fixed(doc) == {"p0": "（1）实施方案", "p1": "详见附件（1）",
                           "p2": "Wi-Fi (IEEE) 全覆盖"}
