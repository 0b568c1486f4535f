"""Packaging: resources found the same way from source and from a frozen bundle, the
Windows version resource made from editor.__version__, and the PyInstaller spec and the
Inno Setup script agreeing on names (the bundle itself is built in CI by packaging/smoke.py)."""
from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

from editor import __version__, resources
from editor.fonts.discovery import bundled_dir
from editor.fonts.seed import seeded_base

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"gongbao_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_source_run_finds_resources_in_the_repository():
    assert not resources.is_frozen()
    assert resources.root() == ROOT
    assert resources.sample_issue_path().is_file()
    assert (resources.layouts_dir() / "gbt9704.toml").is_file()
    for kind in ("png", "ico"):
        assert resources.icon_path(kind).stat().st_size > 1000
    assert not resources.font_seed_dir().exists()      # fonts converted on first use


def test_frozen_bundle_finds_everything_under_meipass(tmp_path, monkeypatch):
    bundle = tmp_path / "安装目录" / "_internal"
    shutil.copytree(ROOT / "resources", bundle / "resources")
    shutil.copytree(ROOT / "layouts", bundle / "layouts")
    src = bundled_dir() / "NotoSansSC-Regular.otf"
    font = bundle / "pylopdf_fonts_zh_cn" / src.name
    font.parent.mkdir()
    shutil.copyfile(src, font)
    (bundle / "fontseed").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.is_frozen()
    assert resources.sample_issue_path() == bundle / "resources" / "samples" / "issue.json"
    assert resources.sample_issue_path().is_file()
    from editor.layout.template import available_templates, load_template
    assert resources.layouts_dir() == bundle / "layouts"
    assert set(available_templates()) == {p.stem for p in (ROOT / "layouts").glob("*.toml")}
    assert load_template("gbt9704") is not None
    # a seed written for the original font is found for the copy inside the bundle
    from editor.fonts.seed import seed_name
    fake = resources.font_seed_dir() / seed_name(font, 0)
    fake.write_bytes(b"ttf")
    assert seeded_base(font, 0) == fake
    assert seeded_base(src, 0) == fake


def test_wheel_install_finds_the_data_files_under_its_prefix(tmp_path, monkeypatch):
    """pip install . (not editable) puts the package in site-packages and the templates,
    sample and icons, as pyproject's data-files say, under <prefix>/share/gongbao-editor."""
    import tomllib
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))[
        "tool"]["setuptools"]["data-files"]
    prefix = tmp_path / "venv"
    for target, patterns in data_files.items():
        for pattern in patterns:
            for src in ROOT.glob(pattern):
                dest = prefix / target / src.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
    site = tmp_path / "venv" / "lib" / "site-packages" / "editor"
    site.mkdir(parents=True)
    monkeypatch.setattr(resources, "__file__", str(site / "resources.py"))
    monkeypatch.setattr(sys, "prefix", str(prefix))
    installed = prefix / "share" / "gongbao-editor"
    assert resources.root() == installed
    assert resources.sample_issue_path().is_file()
    from editor.issue_json import document_files
    files = [docx for _, _, docx in document_files(resources.sample_issue_path())]
    assert len(files) == 5 and all(f.is_file() and f.is_relative_to(installed) for f in files)
    assert (resources.layouts_dir() / "gbt9704.toml").is_file()
    assert resources.icon_path("ico").is_file()


def test_version_resource_comes_from_editor_version():
    vi = _load("versioninfo")
    assert vi.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert vi.version_tuple("0.10rc1") == (0, 10, 1, 0)
    assert vi.version_tuple("2.0.1.7.9") == (2, 0, 1, 7)
    text = vi.version_text(__version__)
    tree = ast.parse(text, mode="eval")          # PyInstaller evaluates this expression
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    numbers = vi.version_tuple(__version__)
    assert f"filevers={numbers!r}" in text and f"prodvers={numbers!r}" in text
    assert f"StringStruct('ProductVersion', {__version__!r})" in text
    assert "StringStruct('ProductName', '公报编辑器')" in text


def test_version_file_is_written(tmp_path):
    vi = _load("versioninfo")
    out = vi.write_version_file(tmp_path / "生成" / "version_info.txt")
    assert out.read_text(encoding="utf-8") == vi.version_text(__version__)


def test_spec_bundles_what_resources_looks_for():
    spec = (PACKAGING / "gongbao.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    for folder in ("resources", "layouts", "fontseed"):
        assert f'"{folder}")' in spec, folder
    assert 'collect_data_files("pylopdf_fonts_zh_cn")' in spec
    assert 'name="gongbao"' in spec and 'name="gongbao-cli"' in spec
    assert '"PySide6.QtWebEngineCore"' in spec
    from editor.appinfo import _PACKAGES
    for dist_name in _PACKAGES:                        # versions shown in 关于
        assert f'"{dist_name}"' in spec, dist_name


def test_installer_script_matches_the_bundle():
    iss = (PACKAGING / "gongbao.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', iss, re.M))
    assert defines["AppExe"] == "gongbao.exe" and defines["CliExe"] == "gongbao-cli.exe"
    assert "GetVersionNumbersString(DistDir" in iss       # version read from the .exe
    assert r'"..\dist\gongbao"' in iss                     # the spec's COLLECT name
    assert r'MessagesFile: "compiler:Languages\ChineseSimplified.isl"' in iss
    assert 'Subkey: "Software\\Classes\\.gazette"' in iss
    assert r'shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""' in iss
    assert "{uninstallexe}" in iss and "Uninstallable=no" not in iss
    assert "PrivilegesRequiredOverridesAllowed=dialog" in iss
    assert (PACKAGING / ".." / "resources" / "icons" / "gongbao.ico").resolve().is_file()


def test_window_executable_opens_a_gazette_given_as_the_only_argument(monkeypatch):
    from editor import cli
    opened = []
    monkeypatch.setattr(cli, "_open_window", lambda argv: opened.append(argv) or 0)
    assert cli.main([r"D:\公报\2025年第2期.gazette"]) == 0
    assert opened == [[r"D:\公报\2025年第2期.gazette"]]



def _spec_excludes() -> set[str]:
    tree = ast.parse((PACKAGING / "gongbao.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXCLUDES":
            return set(ast.literal_eval(node.value))
    raise AssertionError("EXCLUDES not found in the spec")


@pytest.mark.slow
def test_bundle_keeps_every_module_the_editor_imports():
    excluded = _spec_excludes()
    assert "PySide6.QtWebEngineCore" in excluded
    imported = set()
    for path in (ROOT / "editor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert {"PySide6.QtCore", "PySide6.QtWidgets"} <= imported
    clash = {name for name in imported
             if name in excluded or name.split(".")[0] in excluded}
    assert clash == set()
