"""A click on a picture on the page selects it and says which picture of which document in
the status bar (pictures could not be clicked: only text was hit-tested)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from ui_window import TIMEOUT, close_window, make_window  # noqa: E402


@pytest.fixture
def window(tmp_path, qapp, monkeypatch):
    monkeypatch.setenv("GONGBAO_HOME", str(tmp_path / "home"))
    from editor.app import commands as c
    from editor.app.session import Session
    from unseen_docs import chart_notice
    project = tmp_path / "图片.gazette"
    with Session.create(project) as s:
        s.execute(c.AddSection(title="区级文件选登"))
        s.import_documents([chart_notice(tmp_path / "图表通知.docx")], "区级文件选登")
    win = make_window(tmp_path)
    win.open_project(project)
    yield win
    close_window(win, qapp)


def test_a_click_on_a_picture_selects_it_and_names_it(window, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from editor.layout.items import ImageItem
    qtbot.waitUntil(lambda: window.laid_out is not None and not window.layout_worker.busy,
                    timeout=TIMEOUT)
    index, picture = next((i, it) for i, page in enumerate(window.laid_out.pages)
                          for it in page.items if isinstance(it, ImageItem) and it.source)
    preview = window.preview
    preview.go_to_page(index)
    qtbot.waitUntil(lambda: preview.current_page() == index, timeout=TIMEOUT)
    said = []
    window.message = lambda text, *rest: said.append(text)
    rect = preview.page_rect(index)
    at = QPoint(int(rect.x() + (picture.x + picture.w / 2) * preview.scale),
                int(rect.y() + (picture.y + picture.h / 2) * preview.scale))
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert preview.selected == picture.source
    assert said and "第 1 幅图片" in said[-1] and "毫米" in said[-1], said
