"""编辑 › 撤销/重做: a QUndoStack kept in step with the session's command history (layer: ui).

The undo history lives in the project (``Session``), so it survives a restart; the
QUndoStack is only its face in the window: menus with Chinese text, the history view,
the clean state.  Every edit goes through ``UndoBridge.execute(command)``: the session
applies the command first (an error reaches the caller and nothing is pushed), then a
``SessionEntry`` is pushed in the "done" state.  Undo/redo of an entry call
``session.undo()``/``session.redo()``.  Each resulting ``Change`` is emitted by
``changed`` so the window refreshes exactly what it names.

History already in the project when it is opened is shown as entries too (so 撤销 reaches
back before this sitting, as the session allows).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QUndoView

from editor.app.command import Change


class SessionEntry(QUndoCommand):
    """One command of the session on the Qt stack."""

    def __init__(self, bridge: "UndoBridge", text: str):
        super().__init__(text)
        self.bridge = bridge
        self._done = True         # pushed after the session executed it

    def redo(self) -> None:
        if self._done:
            self._done = False    # QUndoStack.push calls redo(): the command already ran
            return
        self.bridge._step("redo")

    def undo(self) -> None:
        self.bridge._step("undo")


class UndoBridge(QObject):
    changed = Signal(object)          # Change
    failed = Signal(str)              # Chinese message

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.stack = QUndoStack(self)
        self._replaying = False

    def set_session(self, session) -> None:
        """Attach a session; its stored history becomes undoable entries."""
        self.stack.clear()
        self.session = session
        if session is None:
            return
        for text in _history_texts(session):
            self.stack.push(SessionEntry(self, text))
        self.stack.setClean()

    def execute(self, command) -> Change:
        """Apply ``command`` through the session and record it; returns its Change."""
        if self.session is None:
            raise RuntimeError("no session")
        change = self.session.execute(command)
        self.stack.push(SessionEntry(self, command.describe()))
        self.changed.emit(change if change is not None else Change())
        return change

    def _step(self, which: str) -> None:
        if self.session is None:
            return
        try:
            change = getattr(self.session, which)()
        except Exception as exc:      # noqa: BLE001 — shown to the user in Chinese
            from editor.ui.jobs import user_message
            self.failed.emit(("撤销" if which == "undo" else "重做") + "失败：" + user_message(exc))
            return
        self.changed.emit(change if isinstance(change, Change) else Change(
            meta=True, sections=True))

    def undo_action(self, parent):
        action = self.stack.createUndoAction(parent, "撤销")
        return action

    def redo_action(self, parent):
        return self.stack.createRedoAction(parent, "重做")

    def history_view(self, parent=None) -> QUndoView:
        view = QUndoView(self.stack, parent)
        view.setEmptyLabel("〈打开时的状态〉")
        view.setAccessibleName("编辑历史")
        return view


def _history_texts(session) -> list[str]:
    """Chinese texts of the undoable commands stored in the project, oldest first."""
    history = getattr(session, "history", None)
    if callable(history):
        history = history()
    texts = []
    for entry in history or []:
        if isinstance(entry, str):
            texts.append(entry)
        elif hasattr(entry, "describe"):
            texts.append(entry.describe())
        elif isinstance(entry, dict):
            texts.append(str(entry.get("title") or entry.get("text") or "编辑"))
        else:
            texts.append(str(getattr(entry, "title", "编辑")))
    can_undo = getattr(session, "can_undo", False)
    can_undo = can_undo() if callable(can_undo) else can_undo
    return texts if can_undo else []
