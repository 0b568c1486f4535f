"""Tables set as a print typesetter sets them, judged from the PDF (``tablecheck.table_report``):
rows split only when tall and never into one-line parts, group labels repeated, no stub
rows, titles and notes kept with their table, Latin and names at natural spacing, 小四 /
五号 text.  Each rule is also switched off (the old behaviour) to show the check sees it."""
from __future__ import annotations

import dataclasses

import pytest

from tablecheck import STSongMeasurer, render_pdf
from tablereport import table_report
from editor import model
from editor.layout.items import Source, TextItem
from editor.layout.paginate import flow_pages
from editor.layout.paragraph import ParagraphFlowable
from editor.layout.table import TableFlowable
from editor.layout.table_prep import column_metrics, prepare
from editor.layout.tables_glue import bind_tables, table_style
from editor.layout.template import load_template

M = STSongMeasurer()
T = load_template("gbt9704")
PROSE = ("依照有关规定，采购人应当在合同签订之日起二个工作日内公告采购合同，并按照合同约定"
         "及时向中小企业支付资金，不得无故拖延。")
UNITS = "区行政审批局、区税务局、区市场监管局、区财政局、区发改局、区经科局、区商务局"
CLEAN = dict.fromkeys(("row_fragments", "short_row_splits", "stub_rows", "latin_spaces",
                       "letter_spaced", "missing_labels", "title_separated",
                       "note_separated"), 0)


def _p(pid: str, text: str) -> model.Paragraph:
    return model.Paragraph(id=pid, runs=[model.Run(text=text)])


def _table(head: list[str], body: list[list[str]], grid: list[float],
           label: str | None = None, tid: str = "t1") -> model.Table:
    """A table with a header row; ``label``: text of column 1 merged down all body rows."""
    rows = [model.Row([model.Cell(f"h{k}", k, [_p(f"hp{k}", h)]) for k, h in enumerate(head)],
                      is_header=True)]
    for r, vals in enumerate(body):
        cells = []
        for k, v in enumerate(vals):
            if label is not None and k == 1:
                if r == 0:
                    cells.append(model.Cell("lab", 1, [_p("labp", label)], row_span=len(body),
                                            v_align="center"))
                continue
            cells.append(model.Cell(f"c{r}_{k}", k, [_p(f"p{r}_{k}", v)]))
        rows.append(model.Row(cells))
    return model.Table(tid, grid=grid, rows=rows)


def _mixed_rows(n: int = 40) -> list[list[str]]:
    """Rows of one to nine lines at 12 pt in a 9 cm column."""
    return [[str(r + 1), PROSE[: 14 + (r * 37) % 150], UNITS[: 6 + (r * 11) % 40]]
            for r in range(n)]


def _pdf(tmp_path, flowables: list, name: str = "t.pdf"):
    pages, _ = flow_pages(flowables, T)
    path = tmp_path / name
    render_pdf([p.items for p in pages], path)
    return path, pages


def _lead(lines: int) -> ParagraphFlowable:
    st = T.style("body")
    return ParagraphFlowable([st.span("前" * (28 * lines - 2) + "。", Source("d", "lead"))],
                             st.fmt(), M)


def _style(**changes):
    return dataclasses.replace(table_style(T), **changes)


OLD = dict(min_split_lines=0, min_fragment_lines=1, unit_break_lines=0,
           merged_continuation="flow")


@pytest.mark.slow
@pytest.mark.parametrize("lead", [0, 3, 7, 12])
def test_rows_split_only_when_tall_and_never_into_one_line_parts(tmp_path, lead):
    table = _table(["序号", "主要内容", "责任单位"], _mixed_rows(), [30, 260, 110])
    new = TableFlowable(table, table_style(T), M, "d")
    path, pages = _pdf(tmp_path, [_lead(lead), new] if lead else [new])
    assert len(pages) >= 3
    assert table_report(path) == CLEAN


