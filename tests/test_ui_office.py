"""The window as an office editor used to Word/WPS expects it (editor.ui): it fits a
1366×768 screen, reorders by menu and keys as undoable moves with the pages following the
moved document, 保存 (Ctrl+S) and a standing 已自动保存 note, 撤销/重做/导出 from any field,
no internal ids on screen, 字号 names, header-row arrows that apply at once, landscape
tables shown as such, the export's folder and its question before replacing a file, and
the small things (steady toolbar, cleared greyed panels, 关闭比较, start page)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from ui_window import close_window, make_window, open_sample, wait_pages  # noqa: E402

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("办公室")
    mp = pytest.MonkeyPatch()
    mp.setenv("GONGBAO_HOME", str(folder))
    yield folder
    mp.undo()


@pytest.fixture(scope="module")
def opened(home, qapp):
    win = make_window(home, (1366, 740))
    open_sample(win, qapp)
    yield win
    close_window(win, qapp)


@pytest.fixture
def window(opened, qtbot):
    """The sample's window once the pages of any earlier edit are in."""
    qtbot.waitUntil(lambda: opened.laid_generation == opened.layout_worker.generation
                    and not opened.layout_worker.busy, timeout=120_000)
    return opened


def _order(window) -> list[list[str]]:
    return [[d.id for d in s.documents] for s in window.session.issue.sections]


def _undo_all_of_this_test(window, qtbot, depth: int) -> None:
    stack = window.undo.stack
    while stack.index() > depth:
        generation = window.layout_worker.generation
        window.actions["undo"].trigger()
        wait_pages(qtbot, window, generation)


# -- the screen --------------------------------------------------------------------------------

def test_window_fit_rules_on_a_1366_by_768_laptop():
    from editor.ui.window_fit import clamp_frame, first_size, fits
    available = QRect(0, 0, 1366, 728)                   # 768 less a 40-pixel taskbar
    size = first_size(available)
    assert size.width() + 16 <= 1366 and size.height() + 40 <= 728
    assert first_size(QRect(0, 0, 1920, 1040)).toTuple() == (1400, 900)
    saved = QRect(300, 120, 1500, 950)                   # from the office's big monitor
    assert not fits(saved, available)
    clamped = clamp_frame(saved, available)
    assert fits(clamped, available) and clamped.size().toTuple() == (1366, 728)
    assert clamp_frame(QRect(10, 10, 800, 600), available) == QRect(10, 10, 800, 600)


_GEOMETRY_SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings
    from editor.ui.app import make_application
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    app = make_application([])
    out = {}
    def shown(name, ini):
        win = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)))
        win.show()
        app.processEvents()
        f, a = win.frameGeometry(), win.screen().availableGeometry()
        out[name] = [f.x(), f.y(), f.width(), f.height(), a.x(), a.y(), a.width(), a.height()]
        return win
    first = shown("first", sys.argv[1] + "/a.ini")
    first.resize(900, 600); first.move(40, 30)
    first.close()                                     # saved: fits, so restored
    shown("again", sys.argv[1] + "/a.ini").close()
    big = MainWindow(Settings(QSettings(sys.argv[1] + "/b.ini", QSettings.Format.IniFormat)))
    big.show(); app.processEvents()
    big.setGeometry(200, 100, 1800, 1000)             # as on a larger monitor
    big.settings.save_window(big.saveGeometry(), big.saveState())
    big.settings.sync(); big.hide()
    shown("from_big_screen", sys.argv[1] + "/b.ini").close()
    print(json.dumps(out))
