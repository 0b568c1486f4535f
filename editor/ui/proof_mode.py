"""校对 mode of the window: select text → annotation, highlights, the 批注 list (layer: ui).

``ProofMode`` is the controller between the preview, the ``AnnotationPanel`` dock and the
session.  Switched on (校对 › 校对模式) the preview sweeps text with the mouse; a sweep
becomes ranges of source text (``editor.proof.view.selection`` over the positioned
TextItems), the ``AnnotationDialog`` asks kind / new text / note / round, and an
``AddAnnotation`` command adds it (undoable).  The list's 采纳 runs ``AcceptAnnotation``
(改/删/增 edit the text, the pages re-lay out), 不采纳 asks a reply and runs
``RejectAnnotation``; undo restores either.

Annotations are drawn by ``proof_overlay`` as an overlay of the preview (translucent boxes
over their text and the kind in a circle in the outer margin), never into the page images
that print.  An annotation whose text is not on the current pages is listed 未能定位.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit

from editor.app.commands import AddAnnotation, DeleteAnnotation
from editor.model import Annotation
from editor.proof.anchor import is_in_place, text_of
from editor.proof.corrections import AcceptAnnotation, AnswerAnnotation, RejectAnnotation
from editor.proof.geometry import ProofMap
from editor.proof.view import (SourceRange, annotation_at, annotation_boxes, new_annotation,
                               selection)
from editor.ui.annotation_dialog import AnnotationDialog
from editor.ui.annotation_list import AnnotationPanel, Row
from editor.ui.edits import doc_label
from editor.ui.flash import Flash
from editor.ui.proof_overlay import ProofOverlay

AUTHOR_KEY = "校对/校对人姓名"
ROUND_KEY = "校对/校次"
FLASH_STEPS = 6
FLASH_MS = 160


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


class ProofMode(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self.pmap: ProofMap | None = None
        self._stale: set[str] = set()      # documents changed since ``pmap``'s pages
        self.panel = AnnotationPanel()
        self.dock = QDockWidget("批注", window)
        self.dock.setObjectName("proof_dock")
        self.dock.setWidget(self.panel)
        self.dock.toggleViewAction().setText("批注列表")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.overlay = ProofOverlay(self)
        self.dialog: AnnotationDialog | None = None
        self.input: QInputDialog | None = None
        self._pending: list[SourceRange] = []
        self.flash = Flash(self, lambda: window.preview.viewport().update(), FLASH_MS,
                           FLASH_STEPS)
        self.panel.jump_requested.connect(self.jump)
        self.panel.accept_requested.connect(self.accept)
        self.panel.reject_requested.connect(self.ask_reject)
        self.panel.answer_requested.connect(self.ask_answer)
        self.panel.delete_requested.connect(self.delete)
        self.panel.table.selectionModel().currentRowChanged.connect(
            lambda *_: window.preview.viewport().update())
        window.preview.text_selected.connect(self._text_selected)

    # -- mode -----------------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """Switch 校对 mode on or off (dock, sweep selection, highlights)."""
        self.active = bool(on)
        preview = self.window.preview
        preview.select_mode = self.active
        preview.clear_sweep()
        if self.active:
            if self.overlay.paint not in preview.overlays:
                preview.overlays.append(self.overlay.paint)
            if self.window.laid_out is not None:
                self.pmap = self.window.proof_map()
            self.refresh()
            if self.window.session is not None:
                self._show_dock()
            self.window.message("校对模式：在页面上拖动鼠标选中文字即可添加批注")
        else:
            if self.overlay.paint in preview.overlays:
                preview.overlays.remove(self.overlay.paint)
            self.dock.hide()
        action = self.window.actions.get("proof_mode") if hasattr(self.window, "actions") \
            else None
        if action is not None and action.isChecked() != self.active:
            action.setChecked(self.active)
        preview.viewport().update()

    def _show_dock(self) -> None:
        """The list shares the right-hand area with 属性 (as a tab in front of it)."""
        window = self.window
        if self.dock not in window.tabifiedDockWidgets(window.side_dock) \
                and window.dockWidgetArea(window.side_dock) == window.dockWidgetArea(self.dock):
            window.tabifyDockWidget(window.side_dock, self.dock)
        self.dock.show()
        self.dock.raise_()
        window.resizeDocks([self.dock], [470], Qt.Orientation.Horizontal)

    def reset(self) -> None:
        """The project closed: forget its pages and annotations."""
        self.pmap = None
        self._stale = set()
        self.overlay.clear()
        self.panel.set_rows([])

    def pages_ready(self, laid_out) -> None:
        self._stale = set()
        if self.active:
            self.pmap = self.window.proof_map()       # the map of ``laid_out``, shared
            self.refresh()

    def changed(self, change) -> None:
        """An edit: the list follows at once; the highlights of documents whose text or
        place changed wait for their new pages (drawn on the old ones they would cover
        the wrong words)."""
        if change.sections:
            self._stale = {d.id for d in self.window.session.issue.documents()} \
                if self.window.session is not None else set()
        self._stale |= set(change.documents) | {doc for doc, _ in change.tables}
        if self.active and (change.annotations or change.documents or change.sections):
            self.refresh()

    # -- the list and the overlay -----------------------------------------------------------------
    def annotations(self) -> list[Annotation]:
        session = self.window.session
        if session is None:
            return []
        return [a for d in session.issue.documents() for a in d.annotations]

    def find(self, ann_id: str) -> Annotation | None:
        return next((a for a in self.annotations() if a.id == ann_id), None)

    def refresh(self) -> None:
        """Recompute where every annotation is on the pages and refill the list."""
        session = self.window.session
        if session is None:
            self.reset()
            return
        issue = session.issue
        placed_boxes = {}
        rows = []
        for doc in issue.documents():
            stale = doc.id in self._stale and self.pmap is not None
            for ann in doc.annotations:
                boxes = annotation_boxes(self.pmap, ann) \
                    if self.pmap is not None and not stale else []
                placed = (stale or bool(boxes)) and not ann.orphaned and is_in_place(ann, doc)
                if placed and boxes:
                    placed_boxes[ann.id] = boxes
                rows.append(Row(ann, doc_label(doc) or doc.id, placed))
        self.overlay.set_boxes(placed_boxes, {a.id: a for a in self.annotations()})
        self.panel.set_rows(rows)
        self.window.preview.viewport().update()

    def unplaced_ids(self) -> list[str]:
        return [r.annotation.id for r in self.panel._all if not r.placed]

    # -- adding -----------------------------------------------------------------------------------
    def author(self) -> str:
        return str(self.window.settings.q.value(AUTHOR_KEY, "") or "")

    def ensure_author(self, then) -> None:
        """Call ``then(name)`` with the proofreader's name, asking once when unset."""
        name = self.author()
        if name:
            then(name)
            return
        self.input = _input(self.window, "校对人姓名", "请输入您的姓名（用于标记批注，只需输入一次）：")

        def chosen(text: str) -> None:
            text = text.strip()
            if text:
                self.window.settings.set_value(AUTHOR_KEY, text)
                then(text)
        self.input.textValueSelected.connect(chosen)
        self.input.open()

    def _text_selected(self, page: int, start, end) -> None:
        if not self.active or self.pmap is None or page >= len(self.pmap.pages):
            return
        if abs(start[0] - end[0]) + abs(start[1] - end[1]) < 2.0:     # a click
            self.window.preview.clear_sweep()
            ann = annotation_at(self.pmap, self.window.session.issue, page, *start)
            if ann is not None:
                self.panel.select(ann.id)
            return
        ranges = selection(self.pmap, page, start, end)
        if not ranges:
            self.window.preview.clear_sweep()
            return
        self.ensure_author(lambda name: self.open_dialog(ranges, name))

    def open_dialog(self, ranges: list[SourceRange], author: str) -> AnnotationDialog:
        """Ask kind / text / note for ``ranges`` (shown non-blocking; see ``add``)."""
        issue = self.window.session.issue
        quote = "".join(_quote(issue, r) for r in ranges)
        extra = f"（选区跨越 {len(ranges)} 段，改、增只用于第一段）" if len(ranges) > 1 else ""
        round_label = str(self.window.settings.q.value(ROUND_KEY, "一校") or "一校")
        self.dialog = AnnotationDialog(quote, self.window, round_label=round_label,
                                       author=author, extra=extra)
        self._pending = ranges
        self.dialog.finished.connect(self._dialog_done)
        self.dialog.open()
        return self.dialog

    def _dialog_done(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        ranges, self._pending = self._pending, []
        self.window.preview.clear_sweep()
        if dialog is not None and result == AnnotationDialog.DialogCode.Accepted:
            values = dialog.values()
            self.window.settings.set_value(ROUND_KEY, values["round_label"])
            self.add(ranges, **values)
        if dialog is not None:
            dialog.deleteLater()

    def add(self, ranges: list[SourceRange], kind: str, note: str = "", new_text: str = "",
            round_label: str = "一校") -> list[str]:
        """Add annotations of ``kind`` on ``ranges`` (one per block; 改/增 on the first
        only, 增 inserting after it) as undoable commands; their ids."""
        issue = self.window.session.issue
        if kind in ("改", "增"):
            ranges = ranges[:1]
        if kind == "增":
            ranges = [SourceRange(r.doc_id, r.block_id, r.end, r.end) for r in ranges]
        ids = []
        for rng in ranges:
            ann = new_annotation(issue, rng, kind, note=note, new_text=new_text,
                                 author=self.author(), round_label=round_label, time=_now())
            if self.window.execute(AddAnnotation(ann)) is not None:
                ids.append(ann.id)
        if ids:
            self.panel.select(ids[-1])
            self.window.message(f"已添加批注（{kind}）")
        return ids

    # -- deciding ---------------------------------------------------------------------------------
    def accept(self, ann_id: str) -> bool:
        ann = self.find(ann_id)
        if ann is None:
            return False
        command = AcceptAnnotation(doc_id=ann.doc_id, annotation_id=ann_id,
                                   author=self.author(), time=_now())
        done = self.window.execute(command) is not None
        if done:
            self.window.message(f"已采纳批注（{ann.kind}）" + ("，正在重新排版" if ann.kind in
                                                           ("改", "删", "增") else ""))
        return done

    def delete(self, ann_id: str) -> bool:
        """Delete an annotation (undoable: 编辑 › 撤销 puts it back)."""
        ann = self.find(ann_id)
        if ann is None:
            return False
        done = self.window.execute(DeleteAnnotation(annotation_id=ann_id)) is not None
        if done:
            self.window.message(f"已删除批注（{ann.kind}），可撤销")
        return done

    def ask_reject(self, ann_id: str) -> None:
        self._ask_reply(ann_id, "不采纳批注", "不采纳的理由（答复校对人）：", self.reject)

    def ask_answer(self, ann_id: str) -> None:
        self._ask_reply(ann_id, "答复批注", "答复：", self.answer)

    def _ask_reply(self, ann_id: str, title: str, label: str, then) -> None:
        self.input = _input(self.window, title, label)
        self.input.textValueSelected.connect(lambda text: then(ann_id, text.strip()))
        self.input.open()

    def reject(self, ann_id: str, reply: str) -> bool:
        return self._decide(RejectAnnotation, ann_id, reply)

    def answer(self, ann_id: str, reply: str) -> bool:
        return self._decide(AnswerAnnotation, ann_id, reply)

    def _decide(self, cls, ann_id: str, reply: str) -> bool:
        ann = self.find(ann_id)
        if ann is None:
            return False
        command = cls(doc_id=ann.doc_id, annotation_id=ann_id, reply=reply,
                      author=self.author(), time=_now())
        return self.window.execute(command) is not None

    # -- jumping ----------------------------------------------------------------------------------
    def jump(self, ann_id: str) -> bool:
        """Show the page of the annotation and flash its highlight; False when unplaced."""
        boxes = self.overlay.boxes_of(ann_id)
        ann = self.find(ann_id)
        if ann is None:
            return False
        window = self.window
        if window.selected_doc != ann.doc_id:
            window._from_preview = True
            try:
                window.select_document(ann.doc_id)
            finally:
                window._from_preview = False
        if not boxes:
            window.message("该批注的原文在当前页面上找不到（未能定位）", 8000)
            return False
        page, box = boxes[0]
        window.preview.scroll_to(page, box.top)
        self.flash.start(ann_id)
        return True

    @property
    def flashing(self) -> str | None:
        """The annotation whose highlight blinks now (None when none does)."""
        return self.flash.current

    def flash_on(self) -> bool:
        """Whether the flashing highlight is in its bright phase."""
        return self.flash.bright()

    def current_id(self) -> str | None:
        return self.panel.current_id()


def _quote(issue, rng: SourceRange) -> str:
    doc = issue.find_document(rng.doc_id)
    text = text_of(doc, rng.block_id) if doc is not None else None
    return (text or "")[rng.start:rng.end]


def _input(window, title: str, label: str) -> QInputDialog:
    box = QInputDialog(window)
    box.setWindowTitle(title)
    box.setLabelText(label)
    box.setTextEchoMode(QLineEdit.EchoMode.Normal)
    box.setOkButtonText("确定")
    box.setCancelButtonText("取消")
    return box
