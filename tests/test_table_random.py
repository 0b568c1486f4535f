"""Property test: random tables with merged cells, unsplittable rows and small pages are
laid out with every cell's text placed exactly once (header copies aside), inside the
frame's width, in finitely many pages."""
from __future__ import annotations

import pytest

from hypothesis import given, settings, strategies as st

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.flow import Frame
from editor.layout.items import TextItem
from editor.layout.table import TableFlowable, TableStyle

M = FixedMeasurer()


@st.composite
def tables(draw):
    n_cols = draw(st.integers(1, 5))
    n_rows = draw(st.integers(2, 14))
    covered: set = set()
    rows = []
    for r in range(n_rows):
        cells = []
        for c in range(n_cols):
            if (r, c) in covered:
                continue
            rs = draw(st.integers(1, 4)) if draw(st.booleans()) and r > 0 else 1
            rs = min(rs, n_rows - r)
            if any((rr, c) in covered for rr in range(r, r + rs)):
                rs = 1
            covered |= {(rr, c) for rr in range(r, r + rs)}
            n_chars = draw(st.integers(0, 160))
            alphabet = "表格内容测试，abc 12"
            text = "".join(alphabet[k % len(alphabet)] for k in range(n_chars))
            cells.append(model.Cell(f"c{r}_{c}", c, [model.Paragraph(
                f"p{r}_{c}", [model.Run(text)])], row_span=rs))
        rows.append(model.Row(cells, is_header=(r == 0 and draw(st.booleans())),
                              cant_split=draw(st.integers(0, 4)) == 0,
                              height=draw(st.sampled_from([None, None, 30.0, 900.0]))))
    return model.Table("t", grid=[draw(st.floats(20, 200)) for _ in range(n_cols)], rows=rows)


@settings(max_examples=60, deadline=None)
@given(tables(), st.floats(60, 400), st.floats(0, 0.9), st.booleans())
@pytest.mark.slow
def test_every_character_once(table, height, start, keep):
    table.layout.keep_rows_together = keep
    frame = Frame(10, 10, 300, height)
    cur, y, first, pages = TableFlowable(table, TableStyle(size=10), M, "d"), \
        10 + start * height, False, []
    while cur is not None:
        pl = cur.place(frame, y, first)
        assert pl.items or pl.rest is cur
        if not pl.items:
            assert not first
        pages.append(pl.items)
        assert len(pages) < 400
        cur, y, first = pl.rest, 10, True
    seen: dict = {}
    n_head = table.header_rows if table.header_rows < len(table.rows) else 0
    head_ids = {f"t/{c.id}/{b.id}" for r in table.rows[:n_head] for c in r.cells for b in c.blocks}
    head_done = False
    for items in pages:
        texts = [it for it in items if isinstance(it, TextItem) and it.source]
        for it in texts:
            assert 10 - 0.01 <= it.x and it.x + it.width <= 310 + 0.01
            if it.source.block_id in head_ids and head_done:
                continue
            for i in range(it.source.start, it.source.end):
                key = (it.source.block_id, i)
                seen[key] = seen.get(key, 0) + 1
        head_done = head_done or any(it.source.block_id in head_ids for it in texts)
    for r in table.rows:
        for c in r.cells:
            for b in c.blocks:
                bid = f"t/{c.id}/{b.id}"
                for i, ch in enumerate(b.text):
                    if not ch.isspace():
                        assert seen.get((bid, i)) == 1 or (bid in head_ids and seen.get((bid, i))), \
                            (bid, i, seen.get((bid, i)))
