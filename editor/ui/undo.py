"""编辑 › 撤销/重做: a QUndoStack kept in step with the session's command history (layer: ui).

The undo history lives in the project (``Session``), so it survives a restart; the
QUndoStack is only its face in the window: menus with Chinese text, the history view,
the clean state.  Every edit goes through ``UndoBridge.execute(command)``: the session
applies the command first (an error reaches the caller and nothing is pushed), then a
``SessionEntry`` is pushed in the "done" state.  Undo/redo of an entry call
``session.undo()``/``session.redo()``.  Each resulting ``Change`` is emitted by
``changed`` so the window refreshes exactly what it names.

History already in the project when it is opened (``session.history`` and
``session.redo_history``) is shown as entries too, so 撤销 reaches back before this sitting
as far as the session allows, and 重做 works after a restart.

Another window or ``python main.py project …`` may change the same file: a timer asks the
session every ``POLL_MS`` whether the file changed (``Session.refresh``, one cheap
``PRAGMA data_version``), and every edit, undo and redo reads the file first anyway.
After such a re-read the stack is rebuilt from the session's history, ``changed`` refreshes
every view and ``external`` carries the Chinese sentence for the status bar.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
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


POLL_MS = 1500


class UndoBridge(QObject):
    changed = Signal(object)          # Change
    stepped = Signal()                # an undo or redo: its Change comes next by ``changed``
    failed = Signal(str)              # Chinese message
    external = Signal(str)            # Chinese: another writer changed the file, re-read

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.stack = QUndoStack(self)
        self._replaying = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_file)

    def set_session(self, session) -> None:
        """Attach a session; its stored history (undoable and redoable commands) becomes
        the stack's entries, with the stack's index where the session stands."""
        self._replaying = True
        try:
            self.stack.clear()
            self.session = session
            if session is None:
                self._poll.stop()
                return
            self._poll.start()
            done = list(getattr(session, "history", []) or [])
            redo = list(getattr(session, "redo_history", []) or [])
            for entry in done + redo:
                self.stack.push(SessionEntry(self, _text(entry)))
            self.stack.setIndex(len(done))
            self.stack.setClean()
        finally:
            self._replaying = False

    def execute(self, command) -> Change:
        """Apply ``command`` through the session and record it; returns its Change."""
        if self.session is None:
            raise RuntimeError("no session")
        change = self.session.execute(command)
        if not self._took_external(change):
            self.stack.push(SessionEntry(self, command.describe()))
            self.changed.emit(change if change is not None else Change())
        return change

    def check_file(self) -> None:
        """Re-read the project when another writer changed it (never while busy)."""
        if self.session is not None and not self._replaying:
            self.session.refresh(wait=False)
            self._took_external()

    def _took_external(self, change: Change | None = None) -> bool:
        """After a re-read caused by another writer: rebuild the stack from the session,
        refresh every view (with ``change`` when an edit came with it) and say so."""
        external = self.session.take_external() if self.session is not None else None
        if external is None:
            return False
        self.set_session(self.session)
        self.changed.emit(change.merge(external) if change is not None else external)
        self.external.emit(external.text)
        return True

    def _step(self, which: str) -> None:
        if self.session is None or self._replaying:
            return
        # the stack must not be rebuilt inside its own undo()/redo(): after the step
        QTimer.singleShot(0, self._took_external)
        try:
            change = getattr(self.session, which)()
        except Exception as exc:      # noqa: BLE001 — shown to the user in Chinese
            from editor.ui.jobs import user_message
            self.failed.emit(("撤销" if which == "undo" else "重做") + "失败：" + user_message(exc))
            # the stack moves its index once this returns, the session did not move: put
            # the stack back where the session stands (not from inside the stack's call)
            QTimer.singleShot(0, self._resync)
            return
        self.stepped.emit()
        self.changed.emit(change if isinstance(change, Change) else Change(
            meta=True, sections=True))

    def _resync(self) -> None:
        """The stack's entries and index rebuilt from the session's history."""
        if self.session is not None:
            self.set_session(self.session)

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


def _text(entry) -> str:
    """Chinese text of a stored history entry."""
    describe = getattr(entry, "describe", None)
    if callable(describe):
        return describe()
    return str(getattr(entry, "text", None) or getattr(entry, "title", None) or "编辑")
