"""The small 添加批注 dialog of 校对 mode: kind, new text, note and round (layer: ui).

Shown after a text selection in the preview.  It only collects the values; ``ProofMode``
turns them into an ``AddAnnotation`` command.  改 and 增 need the new text (OK stays
disabled until it is given); 删, 疑 and 注 only a note (optional).  The dialog is opened
with ``open()`` (window-modal, not blocking), so ``finished`` carries the answer.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QRadioButton, QVBoxLayout, QWidget)

from editor.proof.view import KINDS
from editor.ui.buttons import ok_cancel

KIND_TIPS = {"改": "改正：把所选文字改为新文字", "删": "删除所选文字", "增": "在所选文字之后增补",
             "疑": "存疑：请编辑核实", "注": "批注：只作说明"}
ROUNDS = ("一校", "二校", "三校")
QUOTE_MAX = 40


class AnnotationDialog(QDialog):
    def __init__(self, quote: str, parent=None, kind: str = "改", round_label: str = "一校",
                 author: str = "", extra: str = ""):
        super().__init__(parent)
        self.setWindowTitle("添加批注")
        self.setMinimumWidth(380)
        shown = quote if len(quote) <= QUOTE_MAX else quote[:QUOTE_MAX] + "…"
        self.quote_label = QLabel(f"原文：“{shown}”" + (f"\n{extra}" if extra else ""))
        self.quote_label.setWordWrap(True)
        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        for n, name in enumerate(KINDS):
            button = QRadioButton(name)
            button.setToolTip(KIND_TIPS[name])
            self.kind_group.addButton(button, n)
            kinds.addWidget(button)
        kinds.addStretch(1)
        kind_row = QWidget()
        kind_row.setLayout(kinds)
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText("改为或增补的文字")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("意见或说明（可不填）")
        self.note.setFixedHeight(64)
        self.round_box = QComboBox()
        self.round_box.addItems(ROUNDS)
        self.round_box.setCurrentIndex(max(0, self.round_box.findText(round_label)))
        form = QFormLayout()
        form.addRow("类型", kind_row)
        self.new_label = QLabel("新文字")
        form.addRow(self.new_label, self.new_text)
        form.addRow("意见", self.note)
        form.addRow("校次", self.round_box)
        if author:
            form.addRow("校对人", QLabel(author))
        self.buttons = ok_cancel(self, "添加")
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind_group.idToggled.connect(lambda _id, _on: self._update())
        self.new_text.textChanged.connect(lambda _t: self._update())
        self.set_kind(kind)

    def set_kind(self, kind: str) -> None:
        self.kind_group.button(KINDS.index(kind)).setChecked(True)
        self._update()

    def kind(self) -> str:
        return KINDS[max(0, self.kind_group.checkedId())]

    def values(self) -> dict:
        """kind, note, new_text (only for 改/增) and round_label."""
        kind = self.kind()
        return {"kind": kind, "note": self.note.toPlainText().strip(),
                "new_text": self.new_text.text() if kind in ("改", "增") else "",
                "round_label": self.round_box.currentText()}

    def _update(self) -> None:
        wants_text = self.kind() in ("改", "增")
        self.new_text.setEnabled(wants_text)
        self.new_label.setEnabled(wants_text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not wants_text or bool(self.new_text.text()))
