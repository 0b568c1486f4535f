"""Session: commands on the sample issue, undo/redo across a restart, listeners, batch
import into a section, re-import keeping overrides and annotations, the CLI."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, sample
from docx_builder import edited_copy
from editor.app import commands as c
from editor.app.session import HISTORY_LIMIT, Session
from editor.app.recognition_commands import SetParagraphRole
from editor.app.table_commands import SetColumnWidths
from editor.errors import GazetteError
from editor.model import Paragraph, Table
from editor.proof.anchor import make_annotation, text_of
from editor.store import load_issue


@pytest.mark.slow
def test_commands_undo_redo_survive_restart(project):
    original = load_issue(project)
    with Session.open(project) as s:
        first = s.issue.sections[0]
        s.execute(c.MoveDocument(doc_id=first.documents[0].id, section_id="s3", index=0))
        s.execute(c.RenameSection(section_id="s2", title="上级文件"))
        s.execute(c.AddSection(title="政务简讯", index=1))
        s.execute(c.RemoveSection(section_id="s1"))
        s.execute(c.SetMeta(field="slogans", value=["传达政令"]))
        edited = load_issue(project)
        assert edited == s.issue
        assert [x.title for x in s.issue.sections] == ["政务简讯", "上级文件", "大事记"]
        assert s.undo_text == "撤销“修改刊期信息”"
    with Session.open(project) as s:
        assert s.issue == edited
        assert [h.text for h in s.history][:3] == [
            f"移动《{original.sections[0].documents[0].toc_title[:16]}…》",
            "栏目“上级政府文件目录”改名为“上级文件”", "新增栏目“政务简讯”"]
        for _ in range(5):
            s.undo()
        assert s.issue == original and not s.can_undo
        assert s.redo_text == "重做“移动《" + original.sections[0].documents[0].toc_title[:16] + "…》”"
        s.redo()
        s.redo()
    with Session.open(project) as s:
        assert len(s.history) == 2 and len(s.redo_history) == 3
        s.redo()
        s.redo()
        s.redo()
        assert s.issue == edited
    assert load_issue(project) == edited


def test_new_command_discards_redo_branch_but_keeps_log(project):
    with Session.open(project) as s:
        s.execute(c.SetMeta(field="published", value="2025年10月"))
        s.undo()
        s.execute(c.SetMeta(field="published", value="2025年11月"))
        assert not s.can_redo
        log = s.store.log()
    assert [(r["description"], r["undone"], r["discarded"]) for r in log[1:]] == [
        ("修改刊期信息", True, True), ("修改刊期信息", False, False)]
    assert all(r["user"] for r in log)
    with Session.open(project) as s:
        assert s.issue.meta.published == "2025年11月" and not s.can_redo


def test_failing_command_changes_nothing(project):
    before = load_issue(project)
    with Session.open(project) as s:
        with pytest.raises(GazetteError, match="已有名为"):
            s.execute(c.AddSection(title="大事记"))
        with pytest.raises(GazetteError, match="找不到该文件"):
            s.execute(c.RemoveDocument(doc_id="nope"))
        assert s.issue == before and not s.can_undo
    assert load_issue(project) == before


def test_listeners_receive_changes(project):
    seen = []
    with Session.open(project) as s:
        s.listeners.append(seen.append)
        doc = s.issue.sections[0].documents[0]
        s.execute(c.SetDocumentLayout(doc_id=doc.id, field="start", value="odd_page"))
        s.undo()
    assert [ch.documents for ch in seen] == [{doc.id}, {doc.id}]
    with pytest.raises(GazetteError):
        c.SetDocumentLayout(doc_id=doc.id, field="start", value="sometimes").apply(load_issue(
            project))


@pytest.mark.slow
def test_history_limit_keeps_newest_undoable(tmp_path):
    path = tmp_path / "h.gazette"
    with Session.create(path) as s:
        s.execute(c.AddSection(title="栏目"))
        for n in range(HISTORY_LIMIT + 5):
            s.execute(c.RenameSection(section_id="s1", title=f"栏目{n}"))
    with Session.open(path) as s:
        assert len(s.history) == HISTORY_LIMIT
        assert len(s.store.log()) == HISTORY_LIMIT + 7       # creation + every command
        while s.can_undo:
            s.undo()
        assert s.issue.sections[0].title == "栏目4"


def test_batch_import_creates_section_and_keeps_reports(tmp_path):
    path = tmp_path / "b.gazette"
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip")
    docs = [sample("02"), bad, sample("05")]
    with Session.create(path) as s:
        lines = []
        outcome = s.import_documents(docs, "区级文件选登", lines.append)
        assert len(outcome.imported) == 2
        assert any("坏文件.docx" in p for p in outcome.problems)
        # the section is made with the first document that imports
        assert "1/3" in lines[0] and lines[1] == "已新建栏目“区级文件选登”" and "2/3" in lines[2]
        ids = outcome.imported
        assert [d.id for d in s.issue.sections[0].documents] == ids
        report = s.import_report(ids[0])
        assert report.entries and all(e.message_zh for e in report.entries)
        assert s.source(ids[1]) == (sample("05").name, sample("05").read_bytes())
        assert [e.text for e in s.history] == ["导入 2 个文件到“区级文件选登”"]
        s.undo()                                   # the whole batch, with its new section
        assert s.issue.sections == [] and not s.can_undo
        s.redo()
        assert [d.id for d in s.issue.sections[0].documents] == ids
    with Session.open(path) as s:
        assert [d.id for d in s.issue.sections[0].documents] == ids
        assert s.import_report(ids[1]) is not None


def test_remove_document_undo_restores_annotations(project):
    with Session.open(project) as s:
        doc = s.issue.sections[0].documents[0]
        ann = make_annotation(doc, "title", 0, 4, id="a-1", kind="疑", note="核对")
        s.execute(c.AddAnnotation(annotation=ann))
        s.execute(c.SetAnnotationStatus(annotation_id="a-1", status="accepted"))
        s.execute(c.EditAnnotation(annotation_id="a-1", values={"note": "已核对"}))
        s.execute(c.RemoveDocument(doc_id=doc.id))
    with Session.open(project) as s:
        assert s.issue.find_document(doc.id) is None
        s.undo()
        got = s.issue.find_document(doc.id).annotations
        assert [(a.id, a.status, a.note) for a in got] == [("a-1", "accepted", "已核对")]
        s.undo()
        s.undo()
        s.undo()
    assert load_issue(project).find_document(doc.id).annotations == []


def test_delete_annotation_is_undone_in_place_across_reopening(project):
    with Session.open(project) as s:
        doc = s.issue.sections[0].documents[0]
        for n, kind in enumerate(("疑", "注", "删")):
            s.execute(c.AddAnnotation(annotation=make_annotation(
                doc, "title", n, n + 2, id=f"a-{n}", kind=kind, note=f"第{n}条")))
        s.execute(c.DeleteAnnotation(annotation_id="a-1"))
        assert [a.id for a in s.issue.find_document(doc.id).annotations] == ["a-0", "a-2"]
        assert s.history[-1].text == "删除批注（注）"
    with Session.open(project) as s:                 # the stored step keeps the annotation
        assert [a.id for a in s.issue.find_document(doc.id).annotations] == ["a-0", "a-2"]
        s.undo()
        got = s.issue.find_document(doc.id).annotations
        assert [(a.id, a.kind, a.note) for a in got] == \
            [("a-0", "疑", "第0条"), ("a-1", "注", "第1条"), ("a-2", "删", "第2条")]
        s.redo()
        with pytest.raises(GazetteError):
            s.execute(c.DeleteAnnotation(annotation_id="a-1"))
    assert [a.id for a in load_issue(project).find_document(doc.id).annotations] == \
        ["a-0", "a-2"]


def _unique_texts(doc, path) -> list[tuple[Paragraph, str]]:
    """(paragraph, w:t text) for texts of 20+ characters found once in the .docx and in one
    top-level paragraph of the model."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = [b for b in doc.all_blocks() if isinstance(b, Paragraph)]
    found = []
    for text in re.findall(r"<w:t(?: [^>]*)?>([^<&]{20,})</w:t>", xml):
        holders = [p for p in paras if text in p.display_text]
        if xml.count(text) == 1 and len(holders) == 1 and \
                holders[0].display_text.count(text) == 1:
            found.append((holders[0], text))
    return found[::3]


