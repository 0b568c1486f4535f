"""档案: the gazette archive in the window (layer: ui).

A 档案 menu — 选择档案文件…, 加入档案 (the open issue), 档案检索, 导出年度总目次…,
导出电子版…, 由档案最新一期新建… — and a 档案检索 dock: a query, filters (year, kind), the
results (期, 页, 栏目, 标题, 文号, 摘要); a double-click opens that issue's project at that
page.  The work is done by ``editor.app.archive`` in background jobs; the archive file
chosen is remembered in the settings.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from editor.errors import user_message
from editor.model.address import KIND_LABELS
from editor.ui.jobs import run_job

KINDS = {"": "全部类型", **KIND_LABELS}
COLUMNS = ["期", "页", "栏目", "标题", "文号", "摘要"]
FILTER = "公报档案 (*.gazette-archive)"


class ArchivePanel:
    def __init__(self, window):
        self.window = window
        self.hits: list = []
        self.dock = QDockWidget("档案检索", window)
        self.dock.setObjectName("archive_dock")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        choose = QPushButton("选择档案…")
        choose.clicked.connect(self.choose_archive)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.query = QLineEdit()
        self.query.setPlaceholderText("关键词，如 硚口区 或 东政办〔2025〕2号")
        self.query.returnPressed.connect(self.search)
        self.year = QComboBox()
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.go = QPushButton("检索")
        self.go.clicked.connect(self.search)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.year)
        row.addWidget(self.kind)
        row.addWidget(self.go)
        layout.addLayout(row)
        self.results = QTreeWidget()
        self.results.setHeaderLabels(COLUMNS)
        self.results.setRootIsDecorated(False)
        self.results.itemDoubleClicked.connect(lambda item, _c: self.open_hit(item))
        layout.addWidget(self.results, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.actions = self._actions()
        self._show_file()

    # -- the archive file ----------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.window.settings.archive_path()

    def _show_file(self) -> None:
        path = self.path
        self.file_label.setText(f"档案：{path.name}" if path else "尚未选择档案文件")
        self.year.clear()
        self.year.addItem("全部年份", None)
        if path is not None and path.exists():
            from editor.archive import Archive
            try:
                with Archive(path, create=False) as archive:
                    for year in archive.years():
                        self.year.addItem(f"{year}年", year)
            except Exception as exc:                     # a damaged file: say so, keep going
                self.status.setText(user_message(exc))

    def choose_archive(self, create: bool = True) -> Path | None:
        start = str(self.path.parent) if self.path else self.window.settings.last_folder("open")
        dialog = QFileDialog.getSaveFileName if create else QFileDialog.getOpenFileName
        kwargs = {"options": QFileDialog.Option.DontConfirmOverwrite} if create else {}
        name, _ = dialog(self.window, "选择或新建档案文件", start, FILTER, **kwargs)
        if not name:
            return None
        path = Path(name if name.endswith(".gazette-archive") else name + ".gazette-archive")
        self.window.settings.set_archive_path(path)
        self._show_file()
        return path

    def _archive_or_ask(self) -> Path | None:
        return self.path or self.choose_archive()

    # -- actions -------------------------------------------------------------------------------
    def _actions(self) -> dict[str, QAction]:
        w = self.window
        a = {"archive_choose": QAction("选择档案文件…", w),
             "archive_add": QAction("加入档案", w),
             "archive_search": self.dock.toggleViewAction(),
             "archive_index": QAction("导出年度总目次…", w),
             "archive_web": QAction("导出电子版…", w),
             "archive_new": QAction("由档案最新一期新建…", w)}
        a["archive_search"].setText("档案检索")
        a["archive_choose"].triggered.connect(lambda: self.choose_archive())
        a["archive_add"].triggered.connect(self.add_open_issue)
        a["archive_index"].triggered.connect(self.export_index)
        a["archive_web"].triggered.connect(self.export_web)
        a["archive_new"].triggered.connect(self.new_from_latest)
        a["archive_add"].setStatusTip("把当前这一期（排版、印刷 PDF 和全文）存入档案；再次加入即更新")
        return a

    def build_menu(self, menu_bar) -> None:
        m = menu_bar.addMenu("档案(&A)")
        for name in ("archive_add", "archive_search", None, "archive_index", "archive_web",
                     None, "archive_new", "archive_choose"):
            if name is None:
                m.addSeparator()
            else:
                m.addAction(self.actions[name])
        m.aboutToShow.connect(lambda: self.actions["archive_add"].setEnabled(
            self.window.session is not None))

    def add_open_issue(self) -> None:
        w = self.window
        if w.session is None:
            return
        path = self._archive_or_ask()
        if path is None:
            return
        issue = w.snapshots.take(w.session.issue)
        source = str(w.path.resolve()) if w.path else ""

        def work(progress):
            from editor.app.archive import archive_issue
            return archive_issue(path, issue, source, issue.template, progress)

        def done(result):
            label, replaced, n = result
            w.message(f"{'已更新' if replaced else '已加入'}档案：{label}（{n} 个文件）")
            self._show_file()

        run_job(w, "加入档案", work, done,
                on_error=lambda exc: w.error(user_message(exc), "无法加入档案"))

    def search(self) -> None:
        path, text = self.path, self.query.text().strip()
        if path is None or not path.exists():
            self.status.setText("请先选择档案文件（档案 › 选择档案文件…）")
            return
        if not text:
            return
        from editor.app.archive import search
        try:
            self.hits = search(path, text, year=self.year.currentData(),
                               kind=self.kind.currentData() or None)
        except Exception as exc:
            self.status.setText(user_message(exc))
            return
        self.results.clear()
        for k, hit in enumerate(self.hits):
            item = QTreeWidgetItem([hit.issue, str(hit.page or ""), hit.section, hit.title,
                                    hit.doc_number, hit.snippet])
            item.setData(0, Qt.ItemDataRole.UserRole, k)
            item.setToolTip(5, hit.snippet)
            self.results.addTopLevelItem(item)
        self.status.setText(f"找到 {len(self.hits)} 处" if self.hits else f"没有找到“{text}”")

    def open_hit(self, item: QTreeWidgetItem) -> None:
        """Open the hit's issue (its project file) and show its page."""
        from editor.archive import Archive
        hit = self.hits[item.data(0, Qt.ItemDataRole.UserRole)]
        with Archive(self.path, create=False) as archive:
            row = archive.db["issues"].get(hit.issue_key)
        source = Path(row["source"]) if row.get("source") else None
        if source is None or source.suffix != ".gazette" or not source.exists():
            QMessageBox.information(self.window, "档案检索",
                                    f"{hit.issue}的项目文件已不在原处，无法打开；"
                                    "可用“导出电子版”查看归档的 PDF。")
            return
        w = self.window

        def show():
            w.preview.go_to_page(hit.pdf_page)
        if w.path is not None and w.path.resolve() == source.resolve():
            show()
        else:
            w.open_project(source, on_open=show)

    def export_index(self) -> None:
        path = self._archive_or_ask()
        if path is None or not path.exists():
            return
        from editor.archive import Archive
        with Archive(path, create=False) as archive:
            years = [str(y) for y in archive.years()]
        if not years:
            self.window.error("档案中还没有期刊。", "导出年度总目次")
            return
        year, ok = QInputDialog.getItem(self.window, "导出年度总目次", "年份：", years,
                                        len(years) - 1, False)
        if not ok:
            return
        out, _ = QFileDialog.getSaveFileName(self.window, "导出年度总目次",
                                             str(path.parent / f"{year}年总目次.pdf"),
                                             "PDF 文件 (*.pdf)")
        from editor.ui.export import confirm_output
        if not out or not confirm_output(self.window, Path(out), [path], asked=True):
            return

        def work(progress):
            from editor.app.archive import write_year_index
            return write_year_index(path, int(year), Path(out), progress=progress,
                                    force=True)     # the user agreed to replace it

        run_job(self.window, "导出年度总目次", work,
                lambda pages: self.window.message(f"已导出 {out}（{pages} 页）"),
                on_error=lambda exc: self.window.error(user_message(exc), "导出年度总目次"))

    def export_web(self) -> None:
        path = self._archive_or_ask()
        if path is None or not path.exists():
            return
        out = QFileDialog.getExistingDirectory(self.window, "导出电子版到文件夹",
                                               str(path.parent))
        if not out:
            return
        from editor.archive.web import site_folder_problem
        problem = site_folder_problem(out)
        force = False
        if problem is not None:
            answer = QMessageBox.question(self.window, "导出电子版", f"{problem}。仍要写入吗？")
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True

        def work(progress):
            from editor.app.archive import write_web
            return write_web(path, Path(out), progress=progress, force=force)

        run_job(self.window, "导出电子版", work,
                lambda pages: self.window.message(
                    f"已导出电子版：{len(pages)} 个网页，入口 {Path(out) / 'index.html'}"),
                on_error=lambda exc: self.window.error(user_message(exc), "导出电子版"))

    def latest_source(self) -> Path | None:
        """The project file of the archive's newest issue, when it is still there."""
        from editor.archive import Archive
        if self.path is None or not self.path.exists():
            return None
        with Archive(self.path, create=False) as archive:
            issues = archive.issues()
            if not issues:
                return None
            row = archive.db["issues"].get(issues[-1]["key"])
        source = Path(row["source"]) if row.get("source") else None
        return source if source and source.suffix == ".gazette" and source.exists() else None

    def new_from_latest(self) -> None:
        previous = self.latest_source()
        if previous is None:
            self.window.error("档案中没有可沿用的一期（最新一期的项目文件不在原处）。", "新建一期")
            return
        w = self.window
        name, _ = QFileDialog.getSaveFileName(w, "新建一期", str(previous.parent),
                                              "期刊项目 (*.gazette)")
        if name:
            path = Path(name) if name.endswith(".gazette") else Path(name + ".gazette")
            w.create_project(path, None, like=previous)
