"""Installed and bundled font files → face records (layer: fonts, file I/O).

Looks in the Windows font folders (system %WINDIR%\\Fonts and the per-user
%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts), on macOS in the system, local and user Fonts
folders, on Linux in the files fontconfig lists (``fc-list``) and the usual folders, plus
folders named in ``GONGBAO_FONT_DIRS`` and the open-licensed Noto Serif SC / Noto Sans SC
brought by the ``pylopdf-fonts-zh-cn`` dependency (the fallback on a fresh machine).

Scanning a file's names costs a few milliseconds; the results are kept in ``index.json``
in the font cache keyed by path, size and mtime, so a warm start reads one small file.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from editor.fonts.faces import FONT_SUFFIXES, FaceRecord, scan_file

INDEX_FORMAT = 1


def bundled_dir() -> Path | None:
    """Folder of the fonts shipped by the ``pylopdf-fonts-zh-cn`` package."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    return Path(pylopdf_fonts_zh_cn.__file__).resolve().parent


def bundled_files() -> list[Path]:
    folder = bundled_dir()
    if folder is None:
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)


def system_font_dirs(system: str | None = None, env: dict | None = None,
                     home: str | None = None) -> list[Path]:
    """The usual font folders of the platform, system first, then per-user."""
    system = system or sys.platform
    env = os.environ if env is None else env
    home = home or str(Path.home())
    if system.startswith("win"):
        windir = env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows"
        local = env.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return [Path(windir, "Fonts"), Path(local, "Microsoft", "Windows", "Fonts")]
    if system == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), Path(home, "Library", "Fonts")]
    data = env.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path(data, "fonts"), Path(home, ".fonts")]


def _fc_list() -> list[Path]:
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        done = subprocess.run([exe, "--format=%{file}\\n"], capture_output=True, text=True,
                              timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line) for line in done.stdout.splitlines() if line.strip()]


def font_files(extra_dirs=(), use_fontconfig: bool = True, system: str | None = None,
               env: dict | None = None) -> list[Path]:
    """Every font file found, in search order, without duplicates.  ``system`` and
    ``env`` stand in for ``sys.platform`` and ``os.environ`` (tests simulate Windows)."""
    system = system or sys.platform
    env = os.environ if env is None else env
    dirs = [Path(d) for d in extra_dirs]
    dirs += [Path(d) for d in env.get("GONGBAO_FONT_DIRS", "").split(os.pathsep) if d]
    dirs += system_font_dirs(system, env)
    seen: set[str] = set()
    out: list[Path] = []

    def add(path: Path) -> None:
        key = os.path.normcase(str(path))
        if key not in seen and path.suffix.lower() in FONT_SUFFIXES:
            seen.add(key)
            out.append(path)

    for folder in dirs:
        if folder.is_dir():
            for root, _subdirs, files in os.walk(folder):
                for name in sorted(files):
                    add(Path(root, name))
    if use_fontconfig and not system.startswith("win") and system != "darwin":
        for path in _fc_list():
            add(path)
    for path in bundled_files():
        add(path)
    return out


class FaceIndex:
    """Face records of many files, cached in ``index.json`` in ``cache`` (may be None)."""

    def __init__(self, cache: Path | None):
        self.file = Path(cache) / "index.json" if cache else None
        self._entries: dict[str, list[dict]] = {}
        self._dirty = False
        if self.file and self.file.exists():
            try:
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if data.get("format") == INDEX_FORMAT:
                    self._entries = data.get("files", {})
            except (OSError, ValueError):
                self._entries = {}

    def faces(self, path: Path) -> list[FaceRecord]:
        try:
            st = os.stat(path)
        except OSError:
            return []
        ident = f"{path}|{st.st_size}|{st.st_mtime_ns}"
        cached = self._entries.get(ident)
        if cached is None:
            cached = [asdict(rec) for rec in scan_file(path)]
            self._entries[ident] = cached
            self._dirty = True
        return [FaceRecord(**rec) for rec in cached]

    def save(self) -> None:
        if not (self.file and self._dirty):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_name(f"index.{os.getpid()}.part")
            tmp.write_text(json.dumps({"format": INDEX_FORMAT, "files": self._entries},
                                      ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.file)
            self._dirty = False
        except OSError:
            pass


def discover(cache: Path | None, extra_dirs=(), use_fontconfig: bool = True,
             system: str | None = None, env: dict | None = None) -> list[FaceRecord]:
    """All faces of all font files found, with unique keys (first file wins the plain key)."""
    index = FaceIndex(cache)
    faces: list[FaceRecord] = []
    keys: set[str] = set()
    for path in font_files(extra_dirs, use_fontconfig, system, env):
        for rec in index.faces(path):
            base, n = rec.key, 2
            while rec.key in keys:
                rec.key = f"{base}-{n}"
                n += 1
            keys.add(rec.key)
            faces.append(rec)
    index.save()
    return faces
