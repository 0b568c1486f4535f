"""Shared fixtures: paths to the bundled samples and the shared corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Only the bundled open faces (and folders named in GONGBAO_FONT_DIRS): what a test sees
# does not depend on the fonts the host has installed (editor.fonts.discovery).
os.environ.setdefault("GONGBAO_SYSTEM_FONTS", "0")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
# The shared material (wild .docx corpus) lives beside the checkout; GONGBAO_SHARED points
# elsewhere, e.g. for a checkout in another place.
SHARED = Path(os.environ.get("GONGBAO_SHARED") or ROOT.parent / "shared")
WILD = SHARED / "corpus" / "wild"


def sample(prefix: str) -> Path:
    """The bundled sample .docx whose name starts with ``prefix`` (e.g. "02")."""
    return next(SAMPLES.glob(f"{prefix}_*.docx"))


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def screenshot_dir(tmp_path) -> Path:
    """Where GUI tests save their window screenshots: a temporary folder, so a test run
    leaves the checkout untouched; with GONGBAO_UPDATE_SCREENSHOTS=1 the README's
    docs/images/, to refresh its pictures."""
    if os.environ.get("GONGBAO_UPDATE_SCREENSHOTS") == "1":
        target = ROOT / "docs" / "images"
        target.mkdir(parents=True, exist_ok=True)
        return target
    return tmp_path
