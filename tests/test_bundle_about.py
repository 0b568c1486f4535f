"""The 关于 dialog (editor.ui.about) and the facts behind it (editor.appinfo)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer, qVersion  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor import __version__  # noqa: E402
from editor.appinfo import collect  # noqa: E402
from editor.fonts import default_fontbook  # noqa: E402


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path / "数据"))
    monkeypatch.setenv("GONGBAO_CACHE_DIR", str(tmp_path / "缓存"))
    return tmp_path


def test_facts_name_the_fonts_in_use_and_the_folders(home):
    book = default_fontbook()
    info = collect(book)
    assert info.version == __version__
    assert info.data_dir == str(home / "数据") and info.cache_dir == str(home / "缓存")
    assert [u.role for u in info.fonts] == ["小标宋", "宋体", "仿宋", "楷体", "黑体", "西文"]
    for use in info.fonts:
        assert Path(use.path).is_file()
        assert use.face == book.faces_for_role(
            {"小标宋": "biaosong", "宋体": "song", "仿宋": "fangsong", "楷体": "kai",
             "黑体": "hei", "西文": "latin"}[use.role])[0]
        assert use.embedding.startswith("嵌入子集")
    text = info.as_text("6.9")
    assert f"公报编辑器 {__version__}" in text and info.fonts[0].path in text


def test_about_dialog_shows_versions_fonts_and_folders(home, qtbot):
    from editor.ui.about import AboutDialog
    book = default_fontbook()
    dialog = AboutDialog(None, book)
    qtbot.addWidget(dialog)
    dialog.show()
    assert __version__ in dialog.title.text()
    assert dialog.qt_version == qVersion()
    table = dialog.font_table
    assert table.rowCount() == 6 + len(book.refused)
    assert [table.item(r, 0).text() for r in range(6)] == ["小标宋", "宋体", "仿宋", "楷体", "黑体", "西文"]
    song = book.record(book.faces_for_role("song")[0])
    assert table.item(1, 3).text().startswith(song.path)
    assert table.item(1, 2).text() == "嵌入子集（TrueType）"
    labels = [w.text() for w in dialog.findChildren(type(dialog.title))]
    assert str(home / "数据") in labels and str(home / "缓存") in labels
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["程序", "字体", "许可"]
    text = dialog.copy_text()
    assert QGuiApplication.clipboard().text() == text
    assert "SIL Open Font License" in "".join(
        dialog.tabs.widget(2).item(r, 1).text() for r in range(dialog.tabs.widget(2).rowCount()))


def test_window_about_action_opens_the_dialog(home, qtbot):
    from editor.ui.about import AboutDialog
    from PySide6.QtCore import QSettings
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    settings = Settings(QSettings(str(home / "设置.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, fontbook=default_fontbook())
    qtbot.addWidget(win)
    seen = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(200, close_it)
    win.about()
    assert isinstance(seen[0], AboutDialog)
    assert seen[0].font_table.rowCount() == 6 + len(default_fontbook().refused)


def test_window_settings_live_in_the_per_user_data_folder(home):
    from editor.ui.settings import Settings
    project = home / "共享盘" / "2025年第2期.gazette"
    project.parent.mkdir()
    project.write_bytes(b"x")
    first = Settings()
    first.add_recent(project)
    first.sync()
    assert (home / "数据" / "settings.ini").is_file()
    assert Settings().recent_files() == [project]      # read back by a new instance
