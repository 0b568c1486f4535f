"""Which errors are program faults (a crash record, a request to send it) and which are
problems of the user's files or machine (a plain Chinese message, no record): the shared
``editor.errors.user_message``/``unforeseen`` and ``editor.crashlog.record_unforeseen``,
used by the CLI, the window's jobs and its last-resort exception hook."""
from __future__ import annotations

import errno

import pytest

from editor.crashlog import record_unforeseen, send_hint
from editor.errors import GazetteError, unforeseen, user_message

FILE_PROBLEMS = [
    (FileNotFoundError(errno.ENOENT, "No such file", "/公报/缺少.docx"), "找不到文件"),
    (PermissionError(errno.EACCES, "denied", "C:/公报/输出.pdf"), "没有权限"),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "/公报/输出"), "是一个文件夹"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory", "/公报/说明.txt/x.pdf"), "不是文件夹"),
    (FileExistsError(errno.EEXIST, "File exists", "/公报/说明.txt"), "已有同名的文件"),
    (OSError(errno.ENOSPC, "No space left on device", "/公报/输出.pdf"), "磁盘空间不足"),
    (OSError(errno.EIO, "Input/output error", "/公报/输出.pdf"), "读写文件时出错"),
]


@pytest.mark.parametrize("exc, expected", FILE_PROBLEMS)
def test_a_file_problem_is_told_in_chinese_and_is_no_program_fault(exc, expected):
    text = user_message(exc)
    assert expected in text and exc.filename in text
    assert "内部错误" not in text and "Errno" not in text
    assert not unforeseen(exc)


def test_user_errors_memory_and_interruption_are_no_program_faults():
    # the English detail is for logs: the user reads the Chinese message alone
    assert user_message(GazetteError("找不到模板", "no such template")) == "找不到模板"
    assert user_message(MemoryError()) == "内存不足，无法完成操作。"
    for exc in (GazetteError("x"), MemoryError(), KeyboardInterrupt()):
        assert not unforeseen(exc)


def test_a_program_fault_is_unforeseen_and_told_as_an_internal_error():
    for exc in (ValueError("x"), KeyError("k"), TypeError("t"), ImportError("i")):
        assert unforeseen(exc)
    assert user_message(ValueError("x")) == "操作未能完成（内部错误：ValueError）。"


def test_only_a_program_fault_gets_a_crash_record(monkeypatch, tmp_path):
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path))
    try:
        open(tmp_path / "不存在" / "x.pdf", "rb")
    except OSError as exc:
        assert record_unforeseen(exc, "测试") is None
    assert not (tmp_path / "logs").exists()
    try:
        {}["缺少的键"]
    except KeyError as exc:
        log = record_unforeseen(exc, "测试")
    assert log is not None and log.parent == tmp_path / "logs"
    assert "缺少的键" in log.read_text("utf-8")
    assert str(log) in send_hint(log) and "维护人员" in send_hint(log)
    assert send_hint(None) == ""


@pytest.mark.parametrize("exc, records", [
    (PermissionError(errno.EACCES, "denied", "C:/公报/输出.pdf"), 0),
    (KeyError("缺少的键"), 1),
])
def test_the_window_s_last_resort_records_only_program_faults(request, monkeypatch, tmp_path,
                                                              exc, records):
    pytest.importorskip("PySide6")
    request.getfixturevalue("qapp")
    from editor.ui import app as ui_app
    shown = []
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path))
    monkeypatch.setattr(ui_app.QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    ui_app._excepthook(type(exc), exc, None)
    written = list((tmp_path / "logs").glob("错误记录-*.txt"))
    assert len(written) == records
    assert user_message(exc) in shown[0]
    if records:
        assert str(written[0]) in shown[0] and "维护人员" in shown[0]
    else:
        assert "维护人员" not in shown[0] and "内部错误" not in shown[0]