@pytest.mark.slow
def test_the_check_sees_one_line_row_parts_of_the_old_rule(tmp_path):
    table = _table(["序号", "主要内容", "责任单位"], _mixed_rows(), [30, 260, 110])
    found = 0
    for lead in (0, 3, 7, 12):
        old = TableFlowable(table, _style(**OLD), M, "d")
        path, _ = _pdf(tmp_path, [_lead(lead), old] if lead else [old], f"old{lead}.pdf")
        report = table_report(path)
        found += report["row_fragments"] + report["short_row_splits"]
    assert found > 0


@pytest.mark.slow
@pytest.mark.parametrize("units", [UNITS * 2, PROSE * 2])
def test_a_split_cell_breaks_after_a_unit(units):
    """A list of names splits over pages only after a 、; prose after a punctuation mark
    when one ends a line within ``unit_break_lines`` of the page foot."""
    body = [["1", PROSE * 6, units]]
    table = _table(["序号", "主要内容", "责任单位"], body, [30, 300, 110])
    near = table_style(T).unit_break_lines
    checked = 0
    for lead in range(4, 18):
        pages, _ = flow_pages([_lead(lead), TableFlowable(table, table_style(T), M, "d")], T)
        parts = [_cell_lines(page, "t1/c0_2/p0_2") for page in pages[:2]]
        if len(parts) < 2 or not all(parts):
            continue                      # the cell is not split over two pages
        above, below = parts
        assert len(above) >= 2 and len(below) >= 2, (lead, above, below)
        if units != PROSE * 2:
            assert above[-1].endswith("、"), (lead, above)
        elif not above[-1][-1] in "、，；。":   # then no line a little higher ends a unit
            earlier = range(max(2, len(above) - near), len(above))
            assert not any(above[k - 1][-1] in "、，；。" for k in earlier), (lead, above)
        checked += 1
    assert checked >= 2


def _cell_lines(page, block: str) -> list[str]:
    rows: dict = {}
    for it in page.items:
        if isinstance(it, TextItem) and it.source and it.source.block_id == block:
            rows.setdefault(round(it.y, 1), []).append(it)
    return ["".join(it.text for it in sorted(v, key=lambda it: it.x)) for _, v in sorted(rows.items())]


def test_group_label_is_repeated_on_every_continuation_page(tmp_path):
    body = [[str(r + 1), "", PROSE[: 20 + (r * 13) % 60], "区财政局"] for r in range(36)]
    table = _table(["序号", "工作措施", "主要内容", "责任单位"], body, [30, 80, 230, 80],
                   label="（二）强化公平竞争审查和社会信用建设")
    path, pages = _pdf(tmp_path, [TableFlowable(table, table_style(T), M, "d")])
    assert len(pages) >= 3
    assert table_report(path) == CLEAN
    for page in pages:
        label = [it for it in page.items if isinstance(it, TextItem) and it.source
                 and it.source.block_id == "t1/lab/labp"]
        assert "".join(it.text for it in label) == "（二）强化公平竞争审查和社会信用建设"
    old = TableFlowable(table, _style(merged_continuation="flow"), M, "d")
    path, _ = _pdf(tmp_path, [old], "old.pdf")
    assert table_report(path)["missing_labels"] >= len(pages) - 1


@pytest.mark.slow
def test_no_continuation_page_holds_a_stub_row(tmp_path):
    body = [[str(r + 1), PROSE[:60], "区财政局"] for r in range(17)] + [["18", "download", ""]]
    table = _table(["序号", "主要内容", "责任单位"], body, [30, 260, 110])
    stubs_old = 0
    for lead in range(3, 12):
        flows = [_lead(lead)] if lead else []
        path, pages = _pdf(tmp_path, flows + [TableFlowable(table, table_style(T), M, "d")])
        assert table_report(path)["stub_rows"] == 0, lead
        path, _ = _pdf(tmp_path, flows + [TableFlowable(table, _style(**OLD), M, "d")], "o.pdf")
        stubs_old += table_report(path)["stub_rows"]
    assert stubs_old > 0


