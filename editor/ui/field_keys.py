"""The window's own shortcuts reach it from any field (layer: ui).

A line edit claims Ctrl+Z/Ctrl+Y for its own little undo, Ctrl+E (end of line on Linux)
and the like, so with the cursor in a 属性 field or the find bar, 撤销, 重做, 导出 and 保存
did nothing the editor could see.  ``FieldKeys`` is an event filter on each field of the
window that gets the focus: for a key that is the shortcut of one of the window's ``actions`` named in ``WINDOW_KEYS``,
pressed in a text field of that window, it first commits the field (as leaving it would:
the edit becomes an undoable command) and then triggers the window's action — so Ctrl+Z
after typing a new 刊名 undoes that edit like any other, and the field shows the result.
The find bar's fields keep Ctrl+Z/Ctrl+Y for their own typing (they are no part of the
issue); Ctrl+E and Ctrl+S reach the window from there too.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QLineEdit,
                               QPlainTextEdit, QTextEdit, QToolBar, QWidget)

WINDOW_KEYS = ("undo", "redo", "export", "save")
FIELDS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox)


def field_of(widget: QWidget | None) -> QWidget | None:
    """The text field ``widget`` is (or is the editor of: a spin box's line edit)."""
    while widget is not None:
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return parent
        if isinstance(widget, FIELDS):
            return widget
        widget = parent if isinstance(widget, QLineEdit) else None
    return None


def commit_field(field: QWidget) -> None:
    """Finish the edit in ``field`` as leaving it would (its panel emits the request)."""
    commit = getattr(field, "commit", None)
    if callable(commit):
        commit()
    elif isinstance(field, QAbstractSpinBox):
        field.interpretText()
        field.editingFinished.emit()
    elif isinstance(field, QLineEdit) and field.isModified():
        field.editingFinished.emit()
    elif isinstance(field, QComboBox) and field.isEditable() and field.lineEdit() is not None:
        edit = field.lineEdit()
        if edit.isModified():
            edit.editingFinished.emit()


def _in_toolbar(widget: QWidget) -> bool:
    """True for a field of a tool bar (the find bar): its text is no part of the issue."""
    while widget is not None:
        if isinstance(widget, QToolBar):
            return True
        widget = widget.parentWidget()
    return False


class FieldKeys(QObject):
    """See the module docstring; ``install()`` once the window's actions exist."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def install(self) -> None:
        """Watch the fields of the window as they get the focus (key presses go to the
        focus widget; an application-wide filter would see every event of the program)."""
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass

    def _focus_changed(self, _old, new) -> None:
        if new is not None and new.window() is self.window and field_of(new) is not None:
            new.installEventFilter(self)        # once per widget: Qt keeps one entry

    def _edit_actions(self) -> list:
        return [self.window.actions.get(name) for name in ("undo", "redo")]

    def _action_for(self, event):
        sequence = QKeySequence(event.keyCombination())
        for name in WINDOW_KEYS:
            action = self.window.actions.get(name)
            if action is not None and any(s.matches(sequence) == QKeySequence.SequenceMatch
                                          .ExactMatch for s in action.shortcuts()):
                return action
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self.window:
            return False
        field = field_of(obj)
        if field is None:
            return False
        action = self._action_for(event)
        if action is None or (action in self._edit_actions() and _in_toolbar(field)):
            return False            # the find bar's text keeps its own 撤销 of typing
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()          # deliver the key press to us, not to the field's undo
            return True
        commit_field(field)
        if action.isEnabled():
            action.trigger()
        return True
