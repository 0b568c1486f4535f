"""The 批注 list of 校对 mode: the issue's annotations as a filtered table (layer: ui).

``AnnotationTableModel`` turns the annotations of an issue into rows (类型 / 原文 / 意见 /
校次 / 校对人 / 状态 / 文档); ``AnnotationPanel`` adds the filters (status, round, author,
document), the 采纳 / 不采纳 / 答复 / 删除 buttons (Delete deletes too) and a context menu.  The panel only emits
requests (``jump_requested``, ``accept_requested`` …) with the annotation id; the window's
``ProofMode`` runs them as undoable commands.  An annotation whose anchor cannot be found
on the current pages is still listed, flagged 未能定位 in red.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QMenu, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from editor.model import Annotation
from editor.proof.view import STATUS_NAMES

COLUMNS = ("类型", "原文", "意见", "校次", "校对人", "状态", "文档")
ROUNDS = ("一校", "二校", "三校")
UNPLACED = "未能定位"
ANY = "全部"
KIND_COLOURS = {"改": "#d22f27", "删": "#b0306f", "增": "#1f6fd1", "疑": "#e07b00",
                "注": "#2e8b45"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Row:
    annotation: Annotation
    document: str          # the document's short title
    placed: bool


def opinion(ann: Annotation) -> str:
    """The 意见 column: what the reader wants, then the note."""
    parts = []
    if ann.kind == "改" and ann.new_text:
        parts.append(f"改为“{ann.new_text}”")
    elif ann.kind == "增" and ann.new_text:
        parts.append(f"增加“{ann.new_text}”")
    elif ann.kind == "删":
        parts.append("删除")
    if ann.note:
        parts.append(ann.note)
    if ann.replies:
        parts.append(f"（答复：{ann.replies[-1].text}）")
    return "；".join(parts)


def status_text(row: Row) -> str:
    name = STATUS_NAMES.get(row.annotation.status, row.annotation.status)
    return name if row.placed else f"{name} · {UNPLACED}"


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        ann = row.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == ID_ROLE:
            return ann.id
        if role == Qt.ItemDataRole.ToolTipRole:
            where = "" if row.placed else "\n原文在当前页面上找不到（重新导入后未能定位）"
            return f"{ann.kind}：{ann.quote}\n{opinion(ann)}\n{ann.author} {ann.time}{where}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == 0:
                return QColor(KIND_COLOURS.get(ann.kind, "#333333"))
            if index.column() == 5 and not row.placed:
                return QColor("#c62828")
            if ann.status in ("accepted", "rejected"):
                return QColor("#888888")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(row: Row, column: int) -> str:
        ann = row.annotation
        return (ann.kind, ann.quote or "（插入点）", opinion(ann), ann.round, ann.author,
                status_text(row), row.document)[column]

    def row_of(self, ann_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.annotation.id == ann_id), -1)


class AnnotationPanel(QWidget):
    """Filters, the table and the 采纳 / 不采纳 / 答复 / 删除 buttons."""
    jump_requested = Signal(str)
    accept_requested = Signal(str)
    reject_requested = Signal(str)
    answer_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AnnotationTableModel(self)
        self._all: list[Row] = []
        self.status_box = self._combo([ANY] + list(STATUS_NAMES.values()) + [UNPLACED])
        self.round_box = self._combo([ANY] + list(ROUNDS))
        self.author_box = self._combo([ANY])
        self.doc_box = self._combo([ANY])
        filters = QGridLayout()
        for n, (label, box) in enumerate((("状态", self.status_box), ("校次", self.round_box),
                                          ("校对人", self.author_box), ("文档", self.doc_box))):
            filters.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            filters.addWidget(box, n // 2, (n % 2) * 2 + 1)
        self.table = self._make_table()
        self.count_label = QLabel()
        self.accept_button = QPushButton("采纳")
        self.reject_button = QPushButton("不采纳…")
        self.answer_button = QPushButton("答复…")
        self.delete_button = QPushButton("删除")
        self.accept_button.setToolTip("采纳所选批注：改、删、增直接修改原文（可撤销）")
        self.delete_button.setToolTip("删除所选批注（误加或重复的批注；可撤销）")
        for button, signal in self._buttons():
            button.clicked.connect(lambda _c=False, s=signal: self._emit_current(s))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button, _signal in self._buttons():
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _buttons(self):
        return ((self.accept_button, self.accept_requested),
                (self.reject_button, self.reject_requested),
                (self.answer_button, self.answer_requested),
                (self.delete_button, self.delete_requested))

    def _combo(self, items: list[str]) -> QComboBox:
        box = QComboBox()
        box.addItems(items)
        box.currentIndexChanged.connect(lambda _i: self._apply_filters())
        return box

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        for column, width in enumerate((34, 92, 150, 40, 52, 52, 76)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.clicked.connect(self._clicked)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.setAccessibleName("批注列表")
        table.installEventFilter(self)                   # the Delete key deletes
        return table

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete and \
                self.delete_button.isEnabled():
            self._emit_current(self.delete_requested)
            return True
        return super().eventFilter(watched, event)

    # -- content --------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> None:
        """Show ``rows`` (all annotations of the issue), keeping filters and selection."""
        current = self.current_id()
        self._all = list(rows)
        self._refill(self.author_box, sorted({r.annotation.author for r in rows
                                              if r.annotation.author}))
        self._refill(self.doc_box, list(dict.fromkeys(r.document for r in rows)))
        self._apply_filters()
        if current:
            self.select(current)

    @staticmethod
    def _refill(box: QComboBox, values: list[str]) -> None:
        chosen = box.currentText()
        box.blockSignals(True)
        box.clear()
        box.addItems([ANY] + values)
        box.setCurrentIndex(max(0, box.findText(chosen)))
        box.blockSignals(False)

    def _apply_filters(self) -> None:
        current = self.current_id()
        rows = [r for r in self._all if self._wanted(r)]
        self.model.set_rows(rows)
        unplaced = sum(not r.placed for r in self._all)
        note = f"，{unplaced} 条{UNPLACED}" if unplaced else ""
        self.count_label.setText(f"共 {len(self._all)} 条，显示 {len(rows)} 条{note}")
        if current:
            self.select(current)
        self._update_buttons()

    def _wanted(self, row: Row) -> bool:
        ann = row.annotation
        status = self.status_box.currentText()
        if status == UNPLACED and row.placed:
            return False
        if status not in (ANY, UNPLACED) and STATUS_NAMES.get(ann.status) != status:
            return False
        for box, value in ((self.round_box, ann.round), (self.author_box, ann.author),
                           (self.doc_box, row.document)):
            if box.currentText() != ANY and box.currentText() != value:
                return False
        return True

    def set_filter(self, which: str, text: str) -> None:
        """Choose a filter value by name ("status", "round", "author", "document")."""
        box = {"status": self.status_box, "round": self.round_box,
               "author": self.author_box, "document": self.doc_box}[which]
        box.setCurrentIndex(max(0, box.findText(text)))

    def shown_ids(self) -> list[str]:
        return [r.annotation.id for r in self.model.rows]

    # -- selection ----------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, ann_id: str) -> bool:
        row = self.model.row_of(ann_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _current_row(self) -> Row | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _update_buttons(self) -> None:
        row = self._current_row()
        open_ = row is not None and row.annotation.status in ("open", "answered")
        self.accept_button.setEnabled(open_)
        self.reject_button.setEnabled(open_)
        self.answer_button.setEnabled(row is not None and row.annotation.status == "open"
                                      and row.annotation.kind in ("疑", "注"))
        self.delete_button.setEnabled(row is not None)

    def _emit_current(self, signal) -> None:
        ann_id = self.current_id()
        if ann_id:
            signal.emit(ann_id)

    def _clicked(self, index: QModelIndex) -> None:
        ann_id = index.data(ID_ROLE)
        if ann_id:
            self.jump_requested.emit(ann_id)

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        """The menu of the current row: 转到原文, 采纳, 不采纳…, 答复…, 删除"""
        menu = QMenu(self)
        ann_id = self.current_id()
        menu.addAction("转到原文").triggered.connect(lambda: self.jump_requested.emit(ann_id))
        menu.addSeparator()
        for button, signal in self._buttons():
            if button is self.delete_button:
                menu.addSeparator()
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(lambda _c=False, s=signal: s.emit(ann_id))
        return menu
