"""排版提示 in the window: every warning of the last layout, listed (layer: ui).

A layout may report pictures too coarse to print, a row or a paragraph taller than the
type area, a 目录 that did not settle (``LaidOutIssue.warnings``).  The status bar shows
how many there are on a button that opens the 排版提示 dock; the dock lists each with its
page (页码, or 第 N 面 for an unnumbered page), and a click shows that page and selects
the document it belongs to.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QToolButton

from editor.layout.items import page_label

PAGE_ROLE = Qt.ItemDataRole.UserRole + 11
DOC_ROLE = Qt.ItemDataRole.UserRole + 12
DOCK_HEIGHT = 130          # px when the dock opens


class LayoutNotes(QObject):
    """The 排版提示 dock and its status-bar button."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.list = QListWidget()
        self.list.setAccessibleName("排版提示")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._clicked)
        self.dock = QDockWidget("排版提示", window)
        self.dock.setObjectName("layout_notes_dock")
        self.dock.setWidget(self.list)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setToolTip("查看本次排版的全部提示")
        self.button.clicked.connect(self.show)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)

    def pages_ready(self, laid_out) -> None:
        """List the warnings of ``laid_out``; the button shows how many."""
        self.list.clear()
        for warning in laid_out.warnings:
            where = page_label(laid_out, warning.page)
            item = QListWidgetItem(f"{where}  {warning.text}" if where else warning.text)
            item.setData(PAGE_ROLE, warning.page)
            item.setData(DOC_ROLE, warning.doc_id)
            self.list.addItem(item)
        n = len(laid_out.warnings)
        self.button.setText(f"排版提示 {n} 条")
        self.button.setVisible(n > 0)
        if n == 0:
            self.dock.hide()

    def clear(self) -> None:
        self.list.clear()
        self.button.hide()
        self.dock.hide()

    def show(self) -> None:
        first = not self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        if first:                                  # a few lines high, not half the window
            self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _clicked(self, item: QListWidgetItem) -> None:
        page, doc_id = item.data(PAGE_ROLE), item.data(DOC_ROLE)
        if doc_id:
            self.window.select_document(doc_id)
        if page is not None:
            self.window.preview.go_to_page(page)
