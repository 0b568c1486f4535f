"""Shared by the window tests: a MainWindow with its settings in a test folder, errors
collected instead of shown in a modal box, the sample issue opened and laid out."""
from __future__ import annotations

import gc
from pathlib import Path

TIMEOUT = 120_000       # ms: a first layout with cold font caches on a slow machine


def make_window(home: Path, size: tuple[int, int] = (1400, 900)):
    """A shown MainWindow whose settings live in ``home``; ``win.errors`` collects the
    (title, text) of every error the window would have shown."""
    from PySide6.QtCore import QSettings

    from editor.ui.app import make_application
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    make_application([])
    win = MainWindow(Settings(QSettings(str(home / "设置.ini"), QSettings.Format.IniFormat)))
    win.errors = []
    win.error = lambda text, title="出错了": win.errors.append((title, text))
    win.show()
    win.resize(*size)       # after the first show, which fits the window to the screen
    return win


def open_sample(win, qapp) -> None:
    """Open the bundled sample issue and wait for its pages."""
    from pytestqt.qtbot import QtBot
    qtbot = QtBot(qapp)
    win.open_sample()
    qtbot.waitUntil(lambda: win.session is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.laid_out is not None and not win.layout_worker.busy,
                    timeout=TIMEOUT)


def close_window(win, qapp) -> None:
    win.close()
    win.deleteLater()
    qapp.processEvents()
    gc.collect()


def wait_idle(qtbot, window) -> None:
    """Wait until the pages on screen are those of the newest edit (no layout running)."""
    qtbot.waitUntil(lambda: window.laid_generation == window.layout_worker.generation,
                    timeout=TIMEOUT)


def wait_pages(qtbot, window, after: int) -> None:
    """Wait for the pages of an edit made after layout generation ``after``."""
    qtbot.waitUntil(lambda: window.laid_generation > after
                    and window.laid_generation == window.layout_worker.generation,
                    timeout=TIMEOUT)
