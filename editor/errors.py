"""Errors the user sees (layer: core utility).

A ``GazetteError`` carries a clear Chinese message for the user and an English detail for
logs (``str(exc)`` is the message alone, so no English tail reaches the user); the CLI prints it and exits with code 2, the window shows it in a message box.
Never a traceback for a problem the user can understand.

``user_message(exc)`` is the Chinese text for any exception (a file that cannot be read or
written, a full disk, too little memory are described as such); ``unforeseen(exc)`` tells a
program fault — the only kind worth a crash record (``editor.crashlog``) — from a problem
of the user's files or machine.  The CLI and the window both use them.

A project file is an SQLite database, so its problems arrive as ``sqlite3.Error`` with a
result code.  ``storage_error(exc, path)`` turns the ones caused by the machine into a
``StorageError`` with its own sentence — 磁盘空间不足, 只读 (file, folder or whole
drive), 文件名太长, 被其他程序占用 — and ``storage_problem(path)`` finds which of these
stops a file from being written before anything is tried; “已损坏” is said only for
SQLite's own verdict of damage (``SQLITE_CORRUPT``/``SQLITE_NOTADB``).
"""
from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

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


class StorageError(GazetteError):
    """A file could not be read or written for a reason of the machine, not of its content
    (``kind``: full, readonly, name_too_long, locked, cantopen, damaged)."""

    def __init__(self, message: str, kind: str, detail: str = "", path: str | None = None):
        super().__init__(message, detail, path)
        self.kind = kind


# SQLite primary result codes (sqlite3.h)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_AUTH, SQLITE_NOTADB = 23, 26
_ENVIRONMENT_CODES = {SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR,
                      SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_AUTH, SQLITE_NOTADB}
NAME_MAX_DEFAULT = 255
# what SQLite adds to an open project's name ("-wal", "-shm"); creating one goes through
# "NAME.part" whose copy may also need "NAME.part-journal"
SIDE_SUFFIX_BYTES = len("-wal")
CREATE_SUFFIX_BYTES = len(".part-journal")
LOW_SPACE = 1 << 20            # less than 1 MB free: a write of a project page may fail


def _is_sqlite_error(exc: BaseException) -> bool:
    """An ``sqlite3.Error`` (sqlite3 is not imported here: a build from issue.json never
    loads it, and no such error exists before it is loaded)."""
    sqlite3 = sys.modules.get("sqlite3")
    return sqlite3 is not None and isinstance(exc, sqlite3.Error)