@pytest.mark.slow
def test_reimport_keeps_place_overrides_and_annotations(project, tmp_path):
    with Session.open(project) as s:
        section = s.issue.sections[0]
        doc = section.documents[1]                       # 02: the table-heavy sample
        tables = [b for b in doc.all_blocks() if isinstance(b, Table)]
        assert tables
        s.execute(c.SetDocumentLayout(doc_id=doc.id, field="toc_title", value="营商环境"))
        widths = [1.0] * tables[0].n_cols
        s.execute(SetColumnWidths(doc_id=doc.id, table_id=tables[0].id, value=widths))
        (keep_para, a_text), (lost_para, b_text) = _unique_texts(doc, sample("02"))[:2]
        at = keep_para.display_text.index(a_text) + 10
        keep = make_annotation(doc, keep_para.id, at, at + 8, id="a-keep", kind="改",
                               new_text="替换")
        quote = keep.quote
        s.execute(c.AddAnnotation(annotation=keep))
        at = lost_para.display_text.index(b_text)
        lost = make_annotation(doc, lost_para.id, at, at + len(b_text), id="a-lost", kind="疑")
        s.execute(c.AddAnnotation(annotation=lost))
        # the newer .docx: one annotated phrase rewritten entirely, text inserted before
        # the other
        newer = tmp_path / sample("02").name
        edited_copy(sample("02"), newer, [(b_text, "某" * len(b_text)),
                                           (a_text, a_text[:10] + "新增文字" + a_text[10:])])
        change = s.reimport(doc.id, newer)
        assert doc.id in change.documents
        new = s.issue.find_document(doc.id)
        assert s.issue.sections[0].documents[1] is new                  # same place
        assert new.toc_title == "营商环境"
        assert [b for b in new.all_blocks() if isinstance(b, Table)][0].layout.col_widths == widths
        notes = {a.id: a for a in new.annotations}
        assert set(notes) == {"a-keep", "a-lost"}                       # never dropped
        assert not notes["a-keep"].orphaned and notes["a-keep"].quote == quote
        assert text_of(new, notes["a-keep"].block_id)[
            notes["a-keep"].start:notes["a-keep"].end] == quote
        assert notes["a-lost"].orphaned
        assert s.undo_text.startswith("撤销“重新导入")
        reimported = s.issue
    assert load_issue(project) == reimported
    with Session.open(project) as s:
        s.undo()
        assert s.issue.find_document(doc.id) == doc
    assert load_issue(project).find_document(doc.id) == doc


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "project", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.slow
def test_cli_new_import_show_move_undo(tmp_path):
    path = tmp_path / "cli.gazette"
    r = _cli("new", path)
    assert r.returncode == 0 and "已新建项目" in r.stdout
    r = _cli("import", path, sample("01"), sample("04"), "--section", "区级文件选登")
    assert r.returncode == 0 and "已导入 2 个文件" in r.stdout, r.stderr
    data = json.loads(_cli("show", path, "--json").stdout)
    docs = data["sections"][0]["documents"]
    assert data["sections"][0]["title"] == "区级文件选登" and len(docs) == 2
    r = _cli("move", path, docs[1]["id"], "--section", "区级文件选登", "--position", "1")
    assert r.returncode == 0, r.stderr
    shown = _cli("show", path).stdout
    assert shown.index(docs[1]["id"]) < shown.index(docs[0]["id"])
    assert "已撤销" in _cli("undo", path).stdout
    order = [d["id"] for d in json.loads(_cli("show", path, "--json").stdout)["sections"][0][
        "documents"]]
    assert order == [docs[0]["id"], docs[1]["id"]]
    r = _cli("move", path, "nope", "--section", "区级文件选登")
    assert r.returncode == 2 and "找不到文件" in r.stderr
    assert "导入《" in _cli("log", path).stdout


