"""The editor window on the sample issue, offscreen (editor.ui): open the sample project,
reorder through the tree model and by a simulated drag and drop, undo, widen a table column
in the table panel, export the print PDF and find the wider column in it; screenshot for
the README (docs/images/window.png with GONGBAO_UPDATE_SCREENSHOTS=1)."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from ui_window import TIMEOUT, close_window, make_window, open_sample, wait_pages  # noqa: E402

LAYOUT_TIMEOUT = TIMEOUT
ROLE = Qt.ItemDataRole.UserRole + 31            # editor.ui.preflight_dock: a row's finding
IGNORED_ROLE = Qt.ItemDataRole.UserRole + 32


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("用户目录")
    mp = pytest.MonkeyPatch()
    mp.setenv("GONGBAO_HOME", str(folder))
    yield folder
    mp.undo()


@pytest.fixture(scope="module")
def window(home, qapp):
    win = make_window(home, (1440, 900))
    yield win
    close_window(win, qapp)


_wait_pages = wait_pages


@pytest.fixture(scope="module")
def opened(window, qapp):
    open_sample(window, qapp)
    return window


def _order(window) -> list[list[str]]:
    return [[d.id for d in s.documents] for s in window.session.issue.sections]


def _tree_order(window) -> list[list[str]]:
    from editor.ui.issue_tree import ID_ROLE
    m = window.tree_model
    out = []
    for s in range(m.rowCount()):
        parent = m.index(s, 0)
        out.append([m.index(d, 0, parent).data(ID_ROLE) for d in range(m.rowCount(parent))])
    return out


def test_sample_project_opens_with_tree_preview_and_status(opened, home):
    window = opened
    assert window.path.parent.parent == home and window.path.suffix == ".gazette"
    assert "示例" in str(window.path)                     # a Chinese path
    issue = window.session.issue
    assert [s.title for s in issue.sections][:1] == ["区级文件选登"]
    assert _tree_order(window) == _order(window)
    pages = window.laid_out.pages
    assert len(pages) > 20 and window.preview.pages == pages
    assert window.thumbs_model.rowCount() == len(pages)
    assert f"{len(pages)}" in window.pages_label.text()
    assert "公报编辑器" in window.windowTitle()
    assert window.settings.recent_files()[0] == window.path.resolve()


def test_move_document_through_the_window_and_undo(opened, qtbot):
    window = opened
    before = _order(window)
    first = window.session.issue.sections[0]
    moved = first.documents[0].id
    generation = window.layout_worker.generation
    window.move_document(moved, first.id, len(first.documents) - 1)
    assert _order(window)[0][-1] == moved
    assert _tree_order(window) == _order(window)
    _wait_pages(qtbot, window, generation)
    starts = window.laid_out.doc_first_page
    assert starts[moved] > max(starts[d] for d in before[0][1:])
    assert window.actions["undo"].isEnabled()
    assert window.actions["undo"].text().startswith("撤销")
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    assert _order(window) == before and _tree_order(window) == before
    _wait_pages(qtbot, window, generation)
    assert window.laid_out.doc_first_page[moved] < min(
        window.laid_out.doc_first_page[d] for d in before[0][1:])


def test_drag_and_drop_across_sections_then_undo(opened, qtbot):
    window = opened
    model = window.tree_model
    before = _order(window)
    issue = window.session.issue
    moved = issue.sections[0].documents[1].id
    mime = model.mimeData([model.index_of_document(moved)])
    target = model.index(len(issue.sections) - 1, 0)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target)
    after = _order(window)
    assert after[-1][0] == moved and moved not in after[0]
    assert _tree_order(window) == after
    window.actions["undo"].trigger()
    assert _order(window) == before


def _table_doc(window):
    from editor.ui.table_panel import tables_of
    docs = [d for d in window.session.issue.documents() if tables_of(d)]
    assert docs, "the sample issue has tables"
    return max(docs, key=lambda d: len(tables_of(d)[0].rows[0].cells))


@pytest.mark.slow
def test_widen_a_column_in_the_table_panel_and_export_the_pdf(opened, qtbot, home):
    import pdfplumber

    from editor.ui.table_panel import MM, current_widths
    window = opened
    doc = _table_doc(window)
    window.select_document(doc.id)
    panel = window.table_panel
    assert panel.doc is doc and panel.table is not None
    table = panel.table
    old = panel.widths()
    assert sum(old) == pytest.approx(panel.text_width, abs=1.0)
    box = panel._width_boxes[0]
    new_mm = round(old[0] / MM + 15.0, 1)
    generation = window.layout_worker.generation
    box.setValue(new_mm)
    box.editingFinished.emit()
    widths = current_widths(table, panel.text_width)
    assert widths[0] == pytest.approx(new_mm * MM, abs=0.2)
    assert "列宽" in window.undo.stack.undoText() or window.undo.stack.undoText()
    _wait_pages(qtbot, window, generation)

    out = home / "导出" / "公报 总第32期.pdf"
    done = []
    window.export_pdf(out, bleed=False, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=LAYOUT_TIMEOUT)
    assert out.exists()
    page_index = next(p.index for p in window.laid_out.pages
                      if any(t.source and t.source.block_id.startswith(table.id + "/")
                             for t in p.texts()))
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[page_index]
        xs = sorted({round(line["x0"], 1) for line in page.lines
                     if abs(line["x0"] - line["x1"]) < 0.1})
    assert len(xs) >= 3
    assert xs[1] - xs[0] == pytest.approx(new_mm * MM, abs=1.0)

    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    assert current_widths(table, sum(old))[0] == pytest.approx(old[0], abs=0.5)


def test_metadata_and_document_properties_are_undoable_commands(opened, qtbot):
    window = opened
    meta = window.session.issue.meta
    old_period = meta.period
    panel = window.properties
    panel.period.setText("2025年7月~2025年12月")
    panel.period.setModified(True)
    panel.period.editingFinished.emit()
    assert meta.period == "2025年7月~2025年12月"
    assert window.undo.stack.undoText() == "修改刊期信息"
    doc = window.session.issue.sections[0].documents[0]
    window.select_document(doc.id)
    panel.toc_title.setText("文物保护单位保护范围的通知")
    panel.toc_title.setModified(True)
    panel.toc_title.editingFinished.emit()
    assert doc.toc_title == "文物保护单位保护范围的通知"
    assert window.tree_model.index_of_document(doc.id).data() == "文物保护单位保护范围的通知"
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert meta.period == old_period and doc.layout.toc_title is None
    assert panel.period.text() == old_period
    window.actions["redo"].trigger()
    assert meta.period == "2025年7月~2025年12月"
    window.actions["undo"].trigger()


def test_docx_dropped_on_a_section_is_imported_and_undoable(opened, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    from conftest import sample
    window = opened
    issue = window.session.issue
    last = issue.sections[-1]
    before = len(last.documents)
    copy = tmp_path / "新的 大事记.docx"
    copy.write_bytes(sample("05").read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    window.tree_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0,
                                   window.tree_model.index(len(issue.sections) - 1, 0))
    qtbot.waitUntil(lambda: window.undo.stack.undoText().startswith("导入"),
                    timeout=LAYOUT_TIMEOUT)
    assert len(window.session.issue.sections[-1].documents) == before + 1
    assert _tree_order(window) == _order(window)
    window.actions["undo"].trigger()
    assert len(window.session.issue.sections[-1].documents) == before
    assert _tree_order(window) == _order(window)


@pytest.mark.slow
def test_dragging_a_column_border_in_the_preview_and_merging_cells(opened, qtbot):
    from PySide6.QtCore import QPoint

    from editor.ui.preview import table_columns
    window = opened
    doc = _table_doc(window)
    window.select_document(doc.id)
    table = window.table_panel.table
    view = window.preview
    view.set_zoom(100)
    index = next(p.index for p in window.laid_out.pages
                 if len(table_columns(p, doc.id, table.id)) == table.n_cols + 1)
    view.go_to_page(index)
    qtbot.wait(20)
    borders = table_columns(window.laid_out.pages[index], doc.id, table.id)
    before = window.table_panel.widths()
    rect = view.page_rect(index)
    y = rect.y() + int(rect.height() * 0.5)
    start = QPoint(rect.x() + int(borders[1] * view.scale), y)
    moved = QPoint(start.x() + int(20 * view.scale), y)
    generation = window.layout_worker.generation
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), moved)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=moved)
    assert window.undo.stack.undoText() == "设置列宽"
    assert table.layout.col_widths[0] == pytest.approx(before[0] + 20, abs=1.5)
    assert table.layout.col_widths[1] == pytest.approx(before[1] - 20, abs=1.5)
    _wait_pages(qtbot, window, generation)
    drawn = window.table_panel.widths()
    assert drawn[0] == pytest.approx(before[0] + 20, abs=1.5)
    window.actions["undo"].trigger()

    row = next(r for r in reversed(table.rows) if len(r.cells) == table.n_cols
               and all(c.row_span == 1 and c.col_span == 1 for c in r.cells))
    cell = row.cells[0]
    window.table_panel.select_cell(table.id, cell.id)
    assert window.table_panel.merge_right.isEnabled()
    window.table_panel._merge("right")
    assert window.errors == [] and window.undo.stack.undoText() == "合并单元格"
    merged = next(c for r in table.rows for c in r.cells if c.id == cell.id)
    assert merged.col_span == 2
    window.actions["undo"].trigger()
    restored = next(c for r in table.rows for c in r.cells if c.id == cell.id)
    assert restored.col_span == 1 and window.errors == []


@pytest.mark.slow
def test_column_alignment_split_and_keep_rows_from_the_table_panel(opened, qtbot):
    from editor.ui.table_panel import tables_of
    window = opened
    doc = _table_doc(window)
    window.select_document(doc.id)
    panel = window.table_panel
    table = panel.table
    cell = next(r.cells[0] for r in table.rows[table.header_rows:]   # 序号: a short number
                if r.cells[0].col == 0 and r.cells[0].col_span == 1 and r.cells[0].row_span == 1
                and r.cells[0].text.strip().isdigit())

    def number_item():
        return next(t for p in window.laid_out.pages for t in p.texts()
                    if t.source and t.source.doc_id == doc.id
                    and t.source.block_id == f"{table.id}/{cell.id}/{cell.blocks[0].id}")

    before = number_item()
    panel.select_cell(table.id, cell.id)
    generation = window.layout_worker.generation
    panel.column_align.activated.emit(3)             # 右对齐
    assert window.errors == [] and window.undo.stack.undoText() == "设置列对齐"
    assert table.layout.col_align[0] == "right"
    _wait_pages(qtbot, window, generation)
    after = number_item()
    assert after.x > before.x + 2                    # the number moved to the right edge
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert number_item().x == pytest.approx(before.x, abs=0.01)

    panel.select_cell(table.id, cell.id)
    n_tables = len(tables_of(doc))
    panel.split_table.click()
    assert window.errors == [] and window.undo.stack.undoText() == "在此行拆分表格"
    doc = window.session.issue.find_document(doc.id)
    assert len(tables_of(doc)) == n_tables + 1 and panel.choice.count() == n_tables + 1
    window.actions["undo"].trigger()
    doc = window.session.issue.find_document(doc.id)
    assert len(tables_of(doc)) == n_tables and panel.choice.count() == n_tables

    panel.keep_rows.click()
    assert panel.table.layout.keep_rows_together is True
    panel.keep_rows.click()                    # unticking stores False (a bool), undoably
    assert panel.table.layout.keep_rows_together is False
    assert window.undo.stack.undoText() == "设置行不跨页"
    window.actions["undo"].trigger()
    assert panel.table.layout.keep_rows_together is True and panel.keep_rows.isChecked()
    window.actions["undo"].trigger()
    assert not panel.table.layout.keep_rows_together and not panel.keep_rows.isChecked()


def test_history_view_steps_back_several_edits_and_survives_reopening(opened, qtbot):
    window = opened
    first = window.session.issue.sections[0]
    before = _order(window)
    ids = [d.id for d in first.documents]
    window.move_document(ids[0], first.id, 2)
    window.move_document(ids[1], first.id, 2)
    stack = window.undo.stack
    assert stack.count() == len(window.session.history) + len(window.session.redo_history)
    stack.setIndex(stack.index() - 2)           # a click two entries up in 编辑历史
    assert _order(window) == before
    stack.setIndex(stack.index() + 1)           # and one down again
    assert _order(window)[0][2] == ids[0]
    assert stack.index() == len(window.session.history)
    texts = [stack.text(i) for i in range(stack.count())]
    assert texts[stack.index() - 1] == window.session.history[-1].describe()
    window.undo.set_session(window.session)     # as after reopening the project
    assert stack.index() == len(window.session.history) and stack.canRedo()
    stack.undo()
    assert _order(window) == before


def test_screenshot_of_the_main_window(opened, qtbot, screenshot_dir):
    window = opened
    doc = _table_doc(window)
    window.select_document(doc.id)
    table = window.table_panel.table
    page = next(p.index for p in window.laid_out.pages
                if any(t.source and t.source.block_id.startswith(table.id + "/")
                       for t in p.texts()))
    window.side_tabs.setCurrentIndex(1)
    window.preview.set_zoom("fit_width")
    window.preview.go_to_page(page)
    window.statusBar().clearMessage()
    qtbot.wait(50)
    assert window.table_panel.isEnabled() and len(window.table_panel._width_boxes) == table.n_cols
    image = window.grab()
    assert image.width() >= 1200
    assert image.save(str(screenshot_dir / "window.png"))


def test_correcting_a_title_in_the_properties_panel_reaches_the_toc(opened, qtbot):
    window = opened
    doc = window.session.issue.sections[0].documents[0]
    old = doc.title
    window.select_document(doc.id)
    edit = window.properties.head["title"]
    assert edit.text() == old
    generation = window.layout_worker.generation
    edit.setText("关于公布区级文物保护单位保护范围的通知")
    edit.setModified(True)
    edit.editingFinished.emit()
    assert window.errors == [] and window.undo.stack.undoText() == "修改文件标题"
    _wait_pages(qtbot, window, generation)
    toc = "".join(t.text for p in window.laid_out.pages if p.kind == "toc" for t in p.texts())
    assert "关于公布区级文物保护单位保护范围的通知" in toc and old[:10] not in toc
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert edit.text() == old
    toc = "".join(t.text for p in window.laid_out.pages if p.kind == "toc" for t in p.texts())
    assert old[:10] in toc


def test_right_click_on_a_paragraph_changes_what_it_is(opened, qtbot, monkeypatch):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    shown = []
    monkeypatch.setattr(opened, "popup", lambda menu, pos: shown.append(menu))

    from editor.model import Heading, Paragraph
    window = opened
    doc = window.session.issue.sections[0].documents[0]
    heading = next(b for b in doc.attachments[0].blocks if isinstance(b, Heading))
    index, item = next((p.index, t) for p in window.laid_out.pages for t in p.texts()
                       if t.source and t.source.doc_id == doc.id
                       and t.source.block_id == heading.id)
    view = window.preview
    view.set_zoom(100)
    view.scroll_to(index, item.y)
    qtbot.wait(20)
    rect = view.page_rect(index)
    pos = QPoint(int(rect.x() + (item.x + 3) * view.scale),
                 int(rect.y() + (item.y - item.size * 0.4) * view.scale))
    asked = []
    view.context_requested.connect(lambda source, at: asked.append(source))
    view.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                            view.viewport().mapToGlobal(pos)))
    assert asked and asked[0].block_id == heading.id and len(shown) == 1   # the window's menu
    menu = window.paragraph_menu(asked[0])
    assert [a.text() for a in menu.actions()] == ["修改文字…", "段落设为", "文件类型"]
    actions = {a.text(): a for a in menu.actions()[1].menu().actions()}
    assert list(actions) == ["文件标题", "副标题", "讲话人", "成文日期", "会议文件标识", "一级标题",
                             "二级标题", "三级标题", "四级标题", "正文段落"]
    kinds = {a.text()[:2]: a for a in menu.actions()[2].menu().actions()}
    assert kinds["公文"].isChecked() and not kinds["公文"].isEnabled()
    assert actions[f"{'一二三四'[heading.level - 1]}级标题"].isChecked()
    generation = window.layout_worker.generation
    actions["正文段落"].trigger()
    assert window.errors == [] and window.undo.stack.undoText() == "段落设为正文段落"
    block = next(b for b in window.session.issue.find_document(doc.id).attachments[0].blocks
                 if b.id == heading.id)
    assert type(block) is Paragraph
    _wait_pages(qtbot, window, generation)
    window.actions["undo"].trigger()
    block = next(b for b in window.session.issue.find_document(doc.id).attachments[0].blocks
                 if b.id == heading.id)
    assert isinstance(block, Heading) and block.level == heading.level
    title = next(t for p in window.laid_out.pages for t in p.texts()
                 if t.source and t.source.doc_id == doc.id and t.source.block_id == "title")
    menu = window.paragraph_menu(title.source)             # the title: also what it is
    assert [a.text() for a in menu.actions()] == ["修改文字…", "段落设为", "文件类型"]
    assert [a.text() for a in menu.actions()[1].menu().actions() if a.isChecked()] == ["文件标题"]


def test_edit_text_from_the_page_changes_only_what_differs(opened, qtbot, monkeypatch):
    """修改文字 on a body paragraph: the dialog offers the text without its number; the
    change is one undoable step; a line break typed into it is dropped."""
    from editor.model import Paragraph
    window = opened
    doc = window.session.issue.sections[0].documents[1]
    para = next(b for b in doc.body if type(b) is Paragraph and len(b.display_text) > 30)
    original = para.display_text
    item = next(t for p in window.laid_out.pages for t in p.texts()
                if t.source and t.source.doc_id == doc.id and t.source.block_id == para.id)
    asked = []

    def answer(where, text, label):
        asked.append((where, text, label))
        return text[:10] + "（已核）\n" + text[10:]
    monkeypatch.setattr(window, "ask_text", answer)
    menu = window.paragraph_menu(item.source)
    generation = window.layout_worker.generation
    menu.actions()[0].trigger()
    (where, text, label), = asked
    assert where == f"《{doc.toc_title[:30]}》" and label + text == original
    assert window.errors == []
    assert window.undo.stack.undoText() == "修改文字（增“（已核）”）"
    _wait_pages(qtbot, window, generation)
    changed = window.session.issue.find_document(doc.id)
    now = next(b for b in changed.body if b.id == para.id).display_text
    assert now == label + text[:10] + "（已核）" + text[10:]
    shown = "".join(t.text for p in window.laid_out.pages for t in p.texts()
                    if t.source and t.source.block_id == para.id and t.source.doc_id == doc.id)
    assert "（已核）" in shown
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert next(b for b in window.session.issue.find_document(doc.id).body
                if b.id == para.id).display_text == original


def test_new_issue_from_the_window_carries_on_from_the_last_one(opened, qtbot, home,
                                                                monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    window = opened
    old_path, old_meta = window.path, window.session.issue.meta
    target = home / "新的一期"                        # the dialog may drop the extension
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "期刊项目 (*.gazette)")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes))
    window.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.path == target.with_suffix(".gazette")
                    and window.session is not None, timeout=LAYOUT_TIMEOUT)
    assert asked and old_path.stem in asked[0]
    meta = window.session.issue.meta
    assert meta.title == old_meta.title and meta.total_number == old_meta.total_number + 1
    assert [s.title for s in window.session.issue.sections] == ["区级文件选登", "上级政府文件目录", "大事记"]
    assert window.properties.isEnabled() and window.errors == []
    window.open_project(old_path)                      # the sample again, for what follows
    qtbot.waitUntil(lambda: window.path == old_path and window.laid_out is not None
                    and not window.layout_worker.busy, timeout=LAYOUT_TIMEOUT)


@pytest.mark.slow
def test_choosing_another_template_lays_the_issue_out_again(opened, qtbot):
    window = opened
    combo = window.properties.template
    assert combo.currentData() == "gazette" and combo.findData("gazette16k") >= 0
    a4 = [(round(p.width), round(p.height)) for p in window.laid_out.pages if not p.landscape]
    assert set(a4) == {(595, 842)}
    generation = window.layout_worker.generation
    combo.setCurrentIndex(combo.findData("gazette16k"))
    combo.activated.emit(combo.currentIndex())
    assert window.errors == [] and window.undo.stack.undoText().startswith("版式改为“16开")
    _wait_pages(qtbot, window, generation)
    sizes = {(round(p.width), round(p.height)) for p in window.laid_out.pages if not p.landscape}
    assert sizes == {(524, 737)}                         # 185 × 260 mm
    assert window.session.issue.template == "gazette16k"
    from editor.ui.menus import _fill_templates
    _fill_templates(window)                              # 版式 › 版式模板 shows the choice
    checked = [a.text() for a in window.template_menu.actions() if a.isChecked()]
    assert checked == ["16开 公报版式（185×260 mm）"]
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    assert combo.currentData() == "gazette"
    _wait_pages(qtbot, window, generation)
    assert {(round(p.width), round(p.height)) for p in window.laid_out.pages
            if not p.landscape} == {(595, 842)}


@pytest.mark.slow
def test_find_bar_finds_text_on_the_pages_and_follows_edits(opened, qtbot):
    from PySide6.QtCore import Qt
    window = opened
    bar = window.find_bar
    window.actions["find"].trigger()
    assert bar.isVisible() and bar.edit.hasFocus()
    bar.edit.insert("区行政审批局")                             # as typed (an input method)
    qtbot.waitUntil(lambda: bool(bar.hits), timeout=5000)          # after the typing pause
    n = len(bar.hits)
    assert n >= 10 and bar.status.text() == f"第 {bar.current + 1} / {n} 处"
    first = bar.current
    hit = bar.hits[first]
    assert window.preview.current_page() in (hit.page - 1, hit.page)   # scrolled to it
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.current == (first + 1) % n
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == first
    window.actions["find_previous"].trigger()
    assert bar.current == (first - 1) % n
    # a change to the text: the hits follow the new pages
    doc = window.session.issue.find_document(hit.doc_id)
    generation = window.layout_worker.generation
    from editor.model import Paragraph, Run
    window.execute(_prepend_block(doc, Paragraph("find-test",
                                                 runs=[Run("区行政审批局牵头落实。")])))
    _wait_pages(qtbot, window, generation)
    assert len(bar.hits) == n + 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.hits == []
    window.preview.go_to_page(0)
    window.actions["find_next"].trigger()         # F3 with the bar closed: the first hit
    assert bar.isVisible() and bar.current == 0 and len(bar.hits) == n + 1
    bar.close_bar()
    window.actions["undo"].trigger()


@pytest.mark.slow
def test_find_bar_replaces_one_then_all_undoably(opened, qtbot):
    window = opened
    bar = window.find_bar
    window.actions["find"].trigger()
    from editor.proof.anchor import block_texts
    n = sum(text.count("区城运中心") for doc in window.session.issue.documents()
            for text in block_texts(doc).values())
    assert n >= 2
    bar.edit.clear()
    bar.edit.insert("区城运中心")
    bar.replacement.setText("区城市运行管理中心")
    generation = window.layout_worker.generation
    bar.replace_action.trigger()           # at once, before the typing pause is over
    assert bar.searched == "区城运中心" and bar.status.text() == "正在重新排版…"
    bar.replace_action.trigger()           # again before the new pages: nothing happens
    assert window.errors == []
    assert window.undo.stack.undoText() == "替换“区城运中心”为“区城市运行管理中…”（1 处）"
    _wait_pages(qtbot, window, generation)
    assert len(bar.hits) == n - 1
    generation = window.layout_worker.generation
    bar.replace_all_action.trigger()
    _wait_pages(qtbot, window, generation)
    assert bar.hits == [] and bar.status.text() == "未找到"
    text = "".join(t.text for p in window.laid_out.pages for t in p.texts())
    assert "区城运中心" not in text and text.count("区城市运行管理中心") >= n - 1
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert len(bar.hits) == n
    bar.close_bar()


@pytest.mark.slow
def test_preflight_lists_a_layout_warning_with_its_page(opened, qtbot):
    """A picture too coarse to print: the 印前检查 button counts it, the dock lists it with
    its 页码 under 警告, and a click shows that page and selects the document."""
    from test_paginate import _png

    from editor.model import Image
    window = opened
    dock = window.preflight
    assert not [f for f in dock.report.findings if f.rule == "IMAGE_LOW_RES"]
    # the office fonts this host lacks: one per tooltip line, counted on the status bar
    lines = dock.fonts_label.toolTip().splitlines()
    assert all("未安装，以" in line for line in lines)
    if len(lines) > 1:
        assert dock.fonts_label.isVisible() and dock.fonts_label.text() == f"字体替代 {len(lines)} 种"
    warnings_before = dock.report.counts["warning"]
    doc = window.session.issue.sections[0].documents[1]
    picture = Image(id="coarse", data=_png(120, 120), width=216.0, height=216.0, name="现场照片")
    generation = window.layout_worker.generation
    window.execute(_prepend_block(doc, picture))
    _wait_pages(qtbot, window, generation)
    (found,) = [f for f in dock.report.findings if f.rule == "IMAGE_LOW_RES"]
    assert dock.report.counts["warning"] == warnings_before + 1
    assert dock.button.isVisible() and f"警告 {warnings_before + 1}" in dock.button.text()
    page = window.laid_out.pages[found.page]
    assert page.doc_id == doc.id and found.doc_id == doc.id
    (item,) = [i for i in dock.rows() if i.data(0, ROLE) is found]
    assert item.text(0) == f"第 {page.folio} 页" and "现场照片" in item.text(2)
    assert item.parent().parent().text(0).startswith("警告")
    dock.button.click()
    assert dock.dock.isVisible()
    window.preview.go_to_page(0)
    dock.tree.scrollToItem(item)
    rect = dock.tree.visualItemRect(item)
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.preview.current_page() == found.page and window.selected_doc == doc.id
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert not [f for f in dock.report.findings if f.rule == "IMAGE_LOW_RES"]
    dock.dock.hide()


def _prepend_block(doc, block):
    """An undoable command putting ``block`` at the top of ``doc``'s body."""
    from editor.app.command import Change, Command

    class PrependBlock(Command):        # a test command (registered, never stored)
        title = "插入"

        def apply(self, issue):
            issue.find_document(doc.id).body.insert(0, block)
            return Change(documents={doc.id})

        def revert(self, issue):
            issue.find_document(doc.id).body.pop(0)
            return Change(documents={doc.id})
    return PrependBlock()


