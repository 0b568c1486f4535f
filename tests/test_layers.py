"""The layer contract, read from the source (every import statement, at any depth):

    errors, resources ← guard ← appdirs ← crashlog ← model ← app.command (the command contract)
    ← docx_import, fonts ← layout ← render
    ← store, proof, issue_json, appinfo, archive ← app ← cli, ui

A package imports only from layers below its own (and itself).  PySide6 only in ui; ui never
reaches into cli (the window and the command line both go through app); cli opens the
window through editor.ui.app alone."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LAYERS = [
    {"errors", "resources", "__init__"},
    {"guard"},
    {"appdirs"},
    {"crashlog"},
    {"model"},
    {"app.command"},
    {"docx_import", "fonts"},
    {"layout"},
    {"render"},
    {"store", "proof", "issue_json", "appinfo", "archive"},
    {"preflight"},
    {"app"},
    {"cli", "ui"},
]
# Imports across one layer that the contract allows by name.
ALLOWED = {("docx_import", "fonts.names"),       # a run's font name → its type role
           ("cli", "ui.app")}                     # `python main.py` opens the window


def _unit(module: str) -> str:
    """The layer unit of ``editor.x.y``: ``app.command`` is its own unit, else ``x``."""
    parts = module.split(".")[1:]
    if parts[:2] == ["app", "command"]:
        return "app.command"
    return parts[0] if parts else "__init__"


def _level(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def _imports(path: Path):
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "editor":       # from editor import model (not __version__)
                names = [f"editor.{a.name}" for a in node.names if not a.name.startswith("_")]
        else:
            continue
        for name in names:
            yield module, name, node.lineno


def _violations():
    for path in sorted((ROOT / "editor").rglob("*.py")):
        for module, target, line in _imports(path):
            here = _unit(module)
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if target.split(".")[0] in ("PySide6", "shiboken6") and here != "ui":
                yield where + " (Qt outside editor/ui)"
            if not target.startswith("editor.") or target == "editor":
                continue
            there = _unit(target)
            if there == here or (here, ".".join(target.split(".")[1:3])) in ALLOWED:
                continue
            if _level(there) >= _level(here):
                yield where + f" ({here} may not depend on {there})"


def test_every_package_imports_only_from_the_layers_below():
    units = {_unit(".".join(p.relative_to(ROOT).with_suffix("").parts))
             for p in (ROOT / "editor").rglob("*.py")}
    unknown = {u for u in units if not any(u in layer for layer in LAYERS)}
    assert not unknown, f"place these packages in LAYERS: {unknown}"
    assert list(_violations()) == []


def test_the_contract_check_sees_a_violation(tmp_path, monkeypatch):
    """The checker itself: a layout module importing the store is reported."""
    fake = tmp_path / "editor" / "layout"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from editor.store import ProjectStore\nimport PySide6\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    found = list(_violations())
    assert any("layout may not depend on store" in v for v in found)
    assert any("Qt outside" in v for v in found)
