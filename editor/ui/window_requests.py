"""The main window's requests: edits, import, export and print (layer: ui).

``EditRequests`` is mixed into ``MainWindow``: each method takes a request from a panel
or a menu (ids and values), builds the app command through ``edits`` and runs it with
``MainWindow.execute`` (undoable, stored in the project), or starts a job (import,
export).  Dialogs asking for names, files and options live here too.
"""
from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from editor.errors import GazetteError
from editor.ui import edits
from editor.ui.issue_tree import IMPORT_FILTER
from editor.ui.jobs import run_job, user_message


def _with_session(method):
    """A request that needs an open project does nothing once it is closed: a panel may
    still emit one while the window closes (a spin box losing focus, a list cleared)."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        if self.session is None:
            return None
        return method(self, *args, **kwargs)
    return run


class EditRequests:
    # -- edit requests (each becomes one command) ----------------------------------------------------
    @_with_session
    def move_document(self, doc_id: str, section_id: str, index: int) -> None:
        self._move(doc_id, edits.move_document(self.session.issue, doc_id, section_id, index))

    def _move(self, doc_id: str, command) -> None:
        """Run a move of ``doc_id``; the next pages show it where it now begins."""
        self._follow_doc = doc_id if command is not None else None
        if self.execute(command) is None:
            self._follow_doc = None

    def move_selected(self, step: int) -> None:
        """上移 (-1) / 下移 (+1) the document chosen in the tree or on the pages, or the
        section chosen in the tree — one undoable move."""
        if self.session is None:
            return
        index = self.tree.currentIndex()
        section = self.tree_model.section_at(index) if index.isValid() else None
        doc = self.tree_model.document_at(index) if index.isValid() else None
        if doc is None and section is None and self.selected_doc:
            doc = self.session.issue.find_document(self.selected_doc)
        if doc is not None:
            command = edits.move_step(self.session.issue, doc.id, step)
            if command is None:
                self.message("已在本期最前" if step < 0 else "已在本期最后", 3000)
                return
            self._move(doc.id, command)
        elif section is not None:
            command = edits.section_step(self.session.issue, section.id, step)
            if command is None:
                self.message("已是第一个栏目" if step < 0 else "已是最后一个栏目", 3000)
                return
            self.execute(command)
            self.tree.setCurrentIndex(self.tree_model.index_of_section(section.id))

    @_with_session
    def move_to_section(self, doc_id: str, section_id: str) -> None:
        """移到栏目…: the document to the end of another section."""
        self._move(doc_id, edits.move_to_section(self.session.issue, doc_id, section_id))

    @_with_session
    def move_section(self, section_id: str, index: int) -> None:
        self.execute(edits.move_section(self.session.issue, section_id, index))

    @_with_session
    def edit_meta(self, field: str, value) -> None:
        self.execute(edits.set_meta(self.session.issue, field, value))

    @_with_session
    def set_template(self, name: str) -> None:
        self.execute(edits.set_template(self.session.issue, name))

    @_with_session
    def edit_document_layout(self, doc_id: str, field: str, value) -> None:
        self.execute(edits.set_document_layout(self.session.issue, doc_id, field, value))

    @_with_session
    def edit_table_layout(self, doc_id: str, table_id: str, field: str, value) -> None:
        self.execute(edits.set_table_layout(self.session.issue, doc_id, table_id, field, value))

    @_with_session
    def edit_document_head(self, doc_id: str, field: str, text: str) -> None:
        self.execute(edits.set_document_field(self.session.issue, doc_id, field, text))

    @_with_session
    def merge_cells(self, doc_id: str, table_id: str, cell_id: str, direction: str) -> None:
        self.execute(edits.merge_cells(self.session.issue, doc_id, table_id, cell_id, direction))

    @_with_session
    def unmerge_cell(self, doc_id: str, table_id: str, cell_id: str) -> None:
        self.execute(edits.unmerge_cell(self.session.issue, doc_id, table_id, cell_id))

    @_with_session
    def table_cell_action(self, doc_id: str, table_id: str, cell_id: str, action: str,
                          value) -> None:
        try:
            command = edits.cell_action(self.session.issue, doc_id, table_id, cell_id,
                                        action, value)
        except GazetteError as exc:
            self.error(user_message(exc), "表格操作失败")
            return
        self.execute(command)

    @_with_session
    def rename(self, kind: str, item_id: str) -> None:
        issue = self.session.issue
        if kind == "document":
            doc = issue.find_document(item_id)
            text, ok = QInputDialog.getText(self, "修改目录标题", "目录中显示的标题：",
                                            text=doc.toc_title)
            if ok and text.strip() != doc.toc_title:
                self.edit_document_layout(item_id, "toc_title", text.strip() or None)
        else:
            section = next(s for s in issue.sections if s.id == item_id)
            text, ok = QInputDialog.getText(self, "重命名栏目", "栏目名称：", text=section.title)
            if ok and text.strip() and text.strip() != section.title:
                self.execute(edits.rename_section(issue, item_id, text.strip()))

    @_with_session
    def remove(self, kind: str, item_id: str) -> None:
        issue = self.session.issue
        if kind == "document":
            name = edits.doc_label(issue.find_document(item_id))
            question = f"从本期移除《{name}》？\n（可用 编辑 › 撤销 恢复）"
        else:
            section = next(s for s in issue.sections if s.id == item_id)
            question = f"移除栏目“{section.title}”及其中 {len(section.documents)} 个文件？\n" \
                       "（可用 编辑 › 撤销 恢复）"
        if QMessageBox.question(self, "移除", question) == QMessageBox.StandardButton.Yes:
            command = edits.remove_document(issue, item_id) if kind == "document" \
                else edits.remove_section(issue, item_id)
            self.execute(command)

    @_with_session
    def add_section(self) -> None:
        text, ok = QInputDialog.getText(self, "新建栏目", "栏目名称：")
        if ok and text.strip():
            self.execute(edits.add_section(self.session.issue, text.strip()))

    # -- import ----------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        if self.session is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, "导入文件", self.settings.last_folder("import"),
                                                IMPORT_FILTER)
        if not paths:
            return
        self.settings.set_last_folder("import", paths[0])
        index = self.tree.currentIndex()
        section = self.tree_model.section_at(index)
        sections = self.session.issue.sections
        section_id = section.id if section is not None else (sections[-1].id if sections else "")
        self.import_files([Path(p) for p in paths], section_id)

    def import_dropped(self, paths: list) -> None:
        """Files dropped on the pages: into the section of the document shown (or chosen),
        else the last section (a new issue's first import makes one)."""
        if self.session is None:
            self.message("请先新建或打开一期，再把文件拖进来", 8000)
            return
        issue = self.session.issue
        doc_id = self.selected_doc
        if self.laid_out is not None and self.laid_out.pages:
            page = self.laid_out.pages[min(self.preview.current_page(), len(self.laid_out.pages) - 1)]
            doc_id = next((i.source.doc_id for i in page.items
                           if getattr(i, "source", None) is not None), doc_id)
        section = next((s for s in issue.sections if any(d.id == doc_id for d in s.documents)),
                       issue.sections[-1] if issue.sections else None)
        self.import_files(list(paths), section.id if section is not None else "")

    def import_files(self, paths: list, section_id: str) -> None:
        if self.session is None:
            return
        if getattr(self, "_importing", False):   # two imports at once would both write
            self.message("正在导入上一批文件，请等它完成后再导入", 8000)
            return
        issue = self.session.issue
        section = next((s for s in issue.sections if s.id == section_id), None)
        title = section.title if section is not None else "区级文件选登"
        self._importing = True
        worker = run_job(self, "导入文件", edits.import_work(self.session, paths, title),
                         lambda result: self._imported(result, len(paths)))
        worker.finished.connect(self._import_ended, Qt.ConnectionType.QueuedConnection)

    def _import_ended(self) -> None:
        self._importing = False

    def _imported(self, result, total: int = 0) -> None:
        change, problems = edits.import_result(result)
        self.apply_change(change)
        self.undo.set_session(self.session)
        imported = list(getattr(result, "imported", []) or [])
        if imported and self.session.issue.find_document(imported[0]) is not None:
            self._follow_doc = imported[0]      # the next pages show the first file brought in
            self.select_document(imported[0])   # and 属性 its fields (待核对 …)
        if problems:
            self.inform("导入报告", *edits.import_summary(result, total))

    def inform(self, title: str, text: str, details: str = "") -> None:
        """A message the editor reads and closes: ``text`` in bold, ``details`` under it
        (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setInformativeText(details)
        box.exec()
        box.deleteLater()

    def reimport(self, doc_id: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "重新导入", self.settings.last_folder("import"),
                                              IMPORT_FILTER)
        if not path:
            return
        try:
            change = edits.reimport(self.session, doc_id, Path(path))
        except Exception as exc:          # noqa: BLE001
            self.error(user_message(exc), "重新导入失败")
            return
        self.undo.set_session(self.session)
        self.apply_change(change)

    @_with_session
    def show_report(self, doc_id: str) -> None:
        lines = edits.report_lines(self.session, doc_id)
        doc = self.session.issue.find_document(doc_id)
        box = QMessageBox(self)
        box.setWindowTitle("导入报告")
        box.setText(f"《{edits.doc_label(doc)}》导入时有 {len(lines)} 条提示：")
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
        box.exec()

    # -- export and print -----------------------------------------------------------------------------
    def export_pdf(self, path: Path | None = None, bleed: bool | None = None,
                   on_done=None, pdfx=None, pdfa: bool = False) -> None:
        from editor.ui.export import ExportDialog, export_work
        if self.session is None:
            return
        if path is None:
            default = self._export_folder() / f"{self.path.stem}.pdf"
            dialog = ExportDialog(default, self, inputs=[self.path])
            dialog.bleed.setChecked(self.settings.bool_value("export/bleed"))
            if dialog.exec() != ExportDialog.DialogCode.Accepted:
                return
            path, bleed = dialog.chosen_path(), dialog.bleed.isChecked()
            pdfa = dialog.archival()          # 存档 PDF（PDF/A-2u）: never bled
            try:
                pdfx = dialog.pdfx_options()
            except Exception as exc:          # noqa: BLE001 - e.g. a missing ICC file
                self.error(user_message(exc), "导出印刷PDF")
                return
            if not self.preflight.confirm_export():     # errors: ask first
                return
            open_after = dialog.open_after.isChecked()
            self.settings.set_value("export/bleed", bleed)
            self.settings.set_last_folder("export", path)
            self.settings.set_value("export/project", str(self.path))
        else:
            open_after = False
        snapshot = self.snapshots.take(self.session.issue)

        def done(laid_out):
            self.message(f"已导出 {path}（{len(laid_out.pages)} 页）", 10000)
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            if on_done is not None:
                on_done(path)

        run_job(self, "导出印刷PDF", export_work(snapshot, Path(path), bool(bleed) and not pdfa,
                                             pdfx, pdfa), done)

    def _export_folder(self) -> Path:
        """The project's own folder, or the folder this project was last exported to."""
        last = self.settings.q.value("export/project", "")
        if last and Path(str(last)) == self.path:
            return Path(self.settings.last_folder("export"))
        return self.path.resolve().parent

    def print_issue(self) -> None:
        from editor.ui.printing import print_dialog
        print_dialog(self)
