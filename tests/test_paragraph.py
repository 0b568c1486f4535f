"""ParagraphFlowable: vertical placement, grid snapping, widow/orphan and keep rules.

FixedMeasurer at 16 pt: ascent 14.08, descent 1.92; default pitch 1.3 × 16 = 20.8 pt, so
a baseline sits (20.8 + 14.08 − 1.92) / 2 = 16.48 pt below its line box top.
"""
from __future__ import annotations

import pytest

from editor.fonts.measure import FixedMeasurer
from editor.layout.flow import Frame, ParaFormat, Span
from editor.layout.items import Source
from editor.layout.paragraph import ParagraphFlowable

M = FixedMeasurer()
PITCH = 20.8
BASE = 16.48
GRID = 637.8 / 22


def para(n_lines: int, **fmt) -> ParagraphFlowable:
    """A paragraph of ``n_lines`` full lines of ten Han characters (160 pt frame)."""
    text = "东西湖区人民政府公报" * n_lines
    fmt.setdefault("punct", "quanjiao")
    return ParagraphFlowable([Span(text, source=Source("d", "p1", 0))], ParaFormat(**fmt), M)


def frame(lines_room: float, grid=None) -> Frame:
    return Frame(x=80, y=100, width=160, height=lines_room * PITCH, grid_pitch=grid)


def baselines(placement):
    return sorted({it.y for it in placement.items})


def test_everything_fits_and_space_after_counts():
    pl = para(3, space_after=6).place(frame(10), 100, first_on_page=True)
    assert pl.rest is None
    assert baselines(pl) == pytest.approx([100 + BASE + k * PITCH for k in range(3)])
    assert pl.y_end == pytest.approx(100 + 3 * PITCH + 6)
    assert pl.items[0].x == 80 and pl.items[0].source.block_id == "p1"


def test_space_before_is_dropped_at_the_top_of_a_page():
    p = para(1, space_before=12)
    assert baselines(p.place(frame(10), 100, True)) == pytest.approx([100 + BASE])
    assert baselines(p.place(frame(10), 150, False)) == pytest.approx([162 + BASE])


def test_first_indent_moves_the_first_line_only():
    pl = para(2, first_indent=32).place(frame(10), 100, True)
    xs = sorted((it.y, it.x) for it in pl.items)
    assert [x for _, x in xs] == [112, 80, 80]     # 8 + 10 + 2 characters


def test_widow_last_line_not_alone_on_the_next_page():
    p = para(4)
    pl = p.place(frame(3), 100, False)
    assert len(baselines(pl)) == 2
    assert pl.y_end == pytest.approx(100 + 3 * PITCH)
    rest = pl.rest
    assert rest is not None and not rest.page_break_before
    pl2 = rest.place(frame(10), 100, True)
    assert len(baselines(pl2)) == 2 and pl2.rest is None
    assert rest.lines(160) == p.lines(160)[2:]         # reused, not recomposed
    assert rest.lines(160)[0] is p.lines(160)[2]


def test_orphan_first_line_not_alone_at_the_page_bottom():
    pl = para(3).place(frame(2), 100, False)       # 2 fit: 1 would be a widow, 1 an orphan
    assert pl.items == [] and pl.rest is not None
    pl = para(5).place(frame(1.5), 100, False)
    assert pl.items == [] and pl.rest is not None
    pl = para(3, widow_control=False).place(frame(2), 100, False)
    assert len(baselines(pl)) == 2


def test_keep_together_moves_the_whole_paragraph():
    p = para(3, keep_together=True)
    assert p.place(frame(2.5), 100, False).items == []
    pl = p.place(frame(2.5), 100, True)            # an empty page must take something
    assert len(baselines(pl)) == 2 and pl.rest is not None


def test_progress_on_an_empty_page_that_is_too_small():
    pl = para(3).place(frame(0.5), 100, True)
    assert len(baselines(pl)) == 1 and pl.rest is not None
    assert pl.warnings


