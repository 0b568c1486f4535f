"""标点检查 in the window: a dock listing half-width marks in Chinese text and 发文字号
brackets, with the fix for each (layer: ui).

校对 › 标点检查 runs ``editor.proof.punctcheck.check_punctuation`` over the issue.  Each
finding is a row (页码, the text around it with the mark in 【】, the fix, why), ticked;
clicking a row shows its page and washes the place.  改正勾选项 applies the ticked fixes as
one undoable ``FixPunctuation``; the list is checked again after each re-layout while the
dock is open, and a place the editor unticked (a deliberate half-width mark) stays
unticked.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDockWidget, QHBoxLayout, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from editor.layout.items import page_label
from editor.proof.geometry import boxes_for
from editor.proof.punctcheck import FULL, Finding, check_punctuation, fix_places

MARK = QColor(255, 120, 0, 110)
ROLE = Qt.ItemDataRole.UserRole + 21


class PunctuationCheck(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.findings: list[Finding] = []
        self._marked: tuple[int, list] | None = None      # (page, boxes) of the clicked row
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["位置", "原文", "改为", "说明"])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 78)
        self.tree.setColumnWidth(1, 210)
        self.tree.setColumnWidth(2, 56)
        self.tree.setAccessibleName("标点检查")
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._ticked)
        self._unticked: set[tuple] = set()      # findings the editor chose to keep
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton("改正勾选项")
        self.fix_button.setToolTip("把勾选的各处一次改正（可撤销）")
        self.fix_button.clicked.connect(self.fix_checked)
        again = QPushButton("重新检查")
        again.clicked.connect(self.run)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(again)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.dock = QDockWidget("标点检查", window)
        self.dock.setObjectName("punct_dock")
        self.dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.side_dock, self.dock)     # a tab beside 属性
        self.dock.hide()
        self._dirty = False
        self.dock.visibilityChanged.connect(self._visibility)
        window.preview.overlays.append(self.paint)

    def open(self) -> None:
        """校对 › 标点检查: check the issue and show the list."""
        self.dock.show()
        self.dock.raise_()
        self.run()

    def run(self) -> None:
        window = self.window
        self._marked = None
        self.tree.clear()
        if window.session is None:
            self.findings = []
            self.summary.setText("")
            return
        pmap = window.proof_map()
        issue = window.session.issue
        placed = [(f, _place(pmap, f)) for f in check_punctuation(issue)]
        placed.sort(key=lambda fp: (fp[1] is None, fp[1] or (0, 0.0)))    # page order
        self.findings = [f for f, _ in placed]
        self.tree.blockSignals(True)              # filling is not ticking
        for n, (f, place) in enumerate(placed):
            where = page_label(window.laid_out, place[0] if place else None) or "—"
            item = QTreeWidgetItem([where, f.context, f.fix, f.reason])
            item.setCheckState(0, Qt.CheckState.Unchecked if _key(f) in self._unticked
                               else Qt.CheckState.Checked)
            doc = issue.find_document(f.doc_id)
            item.setToolTip(1, f"《{doc.toc_title}》" if doc is not None else "")
            item.setData(0, ROLE, n)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        n = len(self.findings)
        self.summary.setText(f"发现 {n} 处" if n else "未发现问题")
        self.fix_button.setEnabled(bool(n))
        window.preview.viewport().update()

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        key = _key(self.findings[item.data(0, ROLE)])
        if item.checkState(0) == Qt.CheckState.Checked:
            self._unticked.discard(key)
        else:
            self._unticked.add(key)

    def checked(self) -> list[Finding]:
        return [self.findings[self.tree.topLevelItem(i).data(0, ROLE)]
                for i in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

    def fix_checked(self) -> None:
        from editor.proof.corrections import FixPunctuation
        chosen = self.checked()
        if not chosen:
            self.window.message("没有勾选要改正的地方")
            return
        if self.window.execute(FixPunctuation(places=fix_places(chosen))) is not None:
            self.window.message(f"已改正 {len(chosen)} 处标点")

    def _shown(self) -> bool:
        """The list is on screen (a dock behind another tab counts as visible to Qt)."""
        return self.dock.isVisible() and not self.dock.visibleRegion().isEmpty()

    def pages_ready(self, _laid_out) -> None:
        """Check again after a re-layout — now if the list is on screen, else when it
        comes back into view."""
        if self._shown():
            self.run()
        elif self.findings:
            self._dirty = True

    def _visibility(self, visible: bool) -> None:
        if visible and self._dirty:
            self._dirty = False
            self.run()

    def clear(self) -> None:
        self.findings = []
        self._unticked = set()
        self.tree.clear()
        self.summary.clear()
        self.dock.hide()

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        f = self.findings[item.data(0, ROLE)]
        boxes = _boxes(self.window.proof_map(), f)
        if not boxes:
            self.window.message("该处不在当前页面上")
            return
        page, box = boxes[0]
        self._marked = (page, [b for p, b in boxes if p == page])
        self.window.preview.scroll_to(page, box.top)
        self.window.preview.viewport().update()

    def paint(self, p, index: int) -> None:
        if self._marked is None or self._marked[0] != index or not self._shown():
            return
        for box in self._marked[1]:
            p.fillRect(QRectF(box.x0 - 1, box.top, max(box.x1 - box.x0, 2.0) + 2,
                              box.bottom - box.top), MARK)


def _boxes(pmap, f: Finding) -> list:
    """Where a finding is on the pages."""
    return boxes_for(pmap, f.doc_id, f.block_id, f.start, f.end) if pmap is not None else []


def _place(pmap, f: Finding) -> tuple[int, float] | None:
    boxes = _boxes(pmap, f)
    return (boxes[0][0], boxes[0][1].top) if boxes else None


_AS_FIXED = str.maketrans({**FULL, ".": "。"})


def _key(f: Finding) -> tuple:
    """A finding as it stays recognisable after the fixes around it: its neighbours are
    compared as they read once fixed."""
    before, after = f.before.translate(_AS_FIXED), f.after.translate(_AS_FIXED)
    return (f.doc_id, f.block_id, f.found, before[-4:], after[:4])
