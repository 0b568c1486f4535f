"""查找 in the window: a find bar under the pages (layer: ui).

编辑 › 查找 (Ctrl+F) shows the bar; typing searches the laid-out issue
(``editor.proof.search.find_text``) and shows the first hit at or after the page on
screen; Enter / F3 goes to the next hit, Shift+Enter / Shift+F3 to the previous one, Esc
closes the bar.  替换 replaces the current hit, 全部替换 every hit, each as one undoable
``ReplaceText`` (the text keeps its formatting; automatic numbers are left alone).  Every hit is washed yellow on the pages and the current one orange — an
overlay of the preview, never part of what prints.  After each re-layout the search runs
again, so the hits follow the editor's work.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

from editor.proof.search import LIMIT, Match, find_text

HIT_FILL = QColor(255, 220, 0, 90)
CURRENT_FILL = QColor(255, 140, 0, 150)
DEBOUNCE_MS = 150


class FindBar(QToolBar):
    def __init__(self, window):
        super().__init__("查找", window)
        self.window = window
        self.setObjectName("find_bar")
        self.setMovable(False)
        self.hits: list[Match] = []
        self.searched = ""                  # the query ``hits`` were found for
        self._resume: Match | None = None   # the hit to stay near once the pages are new
        self.current = -1
        self._pages: dict[int, list[tuple[int, object]]] = {}    # page -> (hit, box)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("查找文字（Enter 下一处，Shift+Enter 上一处）")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(360)
        self.edit.textChanged.connect(self._typed)
        self.edit.installEventFilter(self)
        self.addWidget(self.edit)
        self.prev_action = self.addAction("上一处", lambda: self.step(-1))
        self.next_action = self.addAction("下一处", lambda: self.step(1))
        self.case = QAction("区分大小写", self)
        self.case.setCheckable(True)
        self.case.setToolTip("只对英文字母有效")
        self.case.toggled.connect(lambda _on: self.search())
        self.addAction(self.case)
        self.replacement = QLineEdit()
        self.replacement.setPlaceholderText("替换为")
        self.replacement.setClearButtonEnabled(True)
        self.replacement.setMaximumWidth(240)
        self.replacement.installEventFilter(self)       # Esc closes the bar from here too
        self.addSeparator()
        self.addWidget(self.replacement)
        self.replace_action = self.addAction("替换", self.replace_current)
        self.replace_action.setToolTip("替换当前一处（可撤销）")
        self.replace_all_action = self.addAction("全部替换", self.replace_all)
        self.replace_all_action.setToolTip("替换找到的每一处，作为一步可撤销的修改")
        self.status = QLabel()
        self.status.setContentsMargins(8, 0, 8, 0)
        self.addWidget(self.status)
        close = self.addAction("关闭", self.close_bar)
        close.setToolTip("关闭查找（Esc）")
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)   # any part of the bar
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        window.preview.overlays.append(self.paint)
        self._enable(False)
        self.hide()

    # -- showing ----------------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar with the query selected (Ctrl+F again selects it again)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text() and not self.hits:
            self.search()

    def close_bar(self) -> None:
        self.hide()
        self._set_hits([])
        self.searched = ""
        self.window.preview.setFocus()

    def reset(self) -> None:
        """Forget the hits (the project was closed)."""
        self._set_hits([])
        self.searched = ""
        self.status.clear()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is getattr(self, "replacement", None) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._stale():                     # typed and pressed Enter at once
                    self.search()
                    return True
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if back else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)

    def _typed(self, text: str) -> None:
        """Search after a pause in typing; the buttons work as soon as there is text
        (they search first when the pause is not over)."""
        self._timer.start()
        self._enable(bool(text))

    def _enable(self, on: bool) -> None:
        for action in (self.prev_action, self.next_action, self.replace_action,
                       self.replace_all_action):
            action.setEnabled(on)

    # -- searching --------------------------------------------------------------------------
    def search(self) -> None:
        """Search the current pages for the typed text; show the first hit at or after
        the page on screen."""
        window = self.window
        self._timer.stop()
        query = self.searched = self.edit.text()
        pmap = window.proof_map() if window.session is not None else None
        if not query or pmap is None:
            self._set_hits([])
            self.status.clear()
            return
        if not self._find():
            return
        here = window.preview.current_page()
        self.current = next((i for i, h in enumerate(self.hits) if h.page >= here), 0)
        self._show_current()

    def _find(self) -> bool:
        """Find ``searched`` on the current pages (the hits replace the old ones)."""
        hits = find_text(self.window.session.issue, self.window.proof_map(), self.searched,
                         self.case.isChecked())
        self._set_hits(hits)
        if not hits:
            self.status.setText("未找到")
        return bool(hits)

    def pages_ready(self, _laid_out) -> None:
        """The pages were laid out again: search them again, staying near the hit that
        was current."""
        if not self.isVisible() or not self.searched:
            return
        old = self.hits[self.current] if 0 <= self.current < len(self.hits) else self._resume
        self._resume = None
        if not self._find():
            return
        hits = self.hits
        self.current = 0
        if old is not None:
            same = [i for i, h in enumerate(hits) if (h.doc_id, h.block_id) ==
                    (old.doc_id, old.block_id) and h.start >= old.start]
            later = [i for i, h in enumerate(hits) if h.page >= old.page]
            self.current = (same or later or [0])[0]
        self._update_status()

    def _stale(self) -> bool:
        """The hits are not those of the typed text (the typing pause is not over)."""
        return self._timer.isActive() or self.edit.text() != self.searched

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) hit, wrapping round the issue (F3 with the
        bar closed opens it on the first hit from the page on screen)."""
        if not self.isVisible():
            self.open()
            if self.hits and direction > 0:
                return                               # open() showed the first hit
        if not self.hits or self._stale():
            self.search()
            if not self.hits:
                return
            if direction > 0:
                return                               # search() showed the first hit
        self.current = (self.current + direction) % len(self.hits)
        self._show_current()

    # -- replacing --------------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the current hit (then the next one becomes current after re-layout)."""
        if self._stale():
            self.search()
        if 0 <= self.current < len(self.hits):
            self._replace([self.hits[self.current]])

    def replace_all(self) -> None:
        """Replace every hit that can be edited, in one undoable step."""
        if self._stale():
            self.search()
        if self.hits:
            self._replace(self.hits)

    def _replace(self, hits: list[Match]) -> None:
        from editor.proof.corrections import ReplaceText, editable
        issue = self.window.session.issue
        places = [[h.doc_id, h.block_id, h.start, h.end] for h in hits
                  if editable(issue.find_document(h.doc_id), h.block_id, h.start)]
        skipped = len(hits) - len(places)
        if not places:
            self.window.message("找到的文字不能在此替换（如由原文件编号生成的自动编号一、（一）1. 等）")
            return
        done = self.window.execute(ReplaceText(places=places, query=self.searched,
                                               new=self.replacement.text()))
        if done is not None:
            note = f"，{skipped} 处不能在此修改（如自动编号），未替换" if skipped else ""
            self.window.message(f"已替换 {len(places)} 处{note}")
            # the hits' offsets are old now: none until the new pages are searched again
            self._resume = hits[0]
            self._set_hits([])
            self.status.setText("正在重新排版…")

    # -- showing hits -----------------------------------------------------------------------
    def _set_hits(self, hits: list[Match]) -> None:
        self.hits = hits
        self.current = -1
        self._pages = {}
        for n, hit in enumerate(hits):
            for page, box in hit.boxes:
                self._pages.setdefault(page, []).append((n, box))
        self.window.preview.viewport().update()

    def _show_current(self) -> None:
        hit = self.hits[self.current]
        page, box = hit.boxes[0]
        self.window.preview.scroll_to(page, box.top)
        self._update_status()
        self.window.preview.viewport().update()

    def _update_status(self) -> None:
        more = "以上" if len(self.hits) >= LIMIT else ""
        self.status.setText(f"第 {self.current + 1} / {len(self.hits)}{more} 处")

    def paint(self, p, index: int) -> None:
        for n, box in self._pages.get(index, []):
            fill = CURRENT_FILL if n == self.current else HIT_FILL
            p.fillRect(QRectF(box.x0, box.top, max(box.x1 - box.x0, 1.0),
                              box.bottom - box.top), fill)