def test_grid_snapping_puts_baselines_on_the_page_grid():
    f = Frame(x=80, y=100, width=160, height=637.8, grid_pitch=GRID)
    head = ParagraphFlowable([Span("附件", size=22, role="hei")],
                             ParaFormat(line_pitch=36), M)
    h = head.place(f, f.y, True)
    assert h.y_end == pytest.approx(136)
    body = para(3, snap_to_grid=True, line_pitch=GRID)
    pl = body.place(f, h.y_end, False)
    cells = [(b - f.y) / GRID for b in baselines(pl)]
    assert cells == pytest.approx([3, 4, 5])       # 36 pt ends inside cell 1: next is 2
    assert pl.y_end == pytest.approx(f.y + 5 * GRID)


def test_grid_line_taller_than_a_cell_takes_two_cells():
    f = Frame(x=80, y=100, width=160, height=637.8, grid_pitch=GRID)
    p = ParagraphFlowable([Span("标题", size=22)],
                          ParaFormat(snap_to_grid=True, line_pitch=40), M)
    assert p.place(f, f.y, True).y_end == pytest.approx(f.y + 2 * GRID)


def test_grid_page_holds_22_lines():
    f = Frame(x=80, y=100, width=160, height=637.8, grid_pitch=GRID)
    pl = para(30, snap_to_grid=True, line_pitch=GRID).place(f, f.y, True)
    assert baselines(pl) == pytest.approx([f.y + k * GRID for k in range(1, 23)])


def test_min_height_and_lines_fit_for_keep_with_next():
    f = frame(10)
    assert para(5).min_height(f) == pytest.approx(2 * PITCH)
    assert para(1).min_height(f) == pytest.approx(PITCH)
    assert para(5, space_before=10).min_height(f) == pytest.approx(10 + 2 * PITCH)
    assert para(5, space_before=10).min_height(f, first_on_page=True) == \
        pytest.approx(2 * PITCH)
    assert para(5, keep_together=True).min_height(f) == pytest.approx(5 * PITCH)
    assert para(5).lines_fit(f, 100 + 7 * PITCH, False) == 3
    assert para(5).height(f) == pytest.approx(5 * PITCH)


def test_flags_come_from_the_format():
    p = para(1, keep_with_next=True, page_break_before=True)
    assert p.keep_with_next and p.page_break_before


def test_can_start_tells_whether_a_heading_may_stay():
    f = frame(10)
    assert para(5).can_start(f, 100 + 8 * PITCH)        # two lines fit
    assert not para(5).can_start(f, 100 + 9 * PITCH)    # one would be an orphan
    assert para(1).can_start(f, 100 + 9 * PITCH)
    assert not para(3, keep_together=True).can_start(f, 100 + 8 * PITCH)


@pytest.mark.parametrize("used, placed", [(21, 0), (20, 0), (19, 3), (18, 3)])
def test_widow_and_orphan_on_the_22_line_grid(used, placed):
    """A three-line paragraph after ``used`` grid lines of a GB/T 9704 page: one line
    left at the bottom (orphan) or one pushed alone to the next page (widow) moves the
    whole paragraph; with three cells free it stays."""
    f = Frame(x=80, y=100, width=160, height=637.8, grid_pitch=GRID)
    p = para(3, snap_to_grid=True, line_pitch=GRID)
    pl = p.place(f, f.y + used * GRID, False)
    assert len(baselines(pl)) == placed
    assert (pl.rest is None) == (placed == 3)
    if placed:
        assert baselines(pl)[-1] == pytest.approx(f.y + (used + 3) * GRID)


def test_a_four_line_paragraph_splits_two_and_two_at_a_grid_page_end():
    f = Frame(x=80, y=100, width=160, height=637.8, grid_pitch=GRID)
    p = para(4, snap_to_grid=True, line_pitch=GRID)
    pl = p.place(f, f.y + 19 * GRID, False)             # three cells free
    assert len(baselines(pl)) == 2                       # not 3 + a lone last line
    rest = pl.rest.place(f, f.y, True)
    assert len(baselines(rest)) == 2 and rest.rest is None
