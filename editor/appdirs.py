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
- Word lock files: "~$name.docx" beside a document means Word has it open.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

APP_NAME = "GongbaoEditor"
_UNIX_NAME = "gongbao-editor"


def _system(system: str | None) -> str:
    return system or sys.platform


def data_dir(system: str | None = None, env: dict | None = None, home: str | None = None) -> Path:
    """Per-user folder for settings, recent files and sample projects."""
    env = os.environ if env is None else env
    if env.get("GONGBAO_HOME"):
        return Path(env["GONGBAO_HOME"])
    system = _system(system)
    home = home or str(Path.home())
    if system.startswith("win"):
        base = env.get("APPDATA") or str(PureWindowsPath(home, "AppData", "Roaming"))
        return Path(str(PureWindowsPath(base, APP_NAME)))
    if system == "darwin":
        return Path(home, "Library", "Application Support", APP_NAME)
    base = env.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
    return Path(base, _UNIX_NAME)


def cache_dir(system: str | None = None, env: dict | None = None, home: str | None = None) -> Path:
    """Per-user folder for caches (converted fonts, layout cache)."""
    env = os.environ if env is None else env
    if env.get("GONGBAO_CACHE_DIR"):
        return Path(env["GONGBAO_CACHE_DIR"])
    system = _system(system)
    home = home or str(Path.home())
    if system.startswith("win"):
        base = env.get("LOCALAPPDATA") or str(PureWindowsPath(home, "AppData", "Local"))
        return Path(str(PureWindowsPath(base, APP_NAME, "cache")))
    if system == "darwin":
        return Path(home, "Library", "Caches", APP_NAME)
    base = env.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return Path(base, _UNIX_NAME)


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
