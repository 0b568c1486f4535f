"""Fallback fonts → TrueType base subsets made when the bundle is built, and the look-up
that lets a fresh installation use them instead of converting (layer: fonts, file I/O).

The per-user cache names a converted file by the source's absolute path and mtime, which
differ on every installation.  A seed file is named by what does not: the source file's
name, size and subfont index, the fontTools version and the converter format.  Only the
open fallback faces shipped with the program (``pylopdf-fonts-zh-cn``) are seeded; the
files are identical to the ones a first run would convert, so PDFs do not change.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import fontTools

from editor.fonts import convert
from editor.fonts.charsets import base_chars
from editor.fonts.discovery import BUNDLED_PACKAGES, bundled_files
from editor.fonts.faces import scan_file


def portable_key(path: Path, index: int) -> str:
    """Identity of a font source that survives copying it elsewhere."""
    size = os.stat(path).st_size
    text = f"{Path(path).name}|{size}|{index}|{fontTools.version}|{convert.FORMAT}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def seed_name(path: Path, index: int) -> str:
    return f"{Path(path).stem}-{index}-{portable_key(path, index)}-base.ttf"


def seeded_base(path: Path, index: int, folder: Path | None = None) -> Path | None:
    """The pre-converted base subset of a face, when the bundle holds one."""
    if folder is None:
        from editor.resources import font_seed_dir
        folder = font_seed_dir()
    try:
        found = Path(folder) / seed_name(Path(path), index)
    except OSError:
        return None
    return found if found.is_file() else None


def write_seeds(folder: Path, sources: list[Path] | None = None) -> list[Path]:
    """Convert the base subset of every face of ``sources`` (default: the shipped
    fallback fonts) into ``folder`` under its portable name; returns the files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    # the Noto SC faces: the JP ones only ever draw the few characters SC lacks
    for path in sources if sources is not None else bundled_files(BUNDLED_PACKAGES[:1]):
        for rec in scan_file(Path(path)):
            out = folder / seed_name(Path(path), rec.index)
            if not out.exists():
                convert.subset_to_truetype(Path(path), rec.index, base_chars(), out)
            written.append(out)
    return written
