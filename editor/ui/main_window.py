"""The main window: issue tree | page preview | properties, menus and status (layer: ui).

The window's edit, import, export and print requests are in ``window_requests``.

Holds the open ``Session`` and wires the panels: the panels emit requests, ``edits``
turns them into app commands, ``UndoBridge.execute`` runs them through the session (so
they are undoable and stored), and every resulting ``Change`` refreshes exactly the views
it names and asks the ``LayoutWorker`` for new pages.  Nothing slow runs on the UI
thread: layout, import, export and project creation go through ``jobs``.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QLabel, QListView,
                               QMainWindow, QMenu, QMessageBox, QScrollArea, QStackedWidget,
                               QTabWidget, QWidget)

from editor.app.command import Change
from editor.errors import GazetteError
from editor.model.address import BlockAddress
from editor.proof.geometry import ProofMap
from editor.ui import edits
from editor.ui.field_keys import FieldKeys
from editor.ui.find_bar import FindBar
from editor.ui.follow import StepFollower
from editor.ui.issue_tree import IssueTreeModel, IssueTreeView
from editor.ui.jobs import IssueSnapshots, LayoutWorker, run_job, user_message, wait_all
from editor.ui.preflight_dock import PreflightDock
from editor.ui.qtfix import keep_singletons_alive
from editor.ui.archive_panel import ArchivePanel
from editor.ui.menus import build_menus
from editor.ui.painter import FaceFonts
from editor.ui.preview import PreviewView, ThumbnailModel
from editor.ui.proof_mode import ProofMode
from editor.ui.round_compare import RoundCompare
from editor.ui.properties import PropertiesPanel
from editor.ui.settings import Settings
from editor.ui.start_page import StartPage
from editor.ui.table_panel import TablePanel
from editor.ui.undo import UndoBridge
from editor.ui.window_fit import centred, first_size, fit_window, fits
from editor.ui.window_requests import EditRequests

APP_TITLE = "公报编辑器"


class MainWindow(EditRequests, QMainWindow):
    def __init__(self, settings: Settings | None = None, fontbook=None):
        super().__init__()
        self.settings = settings or Settings()
        self.session = None
        self.path: Path | None = None
        self.laid_out = None
        self._proof_map: tuple[object, ProofMap] | None = None      # see proof_map()
        self.laid_generation = 0
        self.layout_seconds = 0.0
        self.selected_doc: str | None = None
        self._from_preview = False
        self.fonts = FaceFonts(fontbook if fontbook is not None else _fontbook_or_none())
        self.snapshots = IssueSnapshots()
        self.layout_worker = LayoutWorker(self)
        self.layout_worker.laid_out.connect(self._pages_ready)
        self.layout_worker.failed.connect(self._layout_failed)
        self.layout_worker.busy_changed.connect(self._busy)
        self.undo = UndoBridge(self)
        self.follower = StepFollower()        # 撤销/重做 show the document they changed
        self.undo.stepped.connect(self.follower.stepped)
        self.undo.changed.connect(self.apply_change)
        self.undo.failed.connect(lambda text: self.error(text))
        self.undo.external.connect(lambda text: self.message(text, 15000))   # another writer
        self._build_central()
        self._build_docks()
        self.actions = build_menus(self)
        self.tree.move_actions = [self.actions["move_up"], self.actions["move_down"]]
        self.tree.move_to_requested.connect(self.move_to_section)
        self.field_keys = FieldKeys(self)      # 撤销/重做/导出/保存 from any field
        self.field_keys.install()
        self._follow_doc: str | None = None    # the document the pages follow after a move
        self._follow_table = False             # after a table edit: show the table's page
        self._reopen_page = 0                  # the page a project opened again was left on
        self._fitted = False
        self._build_status()
        self._restore()
        self.show_start_page()

    # -- construction ---------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.stack = QStackedWidget()
        self.start_page = StartPage()
        self.start_page.new_requested.connect(lambda: self.new_project())
        self.start_page.files_dropped.connect(self.files_on_start_page)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_requested.connect(lambda p: self.open_project(Path(p)))
        self.preview = PreviewView(self.fonts)
        self.preview.source_clicked.connect(self._source_clicked)
        self.preview.context_requested.connect(
            lambda source, pos: self._paragraph_menu_at(source, pos))
        self.preview.zoom_changed.connect(self._zoom_changed)
        self.preview.page_changed.connect(self._page_changed)
        self.preview.files_dropped.connect(self.import_dropped)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.preview)
        self.setCentralWidget(self.stack)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.tree_model = IssueTreeModel(self)
        self.tree = IssueTreeView(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.tree_model.move_document.connect(self.move_document)
        self.tree_model.move_section.connect(self.move_section)
        self.tree_model.import_files.connect(self.import_files)
        self.tree.rename_requested.connect(self.rename)
        self.tree.remove_requested.connect(self.remove)
        self.tree.reimport_requested.connect(self.reimport)
        self.tree.properties_requested.connect(self._show_properties)
        self.tree.report_requested.connect(self.show_report)
        self.tree_dock = self._dock("目录", "tree_dock", self.tree, left)
        self.thumbs_model = ThumbnailModel(self.fonts, self)
        self.thumbs = QListView()
        self.thumbs.setModel(self.thumbs_model)
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(self.thumbs_model.icon_size())
        self.thumbs.setUniformItemSizes(True)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setSpacing(4)
        self.thumbs.clicked.connect(lambda index: self.preview.go_to_page(index.row()))
        self.thumbs_dock = self._dock("页面", "thumbs_dock", self.thumbs, left)
        self.properties = PropertiesPanel()
        self.properties.meta_edited.connect(self.edit_meta)
        self.properties.template_chosen.connect(self.set_template)
        self.properties.document_edited.connect(self.edit_document_layout)
        self.properties.head_edited.connect(self.edit_document_head)
        self.properties.kind_chosen.connect(lambda doc_id, kind: self.execute(
            edits.set_document_kind(self.session.issue, doc_id, kind)))
        self.table_panel = TablePanel()
        self.table_panel.layout_edited.connect(self.edit_table_layout)
        self.table_panel.merge_requested.connect(self.merge_cells)
        self.table_panel.unmerge_requested.connect(self.unmerge_cell)
        self.table_panel.cell_action_requested.connect(self.table_cell_action)
        self.table_panel.table_selected.connect(self.preview.set_table)
        self.table_panel.choice.activated.connect(lambda _i: self.preview.show_table())
        self.preview.column_dragged.connect(self.table_panel.drag_border)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(_scrolling(self.properties), "属性")
        self.side_tabs.addTab(_scrolling(self.table_panel), "表格")
        self.side_tabs.currentChanged.connect(     # the 表格 tab shows its table's page
            lambda i: self.preview.show_table() if i == 1 else None)
        self.side_dock = self._dock("属性", "side_dock", self.side_tabs, right)
        self.history = self.undo.history_view()
        self.history_dock = self._dock("编辑历史", "history_dock", self.history, right)
        self.history_dock.hide()
        self.proof = ProofMode(self)
        self.compare = RoundCompare(self)
        self.find_bar = FindBar(self)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_bar)
        self.preflight = PreflightDock(self)
        self.archive = ArchivePanel(self)
        self.resizeDocks([self.tree_dock, self.thumbs_dock], [420, 300], Qt.Orientation.Vertical)
        self.resizeDocks([self.tree_dock, self.side_dock], [300, 340], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.saved_label = QLabel()
        self.saved_label.setToolTip("每一处修改都在做出时写入项目文件，不必另行保存；"
                                    "Ctrl+S 可随时再确认一次")
        self.pages_label = QLabel()
        self.build_label = QLabel()
        self.zoom_label = QLabel()
        for label in (self.saved_label, self.pages_label, self.build_label, self.zoom_label):
            bar.addPermanentWidget(label)

    def _restore(self) -> None:
        """The saved geometry when it fits the screen's free area, else a first window
        that fits (1400×900 where there is room)."""
        geometry = self.settings.geometry()
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        if geometry is not None:
            self.restoreGeometry(geometry)
        if available is not None and (geometry is None or not (
                self.isMaximized() or fits(self.frameGeometry(), available))):
            size = first_size(available)
            self.resize(size)
            self.move(centred(size, available).topLeft())
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.preview.set_zoom(self.settings.zoom())

    # -- pages and states -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:            # the real frame is known now: keep it on screen
            self._fitted = True
            fit_window(self)

    def show_start_page(self) -> None:
        self.start_page.set_recent(self.settings.recent_files())
        self.zoom_label.clear()           # no zoom without pages
        self.saved_label.clear()
        self.stack.setCurrentWidget(self.start_page)
        for dock in (self.tree_dock, self.thumbs_dock, self.side_dock, self.history_dock,
                     self.proof.dock, self.compare.dock, self.preflight.dock):
            dock.hide()
        self._update_title()
        self._update_actions()

    def _show_editor(self) -> None:
        self.stack.setCurrentWidget(self.preview)
        self.zoom_label.setText(self.preview.zoom_text())
        for dock in (self.tree_dock, self.thumbs_dock, self.side_dock):
            dock.show()
        self.proof.dock.setVisible(self.proof.active)
        self.compare.dock.setVisible(self.compare.active)
        self._update_actions()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_TITLE)
            return
        meta = self.session.issue.meta
        label = " ".join(x for x in (meta.title, meta.issue_label) if x)
        self.setWindowTitle(f"{self.path.name} — {label} — {APP_TITLE}" if label
                            else f"{self.path.name} — {APP_TITLE}")

    def _zoom_changed(self, text: str) -> None:
        if self.stack.currentWidget() is self.preview:
            self.zoom_label.setText(text)

    def _update_actions(self) -> None:
        has = self.session is not None
        for name in ("export", "print", "save_as", "close", "import", "add_section",
                     "proof_export", "proof_import", "proof_mode", "proof_compare",
                     "proof_compare_close", "find", "find_next", "find_previous", "punct_check",
                     "rebuild", "zoom_in", "zoom_out", "fit_width", "fit_page", "zoom_100"):
            action = self.actions.get(name)
            if action is not None:
                action.setEnabled(has)
        for name in ("save", "move_up", "move_down"):
            if name in self.actions:
                self.actions[name].setEnabled(has)
        self.update_compare_action()

    def update_compare_action(self) -> None:
        """关闭比较 only while a comparison is open."""
        action = self.actions.get("proof_compare_close")
        if action is not None:
            action.setEnabled(self.session is not None and self.compare.active)

    def message(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def error(self, text: str, title: str = "出错了") -> None:
        QMessageBox.warning(self, title, text)

    # -- projects ---------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "打开期刊项目", self.settings.last_folder("open"),
                                              "期刊项目 (*.gazette)")
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path, on_open=None) -> None:
        """Open a project file: read in a worker, then shown (``on_open()`` after)."""
        path = Path(path)

        def work(progress):
            from editor.app.session import Session
            from editor.guard import not_regular
            if not_regular(path):           # a FIFO named x.gazette would block forever
                raise GazetteError(not_regular(path), path=str(path))
            progress(f"读取 {path.name}")
            return Session.open(path)

        run_job(self, "打开项目", work, lambda session: self._opened(session, path, on_open),
                on_error=lambda exc: self.error(user_message(exc), "无法打开项目"))

    def _opened(self, session, path: Path, on_open=None) -> None:
        self.settings.set_last_folder("open", path)
        self.attach(session, path)
        if session.access is not None and session.access.warnings:   # network share
            self.message("；".join(session.access.warnings), 0)
        if session.damaged:                  # unreadable rows: the rest of the issue is open
            self.error("\n".join(d.message for d in session.damaged), "部分内容已损坏")
        if on_open is not None:
            on_open()

    def new_project(self, on_open=None) -> None:
        """新建一期; ``on_open()`` once it is open (a menu's ``checked`` is no callback)."""
        on_open = on_open if callable(on_open) else None
        path, _ = QFileDialog.getSaveFileName(self, "新建一期", self.settings.last_folder("open"),
                                              "期刊项目 (*.gazette)")
        if path:
            path = Path(path) if path.endswith(".gazette") else Path(path + ".gazette")
            self.create_project(path, None, on_open, like=self._ask_previous_issue(path))

    def files_on_start_page(self, paths: list) -> None:
        """Word files dropped on the start page: a new issue first (新建一期 asks where),
        then they are imported into it."""
        self.message(f"先新建一期，再导入拖入的 {len(paths)} 个文件", 8000)
        self.new_project(on_open=lambda: self.import_files(list(paths), ""))

    def _ask_previous_issue(self, new: Path) -> Path | None:
        """The last project opened, when the editor wants the new issue to carry on from
        it (刊名, 简介, 口号, 版权页, 栏目; 总期数 + 1); None for an empty issue."""
        previous = next((p for p in self.settings.recent_files()
                         if p.suffix == ".gazette" and p.resolve() != new.resolve()), None)
        if previous is None:
            return None
        answer = QMessageBox.question(
            self, "新建一期",
            f"沿用上一期“{previous.stem}”的刊名、简介、口号、版权页和栏目吗？\n"
            "总期数自动加 1；期次、出版日期和各篇文件请在新的一期中填写、导入。\n\n"
            "选“否”则新建空白的一期。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return previous if answer == QMessageBox.StandardButton.Yes else None

    def open_sample(self) -> None:
        """Create (or reopen) a project from the bundled sample issue in the user folder."""
        from editor.appdirs import data_dir
        from editor.resources import sample_issue_path
        path = data_dir() / "示例" / "东西湖区人民政府公报_总第32期.gazette"
        if path.exists():
            self.open_project(path)
            return
        self.create_project(path, sample_issue_path())

    def create_project(self, path: Path, from_json: Path | None, on_open=None,
                       like: Path | None = None) -> None:
        """Create ``path`` (from an issue.json, or as the issue after ``like``, when given)
        in a worker, then open it.  The file dialog asked before replacing a file; the
        project open in the window, or the one the new issue carries on from, is never
        replaced."""
        busy = [p for p in (self.path, like) if p is not None]
        if path.exists() and any(path.resolve() == p.resolve() for p in busy):
            self.error(f"“{path.name}”正在使用（当前打开的项目或要沿用的上一期），"
                       "请为新的一期另起文件名。", "无法新建项目")
            return
        try:
            if path.exists():
                path.unlink()
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.error(user_message(exc), "无法新建项目")
            return

        def work(progress):
            from editor.app.session import Session     # heavy imports stay off the UI thread
            return Session.create(path, from_issue_json=from_json, progress=progress, like=like)

        def done(session):
            self._opened(session, path, on_open)

        run_job(self, "新建期刊项目", work, done)

    def attach(self, session, path: Path) -> None:
        """Show ``session`` in the window (closing the current one)."""
        self.close_project(show_start=False)
        self.session = session
        self.path = Path(path)
        self.settings.add_recent(path)
        self.snapshots.invalidate()
        self.undo.set_session(session)
        self.tree_model.set_issue(session.issue, lambda doc_id: edits.report_counts(
            self.session, doc_id))
        self.follower.reset(session.issue)
        self._reopen_page = self.settings.last_page(self.path)
        self.tree.expandAll()
        self.properties.load_meta(session.issue.meta)
        self.properties.load_template(session.issue.template)
        self.properties.load_document(None)
        self.table_panel.set_text_width(edits.text_width(session.issue))
        self.table_panel.set_document(None)
        self._show_editor()
        self._update_title()
        self.request_layout()
        self.show_saved(edits.last_write_time(session))
        self.message(f"已打开 {path}")

    def close_project(self, show_start: bool = True) -> None:
        if self.session is not None:
            if self.laid_out is not None and self.laid_out.pages:  # open it there again
                self.settings.set_last_page(self.path, self.preview.current_page())
            self.layout_worker.wait_idle()
            _close(self.session)
        self.session = None
        self.laid_out = self._proof_map = None
        self.find_bar.reset()
        self.preflight.clear()
        self.selected_doc = None
        self.undo.set_session(None)
        self.proof.reset()
        self.compare.stop()
        self.tree_model.set_issue(None)
        self.preview.set_pages([])
        self.thumbs_model.set_pages([])
        self.pages_label.clear()
        self.build_label.clear()
        if show_start:
            self.show_start_page()

    def save_as(self) -> None:
        if self.session is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, "另存为", str(self.path.with_name(
            self.path.stem + "_副本.gazette")), "期刊项目 (*.gazette)")
        if not target:
            return
        try:
            edits.save_copy(self.session, Path(target))
        except Exception as exc:          # noqa: BLE001
            self.error(user_message(exc), "另存为失败")
            return
        self.open_project(Path(target))

    def save(self) -> None:
        """保存 (Ctrl+S): every edit is already in the project file; this folds the
        write-ahead log into it (a checkpoint) and says so."""
        if self.session is None:
            return
        try:
            edits.checkpoint(self.session)
        except Exception as exc:          # noqa: BLE001 — every failure reaches the user
            self.error(user_message(exc), "保存失败")
            return
        self.show_saved()
        self.message(f"已保存 {self.path.name}（每一处修改在做出时都已自动保存）")

    def show_saved(self, when: float | None = None) -> None:
        """The permanent note 已自动保存 with the time of the project's last write."""
        stamp = time.strftime("%H:%M:%S", time.localtime(when if when is not None
                                                          else time.time()))
        self.saved_label.setText(f"已自动保存 {stamp}")

    # -- layout -------------------------------------------------------------------------------------
    def request_layout(self) -> None:
        if self.session is not None:
            self.preview.setProperty("busy", True)
            self.layout_worker.request(self.snapshots.take(self.session.issue))

    def _pages_ready(self, generation: int, laid_out, seconds: float) -> None:
        keep_singletons_alive()       # each layout emits signals: see editor.ui.qtfix
        if self.session is None or generation != self.layout_worker.generation:
            return              # a newer edit is being laid out already
        self.laid_out = laid_out
        self.laid_generation = generation
        self.layout_seconds = seconds
        self.preview.setProperty("busy", False)
        self.preview.set_pages(laid_out.pages)
        self.thumbs_model.ratio = self.devicePixelRatioF()
        self.thumbs_model.set_pages(laid_out.pages)
        self.proof.pages_ready(laid_out)
        self.compare.pages_ready(laid_out)
        self.find_bar.pages_ready(laid_out)
        self.pages_label.setText(f"共 {len(laid_out.pages)} 页")
        if self._reopen_page:               # the first pages of a project opened again
            self.preview.go_to_page(min(self._reopen_page, len(laid_out.pages) - 1))
        self._reopen_page = 0
        self._follow_moved(laid_out)
        self.follower.pages_ready(laid_out, self.preview)
        if self._follow_table:              # a table edit (or its undo): the table in view
            self._follow_table = False
            self.preview.show_table()
        self._measure_tables()
        self.build_label.setText(f"排版 {seconds:.2f} 秒")    # short: room for messages at 1366
        self.build_label.setToolTip(f"最近一次排版完成于 {time.strftime('%H:%M:%S')}")
        self.preflight.pages_ready(laid_out)
        counts = self.preflight.report.counts
        if counts["error"] or counts["warning"]:
            findings = self.preflight.report.findings       # the gravest one first
            first = next((f for f in findings if f.severity == "error"), findings[0])
            self.message(self._finding_line(first), 10000)

    def _finding_line(self, f) -> str:
        """The status line of a finding: where (page and document, the document's name
        shorter or left out when the line is short) and the first words of the problem."""
        wheres = (self.preflight.place(f, 16), self.preflight.place(f, 8), f.where() or "整期")
        for tail in ("（右下角“印前检查”列出全部）", ""):     # the hint goes first, then the name
            for where in wheres:
                line = self._status_fit(f"印前检查 {where}：{f.message}", tail)
                if f.message[:6] in line:
                    return line
        return line

    def _status_fit(self, text: str, tail: str) -> str:
        """``text`` shortened (…) so that it and ``tail`` fit beside the status bar's
        permanent labels (a 1366-pixel screen left the end of a message cut off)."""
        bar = self.statusBar()
        metrics = bar.fontMetrics()
        # the page label grows as the editor scrolls (第 12 / 48 页，页码 10): room for its longest
        widest = {self.pages_label: metrics.horizontalAdvance("第 888 / 888 页，页码 888")}
        taken = sum(max(w.sizeHint().width(), w.width(), widest.get(w, 0)) + 10
                    for w in bar.findChildren(QWidget)
                    if w.parentWidget() is bar and w.isVisibleTo(bar))
        room = bar.width() - taken - 16
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                  max(80, room - metrics.horizontalAdvance(tail))) + tail

    def _follow_moved(self, laid_out) -> None:
        """After a move the pages show the moved document where it now begins (not the
        page it used to be on, now another document's)."""
        doc_id, self._follow_doc = self._follow_doc, None
        page = laid_out.doc_first_page.get(doc_id) if doc_id else None
        if page is not None:
            self.preview.go_to_page(page)

    def proof_map(self) -> ProofMap | None:
        """The positioned text of the current pages (None before the first layout), made
        once per layout on first use and shared by 校对 mode and 校次比较."""
        laid_out = self.laid_out
        if laid_out is None:
            self._proof_map = None
            return None
        if self._proof_map is None or self._proof_map[0] is not laid_out:
            self._proof_map = (laid_out, ProofMap.from_layout(laid_out))
        return self._proof_map[1]

    def _measure_tables(self) -> None:
        """Give the table panel the column widths of the selected document's tables as
        drawn (what the numbers in the panel show and edit)."""
        doc = self.session.issue.find_document(self.selected_doc) if self.selected_doc else None
        if doc is None or self.laid_out is None:
            self.table_panel.set_measured({})
            self.table_panel.set_drawn_landscape(set())
            return
        from editor.ui.preview import landscape_tables, measured_tables
        from editor.ui.table_panel import tables_of
        wanted = [(doc.id, t.id, t.n_cols) for t in tables_of(doc)]
        self.table_panel.set_measured(measured_tables(self.laid_out.pages, wanted))
        self.table_panel.set_drawn_landscape(landscape_tables(self.laid_out.pages, doc.id))

    def _layout_failed(self, generation: int, text: str) -> None:
        if generation == self.layout_worker.generation:
            self.message(f"排版失败：{text}", 15000)

    def _busy(self, busy: bool) -> None:
        if busy:
            self.build_label.setText("排版中…")

    def _page_changed(self, index: int) -> None:
        if self.laid_out is not None and self.laid_out.pages:
            page = self.laid_out.pages[min(index, len(self.laid_out.pages) - 1)]
            folio = f"，页码 {page.folio}" if page.folio else ""
            self.pages_label.setText(f"第 {index + 1} / {len(self.laid_out.pages)} 页{folio}")
            thumb = self.thumbs_model.index(index, 0)
            if thumb.isValid() and self.thumbs.currentIndex().row() != index:
                self.thumbs.setCurrentIndex(thumb)

    # -- changes ------------------------------------------------------------------------------------
    def execute(self, command) -> Change | None:
        """Run an app command through the undo stack; errors become a message box."""
        if self.session is None or command is None:
            return None
        try:
            return self.undo.execute(command)
        except Exception as exc:          # noqa: BLE001 — every failure reaches the user
            self.error(user_message(exc), command.describe() + "失败")
            return None

    def apply_change(self, change: Change) -> None:
        """Refresh what ``change`` names, then lay the issue out again."""
        if self.session is None:
            return
        self.show_saved()                 # every command is written as it is made
        issue = self.session.issue
        self.follower.changed(change, issue, self.selected_doc)
        if change.sections:
            current = self.selected_doc
            self.tree_model.refresh(change.documents)
            self.tree.expandAll()
            if current:
                self._from_preview = True
                try:
                    self.select_document(current)
                finally:
                    self._from_preview = False
        if change.meta:
            self.properties.load_meta(issue.meta)
            self.properties.load_template(issue.template)
            self._update_title()
        touched = set(change.documents) | {doc for doc, _ in change.tables}
        if change.tables and self.preview.table is not None:
            self._follow_table = self.preview.table in set(change.tables)
        if change.annotations:
            touched |= self.snapshots.annotations_changed(issue)
        self.snapshots.invalidate(touched)
        if not change.sections:
            self.tree_model.documents_changed(touched)
        if self.selected_doc and (self.selected_doc in touched or change.sections):
            doc = issue.find_document(self.selected_doc)
            self.properties.load_document(doc)
            table_id = self.table_panel.table.id if self.table_panel.table else None
            self.table_panel.set_document(doc, table_id)
        self.proof.changed(change)
        if change.meta or change.sections or change.documents or change.tables \
                or not change.annotations:
            self.request_layout()           # annotations alone do not change the pages

    # -- selection -----------------------------------------------------------------------------------
    def select_document(self, doc_id: str) -> None:
        index = self.tree_model.index_of_document(doc_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _tree_current(self, current: QModelIndex, _previous=None) -> None:
        doc = self.tree_model.document_at(current)
        self._select(doc)
        if doc is not None and self.laid_out is not None and not self._from_preview:
            page = self.laid_out.doc_first_page.get(doc.id)
            if page is not None:
                self.preview.go_to_page(page)

    def _select(self, doc) -> None:
        changed = (doc.id if doc is not None else None) != self.selected_doc
        self.selected_doc = doc.id if doc is not None else None
        self.properties.load_document(doc)
        self.table_panel.set_document(doc)
        if self.session is not None:
            self._measure_tables()
        if doc is not None and changed:
            self._show_document_fields()

    def _show_document_fields(self) -> None:
        """Scroll the 属性 tab to the chosen document's fields: under the issue's 本期信息
        they were below the fold of a 768-pixel screen (待核对：文件标题 out of sight)."""
        area = self.side_tabs.widget(0)
        box = self.properties.doc_box
        top = box.mapTo(area.widget(), box.rect().topLeft()).y()
        shown = area.verticalScrollBar().value()
        if not shown <= top <= shown + area.viewport().height() - min(box.height(), 240):
            area.verticalScrollBar().setValue(top)

    def _source_clicked(self, source) -> None:
        if self.session is None:
            return
        doc = self.session.issue.find_document(source.doc_id)
        if doc is None:
            return
        if self.selected_doc != doc.id:
            self._from_preview = True         # select in the tree without scrolling away
            try:
                self.select_document(doc.id)
            finally:
                self._from_preview = False
        address = BlockAddress.parse(source.block_id)
        if address.in_table:
            self.table_panel.select_cell(address.table_id, address.parts[1])
            self.side_tabs.setCurrentWidget(self.side_tabs.widget(1))
        self.message(edits.describe_source(doc, source))

    def paragraph_menu(self, source) -> QMenu | None:
        """The right-click menu of text on the page: 修改文字… for any text of a document
        the editor may rewrite, and for a paragraph 段落设为 文件标题 / 一级标题 … /
        正文段落, to correct what the import took it for (both undoable)."""
        if self.session is None:
            return None
        roles = edits.paragraph_roles(self.session.issue, source)
        can_edit = edits.editable_text(self.session.issue, source) is not None
        if roles is None and not can_edit:
            return None
        menu = QMenu(self)
        if can_edit:
            menu.addAction("修改文字…").triggered.connect(
                lambda _c=False: self.edit_text_at(source))
        if roles is None:
            return menu
        self._choice_menu(menu, "段落设为", roles, lambda r: edits.set_paragraph_role(
            self.session.issue, source.doc_id, source.block_id, r))
        kinds = edits.document_kinds(self.session.issue, source.doc_id)
        if kinds is not None:       # 文件类型: read the document again as that kind
            self._choice_menu(menu, "文件类型", kinds, lambda k: edits.set_document_kind(
                self.session.issue, source.doc_id, k))
        return menu

    def _choice_menu(self, menu: QMenu, title: str, offer, command) -> None:
        """A submenu of (key, text) choices, the current one ticked; choosing another
        runs ``command(key)`` as an undoable edit."""
        current, choices = offer
        sub = menu.addMenu(title)
        for key, text in choices:
            action = sub.addAction(text)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setEnabled(key != current)
            action.triggered.connect(lambda _c=False, k=key: self.execute(command(k)))

    def edit_text_at(self, source) -> None:
        """修改文字: ask for the new text of the clicked paragraph (title, cell …) and
        make the change as one undoable edit."""
        found = edits.editable_text(self.session.issue, source)
        if found is None:
            return
        text, label, where = found
        new = self.ask_text(where, text, label)
        if new is not None:
            self.execute(edits.edit_text(self.session.issue, source, text, new))

    def ask_text(self, where: str, text: str, label: str) -> str | None:
        """The rewritten text, or None when cancelled (tests replace this)."""
        from editor.ui.text_dialog import TextEditDialog
        dialog = TextEditDialog(where, text, label, self)
        try:
            return dialog.text() if dialog.exec() == TextEditDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def _paragraph_menu_at(self, source, pos) -> None:
        menu = self.paragraph_menu(source)
        if menu is not None:
            self.popup(menu, pos)
            menu.deleteLater()

    def popup(self, menu: QMenu, pos) -> None:
        """Show a context menu and wait for the choice (tests replace this)."""
        menu.exec(pos)

    def _show_properties(self, kind: str, item_id: str) -> None:
        self.side_dock.show()
        self.side_tabs.setCurrentIndex(0)
        if kind == "document":
            self.select_document(item_id)

    # -- window ------------------------------------------------------------------------------------
    def about(self) -> None:
        from editor.ui.about import show_about
        show_about(self, self.fonts.fontbook)

    def closeEvent(self, event) -> None:
        self.field_keys.remove()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        mode = self.preview.mode
        self.settings.set_zoom(mode)
        self.close_project(show_start=False)
        wait_all()
        self.settings.sync()
        super().closeEvent(event)


def _scrolling(widget) -> QScrollArea:
    """``widget`` in a scroll area; its choice lists shrink to the panel (their long
    entries elided) so the 属性 and 表格 tabs fit a 1366-pixel screen's side panel."""
    for combo in widget.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _close(session) -> None:
    close = getattr(session, "close", None)
    if callable(close):
        close()


def _fontbook_or_none():
    from editor.fonts import default_fontbook
    try:
        return default_fontbook()
    except GazetteError:
        return None
