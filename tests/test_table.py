"""TableFlowable on the sample attachments and on built tables: pages, headers, merged
cells, landscape — read back from a rendered PDF by tests/tablecheck.py."""
from __future__ import annotations

import pytest

from conftest import sample
from tablecheck import STSongMeasurer, all_text, check_table_pdf, render_pdf
from editor import model
from editor.docx_import import import_docx
from editor.layout.flow import Frame
from editor.layout.items import TextItem
from editor.layout.table import TableFlowable, TableStyle, table_wants_landscape

PORTRAIT = Frame(87.9, 102.0, 442.2, 637.8)
LANDSCAPE = Frame(102.0, 87.9, 637.8, 442.2)
M = STSongMeasurer()


def sample_table(prefix: str) -> tuple[str, model.Table]:
    doc = import_docx(sample(prefix)).document
    return doc.id, next(b for b in doc.all_blocks() if isinstance(b, model.Table))


def lay_out(flowable, frame: Frame, first_y: float | None = None, limit: int = 200):
    pages, cur, y, first = [], flowable, frame.y if first_y is None else first_y, first_y is None
    while cur is not None:
        pl = cur.place(frame, y, first)
        if pl.items or pl.rest is not cur:
            pages.append(pl.items)
        assert len(pages) < limit, "no progress"
        cur, y, first = pl.rest, frame.y, True
    return pages


@pytest.mark.slow
@pytest.mark.parametrize("prefix,rows", [("02", 93), ("03", 30)])
def test_sample_table_over_pages(tmp_path, prefix, rows):
    doc_id, table = sample_table(prefix)
    assert len(table.rows) == rows
    assert any(c.row_span > 1 for r in table.rows for c in r.cells)
    flow = TableFlowable(table, TableStyle(), M, doc_id)
    assert flow.landscape is False
    pages = lay_out(flow, PORTRAIT)
    assert len(pages) >= 3
    pdf = tmp_path / "t.pdf"
    render_pdf(pages, pdf)
    assert check_table_pdf(pdf, table) == []


@pytest.mark.slow
def test_sample_table_started_mid_page_keeps_all_text(tmp_path):
    doc_id, table = sample_table("02")
    pages = lay_out(TableFlowable(table, TableStyle(), M, doc_id), PORTRAIT,
                    first_y=PORTRAIT.y + 500)
    pdf = tmp_path / "t.pdf"
    render_pdf(pages, pdf)
    assert check_table_pdf(pdf, table) == []


def _last_band_has_text(items) -> bool:
    """Does the lowest row band of a page fragment (between the two lowest horizontal
    rules) hold any text?"""
    from editor.layout.items import LineItem
    rules = sorted({round(it.y1, 2) for it in items
                    if isinstance(it, LineItem) and abs(it.y1 - it.y2) < 0.01})
    bottom, top = rules[-1], rules[-2]
    return any(isinstance(it, TextItem) and it.text.strip() and top < it.y < bottom
               for it in items)


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["02", "03"])
def test_no_page_ends_with_an_empty_stub_of_a_row(prefix):
    """Started anywhere on a page, a table never ends a page with an empty piece of a row
    (a row split where none of its text reaches the page; seen under a merged cell that
    spans into the row)."""
    doc_id, table = sample_table(prefix)
    for start in range(0, 620, 20):
        pages = lay_out(TableFlowable(table, TableStyle(), M, doc_id), PORTRAIT,
                        first_y=PORTRAIT.y + start)
        for n, items in enumerate(pages[:-1]):
            assert _last_band_has_text(items), (start, n)


@pytest.mark.slow
def test_repeat_option_repeats_merged_text(tmp_path):
    doc_id, table = sample_table("03")
    style = TableStyle(merged_continuation="repeat")
    pages = lay_out(TableFlowable(table, style, M, doc_id), PORTRAIT)
    pdf = tmp_path / "t.pdf"
    render_pdf(pages, pdf)
    assert check_table_pdf(pdf, table, repeat_merged=True) == []
    spanning = [c for r in table.rows for c in r.cells if c.row_span > 8]
    text = all_text(pdf)
    assert any(text.count(c.text.replace(" ", "")) >= 2 for c in spanning if c.text.strip())


def _para(pid: str, text: str) -> model.Paragraph:
    return model.Paragraph(id=pid, runs=[model.Run(text=text)])


def long_table(n_cols: int = 9, n_rows: int = 12) -> model.Table:
    head = model.Row([model.Cell(f"h{c}", c, [_para(f"hp{c}", f"项目{c}")]) for c in range(n_cols)],
                     is_header=True)
    rows = [head]
    for r in range(n_rows):
        rows.append(model.Row([model.Cell(f"c{r}_{c}", c, [_para(
            f"p{r}_{c}", f"第{r}行第{c}列的工作内容需要较长的文字说明，包括责任单位和完成时限。")])
            for c in range(n_cols)]))
    return model.Table("t9", grid=[], rows=rows)


