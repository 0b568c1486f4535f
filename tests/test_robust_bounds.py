"""Bounded work on hostile inputs: huge spans and grids, deep nesting, numbering starts,
huge pictures — each imported (clamped, with a note) or refused plainly, in bounded time
and memory (issue #24, items 3–5)."""
from __future__ import annotations

import time

from tablecheck import STSongMeasurer
from editor import model
from editor.layout.table_prep import TableStyle, prepare


def test_table_preparation_is_linear_in_the_grid():
    # gridSpan/gridBefore of 10^5..10^6 made prepare() quadratic (sum of every prefix).
    n = 100_000
    cell = model.Cell(id="c1", col=0, col_span=n,
                      blocks=[model.Paragraph(id="p1", runs=[model.Run(text="宽")])])
    table = model.Table(id="t1", grid=[1.0] * n, rows=[model.Row(cells=[cell])])
    start = time.perf_counter()
    prepared = prepare(table, TableStyle(), 442.2, STSongMeasurer(), "d1")
    assert time.perf_counter() - start < 5.0
    assert len(prepared.widths) == n
    assert abs(sum(prepared.widths) - 442.2) < 1e-3
    assert prepared.rows[0].cells[0].x == 0.0
