"""UI panels on a hand-made issue laid out with the fixed measurer: the issue tree model
(QAbstractItemModelTester, drag-and-drop requests), the page preview (click → source,
zoom), the table panel's border-drag rule and printing the page items (editor.ui)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402

from editor import model  # noqa: E402
from editor.fonts.measure import FixedMeasurer  # noqa: E402
from editor.layout.cache import LayoutCache  # noqa: E402
from editor.layout.items import LineItem, Page, Source, TextItem  # noqa: E402
from editor.layout.paginate import layout_issue  # noqa: E402
from editor.ui.issue_tree import MIME, IssueTreeModel  # noqa: E402
from editor.ui.painter import FaceFonts  # noqa: E402
from editor.ui.preview import PreviewView, hit_text, table_columns  # noqa: E402
from editor.ui.table_panel import TablePanel, current_widths, widths_after_drag  # noqa: E402

TEXT = "根据《中华人民共和国文物保护法》有关规定，现将我区文物保护单位保护范围予以公布。"


def _table(tid: str) -> model.Table:
    rows = []
    for r in range(4):
        cells = [model.Cell(id=f"c{r}{c}", col=c,
                            blocks=[model.Paragraph(id=f"p{r}{c}", runs=[model.Run(f"格{r}{c}")])])
                 for c in range(3)]
        rows.append(model.Row(cells=cells, is_header=r == 0))
    return model.Table(id=tid, grid=[100.0, 200.0, 100.0], rows=rows)


def _issue() -> model.Issue:
    def doc(i, with_table=False):
        body = [model.Paragraph(id=f"p{k}", runs=[model.Run(TEXT)]) for k in range(3)]
        if with_table:
            body.append(_table("t1"))
        return model.Document(id=f"d{i}", title=f"关于第{i}项工作的通知",
                              doc_number=f"东政发〔2025〕{i}号", body=body)
    return model.Issue(meta=model.IssueMeta(title="东西湖区人民政府公报", issue_label="总第32期"),
                       sections=[model.Section("s1", "区级文件选登", [doc(1), doc(2, True), doc(3)]),
                                 model.Section("s2", "大事记", [doc(4)])])


@pytest.fixture
def tree(qtbot):
    m = IssueTreeModel()
    m.set_issue(_issue())
    return m


def test_tree_model_passes_the_model_tester(tree, qtbot):
    QAbstractItemModelTester(tree, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert tree.rowCount() == 2
    s1 = tree.index(0, 0)
    assert tree.rowCount(s1) == 3
    doc = tree.index(1, 0, s1)
    assert doc.data() == "关于第2项工作的通知"
    assert tree.parent(doc) == s1
    tree.refresh()
    assert tree.index_of_document("d4").parent().row() == 1


def _drag(tree, doc_id) -> QMimeData:
    return tree.mimeData([tree.index_of_document(doc_id)])


def test_dropping_a_document_between_documents_requests_that_place(tree, qtbot):
    mime = _drag(tree, "d1")
    assert json.loads(bytes(mime.data(MIME)).decode())[0] == {"kind": "document", "id": "d1"}
    s1 = tree.index(0, 0)
    with qtbot.waitSignal(tree.move_document) as blocker:
        # dropped after d3 (row 3 of 区级文件选登): the taken-out row shifts the index
        assert tree.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, s1) is False
    assert blocker.args == ["d1", "s1", 2]


def test_dropping_a_document_on_another_section_and_on_a_document(tree, qtbot):
    s2 = tree.index(1, 0)
    with qtbot.waitSignal(tree.move_document) as blocker:
        tree.dropMimeData(_drag(tree, "d2"), Qt.DropAction.MoveAction, -1, 0, s2)
    assert blocker.args == ["d2", "s2", 1]
    target = tree.index_of_document("d1")
    with qtbot.waitSignal(tree.move_document) as blocker:
        tree.dropMimeData(_drag(tree, "d4"), Qt.DropAction.MoveAction, -1, 0, target)
    assert blocker.args == ["d4", "s1", 0]


def test_sections_reorder_and_docx_files_from_explorer_import(tree, qtbot, tmp_path):
    mime = tree.mimeData([tree.index(1, 0)])
    with qtbot.waitSignal(tree.move_section) as blocker:
        tree.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert blocker.args == ["s2", 0]
    files = QMimeData()
    docx = tmp_path / "新文件.docx"
    docx.write_bytes(b"PK")
    files.setUrls([QUrl.fromLocalFile(str(docx)), QUrl.fromLocalFile(str(tmp_path / "a.txt"))])
    assert tree.canDropMimeData(files, Qt.DropAction.CopyAction, -1, 0, tree.index(1, 0))
    with qtbot.waitSignal(tree.import_files) as blocker:
        tree.dropMimeData(files, Qt.DropAction.CopyAction, -1, 0, tree.index(1, 0))
    assert [p.name for p in blocker.args[0]] == ["新文件.docx"] and blocker.args[1] == "s2"


def test_warning_badge_tooltip_names_the_report(qtbot):
    m = IssueTreeModel()
    m.set_issue(_issue(), lambda doc_id: (1, 2) if doc_id == "d3" else (0, 0))
    tip = m.index_of_document("d3").data(Qt.ItemDataRole.ToolTipRole)
    assert "导入报告有 2 条提示，其中 1 条警告" in tip
    assert m.report_count("d3") == 2 and m.report_count("d1") == 0
    assert "导入报告" not in m.index_of_document("d1").data(Qt.ItemDataRole.ToolTipRole)


@pytest.fixture(scope="module")
def laid():
    return layout_issue(_issue(), "gbt9704", FixedMeasurer(), LayoutCache())


def test_preview_click_finds_the_source_block(qtbot, laid):
    view = PreviewView(FaceFonts())
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    view.set_pages(laid.pages)
    index = laid.doc_first_page["d2"]
    page = laid.pages[index]
    item = next(t for t in page.texts() if t.source and t.source.block_id == "p1")
    view.go_to_page(index)
    rect = view.page_rect(index)
    pos = QPoint(int(rect.x() + (item.xs[2] + 1) * view.scale),
                 int(rect.y() + (item.y - item.size * 0.4) * view.scale))
    with qtbot.waitSignal(view.source_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args[0].doc_id == "d2" and blocker.args[0].block_id == "p1"
    assert hit_text(page, 1.0, 1.0) is None


def test_preview_zoom_limits_and_fit_modes(qtbot, laid):
    view = PreviewView(FaceFonts())
    qtbot.addWidget(view)
    view.resize(600, 800)
    view.show()
    view.set_pages(laid.pages)
    view.set_zoom(1000)
    assert view.zoom_percent() == 400
    view.set_zoom(10)
    assert view.zoom_percent() == 50
    view.set_zoom("fit_page")
    rect = view.page_rect(0)
    assert rect.height() <= view.viewport().height()
    view.set_zoom("fit_width")
    assert view.page_rect(0).width() > rect.width()
    view.zoom_step(1)
    assert view.mode == 100 or view.zoom_percent() > 50


def _ruled_table_page() -> Page:
    """A page with a 3-column ruled table (as the table layout draws it) and a rule of
    the body text above it that must not count as a border."""
    items = [LineItem(300, 10, 300, 60), TextItem(80, 50, "正文", "song", 16, [80, 96], 32)]
    xs = [79.0, 179.0, 379.0, 479.0]
    items += [LineItem(x, 100, x, 200) for x in xs] + [LineItem(79, 100, 479, 100)]
    for r in range(3):
        for c in range(3):
            items.append(TextItem(xs[c] + 4, 120 + 30 * r, "格", "song", 12, [xs[c] + 4], 12,
                                  source=Source("d2", f"t1/c{r}{c}/p{r}{c}", 0, 1)))
    return Page(0, 595.0, 842.0, items=items)


def test_table_columns_and_border_drag_rule(qtbot):
    borders = table_columns(_ruled_table_page(), "d2", "t1")
    assert borders == [79.0, 179.0, 379.0, 479.0]   # edges and inner borders, not x=300
    assert table_columns(_ruled_table_page(), "d2", "t9") == []
    assert widths_after_drag([100, 200, 100], 1, 30) == [130, 170, 100]
    assert widths_after_drag([100, 200, 100], 2, 500)[2] >= 8.0
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_text_width(400.0)
    panel.set_document(_issue().find_document("d2"))
    assert current_widths(panel.table, 400.0) == [100.0, 200.0, 100.0]
    with qtbot.waitSignal(panel.layout_edited) as blocker:
        panel.drag_border(1, 50.0)
    assert blocker.args[:3] == ["d2", "t1", "col_widths"]
    assert blocker.args[3] == [150.0, 150.0, 100.0]


def test_table_panel_cell_actions_follow_the_clicked_cell(qtbot):
    issue = _issue()
    doc = issue.find_document("d2")
    table = doc.body[-1]
    for cell in table.rows[2].cells:                  # row 2 empty: deletable
        cell.blocks = [model.Paragraph(id=f"e{cell.id}")]
    table.rows[3].cells[1].blocks = []                # column 1 still has text above
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_document(doc)
    panel.select_cell("t1", "c21")
    assert panel.delete_row.isEnabled() and not panel.delete_col.isEnabled()
    assert panel.split_table.isEnabled() and panel.column_align.isEnabled()
    panel.select_cell("t1", "c11")
    assert not panel.delete_row.isEnabled()
    panel.select_cell("t1", "c01")                     # a header cell: no split there
    assert not panel.split_table.isEnabled()
    panel.select_cell("t1", "c32")
    with qtbot.waitSignal(panel.cell_action_requested) as blocker:
        panel.column_align.activated.emit(2)
    assert blocker.args == ["d2", "t1", "c32", "align", "center"]
    with qtbot.waitSignal(panel.cell_action_requested) as blocker:
        panel.split_table.click()
    assert blocker.args == ["d2", "t1", "c32", "split", None]
    with qtbot.waitSignal(panel.layout_edited) as blocker:
        panel.keep_rows.click()
    assert blocker.args == ["d2", "t1", "keep_rows_together", True]
    table.layout.col_align = [None, None, "right"]
    panel.reload()
    assert panel.column_align.currentText() == "右对齐"
    panel.select_cell("t1", "c31")
    assert panel.column_align.currentText() == "按原文"
    panel.select_cell("t1", "")
    assert not any(b.isEnabled() for b in (panel.column_align, panel.delete_row,
                                            panel.delete_col, panel.split_table))


def test_printing_paints_every_page_to_a_pdf_printer(qtbot, laid, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    from pypdf import PdfReader

    from editor.ui.export import print_pages
    from editor.ui.painter import PagePainter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "打印.pdf"
    printer.setOutputFileName(str(out))
    count = print_pages(printer, laid.pages, PagePainter(FaceFonts()), 0, 3)
    assert count == 4
    reader = PdfReader(str(out))
    assert len(reader.pages) == 4
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(laid.pages[0].width, abs=1.5)


def test_only_the_ui_package_imports_qt():
    root = Path(__file__).resolve().parent.parent / "editor"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if "ui" not in p.relative_to(root).parts[:1]
                 and re.search(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken6)", p.read_text(
                     encoding="utf-8"), re.M)]
    assert offenders == []


def test_properties_panel_emits_typed_edits_and_loads_without_emitting(qtbot):
    from editor.ui.properties import PropertiesPanel, parse_colophon
    panel = PropertiesPanel()
    qtbot.addWidget(panel)
    issue = _issue()
    issue.meta.colophon = {"主办": "东西湖区人民政府", "电话": "83891228"}
    with qtbot.assertNotEmitted(panel.meta_edited):
        panel.load_meta(issue.meta)
    assert parse_colophon(panel.colophon.toPlainText()) == issue.meta.colophon
    assert parse_colophon("主办: 区政府\n\n地址：临空港大道43号") == {
        "主办": "区政府", "地址": "临空港大道43号"}
    panel.period.setText("2025年7月~2025年12月")
    panel.period.setModified(True)
    with qtbot.waitSignal(panel.meta_edited) as blocker:
        panel.period.editingFinished.emit()
    assert blocker.args == ["period", "2025年7月~2025年12月"]
    panel.load_document(issue.find_document("d2"))
    with qtbot.waitSignal(panel.document_edited) as blocker:
        panel.start.activated.emit(2)
    assert blocker.args == ["d2", "start", "odd_page"]
    title = panel.head["title"]
    assert title.text() == "关于第2项工作的通知" and panel.head["doc_number"].text() == \
        "东政发〔2025〕2号"
    with qtbot.assertNotEmitted(panel.head_edited):
        title.editingFinished.emit()                  # focus left, nothing typed
    title.setText("关于第二项工作的通知 ")
    title.setModified(True)
    with qtbot.waitSignal(panel.head_edited) as blocker:
        title.editingFinished.emit()
    assert blocker.args == ["d2", "title", "关于第二项工作的通知"]
    untitled = issue.find_document("d3")
    untitled.title, untitled.source_name = "", "无标题的来文.docx"
    untitled.uncertain = ["title"]
    panel.load_document(untitled)
    assert panel.head["title"].text() == "" and "无标题的来文" not in panel.toc_title.placeholderText()
    assert not panel.doubts.isHidden() and "标题" in panel.doubts.text()    # a guess to check
    assert "background" in panel.head["title"].styleSheet()
    assert panel.head["doc_number"].styleSheet() == ""
    with qtbot.waitSignal(panel.kind_chosen) as blocker:
        panel.kind.activated.emit(panel.kind.findData("speech"))
    assert blocker.args == ["d3", "speech"]
    untitled.uncertain = []
    untitled.subtitle, untitled.speaker = "（2025年3月1日）", "区长  张三"
    panel.load_document(untitled)                     # a speech's lines are corrected too
    assert panel.head["subtitle"].text() == "（2025年3月1日）"
    speaker = panel.head["speaker"]
    assert speaker.text() == "区长  张三"
    speaker.setText("区长  李四")
    speaker.setModified(True)
    with qtbot.waitSignal(panel.head_edited) as blocker:
        speaker.editingFinished.emit()
    assert blocker.args == ["d3", "speaker", "区长  李四"]


def test_settings_keep_recent_chinese_paths_and_folders(tmp_path):
    from PySide6.QtCore import QSettings

    from editor.ui.settings import Settings
    folder = tmp_path / "公报 项目"
    folder.mkdir()
    files = [folder / f"第{i}期.gazette" for i in range(3)]
    for f in files:
        f.write_bytes(b"")
    settings = Settings(QSettings(str(tmp_path / "设置.ini"), QSettings.Format.IniFormat))
    for f in files:
        settings.add_recent(f)
    settings.add_recent(files[0])
    files[1].unlink()
    again = Settings(QSettings(str(tmp_path / "设置.ini"), QSettings.Format.IniFormat))
    assert again.recent_files() == [files[0].resolve(), files[2].resolve()]
    again.set_last_folder("import", files[0])
    assert again.last_folder("import") == str(folder)
    again.set_zoom(150)
    assert again.zoom() == 150


def test_screen_draws_underline_and_strike_where_the_pdf_does(qtbot):
    """One geometry (TextItem.decorations) for both painters: on the screen image the
    rules are dark exactly at the rows and spans the PDF painter strokes."""
    from editor.ui.painter import PagePainter, render_page_image
    item = TextItem(x=100.0, y=200.0, text="划线文字", face="", size=20.0,
                    xs=[100.0, 120.0, 140.0, 160.0], width=80.0, underline=True, strike=True)
    page = Page(index=0, width=400.0, height=400.0, items=[item])
    image = render_page_image(page, PagePainter(FaceFonts()), 2.0)
    rules = item.decorations()
    assert [round(y, 2) for _, y, _, _ in rules] == [202.4, 193.0]

    def dark(x: float, y: float) -> bool:
        return image.pixelColor(int(x * 2), int(round(y * 2))).lightness() < 128
    for x0, y, x1, _ in rules:
        assert all(dark(x, y) for x in (x0 + 1, (x0 + x1) / 2, x1 - 1))
        assert not dark(x0 - 3, y) and not dark(x1 + 3, y)


def test_a_panel_request_after_the_project_closed_does_nothing(qtbot, tmp_path):
    """A spin box losing focus while the window closes still emits its edit; with no
    project open the request is dropped (it raised AttributeError in the event loop)."""
    from ui_window import make_window
    window = make_window(tmp_path)
    qtbot.addWidget(window)
    assert window.session is None
    window.edit_table_layout("d1", "t1", "font_size", 12.0)
    window.edit_meta("title", "新刊名")
    window.merge_cells("d1", "t1", "c1", "right")
    assert window.errors == []


def test_new_issue_never_replaces_the_project_that_is_open(qtbot, tmp_path):
    """新建一期 onto the open project's own file (the dialog's 替换 confirmed) is refused
    and the open project is left whole; so is the previous issue it carries on from."""
    from editor.app.session import Session
    from ui_window import make_window
    window = make_window(tmp_path)
    qtbot.addWidget(window)
    project = tmp_path / "本期.gazette"
    Session.create(project).close()
    before = project.read_bytes()
    window.path = project
    window.create_project(project, None)
    window.path = None
    window.create_project(project, None, like=project)
    assert len(window.errors) == 2 and all("正在使用" in text for _t, text in window.errors)
    assert project.read_bytes() == before
