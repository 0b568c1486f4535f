"""The OK / Cancel row of the program's dialogs (layer: ui)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def ok_cancel(dialog: QDialog, ok_text: str = "确定") -> QDialogButtonBox:
    """OK and Cancel buttons with Chinese labels (``ok_text`` names what OK does, e.g.
    导出), whatever translation Qt found, wired to ``dialog``'s accept and reject."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
