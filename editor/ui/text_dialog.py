"""修改文字: a dialog to rewrite one paragraph, title, cell or 落款 line (layer: ui).

Opened from the right-click menu of the page; the window turns the result into an
undoable ``EditText`` (``editor.proof.corrections.edit_text``), which replaces only the
span that differs.  An automatic number (一、 （一） 1.) is shown beside the text, not in
it: it comes from the source file's numbering.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout

from editor.ui.buttons import ok_cancel


class TextEditDialog(QDialog):
    def __init__(self, where: str, text: str, label: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle("修改文字")
        self.resize(560, 260)
        layout = QVBoxLayout(self)
        head = QLabel(where + (f"（自动编号“{label}”不在此修改）" if label else ""))
        head.setWordWrap(True)
        layout.addWidget(head)
        self.edit = QPlainTextEdit(text)
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit, 1)
        layout.addWidget(ok_cancel(self))

    def text(self) -> str:
        return self.edit.toPlainText()
