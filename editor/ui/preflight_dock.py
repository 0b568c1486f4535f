"""印前检查 in the window: every finding of ``editor.preflight`` after each layout
(layer: ui).

One dock replaces the former 排版提示 and 标点检查 lists.  The findings are grouped by
severity (错误 / 警告 / 提示) and document; each row shows its page (页码, or 第 N 面 on an
unnumbered page), the rule and the message.  A click selects the document, shows the page
and washes the place (the text span, or the item box).  Rows with a safe fix are ticked;
修正勾选项 applies the ticked fixes as one undoable ``FixPunctuation``, and a row the
editor unticked stays unticked after the re-layout.  忽略… asks for a reason and keeps
the exception in the project file (``ProjectStore.ignore_finding``), so it is not
reported again; the 已忽略 group lists those, and 取消忽略 brings one back.

The status bar shows 印前检查 错误 N · 警告 M on a button that opens the dock, and names
the office fonts stood in for by others (字体替代：仿宋_GB2312→Noto Serif SC …).
``confirm_export`` asks before a print PDF is exported with errors.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDockWidget, QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                               QPushButton, QToolButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from editor.layout.glyphs import substitutions
from editor.preflight import ERROR, INFO, SEVERITY_ZH, WARNING, Finding, Report
from editor.preflight import fix_command
from editor.preflight.findings import RULES
from editor.proof.geometry import Box, boxes_for
from editor.ui.edits import doc_label

MARK = QColor(255, 120, 0, 110)
ROLE = Qt.ItemDataRole.UserRole + 31
IGNORED_ROLE = Qt.ItemDataRole.UserRole + 32
DOC_ROLE = Qt.ItemDataRole.UserRole + 33       # the document of a group row
DOCK_HEIGHT = 180          # px when the dock opens


class PreflightDock(QObject):
    """The 印前检查 dock, its status-bar button and the 字体替代 label."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.report = Report()
        self._measurer = None
        self._unticked: set[str] = set()     # keys of fixable findings the editor keeps
        self._marked: tuple[int, list] | None = None      # (page, boxes) of the clicked row
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["位置", "规则", "说明"])
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 110)
        self.tree.setAccessibleName("印前检查")
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)   # Enter on a row chosen by the arrows
        self.tree.itemChanged.connect(self._ticked)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton("修正勾选项")
        self.fix_button.setToolTip("把勾选的各处一次改正（可撤销）")
        self.fix_button.clicked.connect(self.fix_checked)
        self.ignore_button = QPushButton("忽略…")
        self.ignore_button.setToolTip("把选中的一条记为例外（写明理由，记入项目文件），以后不再报告")
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.unignore_button = QPushButton("取消忽略")
        self.unignore_button.clicked.connect(self.unignore_selected)
        again = QPushButton("重新检查")
        again.clicked.connect(self.run)
        for b in (self.fix_button, self.ignore_button, self.unignore_button, again):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.dock = QDockWidget("印前检查", window)
        self.dock.setObjectName("preflight_dock")
        self.dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setToolTip("查看印前检查发现的全部问题")
        self.button.clicked.connect(self.open)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self.fonts_label = QLabel()
        self.fonts_label.hide()
        window.statusBar().addPermanentWidget(self.fonts_label)
        window.preview.overlays.append(self.paint)

    # -- checking ---------------------------------------------------------------------------
    def open(self) -> None:
        """校对 › 印前检查 (or the status-bar button): show the list."""
        first = not self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        if first:                                  # a few lines high, not half the window
            self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def pages_ready(self, laid_out, measurer=None) -> None:
        """Check the issue against its new pages; ``measurer``: the FontBook the pages
        were set with (default: the program's)."""
        if measurer is None:
            from editor.ui.jobs import default_measurer
            measurer = default_measurer()
        self._measurer = measurer
        self._fonts(laid_out, measurer)
        self.run()

    def run(self) -> None:
        window = self.window
        self._marked = None
        if window.session is None or window.laid_out is None:
            self.report = Report()
        else:
            from editor.app.checks import archived_previous_total, preflight_pages
            issue = window.session.issue
            previous = archived_previous_total(window.settings.archive_path(), issue.meta)
            self.report = preflight_pages(issue, window.laid_out, None,
                                          window.session.store.ignored_findings(),
                                          self._measurer, previous_total=previous)
        self._fill()
        window.preview.viewport().update()

    def _fill(self) -> None:
        self.tree.blockSignals(True)              # filling is not ticking
        self.tree.clear()
        groups = {s: [f for f in self.report.findings if f.severity == s]
                  for s in (ERROR, WARNING, INFO)}
        for severity, findings in groups.items():
            if findings:
                self._group(f"{SEVERITY_ZH[severity]}（{len(findings)} 条）", findings)
        if self.report.ignored:
            top = QTreeWidgetItem([f"已忽略（{len(self.report.ignored)} 条）", "", ""])
            self.tree.addTopLevelItem(top)
            for f, reason in self.report.ignored:
                item = self._row(f)
                item.setText(2, f"{f.message}（忽略：{reason}）")
                item.setData(0, IGNORED_ROLE, f.key)
                top.addChild(item)
        self.tree.blockSignals(False)
        c = self.report.counts
        n = len(self.report.findings)
        self.summary.setText(self.report.summary() if n else "未发现问题")
        self.fix_button.setEnabled(any(f.fix for f in self.report.findings))
        self.button.setText(f"印前检查 错误 {c[ERROR]} · 警告 {c[WARNING]}")
        self.button.setVisible(bool(c[ERROR] or c[WARNING]))

    def _group(self, title: str, findings: list[Finding]) -> None:
        top = QTreeWidgetItem([title, "", ""])
        self.tree.addTopLevelItem(top)
        by_doc: dict[str | None, list[Finding]] = {}
        for f in findings:
            by_doc.setdefault(f.doc_id if f.document else None, []).append(f)
        names = {doc_id: items[0].document for doc_id, items in by_doc.items() if doc_id}
        for doc_id, items in by_doc.items():
            name = names.get(doc_id, "整期")
            count = f"{len(items)} 条"
            if doc_id and list(names.values()).count(name) > 1:
                # two documents of one name (three 《无标题文件》): say which file each is
                count += f"（文件 {self._file_of(doc_id)}）"
            holder = QTreeWidgetItem([f"《{name[:24]}》" if doc_id else name, "", count])
            holder.setToolTip(0, name)
            holder.setData(0, DOC_ROLE, doc_id)     # a click shows the document
            top.addChild(holder)
            for f in items:
                holder.addChild(self._row(f))
        top.setExpanded(True)
        for i in range(top.childCount()):
            top.child(i).setExpanded(len(findings) <= 200)

    def _file_of(self, doc_id: str) -> str:
        session = self.window.session
        doc = session.issue.find_document(doc_id) if session is not None else None
        return doc.source_name if doc is not None else ""

    def _row(self, f: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f.where() or "—", RULES.get(f.rule, ("", f.rule))[1], f.message])
        item.setToolTip(1, f"{SEVERITY_ZH[f.severity]}：{RULES.get(f.rule, ('', f.rule))[1]}"
                           f"\n规则编号 {f.rule}（向维护人员说明问题时可用）")   # not a bare id
        item.setToolTip(2, f.message)
        item.setData(0, ROLE, f)
        if f.fix:
            item.setCheckState(0, Qt.CheckState.Unchecked if f.key in self._unticked
                               else Qt.CheckState.Checked)
        return item

    def _fonts(self, laid_out, measurer) -> None:
        found = substitutions(laid_out, measurer)
        # short on the status bar (a 1366-pixel screen leaves little room): one pair, or
        # the count; every pair in the tooltip
        if len(found) == 1:
            text = "字体替代：{1}→{2}".format(*found[0])
        else:
            text = f"字体替代 {len(found)} 种" if found else ""
        self.fonts_label.setText(text)
        self.fonts_label.setToolTip("\n".join(
            f"{label}：文件要求的 {wanted} 未安装，以 {face} 代替" for label, wanted, face in found))
        self.fonts_label.setVisible(bool(found))

    def clear(self) -> None:
        self.report = Report()
        self._unticked = set()
        self._marked = None
        self.tree.clear()
        self.summary.clear()
        self.button.hide()
        self.fonts_label.hide()
        self.dock.hide()

    # -- rows ---------------------------------------------------------------------------------
    def rows(self) -> list[QTreeWidgetItem]:
        """Every finding row, in list order (ignored ones included)."""
        out = []

        def walk(item):
            for i in range(item.childCount()):
                child = item.child(i)
                if child.data(0, ROLE) is not None:
                    out.append(child)
                walk(child)
        walk(self.tree.invisibleRootItem())
        return out

    def checked(self) -> list[Finding]:
        return [item.data(0, ROLE) for item in self.rows()
                if item.data(0, IGNORED_ROLE) is None and item.data(0, ROLE).fix
                and item.checkState(0) == Qt.CheckState.Checked]

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        f = item.data(0, ROLE)
        if column != 0 or f is None or not f.fix:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            self._unticked.discard(f.key)
        else:
            self._unticked.add(f.key)

    def fix_checked(self) -> None:
        chosen = self.checked()
        command = fix_command(chosen)
        if command is None:
            self.window.message("没有勾选要修正的地方")
            return
        if self.window.execute(command) is not None:
            self.window.message(f"已修正 {len(chosen)} 处")

    def _selected(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        return item if item is not None and item.data(0, ROLE) is not None else None

    def ignore_selected(self, reason: str | None = None) -> None:
        item = self._selected()
        if item is None or item.data(0, IGNORED_ROLE) is not None:
            self.window.message("请先选中要忽略的一条")
            return
        session = self.window.session
        if session.access is not None and session.access.readonly:
            self.window.message("项目文件只读，不能记录忽略")
            return
        f = item.data(0, ROLE)
        if not isinstance(reason, str):
            reason, ok = QInputDialog.getText(self.dock, "忽略", f"{f.message}\n\n忽略的理由："
                                              "（记入项目文件，以后不再报告）")
            if not ok:
                return
        session.store.ignore_finding(f.key, f.rule, f.doc_id, f.text, reason.strip() or "（未写理由）")
        self.run()

    def unignore_selected(self) -> None:
        item = self._selected()
        key = item.data(0, IGNORED_ROLE) if item is not None else None
        if key is None:
            self.window.message("请先在“已忽略”中选中一条")
            return
        self.window.session.store.unignore_finding(key)
        self.run()

    # -- the place on the page ------------------------------------------------------------------
    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        f = item.data(0, ROLE)
        if f is None:
            doc_id = item.data(0, DOC_ROLE)        # a document's row: its first page
            page = self.window.laid_out.doc_first_page.get(doc_id) \
                if doc_id and self.window.laid_out is not None else None
            if page is not None:
                self.window.select_document(doc_id)
                self.window.preview.go_to_page(page)
            return
        if f.doc_id and self.window.session.issue.find_document(f.doc_id) is not None:
            self.window.select_document(f.doc_id)
        boxes = self.boxes(f)
        if boxes:
            page, box = boxes[0]
            self._marked = (page, [b for p, b in boxes if p == page])
            self.window.preview.scroll_to(page, box.top)
        elif f.page is not None:
            self._marked = None
            self.window.preview.go_to_page(f.page)
        else:
            self._marked = None
        self.window.preview.viewport().update()

    def boxes(self, f: Finding) -> list[tuple[int, Box]]:
        """Where a finding is on the pages: its text span, else its item box."""
        pmap = self.window.proof_map()
        if pmap is not None and f.doc_id and f.block_id and f.end > f.start:
            found = boxes_for(pmap, f.doc_id, f.block_id, f.start, f.end)
            if found:
                return found
        if f.box is not None and f.page is not None:
            x0, top, x1, bottom = f.box
            return [(f.page, Box(x0, top, x1, bottom))]
        return []

    def paint(self, p, index: int) -> None:
        if self._marked is None or self._marked[0] != index or not self.dock.isVisible():
            return
        for box in self._marked[1]:
            p.fillRect(QRectF(box.x0 - 1, box.top, max(box.x1 - box.x0, 2.0) + 2,
                              box.bottom - box.top), MARK)

    def place(self, f: Finding, longest: int = 40) -> str:
        """Where a finding is, in words: 第 9 页《标题》 (an untitled document with its
        file name; a title longer than ``longest`` characters cut with …), or 整期."""
        session = self.window.session
        doc = session.issue.find_document(f.doc_id) if session is not None and f.doc_id \
            else None
        name = doc_label(doc) if doc is not None else f.document
        if len(name) > longest:
            name = name[:longest - 1] + "…"
        return (f.where() + (f"《{name}》" if name else "")) or "整期"

    # -- before a print PDF -------------------------------------------------------------------
    def confirm_export(self) -> bool:
        """True to go on exporting: no errors, or the editor chose to export anyway."""
        self.run()
        errors = self.report.errors
        if not errors:
            return True
        lines = "\n".join(self.place(f) + f"：{f.message}" for f in errors[:8])
        more = f"\n…共 {len(errors)} 条" if len(errors) > 8 else ""
        box = QMessageBox(self.window)
        box.setWindowTitle("导出印刷PDF")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(f"印前检查发现 {len(errors)} 个错误，印出来会有问题：")
        box.setInformativeText(lines + more)
        go = box.addButton("仍然导出", QMessageBox.ButtonRole.AcceptRole)
        look = box.addButton("查看问题", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(look)
        box.exec()
        if box.clickedButton() is go:
            return True
        self.open()
        return False
