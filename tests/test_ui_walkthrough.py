"""An office editor's first issue, driven through the window: 新建一期 with an empty tree,
Word files dragged from Explorer onto the tree and onto the pages, the 导入报告 naming each
file, two untitled notices told apart, 印前检查 rows leading to their page by a double
click or Enter, the export question naming the documents, a table fix keeping the table in
view, and the status line fitting a 1366×768 screen.  Documents are written here with
python-docx in the shapes senders send (a title the import cannot recognise, a long
notice with a table on its second page, a legacy .doc)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui_window import TIMEOUT, close_window, make_window, wait_idle, wait_pages

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction


def _untitled(path, words: str) -> None:
    """A notice typed as plain paragraphs: nothing centred, nothing larger."""
    from docx import Document
    doc = Document()
    for _ in range(4):
        doc.add_paragraph(f"根据区委、区政府工作安排，现就做好{words}有关事项说明如下，"
                          "请各单位认真贯彻落实，确保完成目标任务。")
    doc.save(str(path))


def _table_notice(path) -> None:
    """A notice whose table starts well after its first page."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    doc = Document()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("关于公布2025年第一批区级重点建设项目计划的通知")
    run.font.size, run.bold = Pt(22), True
    for _ in range(40):
        doc.add_paragraph("现将2025年第一批区级重点建设项目计划予以公布，请各责任单位"
                          "倒排工期、挂图作战，确保项目按期开工、按时竣工、尽早见效。")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "项目名称", "建设单位", "总投资（万元）")):
        cell.text = text
    for n in range(1, 16):
        for cell, text in zip(table.add_row().cells,
                              (str(n), f"第{n}号综合交通枢纽配套道路工程", "区城投公司", str(n * 1234))):
            cell.text = text
    doc.save(str(path))


def _drop(widget, paths, pos: QPoint) -> bool:
    """Drag ``paths`` from the file manager over ``widget`` and drop them; True when the
    widget accepted the drag (one it refuses shows the forbidden cursor and drops nothing;
    the tree's model does the import itself and leaves the drop event unaccepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, ACTIONS, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, ACTIONS, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    if not (enter.isAccepted() and move.isAccepted()):
        return False
    QApplication.sendEvent(widget, QDropEvent(QPointF(pos), ACTIONS, mime, buttons, mods))
    return True


def table_pages(pages, doc_id: str, table_id: str) -> list[int]:
    """The pages showing text of a table's cells (their block ids start "t1/")."""
    return [n for n, page in enumerate(pages) if any(
        t.source and t.source.doc_id == doc_id and t.source.block_id.startswith(table_id + "/")
        for t in page.texts())]


def _documents(window) -> list:
    return [d for s in window.session.issue.sections for d in s.documents]


@pytest.fixture(scope="module")
def fresh(qapp, tmp_path_factory):
    """A window on a new, empty issue (新建一期) at 1366×768, and a folder of sender files;
    the window's message boxes are collected in ``window.informed``."""
    from pytestqt.qtbot import QtBot
    home = tmp_path_factory.mktemp("walk")
    window = make_window(home, (1366, 768))
    window.informed = []
    window.inform = lambda title, text, details="": window.informed.append((title, text, details))
    qtbot = QtBot(qapp)
    window.create_project(home / "第1期.gazette", None)
    qtbot.waitUntil(lambda: window.session is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.laid_out is not None, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    files = home / "来文"
    files.mkdir()
    _untitled(files / "医保参保说明.docx", "2025年度城乡居民基本医疗保险参保缴费工作")
    _untitled(files / "防汛值班安排.docx", "2025年汛期防汛值班工作")
    _table_notice(files / "重点项目计划.docx")
    (files / "旧版来文.doc").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)
    window.files = files
    yield window
    close_window(window, qapp)