@pytest.mark.slow
def test_preflight_fixes_the_ticked_punctuation_as_one_step(opened, qtbot, screenshot_dir):
    """标点检查's rows in the 印前检查: each with its page and place; the ticked ones fixed
    as one undoable step, an unticked one kept unticked after the re-layout."""
    from editor.proof.punctcheck import check_punctuation
    window = opened
    dock = window.preflight
    window.actions["punct_check"].trigger()
    assert dock.dock.isVisible()
    expected = [p for p in check_punctuation(window.session.issue) if p.block_id != "doc_number"]
    rows = [i for i in dock.rows() if i.data(0, ROLE).rule == "PUNCT_HALFWIDTH"]
    assert len(rows) == len(expected) > 10
    fixable = [i for i in dock.rows() if i.data(0, ROLE).fix]
    first = rows[0]
    folio = int(first.text(0).removeprefix("第 ").removesuffix(" 页"))   # 第 N 页
    assert "【" in first.text(2)                                        # and the place
    dock.tree.scrollToItem(first)
    rect = dock.tree.visualItemRect(first)
    window.preview.go_to_page(0)
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = dock._marked[0]
    assert window.laid_out.pages[page].folio == folio
    assert window.preview.current_page() in (page - 1, page)
    qtbot.wait(20)
    assert window.grab().save(str(screenshot_dir / "preflight.png"))  # README picture
    first.setCheckState(0, Qt.CheckState.Unchecked)             # keep this one as it is
    kept = first.data(0, ROLE).key
    generation = window.layout_worker.generation
    dock.fix_button.click()
    assert window.errors == []
    assert window.undo.stack.undoText() == f"改正标点（{len(fixable) - 1} 处）"
    _wait_pages(qtbot, window, generation)
    left = [i for i in dock.rows() if i.data(0, ROLE).fix]
    assert [i.data(0, ROLE).key for i in left] == [kept]
    assert left[0].checkState(0) == Qt.CheckState.Unchecked
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert len([i for i in dock.rows() if i.data(0, ROLE).fix]) == len(fixable)
    dock.dock.hide()


