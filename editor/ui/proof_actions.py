"""校对 menu: export a 校样 PDF and import a proofreader's PDF comments (layer: ui).

Both run as jobs over a snapshot of the issue, through the use cases of
``editor.app.proofs`` (the same as ``python main.py proof`` / ``proof-import``):
``export_proof`` lays the issue out and writes the proof with its watermark and
annotations; ``import_proof`` reads the marks a reader made in any PDF viewer, and the
window adds them with the one undoable command ``imported_command`` makes.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from editor.app import proofs
from editor.ui.export import confirm_output
from editor.ui.jobs import run_job

ROUNDS = ["一校", "二校", "三校"]


def export_proof_dialog(window) -> None:
    if window.session is None:
        return
    label, ok = QInputDialog.getItem(window, "导出校样PDF", "校次：", ROUNDS, 0, False)
    if not ok:
        return
    default = Path(window.settings.last_folder("export")) / f"{window.path.stem}_{label}校样.pdf"
    path, _ = QFileDialog.getSaveFileName(window, "导出校样PDF", str(default), "PDF 文件 (*.pdf)")
    if not path or not confirm_output(window, Path(path), [window.path], asked=True):
        return
    window.settings.set_last_folder("export", path)
    snapshot = window.snapshots.take(window.session.issue)

    def work(progress):
        return proofs.export_proof(snapshot, Path(path), label, progress=progress).missing

    def done(missing):
        note = f"；{len(missing)} 条批注的原文不在页面上" if missing else ""
        window.message(f"已导出校样 {path}{note}", 10000)

    run_job(window, "导出校样PDF", work, done)


def import_comments_dialog(window) -> None:
    if window.session is None:
        return
    path, _ = QFileDialog.getOpenFileName(window, "导入校对意见", window.settings.last_folder("export"),
                                          "PDF 文件 (*.pdf)")
    if not path:
        return
    snapshot = window.snapshots.take(window.session.issue)

    def work(progress):
        progress("读取 PDF 中的批注")
        return proofs.import_proof(path, snapshot, relayout=False, progress=progress)

    def done(result):
        lines = proofs.summary_lines(result)
        command = proofs.imported_command(window.session.issue, result)
        if command is None:
            QMessageBox.information(window, "导入校对意见", "\n".join(lines))
            return
        if window.execute(command) is not None:
            box = QMessageBox(window)
            box.setWindowTitle("导入校对意见")
            box.setText(lines[0])
            box.setDetailedText("\n".join(lines[1:]))
            box.exec()

    run_job(window, "导入校对意见", work, done)