def _wait_docs(qtbot, window, count: int) -> None:
    """Until ``count`` documents are imported and on the pages."""
    def shown():
        docs = _documents(window)
        return len(docs) >= count and window.laid_out is not None and all(
            d.id in window.laid_out.doc_first_page for d in docs)
    qtbot.waitUntil(shown, timeout=TIMEOUT)
    wait_idle(qtbot, window)


def test_a_new_issue_tree_says_how_to_add_files_and_takes_a_drop(fresh, qtbot):
    window = fresh
    assert "导入文件" in window.tree.empty_hint() and "拖到这里" in window.tree.empty_hint()
    viewport = window.tree.viewport()
    # the empty tree of a new issue (no 栏目 yet): the drop was refused
    assert _drop(viewport, [window.files / "医保参保说明.docx"], QPoint(60, viewport.height() // 2))
    _wait_docs(qtbot, window, 1)
    assert [s.title for s in window.session.issue.sections] == ["区级文件选登"]
    assert window.actions["undo"].text() == "撤销 导入《医保参保说明.docx》"   # not 《无标题文件》
    assert window.tree.empty_hint() == ""


def test_the_issue_fields_say_what_to_type(fresh):
    panel = fresh.properties
    # empty fields gave no clue: 期次 is the period the issue covers, not 第1期
    assert "2025年1月~2025年6月" in panel.period.placeholderText()
    assert "不是期号" in panel.period.toolTip()
    for edit in (panel.title, panel.label, panel.published, panel.founded):
        assert edit.placeholderText().startswith("如：")


def test_word_files_dropped_on_the_pages_are_imported(fresh, qtbot):
    window = fresh
    before, told = len(_documents(window)), len(window.informed)
    viewport = window.preview.viewport()
    assert _drop(viewport, [window.files / "防汛值班安排.docx", window.files / "旧版来文.doc"],
                 QPoint(viewport.width() // 2, viewport.height() // 2))
    _wait_docs(qtbot, window, before + 1)
    qtbot.waitUntil(lambda: len(window.informed) > told, timeout=TIMEOUT)
    assert len(window.session.issue.sections) == 1          # into the section shown
    assert len(_documents(window)) == before + 1
    added = _documents(window)[-1]
    # the pages and 属性 show the file brought in (they stayed on the cover)
    pages = window.laid_out.pages
    assert pages[window.preview.current_page()].doc_id == added.id
    assert window.selected_doc == added.id


def test_the_import_report_names_each_file_and_what_to_check(fresh, qtbot):
    window = fresh
    title, text, details = window.informed[-1]
    assert title == "导入报告"
    assert text == "已导入 1 个文件，1 个文件未能导入。"
    # each line names its file (was 《无标题文件》导入提示 1 条, for each untitled one alike)
    assert "“防汛值班安排.docx”：" in details and "标题" in details
    assert "旧版来文.doc" in details and "另存为 .docx" in details
    assert "导入提示" not in details


def test_untitled_documents_are_told_apart_in_the_tree(fresh):
    window = fresh
    model = window.tree_model
    names = [model.index_of_document(d.id).data() for d in _documents(window)]
    assert names == ["无标题文件（医保参保说明.docx）", "无标题文件（防汛值班安排.docx）"]



def test_a_click_on_an_untitled_document_and_its_removal_name_the_file(fresh, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    window = fresh
    doc = _documents(window)[1]
    page = window.laid_out.pages[window.laid_out.doc_first_page[doc.id]]
    item = next(t for t in page.texts() if t.source and t.source.doc_id == doc.id)
    window._source_clicked(item.source)
    assert window.statusBar().currentMessage().startswith("《无标题文件（防汛值班安排.docx）》 · ")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No))
    window.remove("document", doc.id)
    assert asked and asked[0].startswith("从本期移除《无标题文件（防汛值班安排.docx）》？")

def test_choosing_a_document_shows_its_fields_on_a_768_screen(fresh, qtbot):
    from PySide6.QtCore import QPoint as _P
    window = fresh
    window.side_tabs.setCurrentIndex(0)
    area = window.side_tabs.widget(0)
    area.verticalScrollBar().setValue(0)
    for doc in _documents(window):
        window.tree.setCurrentIndex(window.tree_model.index_of_document(doc.id))
        # from 待核对 and 文件标题 down to 目录标题: they were below the issue's 本期信息,
        # out of sight (the fields to correct an import with)
        for field in (window.properties.doubts, window.properties.head["title"],
                      window.properties.toc_title):
            y = field.mapTo(area.viewport(), _P(0, 0)).y()
            assert 0 <= y and y + field.height() <= area.viewport().height()
        assert window.properties.doubts.isVisible()        # 待核对：文件标题 shown with it


def test_preflight_rows_go_to_their_page_by_click_and_by_keyboard(fresh, qtbot):
    from PySide6.QtTest import QTest

    from editor.ui.preflight_dock import ROLE
    window = fresh
    window.preflight.open()
    dock = window.preflight
    tree = dock.tree
    qtbot.waitUntil(lambda: tree.viewport().height() > 40)     # the dock laid out
    rows = [r for r in dock.rows() if r.data(0, ROLE).page not in (None, 0)]
    assert rows, "a TITLE_MISSING row on the second document's page"
    row = rows[-1]
    page = row.data(0, ROLE).page
    window.preview.go_to_page(0)
    tree.scrollToItem(row)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(row).center())
    assert window.preview.current_page() == page
    # the arrows choose a row, Enter goes there (it did nothing)
    window.preview.go_to_page(0)
    tree.setFocus()
    tree.setCurrentItem(tree.itemAbove(row))
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is row and window.preview.current_page() == 0
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.preview.current_page() == page
    # the rule's tooltip says it in Chinese before the rule id (it was the bare id)
    tip = row.toolTip(1).split("\n")
    assert tip[0].endswith("：" + row.text(1)) and tip[0][:2] in ("错误", "警告", "提示")
    assert tip[1].startswith(f"规则编号 {row.data(0, ROLE).rule}")
    # the row of a document (《无标题文件》 2 条) shows the document: it did nothing
    holder = row.parent()
    doc_id = row.data(0, ROLE).doc_id
    window.preview.go_to_page(0)
    tree.scrollToItem(holder)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(holder).center())
    assert window.preview.current_page() == window.laid_out.doc_first_page[doc_id]
    assert window.selected_doc == doc_id
    dock.dock.hide()


def test_the_export_question_names_the_documents_with_errors(fresh, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    window = fresh
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.informativeText()))
    assert window.preflight.confirm_export() is False
    window.preflight.dock.hide()
    assert "《无标题文件（医保参保说明.docx）》：未识别出标题" in asked[0]
    assert "《无标题文件（防汛值班安排.docx）》：未识别出标题" in asked[0]


