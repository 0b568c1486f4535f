"""The issue tree: model.Issue (栏目 → 文件) as a Qt item model and its view (layer: ui).

``IssueTreeModel`` shows the sections and their documents and turns drags into requests:
it never changes the issue itself.  A document dropped on a section (or between
documents) emits ``move_document(doc_id, section_id, index)``; a section dropped between
sections emits ``move_section(section_id, index)``; .docx files dropped from Explorer emit
``import_files(paths, section_id)``.  The window turns these into undoable commands and
calls ``refresh()`` when the resulting ``Change`` names sections.

Index scheme: a section row has internal id 0, a document row has the section's row + 1.

``IssueTreeView`` adds the context menu (修改目录标题, 移除, 重新导入, 属性, 导入报告) and
shows a warning badge on documents whose import report has entries.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (QAbstractItemModel, QMimeData, QModelIndex, QPoint, Qt,
                            Signal)
from PySide6.QtGui import QAction, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QMenu, QStyle, QTreeView

from editor.model.address import kind_label
from editor.ui.edits import doc_label

MIME = "application/x-gazette-item"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


# what a drop or the import dialog takes: .docx, and the older formats offices receive,
# which the importer refuses with a message saying how to convert them
IMPORT_SUFFIXES = (".docx", ".doc", ".wps", ".rtf")
IMPORT_FILTER = "Word 文档 (*.docx);;旧版文档和 PDF（导入时提示如何转换）(*.doc *.wps *.rtf *.pdf)"


def docx_paths(mime: QMimeData) -> list[Path]:
    """Local documents (``IMPORT_SUFFIXES``) in a drop from the file manager."""
    if not mime.hasUrls():
        return []
    out = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMPORT_SUFFIXES and not path.name.startswith("~$"):
                out.append(path)
    return out



class FileDrops:
    """Mixed into a widget with a ``files_dropped`` signal: Word files (``docx_paths``)
    dragged from the file manager are accepted and emitted; anything else is refused."""

    def dragEnterEvent(self, event) -> None:
        if docx_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = docx_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)

class IssueTreeModel(QAbstractItemModel):
    move_document = Signal(str, str, int)     # doc id, target section id, index in it
    move_section = Signal(str, int)           # section id, new index
    import_files = Signal(list, str)          # [Path], target section id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.issue = None
        self.report_counts: Callable[[str], tuple[int, int]] = lambda doc_id: (0, 0)
        self._counts: dict[str, tuple[int, int]] = {}

    # -- data source ------------------------------------------------------------------------
    def set_issue(self, issue, report_counts: Callable[[str], tuple[int, int]] | None = None
                  ) -> None:
        """Show ``issue``; ``report_counts(doc_id)`` gives (warnings, entries) of a
        document's import report."""
        self.beginResetModel()
        self.issue = issue
        self._counts.clear()
        if report_counts is not None:
            self.report_counts = report_counts
        self.endResetModel()

    def refresh(self, documents=()) -> None:
        """The section list or document order changed: rebuild the rows (and forget the
        report counts of ``documents``, e.g. after a re-import)."""
        self.beginResetModel()
        for doc_id in documents:
            self._counts.pop(doc_id, None)
        self.endResetModel()

    def documents_changed(self, doc_ids) -> None:
        """Titles or import reports of ``doc_ids`` changed (edit, re-import)."""
        for doc_id in doc_ids:
            self._counts.pop(doc_id, None)
            index = self.index_of_document(doc_id)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def report_count(self, doc_id: str) -> int:
        """Entries in the document's import report."""
        return self._report(doc_id)[1]

    def _report(self, doc_id: str) -> tuple[int, int]:
        if doc_id not in self._counts:
            self._counts[doc_id] = self.report_counts(doc_id)
        return self._counts[doc_id]

    def _sections(self) -> list:
        return self.issue.sections if self.issue is not None else []

    def section_at(self, index: QModelIndex):
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        sections = self._sections()
        return sections[row] if 0 <= row < len(sections) else None

    def document_at(self, index: QModelIndex):
        if not index.isValid() or index.internalId() == 0:
            return None
        section = self.section_at(index)
        if section is None or not 0 <= index.row() < len(section.documents):
            return None
        return section.documents[index.row()]

    def index_of_document(self, doc_id: str) -> QModelIndex:
        for s_row, section in enumerate(self._sections()):
            for d_row, doc in enumerate(section.documents):
                if doc.id == doc_id:
                    return self.createIndex(d_row, 0, s_row + 1)
        return QModelIndex()

    def index_of_section(self, section_id: str) -> QModelIndex:
        for s_row, section in enumerate(self._sections()):
            if section.id == section_id:
                return self.createIndex(s_row, 0, 0)
        return QModelIndex()

    # -- QAbstractItemModel -----------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._sections())
        if parent.internalId() == 0:
            section = self.section_at(parent)
            return len(section.documents) if section is not None else 0
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc = self.document_at(index)
        if doc is None:
            return self._section_data(self.section_at(index), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return doc_label(doc) or doc.doc_number or doc.source_name or doc.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._document_tip(doc)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._document_icon(doc)
        if role == ID_ROLE:
            return doc.id
        if role == KIND_ROLE:
            return "document"
        return None

    def _section_data(self, section, role: int):
        if section is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section.title or "（未命名栏目）"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"栏目：{section.title}（{len(section.documents)} 个文件）"
        if role == Qt.ItemDataRole.DecorationRole:
            return _icon(QStyle.StandardPixmap.SP_DirIcon)
        if role == ID_ROLE:
            return section.id
        if role == KIND_ROLE:
            return "section"
        return None

    def _document_tip(self, doc) -> str:
        lines = [doc.title or doc.toc_title]
        if doc.doc_number:
            lines.append(f"文号：{doc.doc_number}")
        lines.append(f"类别：{kind_label(doc.kind)}")
        if doc.source_name:
            lines.append(f"来源：{doc.source_name}")
        warnings, n = self._report(doc.id)
        if n:
            extra = f"，其中 {warnings} 条警告" if warnings else ""
            lines.append(f"导入报告有 {n} 条提示{extra}（双击图标或右键 › 导入报告）")
        return "\n".join(lines)

    def _document_icon(self, doc):
        warnings, n = self._report(doc.id)
        if warnings:
            return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if n:
            return _icon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        return _icon(QStyle.StandardPixmap.SP_FileIcon)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        # documents accept drops too: a document dropped on a document goes before it
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    # -- drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME, "text/uri-list"]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        items = []
        for index in indexes:
            if not index.isValid():
                continue
            kind = "document" if index.internalId() else "section"
            items.append({"kind": kind, "id": self.data(index, ID_ROLE)})
        mime.setData(MIME, json.dumps(items[:1]).encode("utf-8"))
        return mime

    def _target(self, row: int, parent: QModelIndex) -> tuple[str, object, int] | None:
        """Where a drop at (row, parent) lands: ("section", section, index) for documents,
        ("root", None, index) between sections."""
        if not parent.isValid():
            return ("root", None, row if row >= 0 else len(self._sections()))
        if parent.internalId() == 0:
            section = self.section_at(parent)
            return ("section", section, row if row >= 0 else len(section.documents))
        # dropped onto a document: place before it
        return ("section", self.section_at(parent), parent.row())

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int,
                        parent: QModelIndex) -> bool:
        if self.issue is None:
            return False
        if docx_paths(data):     # a new issue has no section yet: the import makes one
            return True
        item = _decode(data)
        if item is None:
            return False
        target = self._target(row, parent)
        if item["kind"] == "section":
            return target[0] == "root" or (parent.isValid() and parent.internalId() == 0)
        return target[0] == "section" or bool(self._sections())

    def dropMimeData(self, data: QMimeData, action, row: int, column: int,
                     parent: QModelIndex) -> bool:
        """Emit the request for the drop.  Returns False on purpose: the window performs
        the move as a command, so the view must not remove the dragged source row."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        paths = docx_paths(data)
        kind, section, index = self._target(row, parent)
        if paths:
            section = section or (self._sections() or [None])[-1]
            self.import_files.emit(paths, section.id if section is not None else "")
            return False
        item = _decode(data)
        if item["kind"] == "section":
            index = index if kind == "root" else parent.row()
            self.move_section.emit(item["id"], self._section_index_after(item["id"], index))
            return False
        if kind == "root":
            section = self._sections()[max(0, min(index, len(self._sections())) - 1)]
            index = len(section.documents)
        self.move_document.emit(item["id"], section.id, self._doc_index_after(
            item["id"], section, index))
        return False

    def _doc_index_after(self, doc_id: str, section, index: int) -> int:
        """Drop row → index after the dragged document was taken out of its place."""
        ids = [d.id for d in section.documents]
        if doc_id in ids and ids.index(doc_id) < index:
            index -= 1
        return max(0, min(index, len(ids) - (1 if doc_id in ids else 0)))

    def _section_index_after(self, section_id: str, index: int) -> int:
        ids = [s.id for s in self._sections()]
        if section_id in ids and ids.index(section_id) < index:
            index -= 1
        return max(0, min(index, len(ids) - 1))


def _decode(data: QMimeData) -> dict | None:
    if not data.hasFormat(MIME):
        return None
    try:
        items = json.loads(bytes(data.data(MIME)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not items or items[0].get("kind") not in ("document", "section"):
        return None
    return items[0]


def _icon(which):
    from PySide6.QtWidgets import QApplication
    return QApplication.style().standardIcon(which)


class IssueTreeView(QTreeView):
    """The tree with drag and drop and the context menu; actions are emitted by id."""
    rename_requested = Signal(str, str)       # kind ("section"/"document"), id
    remove_requested = Signal(str, str)
    reimport_requested = Signal(str)          # doc id
    properties_requested = Signal(str, str)
    report_requested = Signal(str)            # doc id
    move_to_requested = Signal(str, str)      # doc id, target section id

    def __init__(self, model: IssueTreeModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.setAccessibleName("期刊目录树")
        self.move_actions: list[QAction] = []     # 上移, 下移 (the window's, with their keys)

    def _menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        kind = index.data(KIND_ROLE)
        item_id = index.data(ID_ROLE)
        self.setCurrentIndex(index)           # 上移/下移 act on the item clicked
        menu = QMenu(self)
        title = "修改目录标题…\tF2" if kind == "document" else "重命名栏目…\tF2"
        self._add(menu, title, lambda: self.rename_requested.emit(kind, item_id))
        if kind == "document":
            self._add(menu, "重新导入…", lambda: self.reimport_requested.emit(item_id))
            model = self.model()
            if model.report_count(item_id):
                self._add(menu, "导入报告…", lambda: self.report_requested.emit(item_id))
        menu.addSeparator()
        self._add_moves(menu, kind, item_id)
        menu.addSeparator()
        self._add(menu, "移除\tDelete", lambda: self.remove_requested.emit(kind, item_id))
        menu.addSeparator()
        self._add(menu, "属性", lambda: self.properties_requested.emit(kind, item_id))
        self.popup(menu, self.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _add_moves(self, menu: QMenu, kind: str, item_id: str) -> None:
        """上移 / 下移 (the window's actions, showing Alt+↑/↓) and, for a document,
        移到栏目 › each other section."""
        for action in self.move_actions:
            menu.addAction(action)
        issue = self.model().issue
        if kind != "document" or issue is None:
            return
        sub = menu.addMenu("移到栏目")
        here = next((s.id for s in issue.sections
                     if any(d.id == item_id for d in s.documents)), None)
        for section in issue.sections:
            action = sub.addAction(section.title or "（未命名栏目）")
            action.setEnabled(section.id != here)
            action.triggered.connect(
                lambda _c=False, sid=section.id: self.move_to_requested.emit(item_id, sid))
        sub.setEnabled(len(issue.sections) > 1)

    def popup(self, menu: QMenu, pos: QPoint) -> None:
        """Show the context menu (tests replace this)."""
        menu.exec(pos)

    def _add(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        if index.isValid() and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_F2):
            kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
            signal = self.remove_requested if event.key() == Qt.Key.Key_Delete \
                else self.rename_requested
            signal.emit(kind, item_id)
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event) -> None:
        if docx_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def empty_hint(self) -> str:
        """What the empty tree of an open issue says to do (else empty)."""
        model = self.model()
        if model.issue is None or any(s.documents for s in model.issue.sections):
            return ""
        return ("本期还没有文件。\n\n单击工具栏的“导入文件”，\n"
                "或把 Word 文件（.docx）\n从资源管理器拖到这里。")

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        hint = self.empty_hint()
        if hint:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(12, 40, -12, -12)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), hint)
            painter.end()

    def mouseDoubleClickEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        doc_id = index.data(ID_ROLE) if index.isValid() else None
        if index.isValid() and index.data(KIND_ROLE) == "document" and \
                self.model().report_count(doc_id) and \
                event.position().x() < self.visualRect(index).x() + self.iconSize().width() + 6:
            self.report_requested.emit(doc_id)
            return
        super().mouseDoubleClickEvent(event)
