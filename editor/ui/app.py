"""Application start-up: QApplication, Chinese UI font and translations, the main window
(layer: ui).

``run_app(argv)`` is what ``python main.py`` and ``python main.py FILE.gazette`` call.  It
sets high-DPI rounding (fractional scale factors pass through, so 125 %/150 % Windows
displays are sharp), loads Qt's own Chinese translations for standard dialogs, makes sure
a font with Chinese glyphs is the UI font (the bundled Noto font on a machine without one),
and turns any unexpected exception into a Chinese message box instead of a traceback.
"""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.resources import icon_path

_translators: list[QTranslator] = []


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), configured for a Chinese desktop."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(["公报编辑器", *(argv or [])])
    app.setApplicationName("公报编辑器")
    app.setOrganizationName("GongbaoEditor")
    app.setApplicationDisplayName("公报编辑器")
    app.setWindowIcon(QIcon(str(icon_path())))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _install_translations(app)
    ensure_chinese_ui_font(app)
    return app


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
