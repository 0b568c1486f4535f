"""排版提示 in the window: every warning of the last layout, listed (layer: ui).

A layout may report pictures too coarse to print, a row or a paragraph taller than the
type area, a 目录 that did not settle (``LaidOutIssue.warnings``).  The status bar shows
how many there are on a button that opens the 排版提示 dock; the dock lists each with its
page (页码, or 第 N 面 for an unnumbered page), and a click shows that page and selects
the document it belongs to.  Office fonts stood in for by others (FONT_SUBSTITUTED, an
informational note: the issue prints) are named in a status-bar label of their own —
字体替代：仿宋_GB2312→Noto Serif SC … — and listed at the end of the dock.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QToolButton

from editor.layout.glyphs import INFO_CODES, substitutions
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
        self.fonts_label = QLabel()
        self.fonts_label.hide()
        window.statusBar().addPermanentWidget(self.fonts_label)

    def pages_ready(self, laid_out, measurer=None) -> None:
        """List the warnings of ``laid_out``; the button shows how many (informational
        notes apart); the fonts label names the substituted office fonts of ``measurer``
        (default: the program's FontBook)."""
        self.list.clear()
        warnings = [w for w in laid_out.warnings if w.code not in INFO_CODES]
        for warning in warnings + [w for w in laid_out.warnings if w.code in INFO_CODES]:
            where = page_label(laid_out, warning.page)
            item = QListWidgetItem(f"{where}  {warning.text}" if where else warning.text)
            item.setData(PAGE_ROLE, warning.page)
            item.setData(DOC_ROLE, warning.doc_id)
            self.list.addItem(item)
        self._fonts(laid_out, measurer)
        n = len(warnings)
        self.button.setText(f"排版提示 {n} 条")
        self.button.setVisible(n > 0)
        if n == 0:
            self.dock.hide()

    def _fonts(self, laid_out, measurer) -> None:
        if measurer is None:
            from editor.ui.jobs import default_measurer
            measurer = default_measurer()
        found = substitutions(laid_out, measurer)
        pairs = "，".join(f"{wanted}→{face}" for _label, wanted, face in found)
        self.fonts_label.setText(f"字体替代：{pairs}" if found else "")
        self.fonts_label.setToolTip("\n".join(
            f"{label}：文件要求的 {wanted} 未安装，以 {face} 代替" for label, wanted, face in found))
        self.fonts_label.setVisible(bool(found))

    def clear(self) -> None:
        self.list.clear()
        self.fonts_label.hide()
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