def test_the_preflight_status_message_fits_a_1366_screen(fresh, qtbot):
    window = fresh
    generation = window.layout_worker.generation
    window.request_layout()
    wait_pages(qtbot, window, generation)
    bar = window.statusBar()
    text = bar.currentMessage()
    assert text.startswith("印前检查 第 ") and "《无标题文件（" in text
    assert "未识别出标题" in text                              # the problem itself shows
    assert text.endswith("（右下角“印前检查”列出全部）")        # was cut off at 1366
    window.preview.go_to_page(len(window.laid_out.pages) - 1)     # the page label grows
    QApplication.processEvents()
    permanent = [w for w in bar.findChildren(QWidget) if w.parentWidget() is bar
                 and w.isVisible() and w.width() > 0]
    left = min(w.geometry().left() for w in permanent)        # the labels at the right
    assert bar.fontMetrics().horizontalAdvance(text) <= left - 4


def test_a_table_fix_keeps_the_table_in_view(fresh, qtbot):
    window = fresh
    sections = window.session.issue.sections
    count = len(_documents(window)) + 1
    window.import_files([window.files / "重点项目计划.docx"], sections[0].id if sections else "")
    _wait_docs(qtbot, window, count)
    doc = _documents(window)[-1]
    window.select_document(doc.id)
    first = window.laid_out.doc_first_page[doc.id]
    table = doc.body[-1] if hasattr(doc.body[-1], "rows") else None
    assert table is not None
    shown = table_pages(window.laid_out.pages, doc.id, table.id)
    assert shown and shown[0] > first and window.preview.current_page() == first
    window.side_tabs.setCurrentIndex(1)           # the 表格 tab: its table comes into view
    assert window.preview.current_page() in shown
    window.preview.go_to_page(first)
    panel = window.table_panel
    generation = window.layout_worker.generation
    index = next(i for i in range(panel.font_size.count()) if "小五" in panel.font_size.itemText(i))
    panel.font_size.setCurrentIndex(index)
    panel.font_size.activated.emit(index)
    wait_pages(qtbot, window, generation)
    assert window.preview.current_page() in table_pages(window.laid_out.pages, doc.id, table.id)
    window.preview.go_to_page(first)
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()                # and its undo
    wait_pages(qtbot, window, generation)
    assert window.preview.current_page() in table_pages(window.laid_out.pages, doc.id, table.id)
    window.side_tabs.setCurrentIndex(0)




