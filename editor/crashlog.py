"""Crash records for support: the traceback of an unexpected error, written to a file the
user can send (layer: core utility, no Qt).

The window has no console on Windows and the user reads Chinese, so an error the program
did not foresee is told in Chinese — and its English traceback goes to
``<data folder>/logs/错误记录-YYYYMMDD-HHMMSS.txt`` (at most ``KEEP`` files are kept).
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
        path.write_text(head + text, encoding="utf-8")
        for old in sorted(folder.glob("错误记录-*.txt"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return path
    except OSError:
        print(text, file=sys.stderr)
        return None
