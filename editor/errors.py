"""Errors the user sees (layer: core utility).

A ``GazetteError`` carries a clear Chinese message for the user and an English detail for
logs (``str(exc)`` is the message alone, so no English tail reaches the user); the CLI prints it and exits with code 2, the window shows it in a message box.
Never a traceback for a problem the user can understand.

``user_message(exc)`` is the Chinese text for any exception (a file that cannot be read or
written, a full disk, too little memory are described as such); ``unforeseen(exc)`` tells a
program fault — the only kind worth a crash record (``editor.crashlog``) — from a problem
of the user's files or machine.  The CLI and the window both use them.
"""
from __future__ import annotations

import errno

# errno values of a full disk or an exhausted quota, and the Windows error codes
# ERROR_HANDLE_DISK_FULL / ERROR_DISK_FULL (should the errno mapping not cover them).
_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DISK_FULL_WINERRORS = {39, 112}


class GazetteError(Exception):
    def __init__(self, message: str, detail: str = "", path: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.path = path

    def __str__(self) -> str:
        """The Chinese message only: the English ``detail`` is for logs and crash records."""
        return self.message


def unforeseen(exc: BaseException) -> bool:
    """True when ``exc`` is a fault of the program (worth a crash record for support);
    False for a GazetteError, a file or disk problem (OSError), a lack of memory and an
    interruption by the user."""
    return not isinstance(exc, (GazetteError, OSError, MemoryError, KeyboardInterrupt))


def _named(exc: OSError) -> str:
    """``：<file>`` for an OSError that names its file(s), else empty."""
    names = [str(n) for n in (exc.filename, exc.filename2) if n not in (None, "")]
    return "：" + " → ".join(names) if names else ""


def user_message(exc: BaseException) -> str:
    """Chinese text for an error (GazetteError carries its own; others are described)."""
    if isinstance(exc, GazetteError):
        return str(exc)
    if isinstance(exc, OSError):
        where = _named(exc)
        if (exc.errno in _DISK_FULL_ERRNOS
                or getattr(exc, "winerror", None) in _DISK_FULL_WINERRORS):
            return f"磁盘空间不足，无法写入文件{where}"
        if isinstance(exc, PermissionError):
            return f"没有权限访问文件（文件可能正被其他程序打开）{where}"
        if isinstance(exc, FileNotFoundError):
            return f"找不到文件或文件夹{where}"
        if isinstance(exc, IsADirectoryError):
            return f"这是一个文件夹，不是文件{where}"
        if isinstance(exc, NotADirectoryError):
            return f"路径中有一部分是文件而不是文件夹{where}"
        if isinstance(exc, FileExistsError):
            return f"已有同名的文件或文件夹，无法在此创建（请换一个位置或名称）{where}"
        return f"读写文件时出错（{exc.strerror or exc}）{where}"
    if isinstance(exc, ImportError):
        return f"此安装缺少必要的组件（{exc.name or exc}），请重新安装公报编辑器。"
    if isinstance(exc, MemoryError):
        return "内存不足，无法完成操作。"
    if isinstance(exc, KeyboardInterrupt):
        return "已中断。"
    return f"操作未能完成（内部错误：{type(exc).__name__}）。"
