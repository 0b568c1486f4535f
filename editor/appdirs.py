"""Where the program keeps its files on Windows, macOS and Linux, and path facts that
matter on an office workstation (layer: core utility, no Qt).

Every function takes the platform and environment as optional arguments, so the Windows
behaviour is unit-tested on any machine with simulated values.

- settings/data: Windows %APPDATA%\\GongbaoEditor, caches %LOCALAPPDATA%\\GongbaoEditor\\cache;
  macOS ~/Library/Application Support and ~/Library/Caches; Linux XDG folders.
  GONGBAO_HOME / GONGBAO_CACHE_DIR override (tests, portable installs).
- network shares: SQLite over SMB/NFS is unsafe with two writers; callers warn and may
  open read-only.
- long paths: Windows paths over 259 characters get the \\\\?\\ prefix.
- Word lock files: "~$name.docx" beside a document means Word has it open; a file held
  open (Windows sharing violation) is read with a few retries, then explained in Chinese.
- a project on a share: ``project_access`` warns and, through an owner file beside the
  project, opens it read-only while another editor writes it.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path, PureWindowsPath

APP_NAME = "GongbaoEditor"
_UNIX_NAME = "gongbao-editor"


def _system(system: str | None) -> str:
    return system or sys.platform


@dataclass(frozen=True)
class _Folder:
    """Where one kind of per-user folder lives on each system."""
    override: str                       # environment variable naming the folder outright
    windows: tuple[str, tuple, tuple]   # (variable, default under home, parts under it)
    mac: tuple                          # parts under home
    xdg: tuple[str, tuple]              # (variable, default under home)


_DATA = _Folder("GONGBAO_HOME", ("APPDATA", ("AppData", "Roaming"), (APP_NAME,)),
                ("Library", "Application Support", APP_NAME),
                ("XDG_DATA_HOME", (".local", "share")))
_CACHE = _Folder("GONGBAO_CACHE_DIR", ("LOCALAPPDATA", ("AppData", "Local"), (APP_NAME, "cache")),
                 ("Library", "Caches", APP_NAME), ("XDG_CACHE_HOME", (".cache",)))


def _user_folder(folder: _Folder, system: str | None, env: dict | None,
                 home: str | None) -> Path:
    env = os.environ if env is None else env
    if env.get(folder.override):
        return Path(env[folder.override])
    system = _system(system)
    home = home or str(Path.home())
    if system.startswith("win"):
        variable, default, parts = folder.windows
        base = env.get(variable) or str(PureWindowsPath(home, *default))
        return Path(str(PureWindowsPath(base, *parts)))
    if system == "darwin":
        return Path(home, *folder.mac)
    variable, default = folder.xdg
    return Path(env.get(variable) or os.path.join(home, *default), _UNIX_NAME)


def data_dir(system: str | None = None, env: dict | None = None, home: str | None = None) -> Path:
    """Per-user folder for settings, recent files and sample projects."""
    return _user_folder(_DATA, system, env, home)


def cache_dir(system: str | None = None, env: dict | None = None, home: str | None = None) -> Path:
    """Per-user folder for caches (converted fonts, layout cache)."""
    return _user_folder(_CACHE, system, env, home)


def windows_long_path(path: str) -> str:
    """Prefix a long absolute Windows path with \\\\?\\ so the Win32 API accepts it."""
    if len(path) < 260 or path.startswith("\\\\?\\"):
        return path
    if path.startswith("\\\\"):
        return "\\\\?\\UNC\\" + path[2:]
    return "\\\\?\\" + path


def is_network_path(path: str | Path, system: str | None = None, mounts: str | None = None) -> bool:
    """True when the file lives on a network share (UNC path, mapped network drive,
    or an NFS/SMB mount on Unix)."""
    system = _system(system)
    text = str(path)
    if system.startswith("win"):
        if text.startswith("\\\\") or text.startswith("//"):
            return not text.startswith("\\\\?\\") or text.startswith("\\\\?\\UNC\\")
        drive = PureWindowsPath(text).drive
        return bool(drive) and _windows_drive_is_remote(drive)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return _mount_type(os.path.abspath(text), mounts) in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs"}


def _mount_type(path: str, mounts: str) -> str:
    best, best_type = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (path == point or path.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, best_type = point, parts[2]
    return best_type


def _windows_drive_is_remote(drive: str) -> bool:
    if not sys.platform.startswith("win"):
        return False
    import ctypes
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def word_lock_file(path: str | Path) -> Path | None:
    """The Word owner file (~$xxx.docx) beside ``path`` when Word has the document open.
    Word shortens the name: the first two characters of long names are replaced."""
    path = Path(path)
    stem = path.name
    candidates = ["~$" + stem]
    if len(path.stem) > 6:
        candidates.append("~$" + stem[2:])
    for name in candidates:
        lock = path.with_name(name)
        if lock.exists():
            return lock
    return None


# -- files held by another program ------------------------------------------------------------
def read_shared(path: str | Path, attempts: int = 4, delay: float = 0.25, system: str | None = None,
                reader=None) -> bytes:
    """The bytes of a file another program may hold open.  Windows refuses a read with a
    sharing violation (PermissionError) while e.g. Word saves; the read is retried a few
    times before the PermissionError is passed on.  Long Windows paths get \\\\?\\."""
    import time
    text = str(path)
    if _system(system).startswith("win"):
        text = windows_long_path(os.path.abspath(text) if sys.platform.startswith("win") else text)
    read = reader or (lambda name: Path(name).read_bytes())
    for attempt in range(attempts):
        try:
            return read(text)
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")


def locked_message(path: str | Path) -> str:
    """Chinese explanation for a file that cannot be read or written because it is held."""
    path = Path(path)
    if word_lock_file(path) is not None:
        return f"“{path.name}”正在 Word 中打开，请在 Word 中保存并关闭该文件后再试"
    return f"“{path.name}”正被其他程序占用，请关闭占用它的程序后再试"


def open_in_word_note(path: str | Path) -> str | None:
    """A note when Word has the document open: what is read is its last saved state."""
    path = Path(path)
    if word_lock_file(path) is None:
        return None
    return f"“{path.name}”正在 Word 中打开：导入的是最后一次保存的内容，Word 中未保存的修改不会导入"


# -- a project on a network share ---------------------------------------------------------------
NETWORK_WARNING = ("项目文件位于网络共享上：SQLite 数据库在网络共享上不能安全地由两人同时写入，"
                   "请勿多人同时编辑同一期")


@dataclass(frozen=True)
class Owner:
    """Who edits a project on a share (the ``<name>.gazette.owner`` file beside it)."""
    user: str
    host: str
    pid: int
    since: str


@dataclass
class ProjectAccess:
    """How to open a project: read-only when someone else writes it, and what to tell."""
    readonly: bool = False
    warnings: list[str] = field(default_factory=list)
    owner: Owner | None = None          # the other writer, when there is one
    claimed: bool = False               # this process wrote the owner file


def owner_file(project: str | Path) -> Path:
    project = Path(project)
    return project.with_name(project.name + ".owner")


def _me() -> Owner:
    import getpass
    import platform
    from datetime import datetime
    try:
        user = getpass.getuser()
    except Exception:                  # noqa: BLE001 — no login name (containers, services)
        user = os.environ.get("USERNAME", "?")
    return Owner(user, platform.node(), os.getpid(),
                 datetime.now().strftime("%Y-%m-%d %H:%M"))


def read_owner(project: str | Path) -> Owner | None:
    try:
        data = json.loads(owner_file(project).read_text(encoding="utf-8"))
        return Owner(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine."""
    if sys.platform.startswith("win"):
        import ctypes
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def claim_project(project: str | Path, me: Owner | None = None, alive=pid_alive) -> Owner | None:
    """Write the owner file; None when this process now owns the project, else the other
    owner.  A stale owner file (its process on this host has ended, or unreadable) is
    replaced; a folder where nothing can be written claims nothing (None)."""
    me = me or _me()
    path = owner_file(project)
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            other = read_owner(project)
            if other is not None and other.host == me.host and other.pid == me.pid:
                return None                                   # already ours
            if other is not None and not (other.host == me.host and not alive(other.pid)):
                return other                                  # someone else writes it
            try:
                path.unlink()                                 # stale or unreadable
            except OSError:
                return other
            continue
        except OSError:
            return None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(me), fh, ensure_ascii=False)
        return None
    return read_owner(project)


def release_project(project: str | Path, me: Owner | None = None) -> None:
    """Remove the owner file if this process wrote it."""
    me = me or _me()
    other = read_owner(project)
    if other is not None and other.host == me.host and other.pid == me.pid:
        try:
            owner_file(project).unlink()
        except OSError:
            pass


def project_access(project: str | Path, system: str | None = None, mounts: str | None = None,
                   me: Owner | None = None, alive=pid_alive) -> ProjectAccess:
    """Open mode for a project file.  Off a network share: read-write, nothing to say.  On
    a share: a warning, and read-only when another editor holds the owner file."""
    access = ProjectAccess()
    if not is_network_path(project, system, mounts):
        return access
    access.warnings.append(NETWORK_WARNING)
    other = claim_project(project, me, alive)
    if other is None:
        access.claimed = owner_file(project).exists()
        return access
    access.readonly, access.owner = True, other
    access.warnings.append(f"{other.user}（计算机 {other.host}）自 {other.since} 起正在编辑此项目，"
                           "本窗口以只读方式打开，不能修改")
    return access
