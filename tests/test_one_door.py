"""The window and the command line go through the same use cases (``editor.app``): for the
same issue, the window's 导出印刷PDF job and ``python main.py build`` write the same bytes,
and so do its 导出小册子PDF job and ``python main.py booklet``."""
from __future__ import annotations

import pypdf
import pytest

from editor.cli import main
from editor.issue_json import load_issue
from editor.resources import sample_issue_path

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")


def test_window_jobs_and_commands_write_the_same_files(tmp_path, capsys):
    from editor.ui.export import export_work
    from editor.ui.printing import booklet_work
    issue = load_issue(sample_issue_path())
    said: list[str] = []
    laid_out = export_work(issue, tmp_path / "窗口.pdf", bleed=True)(said.append)
    assert main(["build", "-o", str(tmp_path / "命令.pdf"), "--bleed"]) == 0
    window, command = (tmp_path / "窗口.pdf").read_bytes(), (tmp_path / "命令.pdf").read_bytes()
    assert window == command
    assert len(pypdf.PdfReader(tmp_path / "窗口.pdf").pages) == len(laid_out.pages) > 45
    assert f"写出 PDF（{len(laid_out.pages)} 页）" in said

    sides = booklet_work(issue, tmp_path / "窗口小册子.pdf", "A4")(said.append)
    assert main(["booklet", "-o", str(tmp_path / "命令小册子.pdf"), "--sheet", "A4"]) == 0
    booklet = (tmp_path / "窗口小册子.pdf").read_bytes()
    assert booklet == (tmp_path / "命令小册子.pdf").read_bytes()
    assert len(pypdf.PdfReader(tmp_path / "窗口小册子.pdf").pages) == sides
    assert f"共 {sides} 面" in capsys.readouterr().out
