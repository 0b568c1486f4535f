"""Application start-up: QApplication, Chinese UI font and translations, the main window
(layer: ui).

``run_app(argv)`` is what ``python main.py`` and ``python main.py FILE.gazette`` call.  It
sets high-DPI rounding (fractional scale factors pass through, so 125 %/150 % Windows
displays are sharp), loads Qt's own Chinese translations for standard dialogs, makes sure
a font with Chinese glyphs is the UI font (the bundled Noto font on a machine without one),
and turns any unexpected exception into a Chinese message box instead of a traceback.
"""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import (QLibraryInfo, QLocale, Qt, QtMsgType, QTranslator,
                            qInstallMessageHandler)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.resources import icon_path
from editor.ui.qtfix import keep_singletons_alive

_translators: list[QTranslator] = []
_startup_notes: list[str] = []          # Qt's messages while the QApplication starts


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), configured for a Chinese desktop."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        _startup_notes.clear()
        previous = qInstallMessageHandler(_display_failure)
        try:
            app = QApplication(["公报编辑器", *(argv or [])])
        finally:
            qInstallMessageHandler(previous)
        for note in _startup_notes:        # the window opened: Qt's notes as Qt prints them
            print(note, file=sys.stderr)
    app.setApplicationName("公报编辑器")
    app.setOrganizationName("GongbaoEditor")
    keep_singletons_alive()          # before the first emit: see editor.ui.qtfix
    app.setApplicationDisplayName("公报编辑器")
    app.setWindowIcon(QIcon(str(icon_path())))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _install_translations(app)
    ensure_chinese_ui_font(app)
    return app


NO_WINDOW = ("错误：编辑器窗口无法在这台计算机的图形显示上打开（没有可用的显示，或缺少显示所需的系统组件）。\n"
             "在没有显示器的服务器或自动化环境中，可用虚拟显示运行：xvfb-run python main.py\n"
             "不需要窗口的工作也可用命令行完成（python main.py -h 列出全部命令）。")


def _display_failure(kind: QtMsgType, _context, text: str) -> None:
    """While the QApplication starts: Qt's fatal "no platform plugin / no display" (which
    would abort with an English message) becomes a Chinese one, Qt's own text (and the
    notes before it) going to a record; other notes are kept to print once the window is
    possible."""
    if kind != QtMsgType.QtFatalMsg:
        _startup_notes.append(text)
        return
    from editor.crashlog import write_crash_log
    log = write_crash_log(RuntimeError("\n".join(_startup_notes + [text])), "打开编辑器窗口")
    print(NO_WINDOW + (f"\n（Qt 的原始说明已记入 {log}）" if log else ""), file=sys.stderr,
          flush=True)
    os._exit(2)


def _install_translations(app: QApplication) -> None:
    if _translators:
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)


def ensure_chinese_ui_font(app: QApplication) -> None:
    """Use a UI font that has Chinese glyphs (Microsoft YaHei on Windows; the bundled
    Noto Sans SC where the system has none)."""
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in ("Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC",
                   "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"):
        if family in chinese:
            _set_family(app, family)
            return
    from editor.ui.painter import FaceFonts
    family = FaceFonts().fallback_family("hei")
    if family:
        _set_family(app, family)


def _set_family(app: QApplication, family: str) -> None:
    font = QFont(app.font())
    font.setFamilies([family])
    app.setFont(font)


def _excepthook(exc_type, exc, tb) -> None:
    """Last resort: the traceback to stderr, a crash record for a program fault (not for a
    file or memory problem), the user told in Chinese."""
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    from editor.crashlog import record_unforeseen, send_hint
    from editor.errors import user_message
    log = record_unforeseen(exc, "编辑器窗口")
    app = QApplication.instance()
    if app is not None:
        where = "\n\n" + send_hint(log) if log else ""
        QMessageBox.critical(app.activeWindow(), "公报编辑器",
                             "出现了一个意外问题，最后的操作可能没有完成。\n" + user_message(exc)
                             + where)


def run_app(argv: list[str]) -> int:
    """Open the window (on ``argv[0]`` when it names a project) and run the event loop."""
    app = make_application([])
    sys.excepthook = _excepthook
    from editor.ui.main_window import MainWindow
    window = MainWindow()
    window.setWindowIcon(QIcon.fromTheme("accessories-text-editor"))
    window.show()
    if argv:
        path = Path(argv[0])
        if path.exists():
            window.open_project(path)
        else:
            QMessageBox.warning(window, "公报编辑器", f"找不到文件：{path}")
    return app.exec()