def _title_table_note(lead: int, table: model.Table, style=None) -> list:
    st = T.style("body")
    title = ParagraphFlowable([st.span("表1  政府采购项目一览表", Source("d", "title"))],
                              st.fmt(align="center", first_indent=0.0), M)
    note = ParagraphFlowable([st.span("注：表中金额单位为万元，链接为公告地址。",
                                      Source("d", "note"))], st.fmt(), M)
    flows = [_lead(lead)] if lead else []
    return bind_tables(flows + [title, TableFlowable(table, style or table_style(T), M, "d"),
                                note])


def _page_of(pages, block: str) -> set[int]:
    return {k for k, p in enumerate(pages) for it in p.items
            if isinstance(it, TextItem) and it.source and it.source.block_id.startswith(block)}


@pytest.mark.slow
def test_title_and_note_stay_with_their_table(tmp_path):
    table = _table(["序号", "主要内容", "责任单位"], _mixed_rows(9), [30, 260, 110])
    for lead in range(0, 22):
        path, pages = _pdf(tmp_path, _title_table_note(lead, table))
        report = table_report(path)
        assert report["title_separated"] == report["note_separated"] == 0, lead
        table_pages = _page_of(pages, "t1/")
        assert _page_of(pages, "title") <= table_pages, lead
        assert min(_page_of(pages, "note")) == max(table_pages), lead


def test_title_goes_on_the_landscape_page_of_its_table():
    head = [f"项目{k}" for k in range(9)]
    body = [[f"第{r}行第{k}列的工作内容需要较长的文字说明。" for k in range(9)] for r in range(6)]
    table = _table(head, body, [])
    flows = _title_table_note(0, table)
    assert flows[1].landscape and flows[0].landscape and flows[2].landscape
    pages, _ = flow_pages(flows, T)
    assert pages[0].landscape and _page_of(pages, "title") == {0}


URL = "https://ggzy.example.cn/jyxx/zfcg/2025/0315.html"


def test_latin_urls_codes_and_names_keep_their_natural_spacing(tmp_path):
    body = [[str(r + 1), ["圣家墩遗址", "王家岗", "慈惠墩"][r % 3], "BHFW-JSKZ-2025-017",
             URL, "1,251.75", PROSE[:40]] for r in range(12)]
    table = _table(["序号", "名称", "编号", "网址", "金额", "说明"], body, [20, 36, 60, 60, 50, 150])
    path, pages = _pdf(tmp_path, [TableFlowable(table, table_style(T), M, "d")])
    report = table_report(path)
    assert report["latin_spaces"] == report["letter_spaced"] == 0
    for page in pages:                    # a URL breaks only after / . - _ ?
        cells = {}
        for it in page.items:
            if isinstance(it, TextItem) and it.source and it.source.block_id.endswith("_3"):
                cells.setdefault(round(it.y, 1), []).append(it.text)
        lines = ["".join(v) for _, v in sorted(cells.items())]
        for a in lines[:-1]:
            if a and not a.isdigit():
                assert a[-1] in "/.-_?" or a.endswith(".html"), lines


def test_a_url_column_is_as_narrow_as_its_longest_piece():
    table = _table(["网址"], [[URL]], [])
    mt = column_metrics(table, table_style(T), M)
    lo, hi = mt.lo, mt.hi
    assert lo[0] < hi[0] / 3


