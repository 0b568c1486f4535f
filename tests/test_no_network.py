"""The program never touches the network: a headless build, the editor window and its 关于
dialog run with every socket connection refused and nothing tries one; no module imports
a networking library."""
from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from editor.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
NETWORK_MODULES = {"socket", "ssl", "urllib.request", "urllib3", "requests", "httpx", "aiohttp",
                   "http.client", "http.server", "ftplib", "smtplib", "poplib", "imaplib",
                   "xmlrpc.client", "websocket", "websockets", "PySide6.QtNetwork",
                   "PySide6.QtWebEngineCore", "PySide6.QtWebSockets"}


@pytest.fixture
def no_network(monkeypatch):
    """Refuse and record every attempt to resolve a name or open a connection."""
    attempts: list[tuple] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(f"network blocked in test ({name})")
        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def test_the_blocker_catches_a_connection(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    assert no_network, "the fixture must record attempts, or the tests below prove nothing"


def test_headless_build_does_not_use_the_network(no_network, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path / "home"))
    out = tmp_path / "公报.pdf"
    assert cli_main(["build", "-o", str(out)]) == 0
    assert out.stat().st_size > 100_000
    assert no_network == []


def test_window_and_about_dialog_do_not_use_the_network(no_network, tmp_path, monkeypatch, qtbot):
    from PySide6.QtCore import QSettings
    from editor.ui.about import AboutDialog
    from editor.ui.app import make_application
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path / "home"))
    make_application([])
    win = MainWindow(Settings(QSettings(str(tmp_path / "设置.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dialog = AboutDialog(win, win.fonts.fontbook)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.font_table.rowCount() >= 6
    win.close()
    assert no_network == []


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.slow
def test_no_module_imports_a_networking_library():
    files = sorted((ROOT / "editor").rglob("*.py")) + [ROOT / "main.py"]
    assert len(files) > 50
    offenders = {}
    for path in files:
        bad = {name for name in _imports(path)
               if name in NETWORK_MODULES or name.split(".")[0] in {"requests", "httpx", "urllib3"}}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_the_import_scan_sees_networking_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import urllib.request\nfrom http import client\nfrom http.client import HTTPSConnection\n",
                     encoding="utf-8")
    names = _imports(probe)
    assert "urllib.request" in names and "http.client" in names
