"""The command line speaks Chinese: help, usage and argparse's own errors (wrong option,
missing argument, bad choice, bad number), and --version names the fonts in use
(editor.cli)."""
from __future__ import annotations

import re

import pytest

from editor import __version__
from editor.cli import chinese_error, main

ENGLISH = re.compile(r"usage:|error:|show this help|positional arguments|options:|"
                     r"unrecognized|required|invalid choice|expected one")


def _fails(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert not ENGLISH.search(err), err
    assert err.startswith("用法：")
    return err


@pytest.mark.parametrize("argv, expected", [
    (["build", "--bogus"], "无法识别的参数：--bogus"),
    (["nosuch"], "命令 不能是 'nosuch'（可选："),
    (["project", "import", "x.gazette", "a.docx"], "缺少必需的参数：--section"),
    (["booklet", "--sheet", "A5"], "--sheet 不能是 'A5'（可选：'A3', 'A4'）"),
    (["booklet", "--creep", "两毫米"], "--creep 的值 '两毫米' 无效（应为数字）"),
    (["build", "-o"], "-o/--output 后面需要一个值"),
])
def test_argument_errors_are_chinese(capsys, argv, expected):
    assert expected in _fails(capsys, argv)


@pytest.mark.parametrize("argv", [["-h"], ["build", "-h"], ["project", "import", "-h"]])
def test_help_is_chinese(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：main.py") and "显示本帮助并退出" in out
    assert not ENGLISH.search(out), out


def test_an_unknown_message_is_kept_as_it_is():
    assert chinese_error("something new") == "something new"


def test_version_names_the_font_of_every_role(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"公报编辑器 {__version__}")
    for role in ("小标宋", "宋体", "仿宋", "楷体", "黑体"):
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(role + "："))
        assert ".otf" in line or ".ttf" in line or ".ttc" in line
    assert "reportlab" in out


def test_an_unforeseen_error_is_told_in_chinese_with_a_crash_record(capsys, monkeypatch,
                                                                    tmp_path):
    """A bug in a command: no English traceback on the console; the traceback, the version
    and the command line go to a record in the user's data folder."""
    import editor.cli.cmd_fonts as cmd
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path))

    def broken(args):
        raise KeyError("role-that-does-not-exist")
    monkeypatch.setattr(cmd, "run", broken)
    assert main(["fonts"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：操作未能完成（内部错误：KeyError") and "Traceback" not in err
    records = list((tmp_path / "logs").glob("错误记录-*.txt"))
    assert len(records) == 1 and str(records[0]) in err
    text = records[0].read_text("utf-8")
    assert f"公报编辑器 {__version__}" in text and "main.py fonts" in text
    assert "Traceback" in text and "role-that-does-not-exist" in text


def test_crash_records_are_capped(monkeypatch, tmp_path):
    from editor import crashlog
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path))
    for n in range(crashlog.KEEP + 5):
        try:
            raise ValueError(f"第{n}次")
        except ValueError as exc:
            assert crashlog.write_crash_log(exc, "测试") is not None
    kept = sorted((tmp_path / "logs").glob("错误记录-*.txt"))
    assert len(kept) == crashlog.KEEP
    assert "第24次" in kept[-1].read_text("utf-8") and "第4次" not in "".join(
        p.read_text("utf-8") for p in kept)


def test_an_output_path_under_a_regular_file_is_a_file_error_not_a_crash(capsys, monkeypatch,
                                                                          tmp_path):
    """``build -o <existing file>/x.pdf``: the user's mistake, told in Chinese with exit
    code 2 — no traceback, no 内部错误, no crash record and no request to send one."""
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path / "数据"))
    blocker = tmp_path / "somefile.py"
    blocker.write_text("print('不是文件夹')\n", encoding="utf-8")
    assert main(["build", "-o", str(blocker / "x.pdf")]) == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("错误：") and str(blocker) in last, err
    assert "已有同名的文件" in last or "不是文件夹" in last, err
    assert "Traceback" not in err and "Errno" not in err and "内部错误" not in err
    assert "维护人员" not in err
    assert not list((tmp_path / "数据").glob("logs/错误记录-*.txt"))
    assert blocker.read_text(encoding="utf-8") == "print('不是文件夹')\n"
