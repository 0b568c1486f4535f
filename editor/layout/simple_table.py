"""A plain grid table flowable: model.Table → ruled rows across pages (layer: layout).

Used when ``editor.layout.table.TableFlowable`` is not available.  Columns come from the
.docx grid scaled to the 版心; every cell's paragraphs are composed by
``editor.layout.compose`` inside the cell (padding on all sides); a row is as tall as its
tallest cell, so no text ever leaves its cell.  A merged cell (row_span > 1) is kept in its
first row, which grows to hold it; the positions it covers stay empty.  Rows move whole to
the next page, where the header rows are repeated; a row taller than a whole page is split
between lines.  Only what the composer positioned is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass

from editor.fonts.measure import Measurer
from editor.layout.compose import ComposedLine, compose
from editor.layout.flow import Frame, ParaFormat, Placement, Span
from editor.layout.items import LineItem, RectItem, Source
from editor.layout.table_prep import n_cols
from editor import model

EPS = 0.01


@dataclass
class _Cell:
    x: float                    # left edge relative to the table
    width: float
    lines: list[ComposedLine]
    fill: str | None = None


@dataclass
class _Row:
    cells: list[_Cell]
    height: float
    header: bool = False


class SimpleTableFlowable:
    keep_with_next = False
    page_break_before = False
    landscape = False

    def __init__(self, table: model.Table, settings: dict, measurer: Measurer, doc_id: str,
                 _rows: list[_Row] | None = None, _width: float | None = None):
        self.table = table
        self.s = settings
        self.m = measurer
        self.doc_id = doc_id
        self._rows = _rows
        self._width = _width
        self.continued = _rows is not None

    # -- measuring ----------------------------------------------------------------------
    def _columns(self, width: float) -> list[float]:
        grid = [g for g in self.table.grid if g and g > 0]
        n = n_cols(self.table)
        if len(grid) != n:
            grid = [1.0] * n
        total = sum(grid)
        return [g * width / total for g in grid]

    def _cell(self, cell: model.Cell, xs: list[float], widths: list[float], header: bool
              ) -> _Cell:
        pad = self.s["padding"]
        span = min(cell.col_span, len(widths) - cell.col)
        x = xs[min(cell.col, len(xs) - 1)]
        w = sum(widths[cell.col:cell.col + span]) if span > 0 else widths[-1]
        role = self.s["header_role"] if header else self.s["role"]
        lines: list[ComposedLine] = []
        for block in cell.blocks:
            text = model.block_text(block) if isinstance(block, model.Paragraph) else ""
            if not text.strip():
                continue
            align = "center" if header else (block.style.align if block.style and
                                             block.style.align in ("center", "right") else "justify")
            fmt = ParaFormat(align=align, line_pitch=self.s["size"] * 1.35, punct="kaiming")
            src = Source(self.doc_id, f"{self.table.id}/{cell.id}/{block.id}", 0, len(text))
            lines.extend(compose([Span(text, role, self.s["size"], source=src)], fmt,
                                 max(w - 2 * pad, self.s["size"]), self.m))
        fill = self.s.get("header_fill") if header else (cell.shading or None)
        return _Cell(x, w, lines, fill)

    def rows(self, width: float) -> list[_Row]:
        if self._rows is not None and (self.continued or abs((self._width or 0) - width) < EPS):
            return self._rows
        widths = self._columns(width)
        xs = [sum(widths[:k]) for k in range(len(widths))]
        out = []
        n_head = self.table.header_rows
        for r_index, row in enumerate(self.table.rows):
            header = r_index < n_head
            cells = [self._cell(c, xs, widths, header) for c in row.cells]
            h = max([sum(ln.pitch for ln in c.lines) for c in cells] + [self.s["size"]])
            out.append(_Row(cells, max(h + 2 * self.s["padding"], row.height or 0.0), header))
        self._rows, self._width = out, width
        return out

    # -- placing ------------------------------------------------------------------------
    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        rows = self.rows(frame.width)
        head = [r for r in rows if r.header] if self.s.get("repeat_header", True) else []
        body = [r for r in rows if not r.header] if self.continued else rows
        items: list = []
        top = y
        placed = 0
        if self.continued and head:
            if top + sum(r.height for r in head) + (body[0].height if body else 0) > frame.bottom + EPS \
                    and not first_on_page:
                return Placement(items=[], y_end=y, rest=self)
            for r in head:
                items += self._draw(r, frame.x, top)
                top += r.height
        for k, row in enumerate(body):
            if top + row.height <= frame.bottom + EPS:
                items += self._draw(row, frame.x, top)
                top += row.height
                placed += 1
                continue
            if placed == 0 and not first_on_page:
                return Placement(items=[], y_end=y, rest=self)
            if placed == 0:                  # taller than a whole page: split its lines
                part, rest_row = self._split(row, frame.bottom - top)
                if part is None:             # guaranteed progress, with a warning
                    items += self._draw(row, frame.x, top)
                    return Placement(items=items, y_end=frame.bottom,
                                     rest=self._rest(head + body[k + 1:]) if body[k + 1:] else None,
                                     warnings=["表格行高超出版心"])
                items += self._draw(part, frame.x, top)
                return Placement(items=items, y_end=frame.bottom,
                                 rest=self._rest(head + [rest_row] + body[k + 1:]))
            return Placement(items=items, y_end=frame.bottom,
                             rest=self._rest(head + body[k:]))
        return Placement(items=items, y_end=top + 4.0)

    def _rest(self, rows: list[_Row]) -> "SimpleTableFlowable":
        return SimpleTableFlowable(self.table, self.s, self.m, self.doc_id, rows, self._width)

    def _split(self, row: _Row, avail: float) -> tuple[_Row | None, _Row]:
        """The part of ``row`` that fits in ``avail`` (whole lines) and the rest."""
        pad = self.s["padding"]
        room = avail - 2 * pad
        first, rest = [], []
        for c in row.cells:
            k, h = 0, 0.0
            while k < len(c.lines) and h + c.lines[k].pitch <= room + EPS:
                h += c.lines[k].pitch
                k += 1
            first.append(_Cell(c.x, c.width, c.lines[:k], c.fill))
            rest.append(_Cell(c.x, c.width, c.lines[k:], c.fill))
        if not any(c.lines for c in first):
            return None, row
        h2 = max([sum(ln.pitch for ln in c.lines) for c in rest] + [0.0]) + 2 * pad
        return _Row(first, avail, row.header), _Row(rest, h2, row.header)

    def _draw(self, row: _Row, x0: float, top: float) -> list:
        pad = self.s["padding"]
        bw = self.s["border_width"]
        items: list = []
        for c in row.cells:
            if c.fill:
                items.append(RectItem(x0 + c.x, top, c.width, row.height, fill=c.fill))
            y = top + pad
            for ln in c.lines:
                items.extend(ln.to_items(x0 + c.x + pad, y + (ln.pitch + ln.ascent - ln.descent) / 2))
                y += ln.pitch
            l, r, b = x0 + c.x, x0 + c.x + c.width, top + row.height
            items += [LineItem(l, top, r, top, bw), LineItem(l, b, r, b, bw),
                      LineItem(l, top, l, b, bw), LineItem(r, top, r, b, bw)]
        return items
