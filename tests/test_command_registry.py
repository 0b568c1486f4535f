"""Every command kind survives being stored: a project holding one step of each registered
command is reopened in a fresh process, undone to the start and redone to the end, and the
issue matches what the editing session had at each end.  Also: every command class lives
in a module the registry loads (so a stored step always finds its class)."""
from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys

import pytest

import editor
from editor.app import commands as c
from editor.app import recognition_commands as rc
from editor.app import table_commands as tc
from editor.app.command import COMMAND_MODULES, Command, registered_commands
from editor.app.reimport import top_tables
from editor.app.session import Session
from editor.model import Annotation
from editor.model.serialize import to_dict
from editor.proof import corrections as pc
from editor.proof.import_ import AddImportedAnnotations

from conftest import ROOT, SAMPLES, sample


def _core_modules():
    for info in pkgutil.walk_packages(editor.__path__, "editor."):
        if not info.name.startswith("editor.ui"):
            yield info.name


def test_every_command_class_lives_in_a_registered_module():
    for name in _core_modules():
        importlib.import_module(name)          # a broken import fails here, loudly
    commands = {n: cls for n, cls in registered_commands().items()
                if cls.__module__.startswith("editor.")}    # not the tests' own commands
    outside = {n: cls.__module__ for n, cls in commands.items()
               if cls.__module__ not in COMMAND_MODULES + ("editor.app.command",)}
    assert not outside, f"add these modules to COMMAND_MODULES: {outside}"
    assert not [n for n in commands if n.startswith("_")], "shared bases are not stored"


def test_an_unknown_stored_command_is_refused_in_chinese():
    from editor.app.command import UnknownCommand
    with pytest.raises(UnknownCommand) as info:
        Command.from_dict({"command": "FromTheFuture", "data": {}})
    assert "无法识别" in info.value.message


def _annotation(doc, block, ann_id, kind, start, end, new_text=""):
    text = "".join(r.text for r in block.runs)
    return Annotation(id=ann_id, doc_id=doc.id, block_id=block.id, start=start, end=end,
                      quote=text[start:end], prefix=text[max(0, start - 6):start],
                      suffix=text[end:end + 6], kind=kind, new_text=new_text,
                      author="校对", time="2025-07-01T09:00:00")


def _table_with_gaps(path):
    """A notice whose table has an empty second row and an empty last column."""
    import docx
    document = docx.Document()
    document.add_paragraph("关于开展安全检查的通知")
    table = document.add_table(rows=3, cols=3)
    for col, text in enumerate(["单位", "负责人"]):
        table.cell(0, col).text = text
        table.cell(2, col).text = ["区应急局", "王明"][col]
    document.add_paragraph("请各单位按时报送检查情况。")
    document.save(path)
    return path


def _steps(s: Session, tmp_path):
    """One step of every registered command kind, executed in order on ``s``."""
    s1, s2 = s.issue.sections[0], s.issue.sections[1]
    notice = s1.documents[1]                                 # 营商环境: a big table
    table = top_tables(notice)[0]
    para = next(b for b in notice.body if getattr(b, "runs", None))
    text = "".join(r.text for r in para.runs)
    t, d = table.id, notice.id
    word = text[4:8]
    yield c.SetMeta(field="total_number", value=99)
    yield c.SetTemplate(name="gazette16k")
    yield c.AddSection(title_text="领导讲话")
    yield c.RenameSection(section_id=s.issue.sections[-1].id, new_title="政务简讯")
    yield c.MoveSection(section_id=s2.id, index=0)
    yield c.MoveDocument(doc_id=s1.documents[0].id, section_id=s1.id, index=2)
    yield c.SetDocumentLayout(doc_id=d, field="toc_title", value="营商环境行动方案")
    yield c.SetDocumentField(doc_id=d, field="title", value="关于印发营商环境方案的通知")
    yield rc.SetParagraphRole(doc_id=d, block_id=para.id, target="heading1")
    yield rc.SetParagraphRole(doc_id=d, block_id=para.id, target="body")
    yield tc.SetColumnWidths(doc_id=d, table_id=t, value=[20.0, 50.0, 60.0, 30.0])
    yield tc.SetHeaderRows(doc_id=d, table_id=t, value=2)
    yield tc.SetTableFontSize(doc_id=d, table_id=t, value=10.5)
    yield tc.SetCellPadding(doc_id=d, table_id=t, value=2.0)
    yield tc.SetKeepRowsTogether(doc_id=d, table_id=t, value=True)
    yield tc.SetLandscape(doc_id=d, table_id=t, value=True)
    yield tc.SetColumnAlignment(doc_id=d, table_id=t, col=0, align="center")
    yield tc.MergeCells(doc_id=d, table_id=t, row=3, col=3, n_rows=2, n_cols=1)
    yield tc.UnmergeCell(doc_id=d, table_id=t, row=3, col=3)
    yield tc.SplitTableAtRow(doc_id=d, table_id=t, row=40)
    yield c.AddAnnotation(annotation=_annotation(notice, para, "n-fix", "改", 4, 8, "改正文字"))
    yield c.AddAnnotation(annotation=_annotation(notice, para, "n-ask", "疑", 0, 2))
    yield c.AddAnnotation(annotation=_annotation(notice, para, "n-note", "注", 2, 4))
    yield c.EditAnnotation(annotation_id="n-note", values={"note": "请核对"})
    yield c.SetAnnotationStatus(annotation_id="n-note", status="answered")
    yield c.DeleteAnnotation(annotation_id="n-note")
    yield pc.AcceptAnnotation(doc_id=d, annotation_id="n-fix", author="编辑", time="t")
    yield pc.AnswerAnnotation(doc_id=d, annotation_id="n-ask", reply="已核实", author="编辑")
    yield c.AddAnnotation(annotation=_annotation(notice, para, "n-rej", "删", 0, 1))
    yield pc.RejectAnnotation(doc_id=d, annotation_id="n-rej", reply="原文无误", author="编辑")
    imported = _annotation(notice, para, "n-pdf", "注", 1, 3)
    yield AddImportedAnnotations(annotations=[imported])
    now = pc.text_of(s.issue.find_document(d), para.id)       # the block was replaced
    at = now.index("改正文字")
    yield pc.ReplaceText(places=[[d, para.id, at, at + 4]], query="改正文字", new="订正文字")
    yield pc.FixPunctuation(places=[[d, para.id, 0, 1, now[0], now[0]]])
    yield pc.EditText(places=[[d, para.id, 0, 1, now[0], "【"]])
    outcome = s.import_documents([_table_with_gaps(tmp_path / "gaps.docx")], "区级文件选登")
    gaps = s.issue.find_document(outcome.imported[0])
    g = top_tables(gaps)[0].id
    yield tc.DeleteEmptyRow(doc_id=gaps.id, table_id=g, row=1)
    yield tc.DeleteEmptyColumn(doc_id=gaps.id, table_id=g, col=2)
    first = next(b for b in gaps.body if getattr(b, "runs", None))
    yield rc.SetPart(doc_id=gaps.id, block_id=first.id, target="title")
    yield rc.SetDocumentKind(doc_id=gaps.id, kind="notice")
    yield c.RemoveDocument(doc_id=s2.documents[0].id)
    yield c.RemoveSection(section_id=s2.id)
    assert word                                 # the paragraph had text to work on


