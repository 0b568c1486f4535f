"""校次比较 in the window: what changed since an earlier 校样, listed and marked on the
pages (layer: ui).

校对 › 与旧校样比较… opens a proof PDF this program exported (it carries the positioned
text of its build); ``editor.proof.compare.compare_drafts`` sets it against the current
pages.  The 校次比较 dock lists the changes per document (改/增/删 with the old and new
text); clicking one shows its page and flashes it.  On the pages every change is washed
in green (增, 改) or marked with a red caret where text was deleted — an overlay of the
preview, never part of what prints.  The comparison follows the editor's work: after each
re-layout it is made again against the same old proof.  校对 › 关闭比较 ends it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from editor.errors import GazetteError
from editor.proof.compare import DocumentDiff, DraftText, TextChange, compare_drafts, reduce_draft
from editor.proof.geometry import Box, ProofMap
from editor.proof.view import change_places
from editor.ui.flash import Flash
from editor.ui.jobs import user_message

CHANGE_FILL = QColor(60, 170, 90, 70)
CHANGE_LINE = QColor(30, 130, 60)
DELETE_MARK = QColor(210, 40, 40)
FLASH_MS = 140
FLASH_STEPS = 6
ROLE_KEY = Qt.ItemDataRole.UserRole + 7

Key = tuple[str, int]           # a change: (doc id, its number in the document's diff)


class RoundCompare(QObject):
    """The comparison's state, its dock and its overlay."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.previous: DraftText | None = None      # the old proof's texts and titles
        self.name = ""
        self.diffs: list[DocumentDiff] = []
        self._pages: dict[int, list[tuple[Box, str, Key]]] = {}    # page -> (box, kind, change)
        self.flash = Flash(self, lambda: window.preview.viewport().update(), FLASH_MS,
                           FLASH_STEPS)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["改动", "原文 → 现文"])
        self.tree.setColumnWidth(0, 150)
        self.tree.setAccessibleName("校次比较")
        self.tree.itemClicked.connect(self._clicked)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.dock = QDockWidget("校次比较", window)
        self.dock.setObjectName("compare_dock")
        self.dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

    @property
    def active(self) -> bool:
        return self.previous is not None

    # -- starting and ending ---------------------------------------------------------------------
    def open_dialog(self) -> None:
        window = self.window
        if window.session is None:
            return
        path, _ = QFileDialog.getOpenFileName(window, "与旧校样比较",
                                              window.settings.last_folder("export"),
                                              "校样 PDF (*.pdf)")
        if path:
            from editor.proof.import_ import read_old_proof
            try:
                self.start(read_old_proof(path), Path(path).name)
            except GazetteError as exc:
                window.error(user_message(exc), "无法比较")
                return
            window.settings.set_last_folder("export", path)

    def start(self, previous: ProofMap, name: str) -> None:
        """Compare the current pages with ``previous`` (an old proof's map, reduced to its
        text here once: it does not change while the comparison follows the edits)."""
        self.previous, self.name = reduce_draft(previous), name
        preview = self.window.preview
        if self.paint not in preview.overlays:
            preview.overlays.append(self.paint)
        self.dock.show()
        self.dock.raise_()
        self.refresh()
        self._announce()

    def stop(self) -> None:
        self.previous, self.name, self.diffs = None, "", []
        self._pages = {}
        preview = self.window.preview
        if self.paint in preview.overlays:
            preview.overlays.remove(self.paint)
        self.tree.clear()
        self.dock.hide()
        preview.viewport().update()
        self._announce()

    def _announce(self) -> None:
        """The window's 关闭比较 follows whether a comparison is open."""
        update = getattr(self.window, "update_compare_action", None)
        if callable(update) and isinstance(getattr(self.window, "actions", None), dict):
            update()

    def pages_ready(self, laid_out) -> None:
        if self.active:
            self.refresh()

    # -- the comparison ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.active or self.window.laid_out is None:
            return
        current = self.window.proof_map()          # made once per layout, shared with 校对 mode
        self.diffs = compare_drafts(self.previous, current)
        self._pages = {}
        for diff in self.diffs:
            for k, change in enumerate(diff.changes):
                for page, box, kind in change_places(current, diff.doc_id, change):
                    self._pages.setdefault(page, []).append((box, kind, (diff.doc_id, k)))
        self._fill()
        self.window.preview.viewport().update()

    def _fill(self) -> None:
        self.tree.clear()
        n = sum(len(d.changes) for d in self.diffs)
        placed = {key for marks in self._pages.values() for _box, _kind, key in marks}
        if not self.diffs:
            self.summary.setText(f"与《{self.name}》相比，文字没有改动。")
            return
        self.summary.setText(f"与《{self.name}》相比：{len(self.diffs)} 个文件有变化，"
                             f"共 {n} 处改动。单击一处可转到该页。")
        for diff in self.diffs:
            title = diff.title.replace("\n", "") or diff.doc_id
            top = QTreeWidgetItem([title, ""])
            if diff.status == "added":
                top.setText(1, "新增文件")
            elif diff.status == "removed":
                top.setText(1, "已删除的文件")
            else:
                top.setText(1, f"{len(diff.changes)} 处改动")
            top.setData(0, ROLE_KEY, (diff.doc_id, -1))
            for k, change in enumerate(diff.changes):
                item = QTreeWidgetItem([_kind_text(change), _change_text(change)])
                item.setData(0, ROLE_KEY, (diff.doc_id, k))
                item.setToolTip(1, change.describe())
                if (diff.doc_id, k) not in placed:
                    item.setForeground(0, QColor("#999999"))
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)

    def changes(self) -> list[tuple[str, TextChange]]:
        """(doc id, change) for every change listed, in order."""
        return [(d.doc_id, c) for d in self.diffs for c in d.changes]

    def boxes_of(self, doc_id: str, k: int) -> list[tuple[int, Box, str]]:
        """(page, box, kind) of change ``k`` of the document, in page order."""
        return [(page, box, kind) for page in sorted(self._pages)
                for box, kind, key in self._pages[page] if key == (doc_id, k)]

    # -- jumping ---------------------------------------------------------------------------------------
    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, ROLE_KEY)
        if key:
            self.jump(*key)

    def jump(self, doc_id: str, k: int) -> bool:
        """Show the page of change ``k`` of the document (or, for k = -1, select the
        document and show its first page) and flash the change; False when it is on no
        page."""
        window = self.window
        if k < 0:
            return self._show_document(doc_id)
        places = self.boxes_of(doc_id, k)
        if not places:
            window.message("这处改动不在当前页面上（所在文字可能已删去）", 8000)
            return False
        page, box, _kind = places[0]
        window.preview.scroll_to(page, box.top)
        self.flash.start((doc_id, k))
        return True

    def _show_document(self, doc_id: str) -> bool:
        window = self.window
        laid_out = window.laid_out
        page = laid_out.doc_first_page.get(doc_id) if laid_out is not None else None
        if page is None:
            window.message("该文件不在当前页面上（可能已删除）", 8000)
            return False
        if window.selected_doc != doc_id:
            window._from_preview = True           # select in the tree; the scroll is ours
            try:
                window.select_document(doc_id)
            finally:
                window._from_preview = False
        window.preview.go_to_page(page)
        return True

    @property
    def flashing(self) -> Key | None:
        """The change that blinks now (doc id, number), None when none does."""
        return self.flash.current

    # -- painting ------------------------------------------------------------------------------------------
    def paint(self, p, index: int) -> None:
        flashing = self.flashing if self.flash.bright() else None
        for box, kind, key in self._pages.get(index, []):
            strong = key == flashing
            if kind == "删":
                self._caret(p, box, strong)
                continue
            fill = QColor(CHANGE_FILL)
            fill.setAlpha(150 if strong else 70)
            rect = QRectF(box.x0, box.top, max(box.x1 - box.x0, 1.2), box.bottom - box.top)
            p.fillRect(rect, fill)
            pen = QPen(CHANGE_LINE)
            pen.setWidthF(1.2 if strong else 0.7)
            p.setPen(pen)
            p.drawLine(QPointF(box.x0, box.bottom), QPointF(box.x1, box.bottom))

    @staticmethod
    def _caret(p, box: Box, strong: bool) -> None:
        pen = QPen(DELETE_MARK)
        pen.setWidthF(1.6 if strong else 1.0)
        p.setPen(pen)
        x = (box.x0 + box.x1) / 2
        p.drawLine(QPointF(x, box.top), QPointF(x, box.bottom))
        p.drawLine(QPointF(x - 2.5, box.top - 2.5), QPointF(x, box.top))
        p.drawLine(QPointF(x, box.top), QPointF(x + 2.5, box.top - 2.5))


def _kind_text(change: TextChange) -> str:
    return {"增": "增加", "删": "删去", "改": "改动"}.get(change.kind, change.kind)


def _short(text: str, n: int = 14) -> str:
    text = text.replace("\u2029", "¶").replace("\n", " ")
    return text if len(text) <= n else text[:n] + "…"


def _change_text(change: TextChange) -> str:
    if change.kind == "增":
        return f"＋「{_short(change.new)}」"
    if change.kind == "删":
        return f"－「{_short(change.old)}」"
    return f"「{_short(change.old)}」→「{_short(change.new)}」"
