"""文件 › 导出印刷PDF and 打印: the issue's pages to a PDF file or a printer (layer: ui).

Export lays out a snapshot of the issue in a worker (``jobs.lay_out``) and writes it with
``editor.render.pdf.write_pdf`` — the same code as ``python main.py build`` — optionally
with 3 mm bleed and crop marks.  Printing paints the same page items with QPainter at the
printer's resolution (``print_pages``); landscape pages are turned on the portrait sheet as
in the PDF.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

from editor.ui.painter import PagePainter


class ExportDialog(QDialog):
    """Asks for the PDF path and the print options."""

    def __init__(self, default_path: Path, parent=None):
        super().__init__(parent)
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
        self.bleed = QCheckBox("加 3 毫米出血并画裁切线（交印刷厂时选用）")
        layout.addWidget(self.bleed)
        self.open_after = QCheckBox("导出后打开 PDF")
        layout.addWidget(self.open_after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导出")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "导出印刷PDF", self.path.text(),
                                              "PDF 文件 (*.pdf)")
        if path:
            self.path.setText(path)

    def chosen_path(self) -> Path:
        path = Path(self.path.text().strip())
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def export_work(snapshot, out_path: Path, bleed: bool):
    """The export job: a generator yielding progress, returning the LaidOutIssue."""
    def work(progress):
        from editor.render.pdf import write_pdf
        from editor.ui.jobs import default_measurer, lay_out
        laid_out = lay_out(snapshot, progress)
        progress(f"写出 PDF（{len(laid_out.pages)} 页）")
        write_pdf(laid_out, out_path, default_measurer(), bleed=bleed, progress=progress)
        return laid_out
    return work


def print_pages(printer, pages, painter_for_pages: PagePainter,
                first: int = 0, last: int | None = None) -> int:
    """Paint ``pages[first..last]`` on ``printer`` (a QPrinter); returns pages printed."""
    last = len(pages) - 1 if last is None else min(last, len(pages) - 1)
    if not pages or first > last:
        return 0
    layout = QPageLayout(QPageSize(QSizeF(pages[first].width if not pages[first].landscape
                                          else pages[first].height,
                                          pages[first].height if not pages[first].landscape
                                          else pages[first].width),
                                   QPageSize.Unit.Point),
                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    p = QPainter()
    if not p.begin(printer):
        raise OSError("无法开始打印（打印机不可用）")
    try:
        dpi = printer.resolution()
        scale = dpi / 72.0
        for n, index in enumerate(range(first, last + 1)):
            if n:
                printer.newPage()
            page = pages[index]
            p.save()
            p.scale(scale, scale)
            if page.landscape:      # turned with its head toward the binding, as in the PDF
                p.translate(0, page.width)
                p.rotate(-90)
            p.setClipRect(QRectF(0, 0, page.width, page.height))
            painter_for_pages.paint(p, page, scale)
            p.restore()
    finally:
        p.end()
    return last - first + 1