def test_preflight_ignore_is_kept_in_the_project_file(opened, qtbot):
    window = opened
    dock = window.preflight
    dock.open()
    row = next(i for i in dock.rows() if i.data(0, ROLE).rule == "ROW_FRAGMENT"
               or i.data(0, ROLE).rule == "PUNCT_HALFWIDTH")
    f = row.data(0, ROLE)
    dock.tree.setCurrentItem(row)
    dock.ignore_selected("来文原样照登")
    assert window.session.store.ignored_findings() == {f.key: "来文原样照登"}
    assert f.key not in {g.key for g in dock.report.findings}
    (ignored,) = [i for i in dock.rows() if i.data(0, IGNORED_ROLE) == f.key]
    assert "来文原样照登" in ignored.text(2) and ignored.parent().text(0) == "已忽略（1 条）"
    dock.tree.setCurrentItem(ignored)
    dock.unignore_selected()
    assert window.session.store.ignored_findings() == {}
    assert f.key in {g.key for g in dock.report.findings}
    dock.dock.hide()


@pytest.mark.slow
def test_export_asks_before_a_print_pdf_with_errors(opened, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from editor.proof.corrections import edit_text
    window = opened
    dock = window.preflight
    assert dock.confirm_export()                       # the sample: no errors
    first, second = window.session.issue.sections[0].documents[:2]
    generation = window.layout_worker.generation
    window.execute(edit_text(window.session.issue, second.id, "doc_number", first.doc_number))
    _wait_pages(qtbot, window, generation)
    (dup,) = dock.report.errors
    assert dup.rule == "DUPLICATE_DOCUMENT" and dup.text == first.doc_number
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()))
    assert not dock.confirm_export() and dock.dock.isVisible()       # 查看问题
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        b for b in box.buttons() if b.text() == "仍然导出"))
    assert dock.confirm_export()
    assert asked == ["印前检查发现 1 个错误，印出来会有问题："] * 2
    generation = window.layout_worker.generation
    window.actions["undo"].trigger()
    _wait_pages(qtbot, window, generation)
    assert not dock.report.errors
    dock.dock.hide()


def test_a_dropped_wps_file_is_refused_saying_how_to_convert(opened, qtbot, tmp_path,
                                                            monkeypatch):
    from PySide6.QtCore import QMimeData, QUrl
    window = opened
    shown = []
    monkeypatch.setattr(window, "inform",
                        lambda title, text, details="": shown.append(text + "\n" + details))
    issue = window.session.issue
    before = [len(s.documents) for s in issue.sections]
    wps = tmp_path / "区卫健局来文.wps"
    wps.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                    + "WordDocument".encode("utf-16-le"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(wps))])
    window.tree_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0,
                                   window.tree_model.index(0, 0))
    qtbot.waitUntil(lambda: bool(shown), timeout=LAYOUT_TIMEOUT)
    assert "区卫健局来文.wps" in shown[0] and "WPS 文字文件" in shown[0] and "另存为" in shown[0]
    assert [len(s.documents) for s in window.session.issue.sections] == before