""")


@pytest.mark.slow
def test_first_window_fits_a_1366_by_768_screen_and_restores_only_what_fits(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = dict(__import__("os").environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               GONGBAO_HOME=str(tmp_path))
    run = subprocess.run([sys.executable, "-c", _GEOMETRY_SCRIPT, str(tmp_path)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    for name, (x, y, w, h, ax, ay, aw, ah) in shown.items():
        assert (aw, ah) == (1366, 768)
        assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, (name, shown)
    assert shown["first"][2] >= 1300 and shown["first"][3] >= 700       # uses the room
    x, y, w, h = shown["again"][:4]                                      # restored as left
    assert (x, y) == (40, 30) and 900 <= w <= 910 and 600 <= h <= 610


# -- reordering ----------------------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_alt_and_ctrl_arrows_move_the_selected_document_undoably(window, qtbot):
    depth = window.undo.stack.index()
    before = _order(window)
    moved = before[0][1]
    window.select_document(moved)
    window.tree.setFocus()
    generation = window.layout_worker.generation
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _order(window)[0][:2] == [moved, before[0][0]]
    assert window.undo.stack.undoText().startswith("移动")
    wait_pages(qtbot, window, generation)
    assert window.preview.current_page() == window.laid_out.doc_first_page[moved]
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _order(window)[0][1] == moved, _order(window)[0]
    assert window.tree_model.document_at(window.tree.currentIndex()).id == moved
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _order(window)[0][2] == moved
    assert window.tree_model.document_at(window.tree.currentIndex()).id == moved
    last = _order(window)[0][-1]            # past the end of its section: into the next one
    window.select_document(last)
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _order(window)[1][0] == last
    sections = [s.id for s in window.session.issue.sections]
    window.tree.setCurrentIndex(window.tree_model.index_of_section(sections[1]))
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.id for s in window.session.issue.sections][:2] == [sections[1], sections[0]]
    assert window.tree_model.section_at(window.tree.currentIndex()).id == sections[1]
    _undo_all_of_this_test(window, qtbot, depth)
    assert _order(window) == before


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_context_menu_moves_up_down_and_to_another_section(window, qtbot, monkeypatch):
    depth = window.undo.stack.index()
    before = _order(window)
    issue = window.session.issue
    doc = before[0][0]
    shown = []

    def choose(*path):
        def popup(menu, _pos):
            shown.append([a.text() for a in menu.actions()])
            target = menu
            for text in path[:-1]:
                target = next(a.menu() for a in target.actions() if a.text() == text)
            next(a for a in target.actions() if a.text().startswith(path[-1])).trigger()
        return popup

    tree = window.tree
    monkeypatch.setattr(tree, "popup", choose("下移"))
    tree._menu(tree.visualRect(window.tree_model.index_of_document(doc)).center())
    assert _order(window)[0][1] == doc
    assert any("上移" in t for t in shown[0]) and "移到栏目" in shown[0]
    assert any("Alt+Up" in a.shortcut().toString() or "Alt+Up" in
               [s.toString() for s in a.shortcuts()] for a in tree.move_actions)
    last_section = issue.sections[-1]
    generation = window.layout_worker.generation
    monkeypatch.setattr(tree, "popup", choose("移到栏目", last_section.title))
    tree._menu(tree.visualRect(window.tree_model.index_of_document(doc)).center())
    assert _order(window)[-1][-1] == doc and doc not in _order(window)[0]
    wait_pages(qtbot, window, generation)
    assert window.preview.current_page() == window.laid_out.doc_first_page[doc]
    _undo_all_of_this_test(window, qtbot, depth)
    assert _order(window) == before


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_after_a_drag_the_pages_show_the_moved_document_and_the_toc_stays(window, qtbot):
    depth = window.undo.stack.index()
    model = window.tree_model
    issue = window.session.issue
    moved = issue.sections[0].documents[0].id
    window.preview.go_to_page(window.laid_out.doc_first_page[moved])
    generation = window.layout_worker.generation
    mime = model.mimeData([model.index_of_document(moved)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(len(issue.sections) - 1, 0))
    wait_pages(qtbot, window, generation)
    pages = window.laid_out.pages
    assert window.preview.current_page() == window.laid_out.doc_first_page[moved]
    assert pages[window.preview.current_page()].doc_id == moved
    toc = [p.index for p in pages if p.kind == "toc"]
    assert toc
    window.thumbs.clicked.emit(window.thumbs_model.index(toc[0], 0))    # 页面 › 目录
    assert window.preview.current_page() == toc[0]
    _undo_all_of_this_test(window, qtbot, depth)


# -- saving ---------------------------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_ctrl_s_saves_visibly_and_the_note_says_every_change_is_saved(window, qtbot):
    now = re.compile(r"^已自动保存 \d\d:\d\d:\d\d$")
    assert now.match(window.saved_label.text())
    depth = window.undo.stack.index()
    window.edit_meta("slogans", ["保存测试"])
    stamp = window.saved_label.text()
    assert now.match(stamp)
    wal = Path(f"{window.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not wal.exists() or wal.stat().st_size == 0       # folded into the project file
    assert "已保存" in window.statusBar().currentMessage()
    assert window.actions["save"].text().startswith("保存")
    _undo_all_of_this_test(window, qtbot, depth)


# -- keys from fields ------------------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_ctrl_z_in_a_properties_field_commits_then_undoes(window, qtbot):
    depth = window.undo.stack.index()
    field = window.properties.published
    old = window.session.issue.meta.published
    window.side_tabs.setCurrentIndex(0)
    field.setFocus()
    field.selectAll()
    field.insert("2025年10月")                        # typed (an input method), not committed
    assert field.isModified()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.issue.meta.published == old and field.text() == old
    assert window.session.can_redo and "刊期信息" in window.session.redo_text
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.issue.meta.published == "2025年10月"
    assert field.text() == "2025年10月"
    _undo_all_of_this_test(window, qtbot, depth)
    assert window.session.issue.meta.published == old


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_ctrl_z_in_a_many_line_field_commits_then_undoes(window, qtbot):
    depth = window.undo.stack.index()
    field = window.properties.slogans
    old = list(window.session.issue.meta.slogans)
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    field.insertPlainText("\n新的口号")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.issue.meta.slogans == old
    assert field.toPlainText() == "\n".join(old)
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.issue.meta.slogans == old + ["新的口号"]
    _undo_all_of_this_test(window, qtbot, depth)


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_ctrl_z_in_a_spin_box_undoes_the_last_edit_of_the_window(window, qtbot):
    depth = window.undo.stack.index()
    before = _order(window)
    window.move_document(before[0][0], window.session.issue.sections[0].id, 1)
    spin = window.properties.total
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _order(window) == before and window.undo.stack.index() == depth


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_ctrl_e_and_esc_in_the_find_bar(window, qtbot, monkeypatch):
    bar = window.find_bar
    exported = []
    monkeypatch.setattr(window, "export_pdf", lambda *a, **k: exported.append(a))
    window.actions["export"].triggered.disconnect()
    window.actions["export"].triggered.connect(lambda _c=False: window.export_pdf())
    window.actions["find"].trigger()
    assert bar.edit.hasFocus()
    qtbot.keyClick(bar.edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [()]
    bar.replacement.setFocus()
    qtbot.keyClick(bar.replacement, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(exported) == 2
    depth = window.undo.stack.index()
    bar.replacement.insert("替换文字")
    qtbot.keyClick(bar.replacement, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bar.replacement.text() == "" and window.undo.stack.index() == depth   # its own
    qtbot.keyClick(bar.replacement, Qt.Key.Key_Escape)
    assert not bar.isVisible()


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_a_failed_undo_leaves_the_stack_where_the_session_is(window, qtbot, monkeypatch):
    from editor.errors import GazetteError
    depth = window.undo.stack.index()
    window.edit_meta("slogans", ["撤销失败测试"])
    assert window.undo.stack.index() == depth + 1

    def refuse():
        raise GazetteError("该操作已过期，无法撤销或重做")
    monkeypatch.setattr(window.session, "undo", refuse)
    errors = len(window.errors)
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: window.undo.stack.index() == len(window.session.history))
    assert window.undo.stack.index() == depth + 1 and window.undo.stack.canUndo()
    assert len(window.errors) == errors + 1 and "撤销失败" in window.errors[-1][1]
    monkeypatch.undo()
    _undo_all_of_this_test(window, qtbot, depth)


# -- what the screen says -----------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_a_click_on_the_page_names_the_place_without_ids(window):
    from editor.layout.items import Source
    from editor.ui.table_panel import tables_of
    doc = next(d for d in window.session.issue.documents() if tables_of(d))
    table = tables_of(doc)[0]
    row, cell = next((r, c) for r, cells in enumerate(table.rows, 1) for c in cells.cells
                     if c.col > 0)
    paragraph = next(b for b in doc.body if getattr(b, "runs", None))
    for source, expected in ((Source(doc.id, paragraph.id), "第 "),
                             (Source(doc.id, f"{table.id}/{cell.id}/{cell.id}p1"),
                              f"表 1 第 {row} 行第 {cell.col + 1} 列"),
                             (Source(doc.id, "title"), "标题")):
        window._source_clicked(source)
        text = window.statusBar().currentMessage()
        assert expected in text and doc.id not in text, text
        assert not re.search(r"[（(][a-z]+\d*[）)]|\bt\d+c\d+|\bp\d+\b", text), text


def test_first_export_progress_names_fonts_as_people_know_them():
    from types import SimpleNamespace
    from editor.fonts.prepare import shown_name
    rec = SimpleNamespace(key="NotoSerifSC-Regular", names=["Noto Serif SC", "思源宋体"])
    assert shown_name(rec) == "思源宋体"
    rec = SimpleNamespace(key="FZXBSJW--GB1-0", names=["FZXiaoBiaoSong-B05S", "方正小标宋简体"])
    assert shown_name(rec) == "方正小标宋简体"
    assert not shown_name(rec).endswith((".ttf", ".otf"))


# -- the table tab ----------------------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_table_tab_names_sizes_and_applies_header_arrows_at_once(window, qtbot):
    from editor.ui.table_panel import tables_of
    depth = window.undo.stack.index()
    doc = next(d for d in window.session.issue.documents() if tables_of(d))
    window.select_document(doc.id)
    panel = window.table_panel
    items = [panel.font_size.itemText(k) for k in range(panel.font_size.count())]
    assert "五号（10.5 磅）" in items and "小四（12 磅）" in items and "四号（14 磅）" in items
    assert all("磅" in t for t in items[1:])
    table = panel.table
    before = table.layout.header_rows
    spin = panel.header_rows
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)                   # the arrow, no Enter
    assert table.layout.header_rows == (0 if before is None else before + 1)
    assert window.undo.stack.undoText()
    _undo_all_of_this_test(window, qtbot, depth)
    assert window.session.issue.find_document(doc.id) is doc


def test_a_table_the_layout_turned_shows_ticked(qtbot):
    from editor import model
    from editor.layout.items import Page, Source, TextItem
    from editor.ui.preview import landscape_tables
    from editor.ui.table_panel import TablePanel
    table = model.Table(id="t1", grid=[50] * 12, rows=[model.Row(cells=[
        model.Cell(id=f"c{k}", col=k) for k in range(12)])])
    doc = model.Document(id="d1", title="宽表", body=[table])
    text = TextItem(40, 60, "甲", "face", 10.5, source=Source("d1", "t1/c0/c0p1"))
    pages = [Page(0, 842, 595, landscape=True, items=[text], doc_id="d1"),
             Page(1, 595, 842, items=[TextItem(40, 60, "乙", "face", 10.5,
                                               source=Source("d1", "p1"))], doc_id="d1")]
    drawn = landscape_tables(pages, "d1")
    assert drawn == {("d1", "t1")}
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_document(doc)
    assert not panel.landscape.isChecked()
    panel.set_drawn_landscape(drawn)
    assert panel.landscape.isChecked() and "已自动横排" in panel.landscape.text()
    with qtbot.waitSignal(panel.layout_edited) as blocker:
        panel.landscape.click()                          # untick: keep it upright
    assert blocker.args == ["d1", "t1", "landscape", False]
    panel.set_document(None)                             # greyed: nothing left over
    assert not panel.isEnabled() and not panel.landscape.isChecked()
    assert panel.font_size.currentIndex() == -1 and panel.cell_label.text() == ""


# -- export ----------------------------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_export_starts_in_the_project_folder_and_asks_before_replacing(window, monkeypatch,
                                                                     tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from editor.ui import export
    seen = []

    def cancel(dialog):
        seen.append(dialog.chosen_path())
        return export.ExportDialog.DialogCode.Rejected
    monkeypatch.setattr(export.ExportDialog, "exec", cancel)
    window.export_pdf()
    assert seen == [window.path.resolve().parent / f"{window.path.stem}.pdf"]

    existing = tmp_path / "已有.pdf"
    existing.write_bytes(b"%PDF-1.4 old")
    dialog = export.ExportDialog(existing, window)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def question(_parent, _title, text, *_a):
        asked.append(text)
        return answers.pop(0)
    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.accept()
    assert dialog.result() != export.ExportDialog.DialogCode.Accepted
    assert "已有.pdf" in asked[0] and "替换" in asked[0]
    dialog.accept()
    assert dialog.result() == export.ExportDialog.DialogCode.Accepted
    fresh = export.ExportDialog(tmp_path / "新的.pdf", window)
    fresh.accept()
    assert len(asked) == 2 and fresh.result() == export.ExportDialog.DialogCode.Accepted
    assert existing.read_bytes() == b"%PDF-1.4 old"


# -- small things ---------------------------------------------------------------------------------

@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_toolbar_stays_put_as_the_undo_text_changes(window, qtbot):
    from PySide6.QtWidgets import QToolBar
    depth = window.undo.stack.index()
    tools = window.findChild(QToolBar, "main_toolbar")
    export_button = tools.widgetForAction(window.actions["export"])
    undo_button = tools.widgetForAction(window.actions["undo_tool"])
    x = export_button.x()
    window.edit_meta("slogans", ["一条很长很长的口号，用来让撤销的说明变长"])
    qtbot.wait(1)
    assert undo_button.text() == "撤销"
    assert undo_button.toolTip() == "撤销 " + window.undo.stack.undoText()
    assert export_button.x() == x
    _undo_all_of_this_test(window, qtbot, depth)


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_greyed_panels_hold_no_values_and_compare_closes_only_when_open(window):
    window.tree.setCurrentIndex(window.tree_model.index(0, 0))          # a section
    props = window.properties
    assert not props.doc_box.isEnabled()
    assert all(e.text() == "" and e.placeholderText() == "" for e in props.head.values())
    assert props.start.currentIndex() == -1 and props.masthead.currentIndex() == -1
    assert not window.table_panel.isEnabled()
    assert window.table_panel.font_size.currentIndex() == -1
    assert not window.actions["proof_compare_close"].isEnabled()
    assert window.actions["proof_compare"].isEnabled()


@pytest.mark.slow                  # opens and lays out the whole sample issue
def test_side_panels_fit_their_dock_without_sideways_scrolling(window):
    window.select_document(window.session.issue.sections[0].documents[0].id)
    for k, panel in ((0, window.properties), (1, window.table_panel)):
        area = window.side_tabs.widget(k)
        window.side_tabs.setCurrentIndex(k)
        assert panel.minimumSizeHint().width() <= area.viewport().width() <= 420, k
    window.side_tabs.setCurrentIndex(0)


@pytest.mark.slow
def test_start_page_shows_no_zoom(home, qapp):
    win = make_window(home / "另一台", (1000, 700))
    try:
        assert win.stack.currentWidget() is win.start_page
        qapp.processEvents()
        assert win.zoom_label.text() == "" and win.saved_label.text() == ""
        assert not win.actions["save"].isEnabled()
    finally:
        close_window(win, qapp)
