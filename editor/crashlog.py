"""Crash records for support: the traceback of an unexpected error, written to a file the
user can send (layer: core utility, no Qt).

The window has no console on Windows and the user reads Chinese, so an error the program
did not foresee is told in Chinese — and its English traceback goes to
``<data folder>/logs/错误记录-YYYYMMDD-HHMMSS.txt`` (at most ``KEEP`` files are kept).
Only a program fault (``editor.errors.unforeseen``) gets a record: a file the user cannot
write or a full disk is told in Chinese, and nobody is asked to send anything.
"""
from __future__ import annotations

import datetime as _dt
import platform
import sys
import traceback
from pathlib import Path

KEEP = 20


def log_folder() -> Path:
    from editor.appdirs import data_dir
    return data_dir() / "logs"


def write_crash_log(exc: BaseException, context: str = "") -> Path | None:
    """Write the traceback of ``exc`` (and what was being done) to a new file; its path,
    or None when even that is not possible (then the traceback goes to stderr)."""
    from editor import __version__
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"错误记录-{stamp}.txt"
        head = (f"公报编辑器 {__version__}；Python {platform.python_version()}；"
                f"{platform.system()} {platform.release()}\n操作：{context or '—'}\n\n")
        # errors=: a file name of GBK bytes (lone surrogates) must not stop the record
        path.write_text(head + text, encoding="utf-8", errors="backslashreplace")
        for old in sorted(folder.glob("错误记录-*.txt"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return path
    except (OSError, ValueError):
        print(text.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)
        return None


def record_unforeseen(exc: BaseException, context: str = "") -> Path | None:
    """A crash record for ``exc`` when it is a program fault; None for an error of the
    user's files or machine (no record) or when the record could not be written."""
    from editor.errors import unforeseen
    if not unforeseen(exc):
        return None
    return write_crash_log(exc, context)


def send_hint(log: Path | None) -> str:
    """The request to send a written record to the maintainers; empty without a record."""
    return f"详细记录已写入 {log}，请把该记录发给维护人员。" if log else ""
