"""``python main.py check``: 标点检查 on an issue, a single .docx, and ``--fix`` on a project
file as one step the editor can undo."""
from __future__ import annotations

import re

from conftest import SAMPLES
from editor.app.session import Session
from editor.cli import main
from editor.proof.punctcheck import check_punctuation


def _listed(out: str) -> list[str]:
    return [line for line in out.splitlines() if "→" in line]


def test_check_lists_every_place_and_exits_1(capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    lines = _listed(out)
    assert lines and out.strip().endswith(f"共 {len(lines)} 处")
    assert any(re.search(r"【,】.* → “，”（中文里用了半角标点）", line) for line in lines)


def test_check_fix_on_a_project_is_one_undoable_step(tmp_path, capsys):
    project = tmp_path / "32.gazette"
    Session.create(project, from_issue_json=SAMPLES / "issue.json").close()
    assert main(["check", str(project)]) == 1
    n = len(_listed(capsys.readouterr().out))
    assert main(["check", str(project), "--fix"]) == 0
    assert capsys.readouterr().out.strip() == f"已改正 {n} 处（可在编辑器中撤销）"
    assert main(["check", str(project)]) == 0
    assert capsys.readouterr().out.strip() == "未发现问题"
    with Session.open(project) as session:
        assert session.undo_text == f"撤销“改正标点（{n} 处）”"
        session.undo()
        assert len(check_punctuation(session.issue)) == n


def test_check_fix_needs_a_project(capsys):
    assert main(["check", str(SAMPLES / "issue.json"), "--fix"]) == 2
    assert "只能用于项目文件" in capsys.readouterr().err
