"""Locate the program's read-only files — resources, templates, icons and the
pre-converted fonts — from source or from a frozen PyInstaller bundle (layer: core utility).

This is the one module that knows where the program's own files are: the repository root
when running from source, ``sys._MEIPASS`` (the bundle's ``_internal`` folder) when frozen,
``<prefix>/share/gongbao-editor`` after a non-editable ``pip install .``.
"""
from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def root() -> Path:
    """Folder holding ``resources/`` and ``layouts/`` (the repo root, or the bundle dir)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "layouts").is_dir():
        return checkout
    for prefix in (sys.prefix, sys.base_prefix):     # data files of an installed wheel
        installed = Path(prefix) / "share" / "gongbao-editor"
        if (installed / "layouts").is_dir():
            return installed
    return checkout


def resources_dir() -> Path:
    return root() / "resources"


def layouts_dir() -> Path:
    return root() / "layouts"


def sample_issue_path() -> Path:
    """The bundled sample issue (《东西湖区人民政府公报》总第32期)."""
    return resources_dir() / "samples" / "issue.json"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def icon_path(kind: str = "png") -> Path:
    """The program icon: ``png`` (256 px, for windows) or ``ico`` (Windows, all sizes)."""
    return icons_dir() / f"gongbao.{kind}"


def font_seed_dir() -> Path:
    """Fallback fonts converted to TrueType when the bundle was built (``fontseed/``);
    from source the folder does not exist and fonts are converted on first use."""
    return root() / "fontseed"
