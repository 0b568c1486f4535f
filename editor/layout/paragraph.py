"""ParagraphFlowable: composed lines → placed lines on pages (layer: layout).

Transforms a paragraph (spans + ``ParaFormat``) into ``TextItem``s inside a ``Frame``,
one page at a time, following the ``Flowable`` protocol of ``editor.layout.flow``:

- ``space_before`` is dropped at the top of a page; ``space_after`` is added to ``y_end``.
- Line boxes are exactly ``line.pitch`` high; the baseline sits where the glyphs' em box
  is centred in the line box: ``top + (pitch + ascent − descent) / 2``.
- ``snap_to_grid``: each line occupies whole cells of ``frame.grid_pitch`` counted from
  ``frame.y`` and its baseline is the bottom of its last cell, so every body baseline is
  a multiple of the grid pitch below ``frame.y`` (GB/T 9704: 22 × 28.99 pt; line k of a
  page at ``frame.y + k × 28.99``, k = 1…22), also after a heading of another size; the
  descent hangs into the next cell, as in Word's document grid.
- Widow/orphan control: a paragraph's first line never stands alone at a page bottom and
  its last line never alone at a page top; ``keep_together`` keeps it on one page.
- An empty page always gets at least one line (guaranteed progress).
- ``rest`` continues with the remaining composed lines (no recomposition).

For the paginator's keep-with-next: ``can_start(frame, y)`` says whether anything of the
paragraph would be placed at ``y`` (so a heading is never left alone at a page bottom:
with widow control at least two lines must fit); ``min_height(frame, first_on_page)`` is
the height the paragraph needs on a page before anything of it can be placed under the
widow rules (space before + the first two lines, or all lines when it has fewer — or
every line when ``keep_together``); ``lines_fit(frame, y, first_on_page)`` counts the
lines that would fit at ``y``; ``height(frame)`` is the height of the whole paragraph.
"""
from __future__ import annotations

import math

from editor.fonts.measure import Measurer
from editor.layout.compose import ComposedLine, compose
from editor.layout.flow import Frame, ParaFormat, Placement, Span
from editor.layout.items import LayoutWarning

EPS = 0.01


