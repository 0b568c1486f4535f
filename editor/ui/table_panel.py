"""Table layout panel: a selected table's layout overrides as a form (layer: ui).

Lists the tables of the selected document; for the chosen one shows column widths in
millimetres of the text block (the model keeps relative weights, ``TableLayout.col_widths``),
font size, cell padding, header rows, landscape, rows kept whole on a page, and for the
cell clicked in the preview: its column's alignment, merge/unmerge, deleting its row or
column when empty and splitting the table before its row.  Like the properties panel it
never edits the model: it emits

* ``layout_edited(doc_id, table_id, field, value)`` — a ``TableLayout`` field and its new
  value (``col_widths`` as a list of weights in points),
* ``merge_requested(doc_id, table_id, cell_id, direction)`` — "right" or "down",
* ``unmerge_requested(doc_id, table_id, cell_id)``,
* ``cell_action_requested(doc_id, table_id, cell_id, action, value)`` — ``align`` (the
  cell's column; value "left" | "center" | "right" | "justify" | None), ``delete_row``,
  ``delete_col``, ``split`` (a new table from the cell's row on),
* ``table_selected(doc_id, table_id)`` — the preview shows that table's column borders.

``widths_after_drag(widths, border, delta)`` is the rule the preview's border drag uses:
the two columns either side of the border trade width, neither below ``MIN_COL`` pt.
A width typed as a number is taken from (or given to) the other columns in proportion
(``widths_with``), so the table keeps the width of the text block.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from editor import model
from editor.app.table_commands import column_refusal, row_refusal

MM = 72 / 25.4
MIN_COL = 8.0            # pt: the narrowest column a drag or a number may make
FONT_SIZES = [0.0, 9.0, 10.5, 12.0, 14.0, 15.0, 16.0]   # 0 = template
# the 字号 an office names sizes by (Word/WPS), with their points
SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "二号",
              18.0: "小二", 16.0: "三号", 15.0: "小三", 14.0: "四号", 12.0: "小四",
              10.5: "五号", 9.0: "小五", 7.5: "六号", 6.5: "小六", 5.5: "七号", 5.0: "八号"}


def size_label(points: float) -> str:
    """``五号（10.5 磅）``; a size without a 字号 name as ``11 磅``."""
    name = SIZE_NAMES.get(round(points * 2) / 2)
    return f"{name}（{points:g} 磅）" if name else f"{points:g} 磅"
LANDSCAPE_TEXT = "横排页面"
ALIGNS = [("按原文", None), ("左对齐", "left"), ("居中", "center"), ("右对齐", "right"),
          ("两端对齐", "justify")]


def tables_of(doc: model.Document) -> list[model.Table]:
    """Every table of a document, body first then attachments (nested ones excluded)."""
    return [b for b in doc.all_blocks() if isinstance(b, model.Table)]


def current_widths(table: model.Table, text_width: float) -> list[float]:
    """Column widths in points as laid out: the override weights (or the docx grid)
    scaled to the text block."""
    weights = table.layout.col_widths or table.grid or [1.0] * max(1, table.n_cols)
    total = sum(weights) or 1.0
    return [w * text_width / total for w in weights]


def widths_after_drag(widths: list[float], border: int, delta: float) -> list[float]:
    """Move inner border ``border`` (1..n-1) by ``delta`` points."""
    if not 1 <= border < len(widths):
        return list(widths)
    left, right = widths[border - 1], widths[border]
    delta = max(MIN_COL - left, min(right - MIN_COL, delta))
    out = list(widths)
    out[border - 1] = left + delta
    out[border] = right - delta
    return out


def widths_with(widths: list[float], column: int, new: float) -> list[float]:
    """Column ``column`` set to ``new`` points, the other columns scaled so the table keeps
    its width (each at least ``MIN_COL``)."""
    total = sum(widths)
    new = max(MIN_COL, min(new, total - MIN_COL * (len(widths) - 1)))
    rest = total - widths[column]
    factor = (total - new) / rest if rest > 0 else 0.0
    return [new if k == column else max(MIN_COL, w * factor) for k, w in enumerate(widths)]


def table_label(index: int, table: model.Table) -> str:
    return f"表{index + 1}（{table.n_cols} 列 × {len(table.rows)} 行）"


class TablePanel(QWidget):
    layout_edited = Signal(str, str, str, object)
    merge_requested = Signal(str, str, str, str)
    unmerge_requested = Signal(str, str, str)
    cell_action_requested = Signal(str, str, str, str, object)
    table_selected = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc: model.Document | None = None
        self.tables: list[model.Table] = []
        self.text_width = 156 * MM
        self.cell_id: str | None = None
        self.measured: dict[tuple[str, str], list[float]] = {}
        self.drawn_landscape: set[tuple[str, str]] = set()   # tables the pages turn
        self._loading = False
        self._width_boxes: list[QDoubleSpinBox] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        box = QGroupBox("表格版式")
        outer.addWidget(box)
        outer.addStretch(1)
        form = QFormLayout(box)
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._choose)
        form.addRow("表格", self.choice)
        self.widths_area = QWidget()
        self.widths_grid = QGridLayout(self.widths_area)
        self.widths_grid.setContentsMargins(0, 0, 0, 0)
        form.addRow("列宽（毫米）", self.widths_area)
        hint = QLabel("也可在预览中拖动列线调整列宽。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        form.addRow("", hint)
        self.font_size = QComboBox()
        self.sizes = list(FONT_SIZES)
        for size in self.sizes:
            self.font_size.addItem("按模板" if not size else size_label(size))
        self.font_size.activated.connect(self._font_chosen)
        form.addRow("字号", self.font_size)
        self.padding = QDoubleSpinBox()
        self.padding.setRange(0.0, 20.0)
        self.padding.setSingleStep(0.5)
        self.padding.setSuffix(" 磅")
        self.padding.setSpecialValueText("按模板")
        self.padding.setKeyboardTracking(False)     # arrows apply at once, typing on Enter
        self.padding.valueChanged.connect(
            lambda _v: self._emit("padding", self.padding.value() or None))
        self.padding.editingFinished.connect(
            lambda: self._emit("padding", self.padding.value() or None))
        form.addRow("单元格边距", self.padding)
        self.header_rows = QSpinBox()
        self.header_rows.setRange(-1, 20)
        self.header_rows.setSpecialValueText("按原文")
        self.header_rows.setKeyboardTracking(False)
        self.header_rows.valueChanged.connect(lambda _v: self._header_edited())
        self.header_rows.editingFinished.connect(self._header_edited)
        form.addRow("重复表头行数", self.header_rows)
        self.landscape = QCheckBox(LANDSCAPE_TEXT)
        self.landscape.setToolTip("表格较宽时排在横排页面上；宽表会自动横排，取消勾选则强制竖排")
        self.landscape.clicked.connect(lambda on: self._emit("landscape", bool(on)))
        form.addRow("", self.landscape)
        self.keep_rows = QCheckBox("行不跨页（整行移到下页）")
        self.keep_rows.setToolTip("表格的每一行都不在行内分页；超过一页高的行仍会分开")
        self.keep_rows.clicked.connect(
            lambda on: self._emit("keep_rows_together", bool(on)))
        form.addRow("", self.keep_rows)
        self.cell_label = QLabel("（在预览中单击表格中的单元格）")
        self.cell_label.setWordWrap(True)
        form.addRow("单元格", self.cell_label)
        buttons = QHBoxLayout()
        self.merge_right = QPushButton("向右合并")
        self.merge_down = QPushButton("向下合并")
        self.unmerge = QPushButton("拆分")
        self.merge_right.clicked.connect(lambda: self._merge("right"))
        self.merge_down.clicked.connect(lambda: self._merge("down"))
        self.unmerge.clicked.connect(self._unmerge)
        for b in (self.merge_right, self.merge_down, self.unmerge):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.column_align = QComboBox()
        for text, _value in ALIGNS:
            self.column_align.addItem(text)
        self.column_align.setToolTip("所选单元格所在列的文字对齐方式")
        self.column_align.activated.connect(
            lambda index: self._cell_action("align", ALIGNS[index][1]))
        form.addRow("本列对齐", self.column_align)
        more = QHBoxLayout()
        self.delete_row = QPushButton("删除空行")
        self.delete_col = QPushButton("删除空列")
        self.split_table = QPushButton("从此行拆表")
        self.delete_row.setToolTip("删除所选单元格所在的空行")
        self.delete_col.setToolTip("删除所选单元格所在的空列")
        self.split_table.setToolTip("从所选单元格所在行起另成一表（表头行随之重复）")
        self.delete_row.clicked.connect(lambda: self._cell_action("delete_row"))
        self.delete_col.clicked.connect(lambda: self._cell_action("delete_col"))
        self.split_table.clicked.connect(lambda: self._cell_action("split"))
        for b in (self.delete_row, self.delete_col, self.split_table):
            more.addWidget(b)
        form.addRow(more)
        self.set_document(None)

    # -- selection --------------------------------------------------------------------------
    @property
    def table(self) -> model.Table | None:
        index = self.choice.currentIndex()
        return self.tables[index] if 0 <= index < len(self.tables) else None

    def set_text_width(self, width: float) -> None:
        self.text_width = width

    def set_measured(self, measured: dict[tuple[str, str], list[float]]) -> None:
        """Column widths as the last layout drew them, by (doc id, table id)."""
        self.measured = measured
        if not self._has_focus():
            self.reload()

    def set_drawn_landscape(self, tables: set[tuple[str, str]]) -> None:
        """(doc id, table id) of the tables the last layout set on landscape pages."""
        self.drawn_landscape = set(tables)
        if not self._has_focus():
            self.reload()

    def _has_focus(self) -> bool:
        return any(box.hasFocus() for box in self._width_boxes)

    def widths(self) -> list[float]:
        """The chosen table's column widths in points: as laid out when known, else from
        the override weights or the .docx grid scaled to the text block."""
        table = self.table
        if table is None:
            return []
        drawn = self.measured.get((self.doc.id, table.id)) if self.doc is not None else None
        if drawn and len(drawn) == table.n_cols:
            return list(drawn)
        return current_widths(table, self.text_width)

    def set_document(self, doc: model.Document | None, table_id: str | None = None) -> None:
        """Show the tables of ``doc`` (selecting ``table_id`` when given)."""
        self._loading = True
        try:
            self.doc = doc
            self.tables = tables_of(doc) if doc is not None else []
            self.choice.clear()
            for k, table in enumerate(self.tables):
                self.choice.addItem(table_label(k, table))
            ids = [t.id for t in self.tables]
            self.choice.setCurrentIndex(ids.index(table_id) if table_id in ids else
                                        (0 if ids else -1))
        finally:
            self._loading = False
        self.setEnabled(bool(self.tables))
        self.reload()
        self._announce()

    def select_cell(self, table_id: str, cell_id: str | None) -> None:
        ids = [t.id for t in self.tables]
        if table_id in ids and ids.index(table_id) != self.choice.currentIndex():
            self.choice.setCurrentIndex(ids.index(table_id))
        self.cell_id = cell_id
        self._show_cell()

    def _choose(self, _index: int) -> None:
        if self._loading:
            return
        self.cell_id = None
        self.reload()
        self._announce()

    def _announce(self) -> None:
        table = self.table
        if self.doc is not None and table is not None:
            self.table_selected.emit(self.doc.id, table.id)
        else:
            self.table_selected.emit("", "")

    # -- showing values ------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the current values of the chosen table (after any change or undo)."""
        self._loading = True
        try:
            table = self.table
            self._build_width_boxes(table)
            if table is None:
                self._clear_values()
                return
            size = table.layout.font_size or 0.0
            if size not in self.sizes:      # a size set elsewhere: listed by its name too
                self.sizes.append(size)
                self.font_size.addItem(size_label(size))
            self.font_size.setCurrentIndex(self.sizes.index(size))
            self.padding.setValue(table.layout.padding or 0.0)
            hr = table.layout.header_rows
            self.header_rows.setValue(-1 if hr is None else hr)
            self._show_landscape(table)
            self.keep_rows.setChecked(bool(table.layout.keep_rows_together))
        finally:
            self._loading = False
        self._show_cell()

    def _show_landscape(self, table: model.Table) -> None:
        """Ticked when the table's pages are landscape, whether set here or chosen by the
        layout for a wide table (then said so)."""
        drawn = self.doc is not None and (self.doc.id, table.id) in self.drawn_landscape
        if table.layout.landscape is None:
            self.landscape.setChecked(drawn)
            self.landscape.setText(LANDSCAPE_TEXT + ("（已自动横排）" if drawn else ""))
        else:
            self.landscape.setChecked(bool(table.layout.landscape))
            self.landscape.setText(LANDSCAPE_TEXT)

    def _clear_values(self) -> None:
        """Greyed out (no table): no values left over from the last table."""
        self.font_size.setCurrentIndex(-1)
        self.padding.setValue(0.0)
        self.header_rows.setValue(-1)
        self.landscape.setChecked(False)
        self.landscape.setText(LANDSCAPE_TEXT)
        self.keep_rows.setChecked(False)
        self.column_align.setCurrentIndex(-1)
        self.cell_id = None
        self.cell_label.setText("")

    def _build_width_boxes(self, table: model.Table | None) -> None:
        while self.widths_grid.count():
            widget = self.widths_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self._width_boxes = []
        if table is None:
            return
        widths = self.widths()
        per_row = 2 if len(widths) in (2, 4) else 3
        for k, width in enumerate(widths):
            spin = QDoubleSpinBox()
            spin.setDecimals(1)
            spin.setRange(MIN_COL / MM, self.text_width / MM)
            spin.setValue(width / MM)
            spin.setToolTip(f"第 {k + 1} 列宽度（毫米）")
            spin.setObjectName(f"col_width_{k}")
            spin.editingFinished.connect(lambda k=k: self._width_edited(k))
            self._width_boxes.append(spin)
            self.widths_grid.addWidget(spin, k // per_row, k % per_row)

    def _show_cell(self) -> None:
        table, cell = self.table, self._cell()
        if cell is None:
            self.cell_label.setText("（在预览中单击表格中的单元格）" if table is not None else "")
        else:
            text = cell.text.replace("\n", " ")
            self.cell_label.setText(f"第 {self._row_of(cell) + 1} 行第 {cell.col + 1} 列："
                                    f"{text[:16]}{'…' if len(text) > 16 else ''}")
        merged = cell is not None and (cell.row_span > 1 or cell.col_span > 1)
        self.merge_right.setEnabled(cell is not None and table is not None
                                    and cell.col + cell.col_span < table.n_cols)
        self.merge_down.setEnabled(cell is not None)
        self.unmerge.setEnabled(merged)
        row = self._row_of(cell) if cell is not None else -1
        self.column_align.setEnabled(cell is not None)
        if cell is not None:
            aligns = table.layout.col_align or []
            current = aligns[cell.col] if cell.col < len(aligns) else None
            values = [v for _t, v in ALIGNS]
            self._loading, was = True, self._loading
            self.column_align.setCurrentIndex(values.index(current) if current in values else 0)
            self._loading = was
        self.delete_row.setEnabled(cell is not None and row_refusal(table, row) is None)
        self.delete_col.setEnabled(cell is not None and column_refusal(table, cell.col) is None)
        self.split_table.setEnabled(cell is not None and table.header_rows < row < len(table.rows))

    def _cell(self) -> model.Cell | None:
        table = self.table
        if table is None or not self.cell_id:
            return None
        for row in table.rows:
            for cell in row.cells:
                if cell.id == self.cell_id:
                    return cell
        return None

    def _row_of(self, cell: model.Cell) -> int:
        return next(i for i, row in enumerate(self.table.rows) if cell in row.cells)

    # -- edits ---------------------------------------------------------------------------------
    def _emit(self, field: str, value) -> None:
        if self._loading or self.doc is None or self.table is None:
            return
        self.layout_edited.emit(self.doc.id, self.table.id, field, value)

    def _width_edited(self, column: int) -> None:
        table = self.table
        if table is None or self._loading:
            return
        widths = self.widths()
        new = self._width_boxes[column].value() * MM
        if abs(new - widths[column]) < 0.05 * MM:
            return
        self._emit("col_widths", [round(w, 2) for w in widths_with(widths, column, new)])

    def drag_border(self, border: int, delta: float) -> None:
        """A column border was dragged ``delta`` points in the preview."""
        table = self.table
        if table is None:
            return
        widths = widths_after_drag(self.widths(), border, delta)
        self._emit("col_widths", [round(w, 2) for w in widths])

    def _font_chosen(self, index: int) -> None:
        if 0 <= index < len(self.sizes):
            self._emit("font_size", self.sizes[index] or None)

    def _header_edited(self) -> None:
        value = self.header_rows.value()
        self._emit("header_rows", None if value < 0 else value)

    def _merge(self, direction: str) -> None:
        if self.doc is not None and self.table is not None and self.cell_id:
            self.merge_requested.emit(self.doc.id, self.table.id, self.cell_id, direction)

    def _cell_action(self, action: str, value=None) -> None:
        if self._loading or self.doc is None or self.table is None or not self.cell_id:
            return
        self.cell_action_requested.emit(self.doc.id, self.table.id, self.cell_id, action, value)

    def _unmerge(self) -> None:
        if self.doc is not None and self.table is not None and self.cell_id:
            self.unmerge_requested.emit(self.doc.id, self.table.id, self.cell_id)
