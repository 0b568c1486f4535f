"""Table preparation: model.Table + TableStyle + width → sized columns and composed cells
(layer: layout).

``prepare`` decides the table's font size, its column widths and composes every cell's
paragraphs with ``editor.layout.compose`` (so all line-breaking rules hold inside cells);
``editor.layout.table`` then only stacks the composed lines into rows and pages.

Column widths: ``table.layout.col_widths`` (editor override, relative weights) when it has
one weight per column; else the .docx grid when it covers every column with positive
widths and does not make the table much taller than widths from content would
(``GRID_SLACK``: the estimate of ``estimated_lines``) — a sender's sensible grid is kept;
else widths from content (``auto_widths``, a typesetter's min/max balancing as in a
browser's automatic table layout): each column at least its widest unbreakable piece (a
CJK character, a Latin word, a code, a number with its unit) and, when the frame allows,
its longest short name (圣家墩遗址, 不收费), the rest going where text is long, and every
column whose text wraps holding whole characters.  In every case a column is widened to
its minimum content width when the frame allows it.  Short texts with numbers or letters
(第10社区居委会, up to ``SHORT_MAX_CHARS``) are kept whole too when the widths that do so
set rows no taller in all (``short_text_widths``, tried by ``prepare``).

Cell paragraphs: alignment from ``table.layout.col_align`` (per column), else centred for
header rows, else the paragraph's own alignment, else justified; docx indents and spacing
are not used inside cells.  A justified (or distributed) line that would be spread more
than ¼ em between characters — a name in a narrow cell, a line of only Latin, a URL — is
set at its natural spacing instead.  A column's minimum width is its widest piece between
two break opportunities (a URL breaks after ``/ . - _ ?``).  A nested table is set as text lines (each of its paragraphs in
order), never lost.  A picture in a cell keeps its aspect ratio and is scaled down (never
up) to the cell's inner width and to the height a row can have on a page
(``editor.layout.shapes.fit_image``, the rule for pictures outside tables too).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import accumulate

from editor.fonts.measure import Measurer, is_wide
from editor.layout.linebreak import HAN, break_before, char_class
from editor.layout.compose import ComposedLine, compose
from editor.layout.flow import OBJECT, ParaFormat, Span, picture_span
from editor.layout.items import Source
from editor.layout.notes import mark_span
from editor.layout.shapes import fit_image
from editor import model
from editor.model.address import BlockAddress

SIDES = ("top", "bottom", "left", "right")
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "justify",
          "distribute": "distribute", "both": "justify"}


@dataclass
class TableStyle:
    """Template settings for tables (all lengths in points).

    ``merged_continuation``: what a row-spanning cell shows after a page break — "flow"
    (its remaining lines) or "repeat" (its whole text again when it was shown whole: a
    group label).  ``size`` / ``wide_size``: cell text of a table / of a wide one
    (``wide_columns`` columns or more, or on landscape pages).  ``min_split_lines``,
    ``min_fragment_lines``, ``unit_break_lines``: when and where a row splits over pages
    (``editor.layout.table``).  ``landscape_min_chars``:
    a column is readable when it holds this many characters per line (or its whole
    longest paragraph); a table whose columns cannot all be readable at ``min_size`` in
    ``portrait_width`` × ``landscape_min_width_ratio`` goes landscape.
    """
    role: str = "fangsong"
    size: float = 12.0
    wide_size: float = 10.5        # for wide tables: ``wide_columns`` columns or more,
    wide_columns: int = 7          # or set on landscape pages
    min_size: float = 9.0
    padding: float = 4.0
    border_width: float = 0.5
    border_color: str = "000000"
    header_fill: str | None = None
    header_bold: bool = True
    header_role: str | None = None
    repeat_header: bool = True
    continuation_caption: str | None = "续表"
    merged_continuation: str = "flow"
    line_pitch_factor: float = 1.3
    landscape_min_width_ratio: float = 1.0
    landscape_min_chars: int = 5
    portrait_width: float = 442.2
    space_after: float = 4.0
    outer_border_width: float | None = None       # the table's outline; None = border_width
    punct: str = "kaiming"         # punctuation style of cell text (ParaFormat.punct)
    min_split_lines: int = 4       # a row splits over pages only when taller than this
    min_fragment_lines: int = 2    # … and then leaves at least this many lines each side
    unit_break_lines: int = 2      # lines a cell may give up to break after a word unit
    label_max_lines: int = 12      # a merged cell this short is a group label ("repeat")


@dataclass
class Unit:
    """One composed line of a cell, with its pitch and extra left indent — or a picture
    of the cell (``image``: the model Image, drawn ``image_w`` × ``pitch - IMAGE_GAP``)."""
    line: ComposedLine | None
    pitch: float
    indent: float = 0.0
    image: object | None = None
    image_w: float = 0.0
    source: Source | None = None


IMAGE_GAP = 2.0         # pt below a picture in a cell


@dataclass
class PCell:
    """A cell ready to place: rows it covers, x and width relative to the table."""
    row: int
    row_end: int
    x: float
    width: float
    units: list[Unit]
    fill: str | None
    v_align: str | None
    borders: dict[str, float]
    id: str = ""


@dataclass
class PRow:
    cells: list[PCell]
    min_height: float
    keep: bool


@dataclass
class Prepared:
    size: float
    widths: list[float]
    rows: list[PRow]
    n_header: int
    caption_lines: list[ComposedLine] = field(default_factory=list)
    split_before: set[int] = field(default_factory=set)
    x_offset: float = 0.0
    header_items: list = field(default_factory=list)
    header_height: float = 0.0
    padding: float = 4.0


def _cell_blocks(blocks) -> list:
    """Paragraphs and pictures of a cell in reading order (nested tables flattened)."""
    out = []
    for b in blocks:
        if isinstance(b, model.Table):
            for row in b.rows:
                for c in row.cells:
                    out += _cell_blocks(c.blocks)
        elif isinstance(b, model.Paragraph) or (isinstance(b, model.Image) and b.data):
            out.append(b)
    return out


def _image_unit(table, c: model.Cell, image: model.Image, width: float, height: float,
                doc_id: str) -> list[Unit]:
    """A picture in a cell at its size, scaled down (never up) to the cell's inner
    ``width`` and to ``height`` (the room a row's content has on a page)."""
    w, h = fit_image(image.width, image.height, width, max(height - IMAGE_GAP, 1.0))
    return [Unit(None, h + IMAGE_GAP, 0.0, image, w,
                 Source(doc_id, str(BlockAddress.cell(table.id, c.id, image.id))))]


# -- content widths -----------------------------------------------------------------------
def _paragraphs(blocks) -> list:
    return [b for b in _cell_blocks(blocks) if isinstance(b, model.Paragraph)]


def _text_widths(text: str, role: str, m: Measurer) -> tuple[float, list[float]]:
    """(min content width, widths of the forced lines) of ``text`` at size 1: the widest
    unbreakable piece (between two places the line breaker may break: a URL breaks after
    ``/ . - _ ?``, a code such as ``BHFW-JSKZ-2025`` not at all) and each line's length."""
    lo = line = word = 0.0
    lines = []
    ok = break_before(text) if text else []
    for i, ch in enumerate(text):
        if ch == "\n":
            lines.append(line)
            line, lo, word = 0.0, max(lo, word), 0.0
            continue
        a = m.advance(ch, role, 1.0)
        line += a
        if ch.isspace():
            lo, word = max(lo, word), 0.0
            continue
        if ok[i]:
            lo, word = max(lo, word), 0.0
        word += a
    lines.append(line)
    return max(lo, word), lines


NAME_MAX_CHARS = 6      # a cell paragraph of this many Han characters or fewer is a name


def _is_name(text: str) -> bool:
    """A short name (圣家墩, 区财政局, 序号, 不收费) that a typesetter does not break in a
    cell: at most ``NAME_MAX_CHARS`` characters, all Han."""
    t = text.strip()
    return 0 < len(t) <= NAME_MAX_CHARS and all(char_class(ch) == HAN for ch in t)


SHORT_MAX_CHARS = 8     # a unit's name with its number (第10社区居委会, 3号楼, A区) at most


def _is_short(text: str) -> bool:
    """A short cell text of Han characters, digits and letters, no space or mark
    (第10社区居委会, 2025年3月): kept on one line when that makes the table no taller."""
    t = text.strip()
    return 0 < len(t) <= SHORT_MAX_CHARS and all(
        char_class(ch) == HAN or (ch.isascii() and ch.isalnum()) or "０" <= ch <= "９"
        for ch in t)


@dataclass
class Metrics:
    """Content widths of a table at size 1.  Per column: ``lo`` its widest unbreakable
    piece, ``hi`` its longest line, ``soft`` its longest short name (kept on one line when
    the frame allows) — of its single-column cells; ``cells``: per row, per cell
    (col, col_span, forced line widths of all its paragraphs) for height estimates;
    ``short``: per column, its longest short text with numbers (``_is_short``)."""
    lo: list[float]
    hi: list[float]
    soft: list[float]
    cells: list[list[tuple[int, int, list[float]]]]
    short: list[float] = field(default_factory=list)


def column_metrics(table: model.Table, style: TableStyle, m: Measurer) -> Metrics:
    """The table's ``Metrics`` (content widths at size 1)."""
    n = n_cols(table)
    lo, hi, soft, short = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    rows = []
    for row in table.rows:
        cells = []
        for c in row.cells:
            if c.col >= n:
                continue
            widths: list[float] = []
            for p in _paragraphs(c.blocks):
                text = p.display_text
                a, lines = _text_widths(text, style.role, m)
                widths += lines
                if c.col_span == 1:
                    lo[c.col], hi[c.col] = max(lo[c.col], a), max(hi[c.col], *lines)
                    if _is_name(text):
                        soft[c.col] = max(soft[c.col], lines[0])
                    if _is_short(text):
                        short[c.col] = max(short[c.col], lines[0])
            cells.append((c.col, c.col_span, widths))
        rows.append(cells)
    return Metrics(lo, hi, soft, rows, short)


def n_cols(table: model.Table) -> int:
    return max([len(table.grid)] + [c.col + c.col_span for r in table.rows for c in r.cells]
               + [1])


def _base_size(table: model.Table, style: TableStyle, landscape: bool = False) -> float:
    """The editor's size for the table, else the template's: ``wide_size`` for a wide
    table (``wide_columns`` columns or more, or set on landscape pages), else ``size``."""
    if table.layout.font_size:
        return table.layout.font_size
    wide = landscape or n_cols(table) >= style.wide_columns
    return min(style.wide_size, style.size) if wide else style.size


def table_wants_landscape(table: model.Table, style: TableStyle, portrait_width: float,
                          measurer: Measurer, metrics: Metrics | None = None) -> bool:
    """True when the table is marked landscape, or its columns cannot all be set readably
    (``landscape_min_chars`` per line, at ``min_size``) in the portrait text width.
    ``metrics``: ``column_metrics`` of the table when the caller has them already."""
    if table.layout.landscape is not None:
        return bool(table.layout.landscape)
    mt = metrics or column_metrics(table, style, measurer)
    lo, hi = mt.lo, mt.hi
    size = min(style.min_size, _base_size(table, style))
    want = sum(max(a * size, min(b * size, style.landscape_min_chars * size))
               + 2 * _padding(table, style) for a, b in zip(lo, hi))
    return want > portrait_width * style.landscape_min_width_ratio + 0.01


def _padding(table: model.Table, style: TableStyle) -> float:
    return table.layout.padding if table.layout.padding is not None else style.padding


def short_text_widths(table: model.Table, style: TableStyle, width: float, size: float,
                      mt: Metrics) -> list[float] | None:
    """The column widths that keep short texts with numbers (第10社区居委会) on one line
    as well as short names, when they differ from ``column_widths``' (``prepare`` takes
    them when the rows they set are no taller); None when they do not differ."""
    wider = [max(s, t) for s, t in zip(mt.soft, mt.short)]
    if table.layout.col_widths or len(wider) != len(mt.soft) or wider == mt.soft:
        return None
    return column_widths(table, style, width, size, replace(mt, soft=wider))


def column_widths(table: model.Table, style: TableStyle, width: float, size: float,
                  mt: Metrics) -> list[float]:
    """Column widths in points summing to ``width`` (rules in the module docstring)."""
    n = len(mt.lo)
    pad2 = 2 * _padding(table, style)
    mins = [a * size + pad2 for a in mt.lo]
    over = table.layout.col_widths
    if over and len(over) == n and all(w > 0 for w in over):
        # the user's widths: widened only where a piece could not fit at all
        return _widen_to_min(_scaled(list(over), width), mins, width)
    soft = [max(a, s * size + pad2) for a, s in zip(mins, mt.soft)]
    if sum(soft) <= width:
        mins = soft                       # short names whole where the frame allows
    if len(table.grid) == n and all(g > 0 for g in table.grid):
        grid = _widen_to_min(_scaled(list(table.grid), width), mins, width)
        if n > GRID_ALWAYS_COLS:
            return grid
        auto = auto_widths(mt, size, pad2, width)
        if estimated_lines(mt, grid, size, pad2) <= GRID_SLACK * estimated_lines(
                mt, auto, size, pad2) + GRID_SLACK_LINES:
            return grid
        return _whole_chars(auto, mt, size, pad2)
    return _whole_chars(auto_widths(mt, size, pad2, width), mt, size, pad2)


GRID_SLACK = 1.15           # the sender's grid is kept unless it makes the table this much
GRID_SLACK_LINES = 2        # taller (in cell lines, plus these) than widths from content
GRID_ALWAYS_COLS = 64       # more columns than Word allows: keep the grid (bounded work)


def _scaled(weights: list[float], width: float) -> list[float]:
    total = sum(weights)
    return [w * width / total for w in weights]


def auto_widths(mt: Metrics, size: float, pad2: float, width: float) -> list[float]:
    """Widths from content, as a typesetter (or a browser's automatic table layout)
    balances them: every column at least its widest unbreakable piece and — when the
    frame allows — its longest short name; the rest of the frame given to the columns in
    proportion to what their longest line still lacks, so long text gets the room; when
    every line fits, the spare room in proportion to the columns' widths."""
    hard = [a * size + pad2 for a in mt.lo]
    soft = [max(h, s * size + pad2) for h, s in zip(hard, mt.soft)]
    wide = [max(b * size + pad2, s) for b, s in zip(mt.hi, soft)]
    if sum(wide) <= width:
        return _scaled(wide, width)
    if sum(soft) <= width:
        shared = _between(soft, wide, width)
        even = _even_lines(mt, size, pad2, width, soft)
        if even is not None and estimated_lines(mt, even, size, pad2) < estimated_lines(
                mt, shared, size, pad2):
            return even
        return shared
    if sum(hard) <= width:
        return _between(hard, soft, width)
    return _scaled([max(h, 1.0) for h in hard], width)


def _whole_chars(widths: list[float], mt: Metrics, size: float, pad2: float) -> list[float]:
    """Widths from content with every column whose text wraps holding whole characters
    (a justified line of a narrow cell is not spread by a fraction of a character per
    line); what is cut goes back, a character at a time, to the wrapping columns with
    the longest text, and the rest to a column whose text does not wrap (else the
    widest)."""
    out = list(widths)
    wraps = [i for i, w in enumerate(out) if mt.hi[i] * size > w - pad2 + 0.01]
    spare = 0.0
    for i in wraps:
        inner = out[i] - pad2
        snapped = int((inner + 0.01) / size) * size
        if snapped >= mt.lo[i] * size - 0.01 and snapped > 0:
            spare += inner - snapped
            out[i] = snapped + pad2
    for i in sorted(wraps, key=lambda i: -mt.hi[i]) * 2:
        if spare < size - 0.01:
            break
        out[i] += size
        spare -= size
    if spare > 0:
        rest = [i for i in range(len(out)) if i not in wraps] or list(range(len(out)))
        out[max(rest, key=lambda i: out[i])] += spare
    return out


def _between(low: list[float], high: list[float], width: float) -> list[float]:
    """``low`` plus the same share of every column's way to ``high`` (sum(low) <= width <
    sum(high))."""
    gap = [b - a for a, b in zip(low, high)]
    f = (width - sum(low)) / sum(gap)
    return [a + g * f for a, g in zip(low, gap)]


def _even_lines(mt: Metrics, size: float, pad2: float, width: float,
                low: list[float]) -> list[float] | None:
    """Widths at which no cell takes more than L lines, for the least L the frame allows
    (each column at least ``low``), the spare room shared on the way to L - 1 lines:
    the long columns balanced so that no one of them makes every row tall."""
    n = len(low)
    per_col: list[list[float]] = [[] for _ in range(n)]
    for cells in mt.cells:
        for col, span, lines in cells:
            if span == 1 and col < n:
                per_col[col].append(sum(lines))

    def at(lines: int) -> list[float]:
        return [max([low[i]] + [t / lines * size + pad2 for t in per_col[i]])
                for i in range(n)]
    prev = at(1)
    for k in range(2, EVEN_MAX_LINES + 1):
        cur = at(k)
        if sum(cur) <= width:
            return _between(cur, prev, width) if sum(prev) > width else _scaled(prev, width)
        prev = cur
    return None


EVEN_MAX_LINES = 12


def estimated_lines(mt: Metrics, widths: list[float], size: float, pad2: float) -> float:
    """Cell lines the table takes at ``widths`` (the tallest cell of every row, each line
    as long as the text it holds may fill): an estimate to compare column widths by."""
    from math import ceil
    xs = [0.0, *accumulate(widths)]
    total = 0
    for cells in mt.cells:
        most = 1
        for col, span, lines in cells:
            inner = max(xs[min(col + span, len(widths))] - xs[col] - pad2, size) / size
            most = max(most, sum(max(1, ceil(w / inner - 1e-6)) for w in lines))
        total += most
    return total


def _widen_to_min(widths: list[float], mins: list[float], width: float) -> list[float]:
    if sum(mins) > width:
        return widths
    short = {i for i, (w, mn) in enumerate(zip(widths, mins)) if w < mn - 0.01}
    if not short:
        return widths
    out = list(widths)
    for i in short:
        out[i] = mins[i]
    donors = [i for i in range(len(out)) if i not in short]
    spare = sum(out[i] - mins[i] for i in donors)
    excess = sum(out) - width
    for i in donors:
        out[i] -= excess * (out[i] - mins[i]) / spare if spare > 0 else 0.0
    return out


def choose_size(table: model.Table, style: TableStyle, width: float, lo: list[float],
                hi: list[float]) -> float:
    """The base size, lowered in 0.5 pt steps (not below ``min_size``) while the columns'
    minimum content widths — or ``landscape_min_chars`` characters per line for columns of
    longer text — do not fit ``width``.  An editor-set size is kept as it is."""
    size = _base_size(table, style, width > style.portrait_width + 1.0)
    if table.layout.font_size:
        return size
    pad2 = 2 * _padding(table, style)

    def wanted(sz: float) -> float:
        return sum(max(a * sz, min(b * sz, style.landscape_min_chars * sz)) + pad2
                   for a, b in zip(lo, hi))
    while size - 0.5 >= style.min_size - 1e-6 and wanted(size) > width + 0.01:
        size -= 0.5
    return size


# -- cells --------------------------------------------------------------------------------
def prepare(table: model.Table, style: TableStyle, width: float, m: Measurer,
            doc_id: str, metrics: Metrics | None = None,
            height: float = float("inf")) -> Prepared:
    """Size the columns and compose every cell of ``table`` for a frame ``width`` wide
    and ``height`` high (``metrics``: its ``column_metrics``, when the caller has them
    already).  Pictures in cells are scaled down so that a row holding one fits a page
    below the 续表 caption and the header rows (at most half the frame: a taller header
    is not repeated)."""
    mt = metrics or column_metrics(table, style, m)
    size = choose_size(table, style, width, mt.lo, mt.hi)
    widths = column_widths(table, style, width, size, mt)
    n_rows = len(table.rows)
    n_head = table.header_rows if table.header_rows < n_rows else 0
    pad = _padding(table, style)
    pitch = size * style.line_pitch_factor
    cap = []
    if style.continuation_caption:
        fmt = ParaFormat(align="left", line_pitch=pitch)
        cap = compose([Span(style.continuation_caption, style.role, size)], fmt, width, m)
    room = height - sum(ln.pitch for ln in cap) - 2 * pad
    rows = _rows(table, style, m, doc_id, widths, size, n_head, room, height)
    alt = short_text_widths(table, style, width, size, mt)
    if alt is not None and alt != widths:       # short texts whole if no row grows
        alt_rows = _rows(table, style, m, doc_id, alt, size, n_head, room, height)
        if _set_height(alt_rows, pad) <= _set_height(rows, pad) + 0.01:
            widths, rows = alt, alt_rows
    return Prepared(size, widths, rows, n_head, cap,
                    {i for i in table.layout.split_before_rows if 0 < i < n_rows},
                    padding=pad)


def _rows(table: model.Table, style: TableStyle, m: Measurer, doc_id: str,
          widths: list[float], size: float, n_head: int, room: float,
          height: float) -> list[PRow]:
    """Every row of ``table`` composed at column ``widths``."""
    xs = [0.0, *accumulate(widths)][:len(widths)]      # linear: grids may be huge
    n_rows = len(table.rows)
    pad = _padding(table, style)
    pitch = size * style.line_pitch_factor
    last_col = n_cols(table)
    rows = []
    for r, row in enumerate(table.rows):
        header = r < n_head
        if r == n_head and n_head:       # header rows are repeated up to half a frame
            room -= min(_stacked_height(rows, pad), height / 2)
        limit = (n_head if header else n_rows) - 1
        cells = [_cell(table, style, m, doc_id, c, r, min(r + max(c.row_span, 1) - 1, limit),
                       xs, widths, size, header, last_col, room)
                 for c in row.cells if c.col < len(widths)]
        min_h = max(row.height or 0.0, 2 * pad + pitch)
        rows.append(PRow(cells, min_h, row.cant_split or table.layout.keep_rows_together))
    return rows


def _set_height(rows: list[PRow], pad: float) -> float:
    """The height of ``rows`` set unsplit: each row as high as its minimum and its cells
    of one row; a cell merged down over rows makes the last of them taller when the rows
    together are not as high as it."""
    heights = [max([row.min_height, 2 * pad + 1.0] + [
        sum(u.pitch for u in c.units) + 2 * pad for c in row.cells if c.row_end <= c.row])
        for row in rows]
    for row in rows:
        for c in row.cells:
            end = min(c.row_end, len(rows) - 1)
            if end > c.row:
                need = sum(u.pitch for u in c.units) + 2 * pad
                heights[end] += max(0.0, need - sum(heights[c.row:end + 1]))
    return sum(heights)


def _stacked_height(rows: list[PRow], pad: float) -> float:
    """An upper bound of the height of ``rows`` set unsplit one below the other (exact
    without row spans): each row as high as its minimum or its tallest cell."""
    return sum(max([row.min_height, 2 * pad + 1.0]
                   + [sum(u.pitch for u in c.units) + 2 * pad for c in row.cells])
               for row in rows)


def _cell(table, style: TableStyle, m: Measurer, doc_id: str, c: model.Cell, r: int,
          r_end: int, xs: list[float], widths: list[float], size: float, header: bool,
          n: int, room: float = float("inf")) -> PCell:
    """A composed cell; ``room``: the most height its content may take on one page."""
    span = max(1, min(c.col_span, len(widths) - c.col))
    w = sum(widths[c.col:c.col + span])
    pad = _padding(table, style)
    units: list[Unit] = []
    inner = max(w - 2 * pad, size)
    for block in _cell_blocks(c.blocks):
        if isinstance(block, model.Image):
            units += _image_unit(table, c, block, inner, room, doc_id)
        else:
            units += _compose_para(table, style, m, doc_id, c, block, inner, size, header)
    fill = c.shading or (style.header_fill if header else None)
    return PCell(r, r_end, xs[c.col], w, units, fill, c.v_align or ("center" if header else None),
                 _borders(table, style, c, r, r_end, span, n), c.id)


def _compose_para(table, style: TableStyle, m: Measurer, doc_id: str, c: model.Cell,
                  p: model.Paragraph, width: float, size: float, header: bool) -> list[Unit]:
    text = p.display_text
    if not text.strip():
        return []
    align = None
    col_align = table.layout.col_align
    if col_align and c.col < len(col_align) and col_align[c.col]:
        align = col_align[c.col]
    elif header:
        align = "center"
    else:
        align = _ALIGN.get(p.style.align or "", "justify") if p.style else "justify"
    role = (style.header_role or style.role) if header else style.role
    bold_all = header and style.header_bold
    block_id = str(BlockAddress.cell(table.id, c.id, p.id))
    spans = []
    pos = 0
    if p.label:
        spans.append(Span(p.label, role, size, bold=bold_all,
                          source=Source(doc_id, block_id, 0, len(p.label))))
        pos = len(p.label)
    for run in p.runs:
        if run.note is not None:        # a footnote mark (editor.layout.notes)
            spans.append(mark_span(run, role, size))
            continue
        if run.picture is not None:     # a small picture in the line
            if run.picture.data:
                spans.append(picture_span(run.picture, Span(
                    OBJECT, role, size, source=Source(doc_id, block_id, pos, pos))))
            continue
        if not run.text:
            continue
        spans.append(Span(run.text, role, size, color=run.color or "000000",
                          bold=bold_all or run.bold, underline=run.underline,
                          strike=run.strike, emphasis=run.emphasis,
                          source=Source(doc_id, block_id, pos, pos + len(run.text))))
        pos += len(run.text)
    fmt = ParaFormat(align=align, line_pitch=size * style.line_pitch_factor, punct=style.punct,
                     url_letter_breaks=False)
    return [Unit(ln, ln.pitch) for ln in _unspread(compose(spans, fmt, width, m), spans, fmt,
                                                   width, m)]


def _unspread(lines: list, spans: list, fmt: ParaFormat, width: float, m: Measurer) -> list:
    """Lines of a justified (or distributed) cell paragraph, each line that would be
    spread wider than ``MAX_SPREAD`` em between its characters — a name or a short line in
    a narrow cell, a line of only Latin, a URL or a code — set flush left (centred when
    distributed) at its natural spacing instead.  The breaks are the same: breaking does
    not depend on the alignment."""
    if fmt.align not in ("justify", "distribute") or len(lines) < 1:
        return lines
    plain = None
    out = []
    for k, ln in enumerate(lines):
        if ln.is_last and fmt.align == "justify":
            out.append(ln)
            continue
        if plain is None:
            alt = ParaFormat(**{**vars(fmt), "align": "left" if fmt.align == "justify"
                                else "center"})
            plain = compose(spans, alt, width, m)
            if len(plain) != len(lines):
                return lines
        nat = plain[k]
        text = ln.text.rstrip()
        gaps = max(sum(ln.para.spacing_ok[ln.start + 1:ln.start + len(text)]), 1)
        spread = (ln.avail - nat.width) / gaps / max(ln.size, 1.0)
        latin_only = text and not any(is_wide(ch) for ch in text)
        out.append(nat if spread > MAX_SPREAD or (latin_only and spread > 0.01) else ln)
    return out


MAX_SPREAD = 0.25       # em between two characters: more reads as letter-spacing


def _borders(table, style: TableStyle, c: model.Cell, r: int, r_end: int, span: int,
             n: int) -> dict[str, float]:
    """Border widths of a cell's four sides: the cell's own, else the table's (outer or
    inside), else the template's (``n``: the table's ``n_cols``)."""
    tb = table.borders or {}
    last_row = r_end >= len(table.rows) - 1
    last_col = c.col + span >= n
    table_key = {"top": "top" if r == 0 else "insideH",
                 "bottom": "bottom" if last_row else "insideH",
                 "left": "left" if c.col == 0 else "insideV",
                 "right": "right" if last_col else "insideV"}
    out = {}
    for side in SIDES:
        if c.borders and side in c.borders:
            out[side] = c.borders[side]
        elif table_key[side] in tb:
            out[side] = tb[table_key[side]]
        elif table_key[side] == side and style.outer_border_width is not None:
            out[side] = style.outer_border_width
        else:
            out[side] = style.border_width
    return out