def test_next_issue_carries_the_gazette_settings_and_counts_on(project, tmp_path, capsys):
    from editor.cli import main
    old = load_issue(project)
    new_path = tmp_path / "33.gazette"
    with Session.create(new_path, like=project) as s:
        meta, issue = s.issue.meta, s.issue
        assert (meta.title, meta.title_pinyin, meta.founded) == \
            (old.meta.title, old.meta.title_pinyin, old.meta.founded)
        assert meta.colophon == old.meta.colophon and meta.slogans == old.meta.slogans
        assert meta.intro_paragraphs == old.meta.intro_paragraphs and meta.intro_note
        assert old.meta.total_number == 32 and meta.total_number == 33
        assert old.meta.issue_label == "总第32期" and meta.issue_label == "总第33期"
        assert meta.period == "" and meta.published == ""
        assert [sec.title for sec in issue.sections] == [sec.title for sec in old.sections]
        assert list(issue.documents()) == [] and issue.template == old.template
        assert [r["description"] for r in s.store.log()] == \
            [f"沿用《{old.meta.title}》上一期的设置新建"]
    assert load_issue(project).meta.total_number == 32          # the old one untouched
    third = tmp_path / "34.gazette"
    assert main(["project", "new", str(third), "--like", str(new_path)]) == 0
    assert load_issue(third).meta.issue_label == "总第34期"
    assert main(["project", "new", str(tmp_path / "x.gazette"), "--like",
                 str(tmp_path / "无此文件.gazette")]) == 2
    assert "找不到上一期的项目文件" in capsys.readouterr().err


