"""Page preview: a LaidOutIssue's pages on screen, continuous and zoomable (layer: ui).

``PreviewView`` stacks the pages vertically and paints the visible ones with
``painter.PagePainter`` (the same items the PDF draws), caching each page as an image at
the current zoom and device pixel ratio.  When new pages arrive after an edit the scroll
position is kept and pages whose items did not change keep their images.

Zoom: ``set_zoom("fit_width" | "fit_page" | percent)``, 50–400 %; 100 % is the printed size
on the screen's logical DPI.  Clicking text emits ``source_clicked(Source)``; the blocks
of the selected source are highlighted.  When a table is selected (``set_table``), its
column borders can be dragged: ``column_dragged(border, delta_pt)``.  In select mode
(校对 mode) a drag sweeps text: ``text_selected(page, start_xy, end_xy)`` in page points, and
``overlays`` (callables ``f(painter, page_index)`` in page coordinates) draw on top of the
pages without touching their cached images.

``ThumbnailModel`` gives page thumbnails (drawn greeked, on demand) for a list view.
"""
from __future__ import annotations

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QPointF, QRect, QRectF, QSize,
                            Qt, Signal)
from PySide6.QtGui import QColor, QCursor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea

from editor.layout.items import ImageItem, LineItem, Page, Source, TextItem
from editor.model.address import BlockAddress
from editor.ui.issue_tree import FileDrops
from editor.ui.painter import FaceFonts, PagePainter, render_page_image

GAP = 16                 # pixels between pages
ZOOM_STEPS = (50, 75, 100, 125, 150, 200, 300, 400)
MIN_ZOOM, MAX_ZOOM = 50, 400
GRAB = 4                 # pixels either side of a column border that start a drag


def hit_text(page: Page, x: float, y: float) -> TextItem | ImageItem | None:
    """The text item under page point (x, y), else the picture there (one with a source:
    a document's picture, not the cover's), if any."""
    for item in page.items:
        if not isinstance(item, TextItem) or not item.text:
            continue
        x0 = item.xs[0] if item.xs else item.x
        x1 = x0 + (item.width or item.size * len(item.text))
        if x0 - 1 <= x <= x1 + 1 and item.y - item.size <= y <= item.y + item.size * 0.25:
            return item
    for item in page.items:
        if isinstance(item, ImageItem) and item.source is not None \
                and item.x <= x <= item.x + item.w and item.y <= y <= item.y + item.h:
            return item
    return None


def table_extent(page: Page, doc_id: str, table_id: str) -> tuple[list[float], float, float]:
    """The x of a table's column borders on ``page`` (left edge, inner borders, right
    edge) from the vertical rules beside the table's text, and the rules' top and bottom;
    ([], 0, 0) when the table is not on the page."""
    prefix = f"{table_id}/"
    texts = [t for t in page.texts() if t.source and t.source.doc_id == doc_id
             and t.source.block_id.startswith(prefix)]
    if not texts:
        return [], 0.0, 0.0
    top = min(t.y - t.size for t in texts)
    bottom = max(t.y for t in texts)
    xs, y_top, y_bottom = set(), top, bottom
    for item in page.items:
        if isinstance(item, LineItem) and abs(item.x1 - item.x2) < 0.01:
            y0, y1 = sorted((item.y1, item.y2))
            if y0 <= bottom and y1 >= top:      # a rule beside the table's text
                xs.add(round(item.x1, 2))
                y_top, y_bottom = min(y_top, y0), max(y_bottom, y1)
    return sorted(xs), y_top, y_bottom


def table_columns(page: Page, doc_id: str, table_id: str) -> list[float]:
    """Column border x positions of a table on ``page`` (see ``table_extent``)."""
    return table_extent(page, doc_id, table_id)[0]


