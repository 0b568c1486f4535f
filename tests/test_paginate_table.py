"""Tables in the flow (editor.layout.tables_glue → TableFlowable): text stays in its cell,
header rows repeat on every page, rows taller than a page are split between lines."""
from __future__ import annotations

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.items import LineItem, TextItem
from editor.layout.paginate import flow_pages
from editor.layout.tables_glue import table_flowable
from editor.layout.template import load_template

TEXT = "持续提升登记注册规范化、标准化、便利化水平，巩固“一业一证”改革成效。"


def _table(n_rows: int, long_row: int | None = None) -> model.Table:
    rows = [model.Row(cells=[model.Cell(id=f"h{k}", col=k, blocks=[model.Paragraph(
        id=f"hp{k}", runs=[model.Run(t)])]) for k, t in enumerate(["序号", "工作措施", "责任单位"])],
        is_header=True)]
    for r in range(n_rows):
        text = TEXT * (30 if r == long_row else 1)
        rows.append(model.Row(cells=[
            model.Cell(id=f"c{r}_{k}", col=k, blocks=[model.Paragraph(
                id=f"p{r}_{k}", runs=[model.Run(t)])])
            for k, t in enumerate([str(r + 1), text, "区行政审批局"])]))
    return model.Table(id="t1", grid=[40, 300, 100], rows=rows)


def _pages(table):
    t = load_template("gbt9704")
    pages, warnings = flow_pages(table_flowable(table, t, FixedMeasurer(), "d"), t)
    return t, pages, warnings


def test_every_cell_text_is_placed_inside_the_frame_and_header_repeats():
    t, pages, warnings = _pages(_table(40))
    assert len(pages) > 2 and not warnings
    frame = t.frame(1)
    placed = []
    for page in pages:
        texts = [it for it in page.items if isinstance(it, TextItem)]
        cells = [it for it in texts if it.source is not None]     # not the 续表 caption
        assert cells[0].text == "序号"                  # header first on every page
        for it in texts:
            assert frame.x - 0.01 <= it.x and it.x + it.width <= frame.x + frame.width + 0.01
            assert frame.y <= it.y <= frame.bottom + 0.01
        placed += [it.source.block_id for it in cells if not it.source.block_id.split("/")[1].startswith("h")]
    wanted = [f"t1/c{r}_{k}/p{r}_{k}" for r in range(40) for k in range(3)]
    assert sorted(set(placed)) == sorted(wanted)


def test_text_stays_inside_its_cell_borders():
    t, pages, _ = _pages(_table(5))
    page = pages[0]
    verticals = sorted({round(it.x1, 2) for it in page.items
                        if isinstance(it, LineItem) and it.x1 == it.x2})
    for it in page.items:
        if isinstance(it, TextItem):
            left = max(v for v in verticals if v <= it.x + 0.01)
            right = min(v for v in verticals if v > left)
            assert it.x + it.width <= right + 0.01


def test_row_taller_than_a_page_is_split_between_lines_not_lost():
    t, pages, _ = _pages(_table(3, long_row=1))
    chars = sum(len(it.text) for p in pages for it in p.items
                if isinstance(it, TextItem) and it.source and it.source.block_id == "t1/c1_1/p1_1")
    assert chars == len(TEXT) * 30
    assert len([p for p in pages if any(isinstance(i, TextItem) and
                                        i.source and i.source.block_id == "t1/c1_1/p1_1"
                                        for i in p.items)]) >= 2


def _png(w: int, h: int) -> bytes:
    import io

    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (w, h), "white").save(buf, "PNG")
    return buf.getvalue()


def test_tall_picture_in_a_cell_is_scaled_into_the_frame():
    """A cell picture taller than the page is scaled (keeping its aspect ratio) so that
    its row fits the 版心 below the header — and below 续表 and the repeated header on a
    continued page."""
    from editor.layout.items import ImageItem, RectItem
    from editor.layout.tables_glue import table_flowable

    table = _table(6)
    data = _png(20, 100)
    for r in (1, 5):                      # the first body row, and one on a later page
        cell = table.rows[r].cells[1]
        cell.blocks = [model.Image(id=f"img{r}", data=data, width=300.0, height=1500.0)]
    t = load_template("gbt9704")
    pages, _ = flow_pages(table_flowable(table, t, FixedMeasurer(), "d"), t)
    frame = t.frame(1)
    with_image = [p for p in pages if any(isinstance(it, ImageItem) for it in p.items)]
    assert len(with_image) == 2 and with_image[0] is pages[0]
    assert any(isinstance(it, TextItem) and it.text == "续表" for it in with_image[1].items)
    for page in pages:
        for it in page.items:
            if isinstance(it, LineItem):
                xs, ys = (it.x1, it.x2), (it.y1, it.y2)
            elif isinstance(it, (ImageItem, RectItem)):
                xs, ys = (it.x, it.x + it.w), (it.y, it.y + it.h)
            elif isinstance(it, TextItem):
                xs, ys = (it.x, it.x + it.width), (it.y, it.y)
            else:
                continue
            assert frame.x - 0.01 <= min(xs) and max(xs) <= frame.x + frame.width + 0.01, it
            assert frame.y - 0.01 <= min(ys) and max(ys) <= frame.bottom + 0.01, it
            if isinstance(it, ImageItem):
                assert abs(it.w / it.h - 300.0 / 1500.0) < 1e-6