def _shown_document(window):
    pages = window.laid_out.pages
    return pages[min(window.preview.current_page(), len(pages) - 1)].doc_id



def test_a_second_import_while_one_runs_waits_its_turn(fresh, qtbot):
    window = fresh
    _untitled(window.files / "第二批甲.docx", "第二批甲")
    _untitled(window.files / "第二批乙.docx", "第二批乙")
    before, told = len(_documents(window)), len(window.informed)
    section = window.session.issue.sections[0].id
    window.import_files([window.files / "第二批甲.docx"], section)
    window.import_files([window.files / "第二批乙.docx"], section)   # both wrote at once
    assert window.statusBar().currentMessage().startswith("正在导入上一批文件")
    qtbot.waitUntil(lambda: len(window.informed) > told, timeout=TIMEOUT)
    _wait_docs(qtbot, window, before + 1)
    assert [d.source_name for d in _documents(window)[before:]] == ["第二批甲.docx"]
    qtbot.waitUntil(lambda: not window._importing, timeout=TIMEOUT)
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    wait_pages(qtbot, window, generation)
    assert len(_documents(window)) == before

def test_undo_and_redo_show_the_document_they_change(fresh, qtbot):
    window = fresh
    moved = _documents(window)[0]
    window.select_document(moved.id)
    generation = window.layout_worker.generation
    window.actions["move_down"].trigger()
    wait_pages(qtbot, window, generation)
    assert _documents(window)[1].id == moved.id
    for step in ("undo", "redo"):              # the move, undone and redone from the cover
        window.preview.go_to_page(0)
        generation = window.layout_worker.generation
        window.actions[step].trigger()
        wait_pages(qtbot, window, generation)
        assert _shown_document(window) == moved.id, ("move", step, window.preview.current_page(), window.laid_out.doc_first_page)
    other = _documents(window)[2]
    window.edit_document_head(other.id, "title", "关于做好2025年汛期防汛值班工作的通知")
    wait_idle(qtbot, window)
    for step in ("undo", "redo"):              # a property of a document
        window.preview.go_to_page(0)
        generation = window.layout_worker.generation
        window.actions[step].trigger()
        wait_pages(qtbot, window, generation)
        assert _shown_document(window) == other.id, ("title", step)
    page = window.laid_out.doc_first_page[other.id] + 1    # a later page of it stays
    window.preview.go_to_page(page)
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    wait_pages(qtbot, window, generation)
    assert _shown_document(window) == other.id

