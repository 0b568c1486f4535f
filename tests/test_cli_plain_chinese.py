"""What the office editor reads on the command line is Chinese and true: no English tails on
errors, Chinese argument names in 用法, one 已新建项目, a failed import leaves the project
as it was, ``build FILE.docx`` says how to make an issue, no display is said in Chinese,
read-only commands leave nothing beside the project, the booklet says nothing of padding
it did not do (editor.cli, editor.errors, editor.store, editor.app.importing)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor.cli import main
from editor.errors import GazetteError

LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_error_shows_its_chinese_message_without_the_english_detail():
    exc = GazetteError("无法导入“a.docx”：文件不存在", "not found: /x/a.docx")
    assert str(exc) == "无法导入“a.docx”：文件不存在"
    assert exc.detail == "not found: /x/a.docx"      # still there for logs


@pytest.mark.parametrize("content, name", [(b"PK\x03\x04broken", "坏.gazette"),
                                           (b"hello", "文本.gazette")])
def test_a_file_that_is_no_project_is_refused_in_chinese_only(capsys, tmp_path, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    code, _out, err = _run(capsys, ["project", "show", path])
    assert code == 2
    assert "不是公报项目文件" in err
    assert not LATIN_WORD.search(err.replace("gazette", "")), err


def test_a_missing_docx_is_refused_without_an_english_tail(capsys, tmp_path):
    _run(capsys, ["project", "new", tmp_path / "P.gazette"])
    code, out, err = _run(capsys, ["project", "import", tmp_path / "P.gazette",
                                   tmp_path / "没有.docx", "--section", "测试"])
    assert code == 2
    assert "not found" not in out + err and "not a zip" not in out + err


def test_project_new_says_it_once(capsys, tmp_path):
    code, out, err = _run(capsys, ["project", "new", tmp_path / "P.gazette"])
    assert code == 0
    assert (out + err).count("已新建项目") == 1


def test_a_failed_import_leaves_no_empty_section_and_no_undo_step(capsys, tmp_path):
    project = tmp_path / "P.gazette"
    _run(capsys, ["project", "new", project])
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))    # an OLE (.doc) header
    code, out, err = _run(capsys, ["project", "import", project, old, "--section", "测试"])
    assert code == 2
    assert "未导入任何文件" in out
    _code, shown, _err = _run(capsys, ["project", "show", project, "--json"])
    import json
    summary = json.loads(shown)
    assert summary["sections"] == [] and summary["undo"] is None


def test_build_of_a_single_docx_points_to_project_new_and_import(capsys, tmp_path):
    from tests.conftest import sample
    code, _out, err = _run(capsys, ["build", sample("02"), "-o", tmp_path / "x.pdf"])
    assert code == 2
    assert "project new" in err and "project import" in err
    assert "JSON" not in err and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("argv", [["build", "-h"], ["booklet", "-h"], ["proof-import", "-h"],
                                  ["project", "import", "-h"], ["project", "move", "-h"]])
def test_usage_names_the_arguments_in_chinese(capsys, argv):
    with pytest.raises(SystemExit):
        main(argv)
    text = capsys.readouterr().out
    assert "选项：" in text and "options:" not in text and "选项:" not in text
    usage = text.split("\n\n")[0].replace("main.py project", "")
    for english in ("OUTPUT", "TEMPLATE", "ROUND", " file", " issue", "DOC_ID", " MM",
                    " PATH", " project", " pdf", "DOC.docx", "ISSUE.json"):
        assert english not in usage, usage


def test_the_window_without_a_display_says_so_in_chinese(capsys, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _out, err = _run(capsys, [])
    assert code == 2
    assert "需要图形显示" in err and "xvfb-run" in err


def test_version_says_source_checkout_only_for_one(tmp_path, monkeypatch):
    import editor.appinfo as appinfo
    assert appinfo.install_kind() == "源码运行"          # the tests run from the checkout
    fake = tmp_path / "site-packages" / "editor" / "appinfo.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("")
    monkeypatch.setattr(appinfo, "__file__", str(fake))
    assert appinfo.install_kind() == "Python 包安装"


def test_read_only_commands_leave_nothing_beside_the_project(capsys, tmp_path):
    project = tmp_path / "P.gazette"
    _run(capsys, ["project", "new", project])
    for argv in (["project", "show", project], ["project", "log", project],
                 ["check", project]):
        _run(capsys, argv)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["P.gazette"], argv


def test_read_only_use_keeps_the_log_of_a_project_open_elsewhere(tmp_path):
    """While the window holds the project, the files beside it are its own: kept."""
    from editor.app.session import Session
    from editor.app.commands import AddSection
    from editor.store import load_issue
    project = tmp_path / "P.gazette"
    with Session.create(project) as session:
        session.execute(AddSection(title="栏目"))
        load_issue(project)
        assert Path(f"{project}-wal").exists()
        session.execute(AddSection(title="另一栏目"))
    assert [s.title for s in load_issue(project).sections] == ["栏目", "另一栏目"]


def test_booklet_message_names_padding_only_when_pages_were_added():
    from editor.render.production import pages_text
    assert pages_text(68, 68) == "68 页"
    assert pages_text(66, 68) == "66 页补足为 68 页"


def _creation_date(path: Path) -> str:
    import pypdf
    return str(pypdf.PdfReader(str(path)).metadata["/CreationDate"])


def test_creation_time_is_now_unless_source_date_epoch(monkeypatch):
    from datetime import datetime, timedelta, timezone

    from editor.render.pdf import creation_time
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert abs(creation_time() - datetime.now(timezone.utc)) < timedelta(seconds=5)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")
    assert creation_time() == datetime(2025, 7, 1, tzinfo=timezone.utc)


@pytest.mark.slow
def test_the_pdf_is_dated_now_unless_source_date_epoch_says_otherwise(tmp_path, monkeypatch):
    from datetime import datetime, timezone

    from editor.render import build_pdf
    from editor.issue_json import load_issue
    from editor.resources import sample_issue_path
    from editor.render.pdfx import make_pdfx
    issue = load_issue(sample_issue_path())
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    today = datetime.now().strftime("D:%Y%m%d")
    build_pdf(issue, tmp_path / "now.pdf")
    assert _creation_date(tmp_path / "now.pdf").startswith(today)
    make_pdfx(tmp_path / "now.pdf", tmp_path / "x4.pdf")
    assert _creation_date(tmp_path / "x4.pdf").startswith(
        datetime.now(timezone.utc).strftime("D:%Y%m%d"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")          # 2025-07-01 00:00 UTC
    build_pdf(issue, tmp_path / "a.pdf")
    build_pdf(issue, tmp_path / "b.pdf")
    assert _creation_date(tmp_path / "a.pdf").startswith("D:20250701000000")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="X11 displays")
def test_a_display_that_cannot_be_opened_is_said_in_chinese(tmp_path):
    """DISPLAY names no X server (or Qt lacks a system library): Qt would abort in English."""
    import os
    import subprocess
    import sys
    pytest.importorskip("PySide6")
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":97", GONGBAO_HOME=str(tmp_path))
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, str(root / "main.py")], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "编辑器窗口无法" in run.stderr and "xvfb-run" in run.stderr
    assert "platform plugin" not in run.stderr and "Could not" not in run.stderr
    records = list((tmp_path / "logs").glob("错误记录-*.txt"))
    assert records and "xcb" in records[0].read_text(encoding="utf-8")
