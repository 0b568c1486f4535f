"""No output over an input: build, proof and booklet refuse to write over the project, an
input .docx or PDF, or any project file; another existing file only with --force; the
window's export dialog refuses the same and asks before it replaces a file."""
from __future__ import annotations

import hashlib
import os
import shutil

import pytest

from conftest import SAMPLES
from editor.app.outputs import OutputExists, OutputRefused, check_output, issue_inputs
from editor.app.session import Session
from editor.cli import main


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory):
    path = tmp_path_factory.mktemp("outputs") / "P.gazette"
    Session.create(path).close()
    return path


@pytest.fixture
def project(sample_project, tmp_path):
    path = tmp_path / "P.gazette"
    shutil.copy(sample_project, path)
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", ["build", "proof", "booklet"])
def test_writing_the_project_over_itself_is_refused_and_the_project_stays(project, command,
                                                                         capsys, monkeypatch):
    before = _digest(project)
    monkeypatch.chdir(project.parent)
    for target, force in (("P.gazette", []), (str(project), ["--force"])):
        assert main([command, str(project), "-o", target, *force]) == 2
        err = capsys.readouterr().err
        assert "就是输入文件本身，不能覆盖" in err and "Traceback" not in err
    assert _digest(project) == before
    with Session.open(project) as s:                     # still a project that opens
        assert s.issue.sections == []


def test_any_project_file_and_its_journal_are_refused_even_with_force(project, tmp_path,
                                                                     capsys):
    other = tmp_path / "上一期.gazette"
    shutil.copy(project, other)
    disguised = tmp_path / "看起来像.pdf"                 # a project under another name
    shutil.copy(project, disguised)
    for target in (other, tmp_path / "new.GAZETTE", tmp_path / "P.gazette-wal", disguised):
        before = target.read_bytes() if target.exists() else None
        assert main(["build", str(project), "-o", str(target), "--force"]) == 2
        assert "期刊项目文件" in capsys.readouterr().err
        assert (target.read_bytes() if target.exists() else None) == before


def test_links_to_the_input_and_the_issue_json_documents_count_as_inputs(project, tmp_path,
                                                                        capsys):
    link = tmp_path / "link.pdf"
    os.link(project, link)                                # the same file by another name
    assert main(["build", str(project), "-o", str(link), "--force"]) == 2
    assert "就是输入文件本身" in capsys.readouterr().err
    docx = sorted(SAMPLES.glob("01_*.docx"))[0]
    assert docx in [p.resolve() for p in issue_inputs(SAMPLES / "issue.json")]
    with pytest.raises(OutputRefused, match="就是输入文件本身"):
        check_output(docx, issue_inputs(SAMPLES / "issue.json"), force=True)
    old = tmp_path / "一校.pdf"
    old.write_bytes(b"%PDF-1.4 old proof")
    assert main(["proof", str(project), "-o", str(old), "--compare", str(old), "--force"]) == 2
    assert old.read_bytes() == b"%PDF-1.4 old proof"


def test_another_existing_file_needs_force(project, tmp_path, capsys):
    existing = tmp_path / "公报.pdf"
    existing.write_bytes(b"keep me")
    assert main(["build", str(project), "-o", str(existing)]) == 2
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err
    assert existing.read_bytes() == b"keep me"
    assert check_output(existing, [project], force=True) == existing
    with pytest.raises(OutputExists):
        check_output(existing, [project])
    assert check_output(tmp_path / "new.pdf", [project]) == tmp_path / "new.pdf"
    with pytest.raises(OutputRefused, match="文件夹"):
        check_output(tmp_path, [project], force=True)


def test_the_export_dialog_refuses_the_project_and_asks_before_replacing(project, tmp_path,
                                                                        qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from editor.ui.export import ExportDialog
    said = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: said.append(text)))
    answers = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: said.append(text) or answers.pop(0)))
    dialog = ExportDialog(tmp_path / "x.pdf", None, inputs=[project])
    link = tmp_path / "项目.pdf"                        # the project under a PDF's name
    os.link(project, link)
    dialog.path.setText(str(link))
    dialog.accept()
    assert dialog.result() != ExportDialog.DialogCode.Accepted and "输入文件本身" in said[-1]
    existing = tmp_path / "旧.pdf"
    existing.write_bytes(b"old")
    dialog.path.setText(str(existing))
    answers.append(QMessageBox.StandardButton.No)
    dialog.accept()
    assert dialog.result() != ExportDialog.DialogCode.Accepted and "要替换它吗" in said[-1]
    answers.append(QMessageBox.StandardButton.Yes)
    dialog.accept()
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    dialog.deleteLater()


def test_the_archive_year_index_never_writes_over_the_archive_or_a_project(project, tmp_path,
                                                                          capsys):
    archive = tmp_path / "档案.gzarchive"
    archive.write_bytes(b"stand-in archive")
    for target in (archive, project):
        before = target.read_bytes()
        assert main(["archive", "index", str(archive), "--year", "2025", "-o", str(target),
                     "--force"]) == 2
        assert "不能" in capsys.readouterr().err and target.read_bytes() == before


def test_an_output_inside_a_file_is_refused_before_any_work(tmp_path):
    """``-o 报告.docx/公报.pdf`` (a file where a folder should be, also further up) is
    refused by the output check itself, naming that file — not after a whole layout; a
    folder that does not exist yet is fine (it is made when the PDF is written)."""
    blocker = tmp_path / "报告.docx"
    blocker.write_bytes(b"PK")
    for out in (blocker / "公报.pdf", blocker / "新建" / "公报.pdf"):
        with pytest.raises(OutputRefused, match="不是文件夹") as err:
            check_output(out, force=True)
        assert str(blocker) in str(err.value)
    assert check_output(tmp_path / "新建" / "公报.pdf") == tmp_path / "新建" / "公报.pdf"
    assert blocker.read_bytes() == b"PK"
