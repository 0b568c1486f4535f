"""Tables: model.Table → ruled page fragments that split across pages (layer: layout).

``TableFlowable(table, style, measurer, doc_id)`` is the flowable the paginator places.
Preparation (``editor.layout.table_prep``) fixes the font size, the column widths and the
composed lines of every cell; placing walks the rows with a small state:

* ``row``: the next row to open; ``carry``: cells already open (row-spanning cells that
  continue, or the cells of a row split inside itself) with the lines still to set;
* every page fragment repeats the header rows (and a 续表 caption when set), draws the
  carried cells from the top of the body, then rows while they fit;
* a row that does not fit splits inside itself (each cell's remaining lines go on in the
  next page's part of the row) only when its tallest cell has more than
  ``min_split_lines`` lines, and then every split cell keeps ``min_fragment_lines`` lines
  or more on each side (a cell that cannot moves down whole) and breaks after a word unit
  — a line ending in 、，。 or a paragraph — when one is within ``unit_break_lines`` (a
  list of names, 区行政审批局、区税务局, with none near moves down whole); a
  shorter row, or a ``cant_split``/keep-together one, moves whole, and is split anyway
  when it is the first row of a page (guaranteed progress);
* a row-spanning cell sets its lines from the top of its fragment; at a page break its
  remaining lines flow on (``merged_continuation="flow"``), or, with ``"repeat"``, a
  group label shown whole is shown whole again on the next page; the row where a
  spanning cell ends grows to hold what is left;
* a group heading row (one cell across the table) is kept with the start of the row after
  it: it never ends a page;
* no stub: a fragment whose rest would be under ``min_fragment_lines`` lines of whole
  rows ends a row earlier, and a table whose first fragment would hold fewer lines than
  that (a lone row at a page foot) starts on the next page;
* ``note`` (the ``注：`` paragraph after the table, set by ``tables_glue.bind_tables``):
  room for its first lines is kept below the last row, so it never starts a page alone.

Every fragment is a closed grid: each cell's box on a page is drawn whole.  Header rows
the import guessed on weak evidence (``model.Table.header_doubt``) are repeated with a
``TABLE_HEADER_GUESSED`` warning, unless the user has set the header rows.
Font size rule: ``table.layout.font_size`` (editor override) wins, else the template's
``TableStyle.size`` (小四) — ``wide_size`` (五号) for a wide table; docx run sizes are not used (the gazette sets tables uniformly).  The
template size is lowered in 0.5 pt steps, never below ``min_size``, while the columns
cannot each hold their widest unbreakable piece — or ``landscape_min_chars`` characters
per line for longer text — in the frame (an editor-set size is kept as it is).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from editor.fonts.measure import Measurer
from editor.layout.flow import Frame, Placement
from editor.layout.items import ImageItem, LayoutWarning, LineItem, RectItem, TextItem
from editor.layout.table_prep import (IMAGE_GAP, Metrics, Prepared, PCell, Unit, TableStyle,
                                      column_metrics, prepare,
                                      table_wants_landscape)
from editor import model

__all__ = ["TableStyle", "TableFlowable", "table_wants_landscape"]

EPS = 0.01
SMALL_TABLE_SHARE = 0.25   # a table no taller than this share of the frame never splits


@dataclass
class _Open:
    """A cell open on the current page: its lines still to set and its fragment top."""
    cell: PCell
    units: list[Unit]
    top: float = 0.0
    continued: bool = False        # started on an earlier page
    repeated: bool = False         # its whole text again (a merged group label)


@dataclass
class _State:
    row: int = 0                   # next row to open
    carry: list[_Open] = field(default_factory=list)
    continued: bool = False        # not the table's first fragment
    mid_row: bool = False          # ``row`` was split: its cells are in ``carry``


class TableFlowable:
    """A whole table (or what is left of it) as a flowable.  ``lead``: room above its
    top border when it starts under a line of text (set by the document builder)."""
    page_break_before = False
    lead = 0.0

    def __init__(self, table: model.Table, style: TableStyle, measurer: Measurer,
                 doc_id: str, _state: _State | None = None, _cache: dict | None = None):
        self.table = table
        self.style = style
        self.measurer = measurer
        self.doc_id = doc_id
        self.keep_with_next = False
        self.note = None                # the 注 paragraph right after the table
        self._state = _state or _State()
        self._cache = _cache if _cache is not None else {}
        self.landscape = self._wants_landscape()

    def __repr__(self) -> str:
        return f"TableFlowable({self.table.id}, row={self._state.row})"

    def _wants_landscape(self) -> bool:
        if "landscape" not in self._cache:
            portrait = getattr(self.style, "portrait_width", None) or 442.2
            self._cache["landscape"] = table_wants_landscape(
                self.table, self.style, portrait, self.measurer, self._metrics())
        return self._cache["landscape"]

    def _metrics(self) -> Metrics:
        """``column_metrics`` of the table, measured once for the landscape test and
        every width the table is prepared at."""
        if "metrics" not in self._cache:
            self._cache["metrics"] = column_metrics(self.table, self.style, self.measurer)
        return self._cache["metrics"]

    def prepared(self, width: float, height: float = float("inf")) -> Prepared:
        """The table prepared for a frame ``width`` × ``height`` (the height caps the
        pictures in cells), cached per frame size."""
        key = (round(width, 2), round(height, 2))
        hit = self._cache.get(key)
        if hit is None:
            hit = prepare(self.table, self.style, width, self.measurer, self.doc_id,
                          self._metrics(), height)
            if hit.n_header:
                head = _Page(hit, self.style, 0.0, float("inf"), hit.header_items)
                head.run(_State(), 0, 0.0, True, stop=hit.n_header)
                hit.header_height = head.y
            self._cache[key] = hit
        return hit

    # -- placing ------------------------------------------------------------------------
    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        p = self.prepared(frame.width, frame.height)
        st = self._state
        if st.row >= len(p.rows) and not st.carry:
            return Placement(items=[], y_end=y)
        x0 = frame.x + p.x_offset
        items: list = []
        top = y
        if not first_on_page and not st.continued and st.row == 0:
            top = y + self.lead                 # clear of the text line just above
        if st.continued and p.caption_lines:
            for ln in p.caption_lines:
                items += ln.to_items(x0, top + (ln.pitch + ln.ascent - ln.descent) / 2)
                top += ln.pitch
        repeat = self.style.repeat_header and p.header_height <= frame.height / 2
        if (st.continued and repeat) or st.row == 0:
            for it in p.header_items:
                items.append(_shift(it, x0, top))
            top += p.header_height
            body_row = max(st.row, p.n_header)
        else:
            body_row = st.row
        reserve = self._note_room(frame)
        page, limit = None, None
        for _ in range(3):
            page = _Page(p, self.style, x0, frame.bottom, list(items), limit, reserve)
            progress, rest = page.run(st, body_row, top, first_on_page)
            stub = self._stub(p, rest)
            limit = rest.row - 1 if stub and rest.row - 1 > body_row else None
            if limit is None:
                break
        items = page.items
        if not progress and not first_on_page:
            return Placement(items=[], y_end=y, rest=self)
        low = y > frame.y + frame.height / 3      # a new page would give much more room
        if not st.continued and not first_on_page and low and rest is not None and (
                stub or page.body_lines < self.style.min_fragment_lines):
            # a lone row at a page foot, or a stub left over: start on the next page
            return Placement(items=[], y_end=y, rest=self)
        if not st.continued and not first_on_page and rest is not None and \
                self._small(p, st, body_row, x0, top, frame):
            return Placement(items=[], y_end=y, rest=self)      # a small table moves whole
        warnings = page.warnings
        items.sort(key=lambda it: not isinstance(it, RectItem))
        if rest is None:
            return Placement(items=items, y_end=page.y + self.style.space_after,
                             warnings=warnings)
        if not st.continued:
            warnings = warnings + self._header_doubt(p)
        nxt = TableFlowable(self.table, self.style, self.measurer, self.doc_id, rest,
                            self._cache)
        nxt.note = self.note
        return Placement(items=items, y_end=frame.bottom, rest=nxt, warnings=warnings)

    def _small(self, p: Prepared, st: "_State", body_row: int, x0: float, top: float,
               frame: Frame) -> bool:
        """Is the whole table (from ``top``) no taller than ``SMALL_TABLE_SHARE`` of the
        frame?  Such a table (a 统计公报's 表3 of four rows) is not split over pages: a
        reader would see two rows, then 续表 and two more."""
        whole = _Page(p, self.style, x0, float("inf"), [], None, 0.0)
        whole.run(st, body_row, top, False)
        return whole.y - top <= SMALL_TABLE_SHARE * frame.height

    def _header_doubt(self, p: Prepared) -> list:
        """The import's doubt about header rows it guessed (the table crosses pages, so
        they are repeated), unless the user has set the header rows."""
        t = self.table
        if not (t.header_doubt and p.n_header and t.layout.header_rows is None):
            return []
        return [LayoutWarning(f"{t.header_doubt}；如不是表头，请在表格面板把“重复表头行数”"
                              "设为 0", code="TABLE_HEADER_GUESSED", block_id=t.id)]

    def _note_room(self, frame: Frame) -> float:
        """Room kept below the last row for the table's ``注：`` note (its first lines),
        so that the note never starts the next page alone."""
        note = self.note
        if note is None:
            return 0.0
        return note.min_height(frame) + (frame.grid_pitch or 0.0)

    def _stub(self, p: Prepared, rest: "_State | None") -> bool:
        """Would ``rest`` be a stub — fewer than ``min_fragment_lines`` lines in whole
        rows, with no row split and no cell carried over that holds more than those
        rows?  A merged cell spanning down into them (将军路街道 over its households) does
        not make the rest more than a stub.  (Then the fragment ends a row earlier.)"""
        if rest is None or rest.mid_row:
            return False
        left = sum(_lines(row, r) for r, row in enumerate(p.rows[rest.row:], rest.row))
        if any(not o.repeated and len(o.units) > left for o in rest.carry):
            return False
        return left < self.style.min_fragment_lines


def _lines(row, r: int) -> int:
    """Lines of row ``r`` for the stub rules: its tallest cell ending there (an empty
    row counts as one line)."""
    return max([len(c.units) for c in row.cells if c.row_end == r] + [1])


_ITEM_SEP = re.compile(r"[、，,；;／/\s]+")
NAME_MAX_CHARS = 16     # an item of a list this short is a name (区行政审批局)


def _name_list(cell: PCell) -> bool:
    """Is the cell a list of names (区行政审批局、区税务局) — short items between 、，；
    and no sentence — whose lines break inside names when the column is narrow?"""
    text = "".join(u.line.text for u in cell.units if u.line is not None)
    if not text or "。" in text.rstrip("。"):
        return False
    return all(len(item) <= NAME_MAX_CHARS for item in _ITEM_SEP.split(text.strip("。")))


_UNIT_END = set("、，,；;。：:！!？?）)”’》〕】」』")


def _unit_end(u: Unit) -> bool:
    """A cell line after which a page may break without splitting a word unit: it ends
    its paragraph, holds a picture, or ends in punctuation."""
    if u.line is None or u.line.is_last:
        return True
    text = u.line.text.rstrip()
    return bool(text) and text[-1] in _UNIT_END


def _shift(item, dx: float, dy: float):
    if isinstance(item, LineItem):
        return LineItem(item.x1 + dx, item.y1 + dy, item.x2 + dx, item.y2 + dy,
                        item.width, item.color)
    if isinstance(item, TextItem):
        return replace(item, x=item.x + dx, y=item.y + dy, xs=[v + dx for v in item.xs])
    return replace(item, x=item.x + dx, y=item.y + dy)


class _Page:
    """Sets body rows on one page fragment (helper of ``TableFlowable.place``)."""

    def __init__(self, p: Prepared, style: TableStyle, x0: float, bottom: float,
                 items: list, limit: int | None = None, reserve: float = 0.0):
        self.p, self.s, self.x0, self.bottom, self.items = p, style, x0, bottom, items
        self.limit = limit              # rows from this one on go to the next page
        self.reserve = reserve          # room kept below the table's last row
        self.y = 0.0
        self.body_lines = 0             # lines of body rows set on this page (most per row)
        self.warnings: list[str] = []

    def run(self, st: _State, row: int, top: float, first: bool, stop: int | None = None):
        """Set rows from ``row`` (to ``stop``); returns (progress made, rest state or None)."""
        p = self.p
        stop = len(p.rows) if stop is None else stop
        opened = [replace(o, top=top) for o in st.carry]
        skip_new = {st.row} if st.mid_row else set()
        y = top
        progress = False
        i = row
        while i < stop:
            if progress and (i in p.split_before or (self.limit is not None and i >= self.limit)):
                return True, self._break(opened, [], y, i, split=False)
            fresh = [] if i in skip_new else [_Open(c, list(c.units), y) for c in p.rows[i].cells]
            cur = opened + fresh
            need = self._row_height(cur, i, y, fresh_row=not (i in skip_new))
            extra = self.reserve if i == len(p.rows) - 1 else 0.0
            if progress and fresh and not opened and self._group_row(i) \
                    and y + need + self._least_next(i + 1, y + need) > self.bottom + EPS:
                return True, self._break(opened, [], y, i, split=False)
            if y + need + extra <= self.bottom + EPS:
                self.body_lines += max([len(o.units) for o in cur if o.cell.row_end == i]
                                       + [1])
                y = self._close_row(cur, i, y + need)
                opened = [o for o in cur if o.cell.row_end > i]
                if i in skip_new:
                    skip_new = set()
                progress = True
                i += 1
                continue
            must = first and not progress          # nothing on this page yet
            keep = p.rows[i].keep or not self._splittable(cur, i, fresh_row=i not in skip_new)
            if keep and not must:
                return progress, self._break(opened, [], y, i, split=False)
            # split inside row i
            ruled = self._fits_any(cur, y) and self._split_lines(cur, i) >= self.s.min_fragment_lines
            if not ruled and not must:
                return progress, self._break(opened, [], y, i, split=False)
            # first on the page and no split by the rules: set what fits by height
            force = not ruled and not (self._fits_any(cur, y) and self._split_lines(cur, i, whole=True))
            if force:
                self.warnings.append("表格行高超出版心，已强制分页")
            return True, self._break(opened, fresh, self.bottom, i, split=True, force=force,
                                     relaxed=not ruled)
        self.y = y
        if opened:                        # spans reaching past the last row (malformed)
            for o in opened:
                self._draw(o, o.units, y, closed=True)
        return progress, None

    # -- geometry ---------------------------------------------------------------------
    def _row_height(self, cur: list[_Open], i: int, y: float, fresh_row: bool) -> float:
        pad = self.p.padding
        row = self.p.rows[i]
        h = row.min_height if fresh_row else 0.0
        for o in cur:
            if o.cell.row_end != i:
                continue
            content = sum(u.pitch for u in o.units) + 2 * pad
            h = max(h, content - (y - o.top))
        return max(h, 2 * pad + 1.0)

    def _group_row(self, i: int) -> bool:
        """Is body row ``i`` a group heading — one cell across the whole table (三、持续打造
        对外包容的开放环境) with rows after it?  It is kept with the start of the next row,
        never left alone at a page foot."""
        p = self.p
        cells = p.rows[i].cells
        return (i >= p.n_header and i + 1 < len(p.rows) and len(cells) == 1
                and cells[0].row == cells[0].row_end == i
                and cells[0].width >= sum(p.widths) - 1.0)

    def _least_next(self, i: int, y: float) -> float:
        """The least height of row ``i`` that can follow on this page: the whole row when
        it may not split, else ``min_fragment_lines`` lines of its cells."""
        cur = [_Open(c, list(c.units), y) for c in self.p.rows[i].cells]
        whole = self._row_height(cur, i, y, fresh_row=True)
        if self.p.rows[i].keep or not self._splittable(cur, i, fresh_row=True):
            return whole
        pitch = max((u.pitch for o in cur for u in o.units), default=0.0)
        return min(whole, 2 * self.p.padding + self.s.min_fragment_lines * pitch)

    def _fits_any(self, cur: list[_Open], y: float) -> bool:
        """Would splitting row i (its top at ``y``) put any text into the row's part on
        this page?  A cell of the row must get a line; a cell spanning down from an
        earlier row counts only when its lines reach below ``y`` — else the page would
        end with an empty stub of the row."""
        pad = self.p.padding
        for o in cur:
            if not o.units:
                continue
            if o.top >= y - EPS:
                if o.top + pad + o.units[0].pitch <= self.bottom - pad + EPS:
                    return True
                continue
            n = self._n_fit(o, self.bottom, False)
            if n and o.top + pad + sum(u.pitch for u in o.units[:n]) > y + EPS:
                return True
        return False

    def _splittable(self, cur: list[_Open], i: int, fresh_row: bool) -> bool:
        """May row ``i`` split at all?  Only when its tallest cell has more lines than
        ``min_split_lines`` (a row continued from the page before already split once,
        and goes on splitting while it is taller than a page)."""
        if not fresh_row:
            return True
        return max((len(o.units) for o in cur if o.cell.row == i), default=0) \
            > self.s.min_split_lines

    def _split_lines(self, cur: list[_Open], i: int, whole: bool = False) -> int:
        """Lines the cells of row ``i`` would show on this page if it split at the page
        bottom (the most of any cell, each cell's share set by ``_cut``); with ``whole``,
        lines that fit by height alone (for a row that must split anyway)."""
        best = 0
        for o in cur:
            if o.cell.row != i:
                continue
            n = self._n_fit(o, self.bottom, False) if whole else self._cut(o, self.bottom)
            best = max(best, n)
        return best

    def _cut(self, o: _Open, bottom: float) -> int:
        """How many of a cell's remaining lines go above a page break at ``bottom``: as
        many as fit, but a cell never leaves fewer than ``min_fragment_lines`` on either
        side (then it moves down whole), and among the last few lines that fit it breaks
        after a unit — a line ending in punctuation or a paragraph — when it can."""
        n = self._n_fit(o, bottom, False)
        total = len(o.units)
        if n >= total:
            return total
        keep = self.s.min_fragment_lines
        n = min(n, total - keep)
        if n < keep:
            return 0
        for k in range(n, max(keep, n - self.s.unit_break_lines) - 1, -1):
            if _unit_end(o.units[k - 1]):
                return k
        return 0 if _name_list(o.cell) else n      # never split a name: move it down

    def _close_row(self, cur: list[_Open], i: int, bottom: float) -> float:
        for o in cur:
            if o.cell.row_end == i:
                self._draw(o, o.units, bottom, closed=True)
        return bottom

    def _break(self, opened: list[_Open], fresh: list[_Open], bottom: float, i: int,
               split: bool, force: bool = False, relaxed: bool = False) -> _State | None:
        """End the fragment at ``bottom``: draw what fits of every open cell, carry the rest."""
        self.y = bottom
        carry: list[_Open] = []
        shown = 0
        for o in opened + fresh:
            if not split and o.top >= bottom - EPS:
                carry.append(replace(o, continued=o.continued))
                continue
            ruled = split and not relaxed and o.cell.row_end >= i
            label = self._label(o, i)
            if label:                       # a group label: whole here, or next page
                n = len(o.units) if self._n_fit(o, bottom, False) >= len(o.units) else 0
            else:
                n = self._cut(o, bottom) if ruled else self._n_fit(o, bottom, force)
            self._draw(o, o.units[:n], bottom, closed=False)
            if split and o.cell.row == i:
                shown = max(shown, n)
            rest = list(o.cell.units) if label else o.units[n:]   # a label: whole again
            carry.append(_Open(o.cell, rest, 0.0, True, repeated=label))
        self.body_lines += shown
        if split and not any(o.units for o in carry if o.cell.row_end == i and not o.repeated):
            # row i is done (only its minimum height was cut): drop its empty remainder
            carry = [o for o in carry if o.cell.row_end > i]
            if not carry and i + 1 >= len(self.p.rows):
                return None
            return _State(i + 1, carry, True)
        return _State(i, carry, True, mid_row=split)

    def _label(self, o: _Open, i: int) -> bool:
        """Is ``o`` a group label going on past a break in row ``i``: a merged cell of
        at most ``label_max_lines`` lines, with ``merged_continuation="repeat"``?"""
        c = o.cell
        return (self.s.merged_continuation == "repeat" and c.row_end > c.row
                and c.row_end >= i and 0 < len(c.units) <= self.s.label_max_lines
                and len(o.units) == len(c.units))

    def _n_fit(self, o: _Open, bottom: float, force: bool) -> int:
        room = bottom - o.top - 2 * self.p.padding
        h, n = 0.0, 0
        while n < len(o.units) and h + o.units[n].pitch <= room + EPS:
            h += o.units[n].pitch
            n += 1
        if n == 0 and force and o.units:
            n = 1
        return n

    # -- drawing ----------------------------------------------------------------------
    def _draw(self, o: _Open, units: list[Unit], bottom: float, closed: bool) -> None:
        c, s, x0 = o.cell, self.s, self.x0
        left, right, top = x0 + c.x, x0 + c.x + c.width, o.top
        if c.fill:
            self.items.append(RectItem(left, top, c.width, bottom - top, fill=c.fill))
        content = sum(u.pitch for u in units)
        free = bottom - top - 2 * self.p.padding - content
        y = top + self.p.padding
        if closed and (not o.continued or o.repeated) and free > 0:
            y += free * {"center": 0.5, "bottom": 1.0}.get(c.v_align, 0.0)
        for u in units:
            if u.image is not None:
                img = u.image
                self.items.append(ImageItem(left + self.p.padding + u.indent, y, u.image_w,
                                            u.pitch - IMAGE_GAP, img.data, img.content_type,
                                            u.source))
                y += u.pitch
                continue
            ln = u.line
            base = y + (u.pitch + ln.ascent - ln.descent) / 2
            self.items.extend(ln.to_items(left + self.p.padding + u.indent, base))
            y += u.pitch
        b = c.borders
        color = s.border_color
        for line in (LineItem(left, top, right, top,
                              b["top"] if not o.continued else s.border_width, color),
                     LineItem(left, bottom, right, bottom,
                              b["bottom"] if closed else s.border_width, color),
                     LineItem(left, top, left, bottom, b["left"], color),
                     LineItem(right, top, right, bottom, b["right"], color)):
            if line.width > 0:
                self.items.append(line)
