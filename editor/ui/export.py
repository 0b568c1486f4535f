"""文件 › 导出印刷PDF: the issue's pages to a print PDF, a PDF/X file or the archival
PDF/A-2u file (存档 PDF, for the 档案馆) (layer: ui).

Export lays out a snapshot of the issue in a worker and writes it with
``editor.app.production.export_print_pdf`` — the same use case as ``python main.py build``
— optionally with 3 mm bleed, crop marks and slug line, and as PDF/X-4 or PDF/X-1a with
the print shop's ICC profile.  Printing (QPainter on a QPrinter) is in ``editor.ui.printing``;
``print_pages`` is re-exported here for older callers.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QRadioButton, QVBoxLayout)

from editor.app import production
from editor.app.outputs import OutputExists, check_output
from editor.errors import GazetteError
from editor.ui.buttons import ok_cancel
from editor.ui.printing import print_pages  # noqa: F401  (re-export)

PDFX_VERSIONS = {"PDF/X-4（推荐）": production.PDFX_4,
                 "PDF/X-1a（仅 CMYK、无透明）": production.PDFX_1A}


class ExportDialog(QDialog):
    """Asks for the PDF path and the print options."""

    def __init__(self, default_path: Path, parent=None, inputs=()):
        super().__init__(parent)
        self.inputs = list(inputs)        # files the export must never write over
        self.setWindowTitle("导出印刷PDF")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("保存为："))
        row = QHBoxLayout()
        self.path = QLineEdit(str(default_path))
        self.path.setMinimumWidth(420)
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        kinds = QHBoxLayout()
        self.print_kind = QRadioButton("印刷 PDF")
        self.archival_kind = QRadioButton("存档 PDF（PDF/A-2u）")
        self.archival_kind.setToolTip("供档案馆长期保存：字体全部嵌入、文字可还原、sRGB 输出意图；"
                                      "不加出血，不能同时为 PDF/X")
        self.print_kind.setChecked(True)
        kinds.addWidget(self.print_kind)
        kinds.addWidget(self.archival_kind)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.bleed = QCheckBox("加 3 毫米出血并画裁切线（交印刷厂时选用）")
        layout.addWidget(self.bleed)
        layout.addWidget(self._pdfx_group())
        self.archival_kind.toggled.connect(self._archival_toggled)
        self.open_after = QCheckBox("导出后打开 PDF")
        layout.addWidget(self.open_after)
        layout.addWidget(ok_cancel(self, "导出"))

    def _pdfx_group(self) -> QGroupBox:
        group = QGroupBox("PDF/X 印刷文件（交印刷厂）")
        group.setCheckable(True)
        group.setChecked(False)
        self.pdfx = group
        box = QVBoxLayout(group)
        self.pdfx_version = QComboBox()
        self.pdfx_version.addItems(list(PDFX_VERSIONS))
        box.addWidget(self.pdfx_version)
        row = QHBoxLayout()
        row.addWidget(QLabel("ICC 特性文件："))
        self.icc = QLineEdit()
        self.icc.setPlaceholderText("留空：内置通用铜版纸 CMYK 特性")
        row.addWidget(self.icc, 1)
        choose = QPushButton("选择…")
        choose.clicked.connect(self._browse_icc)
        row.addWidget(choose)
        box.addLayout(row)
        self.reg_marks = QCheckBox("加套准标记（需同时勾选出血）")
        box.addWidget(self.reg_marks)
        box.addWidget(QLabel("文字为纯黑（K100），版头红色为 M80 Y80；建议同时勾选出血。"))
        return group

    def _archival_toggled(self, on: bool) -> None:
        """存档 PDF is neither bled nor PDF/X (production.check_pdfa)."""
        for widget in (self.bleed, self.pdfx):
            widget.setEnabled(not on)

    def archival(self) -> bool:
        """True when the user chose 存档 PDF（PDF/A-2u）."""
        return self.archival_kind.isChecked()

    def _browse_icc(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择印刷厂提供的 CMYK 特性文件",
                                              self.icc.text(), "ICC 特性文件 (*.icc *.icm)")
        if path:
            self.icc.setText(path)

    def pdfx_options(self):
        """PdfxOptions for the chosen PDF/X settings (None: a plain PDF)."""
        if not self.pdfx.isChecked() or self.archival():
            return None
        return production.pdfx_options(PDFX_VERSIONS[self.pdfx_version.currentText()],
                                       self.icc.text().strip() or None,
                                       self.reg_marks.isChecked() and self.bleed.isChecked())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "导出印刷PDF", self.path.text(),
                                              "PDF 文件 (*.pdf)")
        if path:
            self.path.setText(path)
            self._confirmed = self.chosen_path()   # the file dialog asked about replacing it

    def chosen_path(self) -> Path:
        path = Path(self.path.text().strip())
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def accept(self) -> None:
        """Close only on a path that may be written: never the project or an input; an
        existing file only after the user agreed to replace it (the file dialog of 浏览…
        asked already for the path it gave)."""
        path = self.chosen_path()
        if confirm_output(self, path, self.inputs, asked=path == getattr(self, "_confirmed",
                                                                           None)):
            super().accept()
        else:
            self.path.setFocus()


def export_work(snapshot, out_path: Path, bleed: bool, pdfx=None, pdfa: bool = False):
    """The export job: lays the snapshot out and writes the file; returns the LaidOutIssue.

    ``pdfx`` (``PdfxOptions``) makes it a PDF/X print file, ``pdfa`` the archival PDF/A-2u."""
    def work(progress):
        return production.export_print_pdf(snapshot, out_path, bleed=bleed, pdfx=pdfx,
                                           progress=progress, pdfa=pdfa)
    return work


def confirm_output(parent, path: Path, inputs, asked: bool = False) -> bool:
    """True when ``path`` may be written: refused (with a message) over the project, an
    input or any project file; over another existing file only when the user agrees
    (``asked``: a file dialog already asked).  See ``editor.app.outputs``."""
    try:
        check_output(path, inputs, force=asked)
    except OutputExists:
        answer = QMessageBox.question(
            parent, "文件已存在", f"“{Path(path).name}”已存在。要替换它吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
    except GazetteError as exc:
        QMessageBox.warning(parent, "不能写到这里", exc.message)
        return False
    return True