def _primary(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return NAME_MAX_DEFAULT


def _name_length(name: str) -> tuple[int, str]:
    """A file name's length as the file system counts it: UTF-16 units on Windows,
    bytes elsewhere."""
    if os.name == "nt":
        return len(name.encode("utf-16-le", "surrogatepass")) // 2, "个字符"
    return len(os.fsencode(name)), "字节"


def _readonly_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def storage_problem(path: str | Path, extra_bytes: int = SIDE_SUFFIX_BYTES
                    ) -> StorageError | None:
    """Why ``path`` (an existing file, or one to create) cannot be written, or None: a
    name too long for the side files SQLite makes beside it (``extra_bytes``), a read-only
    drive, folder or file, a full disk.  The error's message is the Chinese reason."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    size, unit = _name_length(path.name)
    limit = _name_max(folder)
    where = str(path)
    if size + extra_bytes > limit:
        return StorageError(
            f"文件名太长（{size} {unit}）：项目旁边要建立同名的临时文件，文件名最长 "
            f"{limit - extra_bytes} {unit}，请改用较短的文件名", "name_too_long", path=where)
    if _readonly_mount(folder):
        return StorageError(f"文件所在的磁盘或共享是只读的（如光盘、写保护的U盘或只读共享）：{folder}",
                            "readonly", path=where)
    if folder.exists() and not os.access(folder, os.W_OK):
        return StorageError(f"没有写入该文件夹的权限（文件夹只读）：{folder}", "readonly",
                            path=where)
    if path.exists() and not os.access(path, os.W_OK):
        return StorageError(f"文件是只读的（属性为只读，或没有写入权限）：{path.name}", "readonly",
                            path=where)
    try:
        if folder.exists() and shutil.disk_usage(folder).free < LOW_SPACE:
            return StorageError(f"磁盘空间不足：{folder}", "full", path=where)
    except OSError:
        pass
    return None


def storage_error(exc: BaseException, path: str | Path | None = None) -> StorageError | None:
    """A ``StorageError`` for an SQLite error caused by the machine (full disk, read-only,
    a lock, a name too long, real damage); None for anything else (a program fault)."""
    if not _is_sqlite_error(exc):
        return None
    code = _primary(exc)
    if code is None:
        text = str(exc).lower()
        code = (SQLITE_BUSY if "locked" in text else SQLITE_FULL if "full" in text else
                SQLITE_READONLY if "readonly" in text else
                SQLITE_CANTOPEN if "unable to open" in text else
                SQLITE_IOERR if "i/o" in text else None)
    if code not in _ENVIRONMENT_CODES:
        return None
    name = Path(path).name if path else "项目文件"
    where = str(path) if path else None
    detail = f"{type(exc).__name__}: {exc} ({getattr(exc, 'sqlite_errorname', '')})"
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StorageError(f"项目文件“{name}”已损坏，无法打开（未作任何修改）", "damaged",
                            detail, where)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(f"项目文件“{name}”正被其他程序锁定（可能是另一个窗口正在保存，"
                            "或其他程序打开了它），请稍后再试，或关闭占用它的程序", "locked",
                            detail, where)
    problem = storage_problem(path) if path else None
    kind = problem.kind if problem is not None else None
    if code == SQLITE_FULL or kind == "full":
        return StorageError(f"磁盘空间不足，项目文件“{name}”无法写入（已做的修改都在）",
                            "full", detail, where)
    if kind == "name_too_long":
        return StorageError(problem.message, kind, detail, where)
    if code == SQLITE_READONLY or kind == "readonly":
        why = problem.message if problem is not None else "文件或所在位置是只读的"
        return StorageError(f"项目文件“{name}”不能写入：{why}", "readonly", detail, where)
    if code in (SQLITE_PERM, SQLITE_AUTH):
        return StorageError(f"没有访问项目文件“{name}”的权限", "readonly", detail, where)
    return StorageError(f"无法读写项目文件“{name}”（磁盘或网络出错，文件本身未被判定为损坏）",
                        "cantopen", detail, where)


def unforeseen(exc: BaseException) -> bool:
    """True when ``exc`` is a fault of the program (worth a crash record for support);
    False for a GazetteError, a file or disk problem (OSError, or an SQLite error caused
    by the machine), a lack of memory and an interruption by the user."""
    if _is_sqlite_error(exc) and storage_error(exc) is not None:
        return False
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
        if exc.errno == errno.EROFS:
            return f"文件所在的磁盘或共享是只读的，不能写入{where}"
        if exc.errno == errno.ENAMETOOLONG:
            return f"文件名太长，请改用较短的文件名{where}"
        if getattr(exc, "winerror", None) in (32, 33):   # sharing / lock violation
            return f"文件正被其他程序占用，请关闭该程序后再试{where}"
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
    if _is_sqlite_error(exc):
        told = storage_error(exc)
        if told is not None:
            return told.message
    if isinstance(exc, ImportError):
        return f"此安装缺少必要的组件（{exc.name or exc}），请重新安装公报编辑器。"
    if isinstance(exc, MemoryError):
        return "内存不足，无法完成操作。"
    if isinstance(exc, KeyboardInterrupt):
        return "已中断。"
    return f"操作未能完成（内部错误：{type(exc).__name__}）。"
