"""Installed and bundled font files → face records (layer: fonts, file I/O).

Looks in the Windows font folders (system %WINDIR%\\Fonts and the per-user
%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts), on macOS in the system, local and user Fonts
folders, on Linux in the files fontconfig lists (``fc-list``) and the usual folders, plus
folders named in ``GONGBAO_FONT_DIRS`` and the open-licensed faces brought by the
dependencies (the fallback on a fresh machine): Noto Serif SC / Noto Sans SC
(``pylopdf-fonts-zh-cn``) and, for the Extension B characters they lack (𠮷 …), Noto Serif
JP / Noto Sans JP (``pylopdf-fonts-jp``).

``GONGBAO_SYSTEM_FONTS=0`` (or ``system_fonts=False``) leaves the machine's installed fonts
out — system folders and fontconfig — so only ``GONGBAO_FONT_DIRS`` and the bundled faces
are used: the tests run so on any host, and a folder of unpacked font packages can stand
in for an installation.

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


# the packages of open fallback faces, in the order they are tried
BUNDLED_PACKAGES = ("pylopdf_fonts_zh_cn", "pylopdf_fonts_jp")


def bundled_dir(package: str = BUNDLED_PACKAGES[0]) -> Path | None:
    """Folder of the fonts shipped by a fallback package (default: Noto SC).  The
    packages are imported by name in the code (not looked up by a string), so that
    PyInstaller sees them and the bundle carries them."""
    try:
        if package == "pylopdf_fonts_jp":
            import pylopdf_fonts_jp as module
        elif package == "pylopdf_fonts_zh_cn":
            import pylopdf_fonts_zh_cn as module
        else:
            return None
    except ImportError:
        return None
    return Path(module.__file__).resolve().parent


def bundled_files(packages=BUNDLED_PACKAGES) -> list[Path]:
    """The fallback font files, package by package."""
    out: list[Path] = []
    for package in packages:
        folder = bundled_dir(package)
        if folder is not None:
            out += sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
    return out


def system_fonts_wanted(env: dict | None = None) -> bool:
    """False when ``GONGBAO_SYSTEM_FONTS`` says to leave the installed fonts out."""
    env = os.environ if env is None else env
    return env.get("GONGBAO_SYSTEM_FONTS", "1").strip().lower() not in ("0", "no", "false", "off")


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
               env: dict | None = None, system_fonts: bool | None = None) -> list[Path]:
    """Every font file found, in search order, without duplicates.  ``system`` and
    ``env`` stand in for ``sys.platform`` and ``os.environ`` (tests simulate Windows);
    ``system_fonts`` (default: ``GONGBAO_SYSTEM_FONTS``) whether the installed fonts count."""
    system = system or sys.platform
    env = os.environ if env is None else env
    if system_fonts is None:
        system_fonts = system_fonts_wanted(env)
    dirs = [Path(d) for d in extra_dirs]
    dirs += [Path(d) for d in env.get("GONGBAO_FONT_DIRS", "").split(os.pathsep) if d]
    if system_fonts:
        dirs += system_font_dirs(system, env)
    else:
        use_fontconfig = False
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
             system: str | None = None, env: dict | None = None,
             system_fonts: bool | None = None) -> list[FaceRecord]:
    """All faces of all font files found, with unique keys (first file wins the plain key)."""
    index = FaceIndex(cache)
    faces: list[FaceRecord] = []
    keys: set[str] = set()
    for path in font_files(extra_dirs, use_fontconfig, system, env, system_fonts):
        for rec in index.faces(path):
            base, n = rec.key, 2
            while rec.key in keys:
                rec.key = f"{base}-{n}"
                n += 1
            keys.add(rec.key)
            faces.append(rec)
    index.save()
    return faces
