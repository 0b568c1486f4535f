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


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory) -> Path:
    """A project file made from the bundled sample issue, once per test module (read it,
    or take a ``project`` copy to change)."""
    from editor.app.session import Session
    path = tmp_path_factory.mktemp("proj") / "32.gazette"
    Session.create(path, from_issue_json=SAMPLES / "issue.json").close()
    return path


@pytest.fixture
def project(sample_project, tmp_path) -> Path:
    """A fresh copy of ``sample_project`` for one test to edit."""
    import shutil
    path = tmp_path / "work.gazette"
    shutil.copy(sample_project, path)
    return path


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


@pytest.fixture(autouse=True)
def _layout_settled(request):
    """A window test starts from the pages of the last edit: a test that ends with undos
    leaves a layout running, and reading its stale pages made the next test flaky under
    load.  Applies to the module-scoped window fixtures of the UI tests."""
    if "qtbot" in request.fixturenames:
        from editor.ui.qtfix import keep_singletons_alive
        keep_singletons_alive()       # PySide6 6.12 leaks a True/False per emit
    for name in ("opened", "proofing", "window"):
        if name in request.fixturenames:
            window = request.getfixturevalue(name)
            if hasattr(window, "layout_worker"):
                from ui_window import wait_idle
                wait_idle(request.getfixturevalue("qtbot"), window)
            return


def pytest_collection_modifyitems(config, items):
    """Markers a test earns by what it uses, so none is forgotten: ``gui`` for every test
    that drives Qt (the qtbot or qapp fixture), ``corpus`` for the wild-corpus modules.
    ``slow`` is set by hand on the tests that take more than a few seconds."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "qtbot" in names or "qapp" in names:
            item.add_marker(pytest.mark.gui)
        if item.module.__name__.startswith("test_wild"):
            item.add_marker(pytest.mark.corpus)
