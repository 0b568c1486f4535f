"""Locate bundled resources and templates, from source or from a frozen bundle (layer: core utility)."""
from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """Folder holding ``resources/`` and ``layouts/`` (the repo root, or the bundle dir)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return root() / "resources"


def layouts_dir() -> Path:
    return root() / "layouts"


def sample_issue_path() -> Path:
    """The bundled sample issue (《东西湖区人民政府公报》总第32期)."""
    return resources_dir() / "samples" / "issue.json"