def test_correcting_a_documents_head_parts_is_undoable_and_stored(project):
    with Session.open(project) as s:
        doc = s.issue.sections[0].documents[0]
        old_title, old_number = doc.title, doc.doc_number
        s.execute(c.SetDocumentField(doc_id=doc.id, field="title", value=" 关于公布文物保护范围的通知 "))
        change = s.execute(c.SetDocumentField(doc_id=doc.id, field="doc_number",
                                              value="东政发〔2025〕30号"))
        assert doc.id in change.documents and not change.sections
        assert s.history[-1].text == "修改文号"
        with pytest.raises(GazetteError):
            s.execute(c.SetDocumentField(doc_id=doc.id, field="body", value="x"))
    with Session.open(project) as s:
        doc = s.issue.find_document(doc.id)
        assert (doc.title, doc.doc_number) == ("关于公布文物保护范围的通知", "东政发〔2025〕30号")
        assert doc.toc_title == "关于公布文物保护范围的通知"
        s.undo()
        s.undo()
        doc = s.issue.find_document(doc.id)
        assert (doc.title, doc.doc_number) == (old_title, old_number)


def test_correcting_a_paragraphs_role_survives_a_restart_and_undoes(project):
    from editor.model import Heading, Paragraph
    with Session.open(project) as s:
        doc = s.issue.sections[0].documents[0]
        att = doc.attachments[0].blocks
        plain = next(b for b in att if type(b) is Paragraph and b.text.strip())
        head = next(b for b in att if isinstance(b, Heading))
        lead = doc.body[0]
        text, lead_text, old_title = plain.display_text, lead.display_text, doc.title
        s.execute(SetParagraphRole(doc_id=doc.id, block_id=plain.id, target="heading2"))
        s.execute(SetParagraphRole(doc_id=doc.id, block_id=head.id, target="body"))
        with pytest.raises(GazetteError):             # only body paragraphs become the title
            s.execute(SetParagraphRole(doc_id=doc.id, block_id=plain.id, target="title"))
        s.execute(SetParagraphRole(doc_id=doc.id, block_id=lead.id, target="title"))
        assert s.history[-1].text == "段落设为文件标题"
        with pytest.raises(GazetteError):
            s.execute(SetParagraphRole(doc_id=doc.id, block_id="无此段", target="body"))
    with Session.open(project) as s:
        doc = s.issue.find_document(doc.id)
        att = doc.attachments[0].blocks
        assert doc.title == "".join(lead_text.split()) and doc.body == []
        moved = next(b for b in att if b.id == plain.id)
        assert isinstance(moved, Heading) and moved.level == 2 and moved.display_text == text
        assert type(next(b for b in att if b.id == head.id)) is Paragraph
        s.undo()
        doc = s.issue.find_document(doc.id)
        assert doc.title == old_title and [b.id for b in doc.body] == [lead.id]
        s.undo()
        s.undo()
        att = s.issue.find_document(doc.id).attachments[0].blocks
        assert type(next(b for b in att if b.id == plain.id)) is Paragraph
        assert isinstance(next(b for b in att if b.id == head.id), Heading)


def test_template_choice_is_stored_undoable_and_checked(project):
    with Session.open(project) as s:
        assert s.issue.template == "gazette"
        s.execute(c.SetTemplate(name="gazette16k"))
        assert s.issue.template == "gazette16k"
        assert s.undo_text == "撤销“版式改为“16开 公报版式（185×260 mm）””"
        with pytest.raises(GazetteError, match="找不到版式模板"):
            s.execute(c.SetTemplate(name="no-such-template"))
        assert s.issue.template == "gazette16k"
    with Session.open(project) as s:                    # stored, and undoable after a restart
        assert load_issue(project).template == s.issue.template == "gazette16k"
        s.undo()
        assert s.issue.template == "gazette" and load_issue(project).template == "gazette"