def measured_tables(pages: list[Page], tables: list[tuple[str, str, int]]
                    ) -> dict[tuple[str, str], list[float]]:
    """Column widths of each (doc id, table id, number of columns) as drawn on the first
    page where all its column borders show."""
    out: dict[tuple[str, str], list[float]] = {}
    for doc_id, table_id, n_cols in tables:
        for page in pages:
            if page.doc_id not in (None, doc_id):
                continue
            xs = table_columns(page, doc_id, table_id)
            if len(xs) == n_cols + 1:
                out[(doc_id, table_id)] = [b - a for a, b in zip(xs, xs[1:])]
                break
    return out


def table_pages(pages: list[Page], doc_id: str, table_id: str) -> list[int]:
    """Indexes of the pages that show some of a table's text."""
    prefix = f"{table_id}/"
    return [n for n, page in enumerate(pages) if page.doc_id in (None, doc_id) and any(
        t.source and t.source.doc_id == doc_id and t.source.block_id.startswith(prefix)
        for t in page.texts())]


def landscape_tables(pages: list[Page], doc_id: str) -> set[tuple[str, str]]:
    """(doc id, table id) of the document's tables drawn on landscape pages."""
    out = set()
    for page in pages:
        if not page.landscape or page.doc_id not in (None, doc_id):
            continue
        for item in page.texts():
            source = item.source
            if source is not None and source.doc_id == doc_id:
                address = BlockAddress.parse(source.block_id)
                if address.in_table:
                    out.add((doc_id, address.table_id))
    return out


