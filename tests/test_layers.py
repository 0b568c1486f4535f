"""The layer contract, read from the source (every import statement, at any depth):

    errors, resources ← guard ← appdirs ← crashlog ← model ← app.command (the command contract)
    ← docx_import, fonts ← layout ← render
    ← store, proof, issue_json, appinfo, archive ← app ← cli, ui

A package imports only from layers below its own (and itself).  PySide6 only in ui; ui never
reaches into cli (the window and the command line both go through app); cli opens the
window through editor.ui.app alone.  And app is the one door: cli and ui call its use cases
(editor.app.production, proofs, checks, archive) and import none of the entry points that
orchestrate a layout, a PDF, a proof round or a check themselves."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

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


# What only editor.app may call: the modules and functions that run a layout, write a PDF
# or a proof, read a proof's marks back or run the 印前检查.
ORCHESTRATION_MODULES = {"editor.layout.paginate", "editor.render", "editor.render.pdf",
                         "editor.render.production", "editor.render.pdfx",
                         "editor.proof.export"}
ORCHESTRATION_NAMES = {"layout_issue", "build_pdf", "write_pdf", "write_print_pdf",
                       "write_booklet", "impose_booklet", "make_pdfx", "export_proof",
                       "import_proof", "AddImportedAnnotations", "run_preflight",
                       "preflight_issue", "chars_by_face"}
FRONT_ENDS = ("cli", "ui")


def _import_nodes(path: Path):
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom)
                                            and node.level == 0 and node.module):
            yield module, node


def _imports(path: Path):
    for module, node in _import_nodes(path):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            names = [node.module]
            if node.module == "editor":       # from editor import model (not __version__)
                names = [f"editor.{a.name}" for a in node.names if not a.name.startswith("_")]
        for name in names:
            yield module, name, node.lineno


def _front_end_orchestration():
    """cli or ui imports of an orchestration module or entry point (not through app)."""
    for path in sorted((ROOT / "editor").rglob("*.py")):
        for module, node in _import_nodes(path):
            if _unit(module) not in FRONT_ENDS:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
                names = []
            else:
                modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                names = [] if node.module.startswith("editor.app") else \
                    [a.name for a in node.names]
            for target in modules:
                if target in ORCHESTRATION_MODULES:
                    yield f"{where} imports {target} (call its use case in editor.app)"
            for name in names:
                if name in ORCHESTRATION_NAMES:
                    yield f"{where} imports {name} (call its use case in editor.app)"


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


@pytest.mark.slow
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


@pytest.mark.slow
def test_the_window_and_the_command_line_go_through_app_use_cases():
    assert list(_front_end_orchestration()) == []


def test_the_one_door_check_sees_a_front_end_orchestrating(tmp_path, monkeypatch):
    """The checker itself: a CLI command laying out and writing a PDF is reported; the
    same names through editor.app are not."""
    fake = tmp_path / "editor" / "cli"
    fake.mkdir(parents=True)
    (fake / "cmd_bad.py").write_text(
        "from editor.layout.paginate import layout_issue\n"
        "from editor.render.production import write_booklet\n"
        "import editor.render.pdf\n"
        "from editor.proof.import_ import import_proof\n"
        "from editor.app.proofs import import_proof as fine\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    found = list(_front_end_orchestration())
    assert len(found) == 6, found          # 2 modules + 1 import + 3 names
    assert not any(":5 " in v for v in found)