def _state(issue) -> str:
    return json.dumps(to_dict(issue), ensure_ascii=False, sort_keys=True)


REPLAY = r"""
import json, sys
from editor.app.session import Session
from editor.model.serialize import to_dict
state = lambda s: json.dumps(to_dict(s.issue), ensure_ascii=False, sort_keys=True)
with Session.open(sys.argv[1]) as s:
    out = {"kinds": sorted({e.name for e in s.history}), "end": state(s)}
    steps = 0
    while s.can_undo:
        s.undo(); steps += 1
    out["start"], out["undone"] = state(s), steps
    while s.can_redo:
        s.redo()
    out["redone"] = state(s)
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.slow
def test_every_command_kind_undoes_and_redoes_after_reopening(tmp_path):
    path = tmp_path / "all.gazette"
    with Session.create(path, from_issue_json=SAMPLES / "issue.json") as s:
        start = _state(s.issue)
        s.import_documents([sample("03")], "区级文件选登")                    # AddDocument
        s.import_documents([sample("01"), sample("05")], "区级文件选登")      # CommandGroup
        for command in _steps(s, tmp_path):
            s.execute(command)
        s.reimport(s.issue.sections[0].documents[0].id, sample("01"))        # ReimportDocument
        end = _state(s.issue)
    run = subprocess.run([sys.executable, "-c", REPLAY, str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    # "start" was written by Session.create itself (its sample import is not a step).
    kinds = {n for n, cls in registered_commands().items() if cls.__module__.startswith("editor.")}
    assert set(out["kinds"]) == kinds, f"no step of: {kinds - set(out['kinds'])}"
    assert out["end"] == end
    assert out["start"] == start
    assert out["redone"] == end


@pytest.mark.slow
def test_undo_of_a_reimport_after_reopening_works_from_the_cli(tmp_path):
    path = tmp_path / "re.gazette"
    with Session.create(path, from_issue_json=SAMPLES / "issue.json") as s:
        doc_id = s.issue.sections[0].documents[0].id
        before = _state(s.issue)
    main = [sys.executable, str(ROOT / "main.py"), "project"]
    run = subprocess.run(main + ["reimport", str(path), doc_id, str(sample("01"))],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    run = subprocess.run(main + ["undo", str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "重新导入" in run.stdout
    with Session.open(path) as s:
        assert _state(s.issue) == before


def test_stored_steps_carry_their_version_and_a_newer_one_is_refused():
    from editor.app.command import UnknownCommand
    step = c.RenameSection(section_id="s1", new_title="政务简讯").to_dict()
    assert step["version"] == c.RenameSection.version == 1
    old = {k: v for k, v in step.items() if k != "version"}     # stored before versions
    assert isinstance(Command.from_dict(old), c.RenameSection)
    with pytest.raises(UnknownCommand) as info:
        Command.from_dict({**step, "version": 2})
    assert "更新版本" in info.value.message