def test_table_text_is_xiaosi_and_wide_tables_wuhao():
    style = table_style(T)
    assert (style.size, style.wide_size, style.wide_columns) == (12.0, 10.5, 7)
    narrow = _table(["序号", "主要内容", "责任单位"], _mixed_rows(3), [30, 260, 110])
    assert prepare(narrow, style, 442.2, M, "d").size == 12.0
    wide = _table([f"列{k}" for k in range(8)], [["短"] * 8], [])
    assert prepare(wide, style, 442.2, M, "d").size == 10.5
    landscape = _table(["序号", "内容"], [["1", "短"]], [])
    assert prepare(landscape, style, 637.8, M, "d").size == 10.5


# -- whole PDFs with the real fonts: the sample issue and unseen-shape .docx files ---------

def _sizes_in_boxes(pages, marker: str) -> set[float]:
    return {round(g.size, 1) for p in pages if any(marker in b.text for b in p.boxes)
            for b in p.boxes for g in b.glyphs}


@pytest.mark.slow
def test_sample_issue_tables_read_like_print(tmp_path):
    from tablereport import read_table_pages
    from editor.app.loading import load_any_issue
    from editor.render import build_pdf
    from editor.resources import sample_issue_path
    out = tmp_path / "sample.pdf"
    build_pdf(load_any_issue(sample_issue_path()), out)
    details: list = []
    assert table_report(out, details=details) == CLEAN, details
    # the cell text in the default template's table size (gazette.toml: 五号, as printed)
    from editor.layout.template import font_size, load_template
    assert font_size(load_template(None).get("tables", "size")) == 10.5
    assert _sizes_in_boxes(read_table_pages(out), "主要内容（*为我区自主创新举措）") == {10.5}


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["wide", "narrow", "tall", "group"])
def test_unseen_table_shapes_read_like_print(tmp_path, shape):
    from table_docs import BUILDERS, build
    from tablereport import read_table_pages
    out = tmp_path / f"{shape}.pdf"
    build(BUILDERS[shape](tmp_path / f"{shape}.docx"), out)
    details: list = []
    assert table_report(out, details=details) == CLEAN, details
    pages = read_table_pages(out)
    if shape == "wide":                   # title, table and note on the turned pages
        table_pages = [p for p in pages if p.boxes]
        assert _sizes_in_boxes(pages, "公告网址") == {10.5}
        lines = ["".join(g.c for g in ln) for p in table_pages for ln in p.outside]
        assert any(t.startswith("表1") for t in lines) and any(t.startswith("注：") for t in lines)
    if shape == "group":                  # the label on every page of the table
        for p in pages:
            if p.boxes:
                assert any("（二）强化公平竞争审查和社会信用建设" == b.text for b in p.boxes)


def _boxed_line(text: str, xs: list[float], size: float = 12.0) -> list:
    """One ruled box holding one line of ``text`` with its characters at ``xs``."""
    from editor.layout.items import LineItem
    left, right, top, bottom = 80.0, 400.0, 100.0, 130.0
    rules = [LineItem(left, top, right, top), LineItem(left, bottom, right, bottom),
             LineItem(left, top, left, bottom), LineItem(right, top, right, bottom)]
    return rules + [TextItem(xs[0], 120.0, text, "STSong-Light", size, xs=xs)]


def _natural(text: str, x: float = 90.0, size: float = 12.0, extra: float = 0.0) -> list[float]:
    xs = []
    for ch in text:
        xs.append(x)
        x += M.advance(ch, "song", size) + extra
    return xs


@pytest.mark.parametrize("text, extra, kind", [
    ("https://ggzy.example.cn/", 0.0, None), ("https://ggzy.example.cn/", 4.0, "latin_spaces"),
    ("BHFW-JSKZ", 3.0, "latin_spaces"), ("圣家墩", 0.0, None), ("圣家墩", 6.0, "letter_spaced")])
def test_the_checks_see_inserted_spaces_and_letter_spacing(tmp_path, text, extra, kind):
    path = tmp_path / "one.pdf"
    render_pdf([_boxed_line(text, _natural(text, extra=extra))], path)
    report = table_report(path)
    assert {k for k, v in report.items() if v} == ({kind} if kind else set())
