"""Corrections of recognition, one undoable step each: set a document's kind (read again as
that kind), set a paragraph as title / subtitle / speaker / date / mark / heading / body —
in the app and through ``project set-kind`` / ``project set-part``."""
from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from editor.app.recognition_commands import SetDocumentKind, SetPart
from editor.docx_import import import_docx_bytes
from editor.model import Heading, Issue, Section
from editor.model.serialize import to_dict
from recognition.cases import CASES


def _issue(name: str) -> Issue:
    doc = import_docx_bytes(CASES[name][0](), name + ".docx").document
    return Issue(sections=[Section(id="s1", title="讲话", documents=[doc])])


def _ids(doc, text: str) -> str:
    return next(b.id for b in doc.all_blocks() if text in getattr(b, "text", ""))


def test_set_kind_reads_again_and_undo_restores_exactly():
    issue = _issue("s02_title_date_speaker")
    doc = issue.sections[0].documents[0]
    before = copy.deepcopy(to_dict(doc))
    cmd = SetDocumentKind(doc_id=doc.id, kind="notice")
    change = cmd.apply(issue)
    assert change.sections and doc.kind == "notice" and doc.speaker == ""
    assert any("区委书记" in getattr(b, "text", "") for b in doc.body)    # nothing lost
    assert doc.title == "在全区优化营商环境工作大会上的讲话"
    SetDocumentKind(doc_id=doc.id, kind="speech").apply(issue)
    assert (doc.kind, doc.speaker, doc.date) == ("speech", "区委书记　王　强", "2025年2月10日")
    cmd.revert(issue)
    assert to_dict(doc) == before


def test_set_part_mark_title_subtitle_speaker_date_heading():
    issue = _issue("u02_plain_text_only")          # an uncertain title
    doc = issue.sections[0].documents[0]
    assert doc.uncertain == ["title"]
    before = to_dict(doc)
    body_id = doc.body[0].id
    cmd = SetPart(doc_id=doc.id, block_id=body_id, target="title")
    cmd.apply(issue)
    assert doc.title.startswith("各单位要提高思想认识") and doc.uncertain == []
    assert doc.body[0].text == "关于区图书馆延长开放时间的公告"     # the old title went back
    cmd.revert(issue)
    assert to_dict(doc) == before
    issue = _issue("a01_district_profile")
    doc = issue.sections[0].documents[0]
    for target, field in (("subtitle", "subtitle"), ("speaker", "speaker"), ("mark", "mark")):
        text = doc.body[0].text.strip()
        SetPart(doc_id=doc.id, block_id=doc.body[0].id, target=target).apply(issue)
        assert getattr(doc, field) == text and doc.body[0].text.strip() != text
    SetPart(doc_id=doc.id, block_id="mark", target="heading2").apply(issue)
    assert isinstance(doc.body[0], Heading) and doc.body[0].level == 2 and doc.mark == ""


def test_set_part_date_line_of_a_speech():
    issue = _issue("s04_subtitle_then_speaker")
    doc = issue.sections[0].documents[0]
    doc.subtitle = ""
    from editor.model import Paragraph, Run
    doc.body.insert(0, Paragraph(id="x1", runs=[Run(text="（2025年1月5日）")]))
    SetPart(doc_id=doc.id, block_id="x1", target="date").apply(issue)
    assert (doc.date, doc.date_in_head) == ("2025年1月5日", True)
    assert all(b.id != "x1" for b in doc.body)


@pytest.mark.slow
def test_cli_set_kind_and_set_part(tmp_path):
    src = tmp_path / "报告.docx"
    src.write_bytes(CASES["s01_gov_report_mark"][0]())
    project = tmp_path / "t.gazette"

    def cli(*args: str) -> str:
        run = subprocess.run([sys.executable, "main.py", "project", *map(str, args)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        return run.stdout
    cli("new", project)
    out = cli("import", project, src, "--section", "讲话")
    doc_id = out.split("\n")[1].split()[0]
    assert "政府工作报告" in out and "报告.docx" not in out
    assert "文件类型设为大事记" in cli("set-kind", project, doc_id, "chronicle")
    cli("undo", project)
    assert "段落设为正文段落" in cli("set-part", project, doc_id, "speaker", "body")
    shown = cli("show", project, doc_id)
    assert "speaker:" not in shown and "东西湖区人民政府区长　周　明" in shown


def test_a_notice_date_set_as_body_goes_to_the_end_and_back_on_undo():
    issue = _issue("n05_decision")
    doc = issue.sections[0].documents[0]
    before = to_dict(doc)
    cmd = SetPart(doc_id=doc.id, block_id="date", target="body")
    cmd.apply(issue)
    assert doc.date == "" and doc.body[-1].text == "2025年2月8日"
    cmd.revert(issue)
    assert to_dict(doc) == before and doc.date == "2025年2月8日"


def test_a_paragraph_role_step_stored_by_an_older_version_still_undoes():
    """``SetParagraphRole`` once kept only the paragraph and the old title; such a step,
    read back from a project's history, undoes to the document as it was."""
    from editor.app.command import Command
    issue = _issue("s02_title_date_speaker")
    doc = issue.sections[0].documents[0]
    before = copy.deepcopy(to_dict(doc))
    block = next(b for b in doc.body if getattr(b, "text", "").strip())
    index, old_title = doc.body.index(block), doc.title
    doc.title = block.display_text                  # what the old apply did
    del doc.body[index]
    stored = {"command": "SetParagraphRole",
              "data": {"doc_id": doc.id, "block_id": block.id, "target": "title",
                       "saved": {"block": to_dict(block), "index": index, "where": "body",
                                 "title": old_title}}}
    change = Command.from_dict(stored).revert(issue)
    assert change.sections and to_dict(doc) == before


def test_a_title_read_as_the_issuer_mark_is_set_as_the_title_and_back():
    """A title the import printed red as the 发文机关标志 (a title over its 文号, no red
    head) is made the title by one undoable step from the page's right-click menu."""
    from editor.model import Document, Paragraph, Run
    doc = Document(id="d1", issuer_mark="关于做好2025年防汛工作的通知",
                   doc_number="东政办〔2025〕9号",
                   body=[Paragraph(id="p1", runs=[Run("各街道办事处：")])])
    issue = Issue(sections=[Section(id="s1", title="区级文件选登", documents=[doc])])
    before = copy.deepcopy(to_dict(doc))
    cmd = SetPart(doc_id="d1", block_id="issuer_mark", target="title")
    cmd.apply(issue)
    doc = issue.find_document("d1")
    assert (doc.title, doc.issuer_mark, doc.doc_number) == \
        ("关于做好2025年防汛工作的通知", "", "东政办〔2025〕9号")
    assert [b.text for b in doc.body] == ["各街道办事处："]
    cmd.revert(issue)
    assert to_dict(issue.find_document("d1")) == before


def test_the_issuer_mark_line_on_the_page_offers_the_part_choices():
    from editor.layout.items import Source
    from editor.model import Document
    from editor.ui.edits import paragraph_roles
    doc = Document(id="d1", issuer_mark="关于做好防汛工作的通知")
    issue = Issue(sections=[Section(id="s1", title="区级文件选登", documents=[doc])])
    current, choices = paragraph_roles(issue, Source("d1", "issuer_mark", 0, 4))
    assert current == "issuer_mark" and "title" in dict(choices)