class PreviewView(FileDrops, QAbstractScrollArea):   # .docx dropped: files_dropped
    source_clicked = Signal(object)            # editor.layout.items.Source
    column_dragged = Signal(int, float)        # inner border number (1..n-1), delta in pt
    page_changed = Signal(int)                 # index of the page at the top
    zoom_changed = Signal(str)                 # text for the status bar
    text_selected = Signal(int, object, object)  # page, (x, y) start, (x, y) end, points
    context_requested = Signal(object, object)   # Source under a right click, global QPoint
    files_dropped = Signal(list)               # [Path] of .docx (…) dropped from Explorer

    def __init__(self, fonts: FaceFonts, parent=None):
        super().__init__(parent)
        self.fonts = fonts
        self.painter = PagePainter(fonts)
        self.pages: list[Page] = []
        self.mode: str | int = "fit_width"
        self.scale = 1.0                       # pixels per point
        self._tops: list[int] = []
        self._cache: dict[int, tuple[float, list, object]] = {}
        self.selected: Source | None = None
        self.table: tuple[str, str] | None = None
        self._drag: tuple[int, int, float, float] | None = None  # page, border, x0, x now
        self.select_mode = False
        self.sweep: tuple[int, tuple[float, float], tuple[float, float]] | None = None
        self._sweeping = False
        self.overlays: list = []
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(True)
        pal = self.viewport().palette()
        pal.setColor(self.viewport().backgroundRole(), QColor("#6b7078"))
        self.viewport().setPalette(pal)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.setAccessibleName("页面预览")
        self.viewport().setAcceptDrops(True)     # .docx from Explorer onto the pages: import

    # -- content ------------------------------------------------------------------------------
    def set_pages(self, pages: list[Page]) -> None:
        """Show new pages, keeping the scroll position and unchanged page images."""
        anchor = self.current_page()
        old = self.pages
        keep = {}
        for index, entry in self._cache.items():
            if index < len(pages) and index < len(old) and entry[1] is not None \
                    and pages[index].items == old[index].items:
                keep[index] = entry
        self._cache = keep
        self.pages = list(pages)
        self._relayout()
        if anchor < len(self._tops):
            self.verticalScrollBar().setValue(self._tops[anchor])
        self.viewport().update()

    def set_selected(self, source: Source | None) -> None:
        self.selected = source
        self.viewport().update()

    def set_table(self, doc_id: str | None, table_id: str | None) -> None:
        self.table = (doc_id, table_id) if doc_id and table_id else None
        self.viewport().update()

    def show_table(self) -> None:
        """Bring the chosen table (``set_table``) into view unless a page of it shows."""
        if self.table is None:
            return
        found = table_pages(self.pages, *self.table)
        if found and self.current_page() not in found:
            self.go_to_page(found[0])

    # -- zoom ---------------------------------------------------------------------------------
    def set_zoom(self, mode: str | int) -> None:
        if isinstance(mode, (int, float)):
            mode = int(max(MIN_ZOOM, min(MAX_ZOOM, mode)))
        anchor = self.current_page()
        self.mode = mode
        self._relayout()
        if anchor < len(self._tops):
            self.verticalScrollBar().setValue(self._tops[anchor])
        self.zoom_changed.emit(self.zoom_text())

    def zoom_percent(self) -> int:
        return int(round(self.scale / self._unit() * 100))

    def zoom_text(self) -> str:
        names = {"fit_width": "适合宽度", "fit_page": "适合页面"}
        label = names.get(self.mode, "")
        return f"{label} {self.zoom_percent()}%".strip()

    def zoom_step(self, direction: int) -> None:
        current = self.zoom_percent()
        if direction > 0:
            nxt = next((z for z in ZOOM_STEPS if z > current), MAX_ZOOM)
        else:
            nxt = next((z for z in reversed(ZOOM_STEPS) if z < current), MIN_ZOOM)
        self.set_zoom(nxt)

    def _unit(self) -> float:
        """Pixels per point at 100 %."""
        return self.logicalDpiX() / 72.0

    def _compute_scale(self) -> float:
        if not self.pages:
            return self._unit()
        widest = max(p.width for p in self.pages)
        avail_w = max(50, self.viewport().width() - 2 * GAP)
        if self.mode == "fit_width":
            scale = avail_w / widest
        elif self.mode == "fit_page":
            tallest = max(p.height for p in self.pages)
            avail_h = max(50, self.viewport().height() - 2 * GAP)
            scale = min(avail_w / widest, avail_h / tallest)
        else:
            scale = self._unit() * float(self.mode) / 100.0
        lo, hi = self._unit() * MIN_ZOOM / 100, self._unit() * MAX_ZOOM / 100
        return max(lo, min(hi, scale)) if self.mode not in ("fit_width", "fit_page") \
            else max(self._unit() * 0.1, min(hi, scale))

    def _relayout(self) -> None:
        scale = self._compute_scale()
        if abs(scale - self.scale) > 1e-6:
            self._cache.clear()
        self.scale = scale
        y = GAP
        self._tops = []
        for page in self.pages:
            self._tops.append(y)
            y += int(round(page.height * scale)) + GAP
        total_w = int(max((p.width for p in self.pages), default=0) * scale) + 2 * GAP
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, y - self.viewport().height()))
        vbar.setPageStep(self.viewport().height())
        vbar.setSingleStep(40)
        hbar.setRange(0, max(0, total_w - self.viewport().width()))
        hbar.setPageStep(self.viewport().width())
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        anchor = self.current_page()
        self._relayout()
        if anchor < len(self._tops) and self.mode in ("fit_width", "fit_page"):
            self.verticalScrollBar().setValue(self._tops[anchor])
        self.zoom_changed.emit(self.zoom_text())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_step(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # -- geometry -----------------------------------------------------------------------------
    def page_rect(self, index: int) -> QRect:
        page = self.pages[index]
        w = int(round(page.width * self.scale))
        h = int(round(page.height * self.scale))
        x = max(GAP, (self.viewport().width() - w) // 2) - self.horizontalScrollBar().value()
        y = self._tops[index] - self.verticalScrollBar().value()
        return QRect(x, y, w, h)

    def current_page(self) -> int:
        value = self.verticalScrollBar().value() + GAP
        for index in range(len(self._tops) - 1, -1, -1):
            if self._tops[index] <= value + self.viewport().height() // 3:
                return index
        return 0

    def go_to_page(self, index: int) -> None:
        if 0 <= index < len(self._tops):
            self.verticalScrollBar().setValue(self._tops[index] - GAP // 2)

    def scroll_to(self, index: int, y: float) -> None:
        """Scroll so that height ``y`` (points) of page ``index`` is a third down the view."""
        if 0 <= index < len(self._tops):
            self.verticalScrollBar().setValue(
                self._tops[index] + int(y * self.scale) - self.viewport().height() // 3)

    def clear_sweep(self) -> None:
        self.sweep = None
        self._sweeping = False
        self.viewport().update()

    def _scrolled(self, _value: int) -> None:
        self.page_changed.emit(self.current_page())

    def page_at(self, pos) -> tuple[int, float, float] | None:
        """(page index, x pt, y pt) under a viewport position."""
        for index in range(len(self.pages)):
            rect = self.page_rect(index)
            if rect.contains(pos):
                return (index, (pos.x() - rect.x()) / self.scale,
                        (pos.y() - rect.y()) / self.scale)
        return None

    # -- painting -------------------------------------------------------------------------------
    def _image(self, index: int):
        entry = self._cache.get(index)
        if entry is None or entry[0] != self.scale:
            ratio = self.devicePixelRatioF()
            image = render_page_image(self.pages[index], self.painter, self.scale, ratio)
            entry = (self.scale, self.pages[index].items, QPixmap.fromImage(image))
            self._cache[index] = entry
        return entry[2]

    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        view = self.viewport().rect()
        if not self.pages:
            p.setPen(QColor("#e8e8e8"))
            p.drawText(view, Qt.AlignmentFlag.AlignCenter, "排版中…" if self.property("busy")
                       else "没有页面")
            return
        for index in range(len(self.pages)):
            rect = self.page_rect(index)
            if rect.bottom() < view.top() or rect.top() > view.bottom():
                continue
            p.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 70))
            p.drawPixmap(rect.topLeft(), self._image(index))
            self._overlay(p, index, rect)
        p.end()

    def _overlay(self, p: QPainter, index: int, rect: QRect) -> None:
        page = self.pages[index]
        p.save()
        p.translate(rect.topLeft())
        p.scale(self.scale, self.scale)
        if self.selected is not None and not self.select_mode:
            tint = QColor(40, 120, 255, 50)
            for item in page.texts():
                src = item.source
                if src and src.doc_id == self.selected.doc_id \
                        and src.block_id == self.selected.block_id:
                    x0 = item.xs[0] if item.xs else item.x
                    p.fillRect(QRectF(x0, item.y - item.size, item.width or item.size,
                                      item.size * 1.2), tint)
        if self.table is not None:
            pen = QPen(QColor(230, 110, 0, 160))
            pen.setWidthF(1.5 / self.scale)
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            xs, top, bottom = table_extent(page, *self.table)
            for x in xs[1:-1]:
                p.drawLine(QPointF(x, top - 6), QPointF(x, bottom + 6))
        if self._drag is not None and self._drag[0] == index:
            pen = QPen(QColor(230, 60, 0))
            pen.setWidthF(2 / self.scale)
            p.setPen(pen)
            _xs, top, bottom = table_extent(page, *self.table)
            p.drawLine(QPointF(self._drag[3], top - 6), QPointF(self._drag[3], bottom + 6))
        for overlay in self.overlays:
            p.save()
            overlay(p, index)
            p.restore()
        p.restore()

    # -- mouse ----------------------------------------------------------------------------------
    def _border_at(self, pos) -> tuple[int, int, float] | None:
        if self.table is None:
            return None
        hit = self.page_at(pos)
        if hit is None:
            return None
        index, x, _y = hit
        borders = table_columns(self.pages[index], *self.table)
        for k, bx in enumerate(borders[1:-1], start=1):
            if abs(bx - x) * self.scale <= GRAB:
                return index, k, bx
        return None

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        border = self._border_at(pos)
        if border is not None:
            self._drag = (border[0], border[1], border[2], border[2])
            return
        hit = self.page_at(pos)
        if hit is None:
            return
        if self.select_mode:
            self.sweep = (hit[0], (hit[1], hit[2]), (hit[1], hit[2]))
            self._sweeping = True
        item = hit_text(self.pages[hit[0]], hit[1], hit[2])
        if item is not None and item.source is not None:
            self.set_selected(item.source)
            self.source_clicked.emit(item.source)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            rect = self.page_rect(self._drag[0])
            x = (pos.x() - rect.x()) / self.scale
            self._drag = (*self._drag[:3], x)
            self.viewport().update()
            return
        if self._sweeping and self.sweep is not None:
            index, start, _end = self.sweep
            rect = self.page_rect(index)
            self.sweep = (index, start, ((pos.x() - rect.x()) / self.scale,
                                         (pos.y() - rect.y()) / self.scale))
            self.viewport().update()
            return
        shape = Qt.CursorShape.SplitHCursor if self._border_at(pos) else \
            Qt.CursorShape.IBeamCursor if self.select_mode else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(QCursor(shape))

    def mouseReleaseEvent(self, event) -> None:
        if self._sweeping and self.sweep is not None:
            self._sweeping = False
            self.text_selected.emit(*self.sweep)
            return
        if self._drag is None:
            return super().mouseReleaseEvent(event)
        _page, border, x0, x1 = self._drag
        self._drag = None
        self.viewport().update()
        if abs(x1 - x0) >= 1.0:
            self.column_dragged.emit(border, x1 - x0)

    def contextMenuEvent(self, event) -> None:
        hit = self.page_at(event.pos())
        item = hit_text(self.pages[hit[0]], hit[1], hit[2]) if hit is not None else None
        if item is not None and item.source is not None:
            self.context_requested.emit(item.source, event.globalPos())
        else:
            super().contextMenuEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageDown:
            self.go_to_page(self.current_page() + 1)
        elif key == Qt.Key.Key_PageUp:
            self.go_to_page(self.current_page() - 1)
        elif key == Qt.Key.Key_Home and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.go_to_page(len(self.pages) - 1)
        else:
            super().keyPressEvent(event)


class ThumbnailModel(QAbstractListModel):
    """Page thumbnails, drawn on demand (only rows the list shows are asked for)."""
    WIDTH = 96

    def __init__(self, fonts: FaceFonts, parent=None):
        super().__init__(parent)
        self.painter = PagePainter(fonts)
        self.pages: list[Page] = []
        self._icons: dict[int, tuple[list, QIcon]] = {}
        self.ratio = 1.0

    def set_pages(self, pages: list[Page]) -> None:
        self.beginResetModel()
        old = self._icons
        self._icons = {i: e for i, e in old.items()
                       if i < len(pages) and e[0] == pages[i].items}
        self.pages = list(pages)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pages)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.pages):
            return None
        page = self.pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page.folio) if page.folio is not None else _KIND_NAMES.get(page.kind, "")
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"第 {index.row() + 1} 页" + (f"（页码 {page.folio}）" if page.folio else "")
        return None

    def _icon(self, row: int) -> QIcon:
        entry = self._icons.get(row)
        page = self.pages[row]
        if entry is None:
            scale = self.WIDTH / max(page.width, 1.0)
            image = render_page_image(page, self.painter, scale, self.ratio)
            entry = (page.items, QIcon(QPixmap.fromImage(image)))
            self._icons[row] = entry
        return entry[1]

    def icon_size(self) -> QSize:
        return QSize(self.WIDTH, int(self.WIDTH * 1.42))


_KIND_NAMES = {"cover": "封面", "inner_cover": "扉页", "intro": "简介", "toc": "目录",
               "colophon": "版权页", "section": "栏目", "blank": "空白页"}