@pytest.mark.slow
def test_nine_long_columns_go_landscape_readable(tmp_path):
    table = long_table()
    style = TableStyle()
    assert table_wants_landscape(table, style, 442.2, M)
    flow = TableFlowable(table, style, M, "d")
    assert flow.landscape
    pages = lay_out(flow, LANDSCAPE)
    sizes = {it.size for p in pages for it in p if isinstance(it, TextItem)}
    assert min(sizes) >= 9.0
    prepared = flow.prepared(LANDSCAPE.width)
    full = [u.line for r in prepared.rows[1:] for c in r.cells for u in c.units
            if not u.line.is_last]
    counts = sorted(ln.n_chars for ln in full)      # line-break rules may push one down
    assert counts and counts[len(counts) // 2] >= style.landscape_min_chars
    pdf = tmp_path / "t.pdf"
    render_pdf(pages, pdf, size=(841.89, 595.28))
    assert check_table_pdf(pdf, table) == []


def test_narrow_table_stays_portrait_and_editor_override_wins():
    table = long_table(n_cols=3)
    assert not table_wants_landscape(table, TableStyle(), 442.2, M)
    table.layout.landscape = True
    assert TableFlowable(table, TableStyle(), M, "d").landscape


@pytest.mark.slow
def test_row_taller_than_a_page_is_split_and_nothing_lost(tmp_path):
    text = "很长的单元格内容，" * 300
    table = model.Table("t", grid=[100, 300], rows=[
        model.Row([model.Cell("a", 0, [_para("pa", "序号")]), model.Cell("b", 1, [_para("pb", "内容")])],
                  is_header=True),
        model.Row([model.Cell("c", 0, [_para("pc", "1")]), model.Cell("d", 1, [_para("pd", text)])],
                  cant_split=True)])
    pages = lay_out(TableFlowable(table, TableStyle(), M, "d"), PORTRAIT, first_y=400)
    assert len(pages) >= 3
    pdf = tmp_path / "t.pdf"
    render_pdf(pages, pdf)
    assert check_table_pdf(pdf, table) == []


def test_cant_split_row_moves_whole_other_rows_split():
    rows = [model.Row([model.Cell("h", 0, [_para("hp", "表头")])], is_header=True)]
    for r in range(6):
        rows.append(model.Row([model.Cell(f"c{r}", 0, [_para(f"p{r}", "内容" * 150)])],
                              cant_split=(r == 3)))
    table = model.Table("t", grid=[300], rows=rows)
    frame = Frame(0, 0, 300, 400)
    flow = TableFlowable(table, TableStyle(), M, "d")
    pages = lay_out(flow, frame)
    where = {}
    for k, items in enumerate(pages):
        for it in items:
            if isinstance(it, TextItem) and it.source:
                where.setdefault(it.source.block_id, set()).add(k)
    assert len(where["t/c3/p3"]) == 1
    assert any(len(v) > 1 for key, v in where.items() if key != "t/c3/p3")


def test_column_width_override_and_content_fit():
    table = long_table(n_cols=3, n_rows=2)
    table.rows[1].cells[2].blocks = [_para("x", "短")]
    table.rows[2].cells[2].blocks = [_para("y", "短")]
    flow = TableFlowable(table, TableStyle(), M, "d")
    fitted = flow.prepared(400).widths
    assert fitted[2] < fitted[0] and abs(sum(fitted) - 400) < 0.01
    table.layout.col_widths = [1, 1, 2]
    widths = TableFlowable(table, TableStyle(), M, "d").prepared(400).widths
    assert [round(w) for w in widths] == [100, 100, 200]


def test_nested_table_text_and_forced_split_before_row():
    inner = model.Table("in", grid=[50, 50], rows=[model.Row([
        model.Cell("i1", 0, [_para("ip1", "内嵌甲")]), model.Cell("i2", 1, [_para("ip2", "内嵌乙")])])])
    rows = [model.Row([model.Cell("h", 0, [_para("hp", "表头")])], is_header=True),
            model.Row([model.Cell("a", 0, [_para("pa", "外层"), inner])]),
            model.Row([model.Cell("b", 0, [_para("pb", "第二行")])])]
    table = model.Table("t", grid=[300], rows=rows)
    table.layout.split_before_rows = [2]
    pages = lay_out(TableFlowable(table, TableStyle(), M, "d"), Frame(0, 0, 300, 600))
    texts = [[it.text for it in p if isinstance(it, TextItem) and it.source] for p in pages]
    assert texts == [["表头", "外层", "内嵌甲", "内嵌乙"], ["表头", "第二行"]]


def test_pictures_in_cells_are_drawn_inside_their_cells_scaled_to_fit():
    import io

    from PIL import Image as PilImage

    from editor.layout.items import ImageItem
    buf = io.BytesIO()
    PilImage.new("RGB", (40, 30), (0, 90, 200)).save(buf, "PNG")
    small = model.Image(id="img1", data=buf.getvalue(), width=40.0, height=30.0)
    wide = model.Image(id="img2", data=buf.getvalue(), width=800.0, height=600.0)
    cells = [model.Cell("a", 0, [_para("pa", "文字和图片"), small]),
             model.Cell("b", 1, [wide])]
    table = model.Table(id="t1", grid=[200.0, 200.0], rows=[model.Row(cells)])
    pages = lay_out(TableFlowable(table, TableStyle(), M, "d1"), PORTRAIT)
    assert len(pages) == 1
    images = sorted((it for it in pages[0] if isinstance(it, ImageItem)), key=lambda i: i.x)
    assert [i.source.block_id for i in images] == ["t1/a/img1", "t1/b/img2"]
    first, second = images
    assert (first.w, first.h) == (40.0, 30.0)
    text = next(t for t in pages[0] if isinstance(t, TextItem))
    assert first.y > text.y                              # under the cell's paragraph
    half = PORTRAIT.x + PORTRAIT.width / 2
    assert PORTRAIT.x < first.x and first.x + first.w < half
    assert half < second.x and second.x + second.w <= PORTRAIT.x + PORTRAIT.width
    assert second.w < 800.0 and abs(second.w / second.h - 800 / 600) < 0.01
    bottom = max(it.y1 for it in pages[0] if type(it).__name__ == "LineItem")
    assert second.y + second.h < bottom                  # the row grew to hold it