def test_on_a_short_status_line_the_problem_is_kept_before_the_document_name(fresh, qtbot):
    window = fresh
    width = window.width()
    try:
        window.resize(900, window.height())        # a crowded status bar (was: …《名》… only)
        QApplication.processEvents()
        generation = window.layout_worker.generation
        window.request_layout()
        wait_pages(qtbot, window, generation)
        line = window.statusBar().currentMessage()
        assert line.startswith("印前检查 第 ") and "未识别出标题" in line
    finally:
        window.resize(width, window.height())
        QApplication.processEvents()


def test_a_long_title_is_cut_in_the_status_line_so_the_problem_shows(fresh):
    from editor.preflight import Finding
    window = fresh
    doc = next(d for d in _documents(window) if d.title.startswith("关于公布"))
    finding = Finding(rule="TITLE_MISSING", message="未识别出标题", doc_id=doc.id, page=3, folio=1)
    assert window.preflight.place(finding, 16) == "第 1 页《关于公布2025年第一批区级重…》"
    assert window.preflight.place(finding) == f"第 1 页《{doc.title}》"

def test_one_click_on_a_recent_file_opens_it_once(fresh, qtbot):
    from PySide6.QtTest import QTest
    window = fresh
    path = window.path
    left_on = len(window.laid_out.pages) - 2
    window.preview.go_to_page(left_on)
    window.close_project()                       # back on the start page
    opened = []
    original = window.open_project
    window.open_project = lambda p, on_open=None: opened.append(p) or original(p, on_open)
    try:
        recent = window.start_page.recent
        item = next(recent.item(i) for i in range(recent.count())
                    if recent.item(i).data(Qt.ItemDataRole.UserRole) == str(path))
        where = recent.visualItemRect(item).center()
        QTest.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=where)
        QTest.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click
        qtbot.waitUntil(lambda: window.session is not None, timeout=TIMEOUT)
        assert opened == [path]                  # a click did nothing; two clicks, one open
    finally:
        del window.open_project
    qtbot.waitUntil(lambda: window.laid_out is not None, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    assert window.preview.current_page() == left_on    # where it was left, not the cover


def test_the_moved_document_is_found_from_the_two_orders():
    from editor.ui.follow import moved_document
    assert moved_document(list("abcde"), list("bcdae")) == "a"       # a went down three
    assert moved_document(list("abcde"), list("aebcd")) == "e"       # e came up
    assert moved_document(list("abc"), list("bac"), prefer="a") == "a"
    assert moved_document(list("abc"), list("bac"), prefer="b") == "b"
    assert moved_document(list("abc"), list("abc")) is None
    assert moved_document(list("abc"), list("abd")) is None          # not a move



@pytest.mark.slow
def test_word_files_dropped_on_the_start_page_make_a_new_issue_of_them(qapp, qtbot, tmp_path,
                                                                      monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    window = make_window(tmp_path, (1366, 768))
    try:
        window.inform = lambda *a: None
        _untitled(tmp_path / "来文一.docx", "来文一")
        target = tmp_path / "第3期.gazette"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(target), "")))
        page = window.start_page
        assert window.stack.currentWidget() is page
        # a first-time user drags the notices onto the start page: the drop was refused
        assert _drop(page, [tmp_path / "来文一.docx"], QPoint(page.width() // 2, 200))
        qtbot.waitUntil(lambda: window.session is not None, timeout=TIMEOUT)
        _wait_docs(qtbot, window, 1)
        assert window.path == target
        assert [d.source_name for d in _documents(window)] == ["来文一.docx"]
        other = tmp_path / "第4期.gazette"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(other), "")))
        monkeypatch.setattr(QMessageBox, "question",     # carry on from 第3期? no: empty
                            staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
        window.actions["new"].trigger()       # the menu's 新建一期 still works (checked: no callback)
        qtbot.waitUntil(lambda: window.path == other and window.laid_out is not None,
                        timeout=TIMEOUT)
        wait_idle(qtbot, window)
        assert window.errors == [] and _documents(window) == []
    finally:
        close_window(window, qapp)