class ParagraphFlowable:
    def __init__(self, spans: list[Span], fmt: ParaFormat, measurer: Measurer,
                 _lines: list[ComposedLine] | None = None, _width: float | None = None):
        self.spans = spans
        self.fmt = fmt
        self.measurer = measurer
        self.keep_with_next = fmt.keep_with_next
        self.page_break_before = fmt.page_break_before and _lines is None
        self._lines = _lines
        self._width = _width
        self.continued = _lines is not None

    def __repr__(self) -> str:
        text = "".join(s.text for s in self.spans)[:20]
        return f"ParagraphFlowable({text!r}, continued={self.continued})"

    # -- composition -------------------------------------------------------------------
    def lines(self, width: float) -> list[ComposedLine]:
        """The composed lines for a frame ``width`` wide (the remaining ones for a rest)."""
        if self._lines is None or (self._width is not None
                                   and abs(self._width - width) > EPS and
                                   not self.continued):
            self._lines = compose(self.spans, self.fmt, width, self.measurer)
            self._width = width
        return self._lines

    # -- vertical geometry -------------------------------------------------------------
    def _top(self, frame: Frame, y: float, first_on_page: bool) -> float:
        if first_on_page or self.continued:
            return y
        if self.fmt.space_before_optional and self.fmt.space_before > 0:
            n = len(self.lines(frame.width))
            if self._fit_from(frame, y + self.fmt.space_before) < n <= self._fit_from(frame, y):
                return y                             # the blank line gives way at the foot
        return y + self.fmt.space_before

    def _fit_from(self, frame: Frame, top: float) -> int:
        k = 0
        for _, bottom in self._boxes(frame, top, self.lines(frame.width)):
            if bottom > frame.bottom + EPS:
                break
            k += 1
        return k

    def _boxes(self, frame: Frame, y: float, lines: list[ComposedLine]):
        """Yield (baseline, bottom) of each line placed from ``y`` downwards."""
        grid = frame.grid_pitch if self.fmt.snap_to_grid and frame.grid_pitch else None
        if grid:
            cell = math.ceil((y - frame.y) / grid - 1e-6)
            cell = max(cell, 0)
            for ln in lines:
                cells = max(1, math.ceil(ln.pitch / grid - 1e-6))
                top = frame.y + cell * grid
                box = cells * grid
                yield top + box, top + box
                cell += cells
        else:
            top = y
            for ln in lines:
                yield top + (ln.pitch + ln.ascent - ln.descent) / 2, top + ln.pitch
                top += ln.pitch

    def lines_fit(self, frame: Frame, y: float, first_on_page: bool) -> int:
        """How many of the remaining lines fit between ``y`` and the frame bottom,
        before widow/orphan rules."""
        return self._fit_from(frame, self._top(frame, y, first_on_page))

    def can_start(self, frame: Frame, y: float, lines: int = 1) -> bool:
        """True when ``place(frame, y, first_on_page=False)`` would place at least
        ``lines`` lines (or all the paragraph has; widow, orphan and keep-together rules
        included).  For keep-with-next: a heading may stay at ``y_end`` only if the next
        paragraph ``can_start`` there with two lines."""
        n = len(self.lines(frame.width))
        return self._allowed(self.lines_fit(frame, y, False), n, False) >= min(max(lines, 1), n)

    def min_height(self, frame: Frame, first_on_page: bool = False) -> float:
        """Height needed from a line-aligned ``y`` to place the first allowed piece."""
        lines = self.lines(frame.width)
        need = len(lines) if self.fmt.keep_together else min(2, len(lines))
        if not self.fmt.widow_control and not self.fmt.keep_together:
            need = 1
        y0 = self._top(frame, frame.y, first_on_page)
        bottom = frame.y
        for i, (_, b) in enumerate(self._boxes(frame, y0, lines[:need])):
            bottom = b
        return bottom - frame.y

    def height(self, frame: Frame) -> float:
        """Height of the whole paragraph placed from the frame top (space after incl.)."""
        lines = self.lines(frame.width)
        bottom = frame.y
        for _, b in self._boxes(frame, self._top(frame, frame.y, False), lines):
            bottom = b
        return bottom - frame.y + self.fmt.space_after

    def _warning(self, text: str, code: str) -> LayoutWarning:
        src = next((s.source for s in self.spans if s.source is not None), None)
        return LayoutWarning(text, code=code, block_id=src.block_id if src else None)

    # -- placing ----------------------------------------------------------------------
    def _allowed(self, fit: int, n: int, first_on_page: bool) -> int:
        """Lines to place when ``fit`` of ``n`` fit, after keep/widow/orphan rules."""
        k = fit
        if k >= n:
            return n
        if self.fmt.keep_together and not self.continued and not first_on_page:
            return 0
        if self.fmt.widow_control and n >= 2:
            if n - k == 1 and k >= 1:
                k -= 1                               # last line not alone at a page top
            if k == 1 and not self.continued and n > 1:
                k = 0                                # first line not alone at the bottom
        if k == 0 and first_on_page:
            return max(1, min(n, fit))
        return k

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        lines = self.lines(frame.width)
        n = len(lines)
        fit = self.lines_fit(frame, y, first_on_page)
        k = self._allowed(fit, n, first_on_page)
        if k == 0:
            return Placement(items=[], y_end=y, rest=self)
        return self._set(frame, y, first_on_page, lines, k)

    def place_leaving(self, frame: Frame, y: float, first_on_page: bool,
                      leave: int) -> Placement | None:
        """Place all but the last ``leave`` lines here (for a paragraph kept with what
        follows — the 署名 and date — when that does not fit after it: its last lines go
        over with it instead of the whole paragraph); None when the paragraph cannot
        spare them and keep two lines here (one for a continued paragraph)."""
        lines = self.lines(frame.width)
        k = min(len(lines) - leave, self.lines_fit(frame, y, first_on_page))
        if leave < 1 or k < (1 if self.continued else 2):
            return None
        placement = self._set(frame, y, first_on_page, lines, k)
        placement.rest.keep_with_next = self.keep_with_next
        return placement

    def _set(self, frame: Frame, y: float, first_on_page: bool, lines: list, k: int
             ) -> Placement:
        """The first ``k`` of ``lines`` placed from ``y``, and the rest as a flowable."""
        n = len(lines)
        items = []
        bottom = y
        boxes = self._boxes(frame, self._top(frame, y, first_on_page), lines[:k])
        for ln, (baseline, bottom) in zip(lines, boxes):
            items.extend(ln.to_items(frame.x, baseline))
        warnings = []
        if bottom > frame.bottom + EPS:
            warnings.append(self._warning("段落行高超出版心，已强制排入本页，可能与页脚重叠",
                                          "OVERLAP"))
        if self.fmt.widow_control and n > 1 and 0 < k < n and (
                (k == 1 and not self.continued) or n - k == 1):
            warnings.append(self._warning("段落只有一行留在页脚或页首（孤行），已无法避免",
                                          "ORPHAN_WIDOW"))
        if k >= n:
            return Placement(items=items, y_end=bottom + self.fmt.space_after,
                             warnings=warnings)
        rest = ParagraphFlowable(self.spans, self.fmt, self.measurer,
                                 _lines=lines[k:], _width=frame.width)
        return Placement(items=items, y_end=frame.bottom, rest=rest, warnings=warnings)
