"""Keeps and pictures in the flow (FixedMeasurer; the PDF-level checks are in
test_layout_pdf.py): Word's keepNext / keepLines / pageBreakBefore, headings kept with
two lines of their text through a run of headings, no 孤行, pictures in their own box
clear of the text above and below, kept with their caption, moved whole."""
from __future__ import annotations

import io

import pytest

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.items import ImageItem
from editor.layout.paginate import layout_document
from editor.layout.template import load_template

T = load_template("gbt9704")
M = FixedMeasurer()
LINE = "根据有关规定现将我区第一至第三批区级文物保护单位保护范围予以公布并请遵照执行"  # 38


def _p(pid, n_chars, **style):
    text = (LINE * (n_chars // len(LINE) + 1))[:n_chars - 1] + "。"
    return model.Paragraph(id=pid, runs=[model.Run(text)], style=model.ParaStyle(**style))


def _h(hid, text, level=1, **style):
    return model.Heading(id=hid, runs=[model.Run(text)], level=level,
                         style=model.ParaStyle(**style))


def _lay(body):
    doc = model.Document(id="d", title="关于测试的通知", body=body)
    return layout_document(doc, T, M)


def _page_of(laid, block_id):
    return [k for k, p in enumerate(laid.pages)
            if any(getattr(it, "source", None) and it.source.block_id == block_id
                   for it in p.items)]


def _fill(n):
    """Body paragraphs filling most of a page: ``n`` lines of 28 (a 1-line title and
    its space come first)."""
    return [_p(f"f{k}", 26 + 28 * 3) for k in range(n // 4)]


def test_a_run_of_headings_goes_over_with_two_lines_of_its_text():
    # title (1 line + 1 blank) + 4×4 = 18 lines; the headings at lines 19 and 20 and the
    # paragraph's first two lines need 22 lines: fits.  Two more lines of fill: it
    # does not, and both headings move to the next page with the paragraph.
    for extra, moved in ((0, False), (1, True)):
        body = _fill(16) + [_p("x", 26 + 28)] * extra + [
            _h("h1", "一、总体要求"), _h("h2", "（一）工作目标", level=2), _p("b", 26 + 28 * 4)]
        laid = _lay(body)
        pages = {b: _page_of(laid, b)[0] for b in ("h1", "h2", "b")}
        assert pages["h1"] == pages["h2"] == pages["b"], pages
        assert (pages["h1"] == 1) == moved


def test_word_keep_next_on_a_body_paragraph_keeps_it_with_the_next():
    # 2 title lines + 16 + 2: "k" is line 21, and "n" cannot leave one line on line 22
    plain = _lay(_fill(16) + [_p("x", 26 + 28), _p("k", 20), _p("n", 26 + 28 * 5)])
    assert _page_of(plain, "k") == [0] and _page_of(plain, "n") == [1]
    kept = _lay(_fill(16) + [_p("x", 26 + 28), _p("k", 20, keep_with_next=True),
                             _p("n", 26 + 28 * 5)])
    assert _page_of(kept, "k") == [1] and _page_of(kept, "n")[0] == 1


def test_word_keep_lines_and_page_break_before():
    laid = _lay(_fill(16) + [_p("kl", 26 + 28 * 5, keep_together=True)])
    assert _page_of(laid, "kl") == [1]
    laid = _lay([_p("a", 20), _p("pb", 20, page_break_before=True)])
    assert _page_of(laid, "a") == [0] and _page_of(laid, "pb") == [1]


def test_no_single_line_at_a_page_foot_or_top_even_when_word_switches_it_off():
    for fill in range(17, 21):
        laid = _lay(_fill(fill) + [_p("w", 26 + 28 * 3, widow_control=False)])
        per_page = [sum(1 for it in p.items if getattr(it, "source", None)
                        and it.source.block_id == "w") for p in laid.pages]
        lines = [n for n in per_page if n]
        assert 1 not in lines or lines == [1], (fill, per_page)


def _png(w=400, h=300) -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (30, 90, 200)).save(buf, "PNG")
    return buf.getvalue()


def _img(iid, w_pt, h_pt):
    return model.Image(id=iid, data=_png(1600, 1200), width=w_pt, height=h_pt, name="图表")


def _text_boxes(page):
    """(top, bottom) of the em boxes of the text lines of a page."""
    return [(it.y - 0.88 * it.size, it.y + 0.12 * it.size) for it in page.items
            if hasattr(it, "text")]


def test_a_chart_after_a_paragraph_has_its_own_box():
    laid = _lay([_p("a", 26 + 28 * 2), _img("chart", 300, 200), _p("b", 26 + 28 * 2)])
    page = laid.pages[0]
    img = next(it for it in page.items if isinstance(it, ImageItem))
    for top, bottom in _text_boxes(page):
        assert bottom <= img.y - 1.0 or top >= img.y + img.h + 1.0, (top, bottom, img)


def test_a_picture_too_tall_is_scaled_and_one_that_does_not_fit_moves_whole_with_caption():
    cap = model.Paragraph(id="cap", runs=[model.Run("图1 全区产业分布示意图")])
    laid = _lay(_fill(12) + [_img("big", 900, 1200), cap, _p("after", 40)])
    f = T.frame(1)
    img_page = _page_of(laid, "big")
    assert img_page == [1] and _page_of(laid, "cap") == [1]
    img = next(it for it in laid.pages[1].items if isinstance(it, ImageItem))
    assert img.w <= f.width + 0.01 and img.y + img.h <= f.bottom + 0.01
    assert img.y >= f.y - 0.01


def test_a_title_opening_a_page_goes_onto_the_landscape_page_of_its_wide_table():
    from editor.layout.flow import Placement
    from editor.layout.items import LineItem
    from editor.layout.paginate import flow_pages
    from editor.layout.paragraph import ParagraphFlowable

    class Wide:
        landscape, keep_with_next, page_break_before = True, False, False

        def place(self, frame, y, first_on_page):
            return Placement(items=[LineItem(frame.x, y + 5, frame.x + 50, y + 5)],
                             y_end=y + 10)
    st = T.style("attachment_title")
    title = ParagraphFlowable([st.span("任务清单")], st.fmt(), M)
    body = T.style("body")
    from editor.layout.shapes import PageBreak
    pages, _ = flow_pages([ParagraphFlowable([body.span("正文。")], body.fmt(), M),
                           PageBreak(), title, Wide()], T)
    assert [p.landscape for p in pages] == [False, True]
    assert any(getattr(it, "text", "") == "任务清单" for it in pages[1].items)


def test_attachment_note_blank_line_above_and_names_aligned():
    """GB/T 9704 7.3.4: a blank line under the body; 2 字 in; 2. under 1.; a long name
    goes on under its own first character."""
    long_name = "东西湖区推进高校毕业生创新创业和外出务工人员返乡创业工作行动方案重点任务清单"
    doc = model.Document(id="d", title="关于测试的通知", body=[_p("b", 40)],
                         attachment_note=[f"附件：1.{long_name}", "2.任务清单"])
    laid = layout_document(doc, T, M)
    f = T.frame(1)
    pitch = f.width / 28
    texts = sorted((it for it in laid.pages[0].items if getattr(it, "source", None)
                    and it.source.block_id == "attachment_note"), key=lambda it: (it.y, it.x))
    rows: dict = {}
    for it in texts:
        rows.setdefault(round(it.y, 1), []).append(it)
    ys = sorted(rows)
    starts = [min(it.x for it in rows[y]) - f.x for y in ys]
    body_last = max(it.y for it in laid.pages[0].items
                    if getattr(it, "source", None) and it.source.block_id == "b")
    assert ys[0] - body_last == pytest.approx(2 * f.grid_pitch, abs=0.1)   # one blank line
    assert starts[0] == pytest.approx(2 * pitch)                        # 附件： 2 字 in
    name_x = next(it.xs[it.text.index("东")] for it in rows[ys[0]] if "东" in it.text) - f.x
    assert starts[1] == pytest.approx(name_x, abs=1.0)                  # under 东
    assert starts[2] == pytest.approx(5 * pitch, abs=0.5)               # 2. under 1.


def test_front_matter_on_a_left_hand_page_takes_the_left_hand_margins():
    from editor.layout.cache import LayoutCache
    from editor.layout.paginate import layout_issue
    from test_paginate import _issue
    laid = layout_issue(_issue(), "gbt9704", M, LayoutCache())
    toc = next(p for p in laid.pages if p.kind == "toc")
    assert toc.index % 2 == 1                        # page 4 of the file: a verso
    xs = [it.x for it in toc.items if getattr(it, "text", None)]
    assert min(xs) == pytest.approx(T.frame(0).x, abs=0.5)
    links = [it for it in toc.items if type(it).__name__ == "LinkItem"]
    assert links and min(it.x for it in links) >= T.frame(0).x - 0.5
    for page in laid.pages[:toc.index]:
        if page.index % 2 == 0:                      # rectos keep the right-hand frame
            assert all(it.x >= T.frame(1).x - 0.5 for it in page.items
                       if getattr(it, "text", None) and it.size < 20)


def test_attachment_note_gives_up_its_blank_line_rather_than_a_page():
    # 2 title lines + 19 body lines: the note fits on line 22 only without its blank line
    body = _fill(16) + [_p("x", 26 + 28 * 2)]
    doc = model.Document(id="d", title="关于测试的通知", body=body,
                         attachment_note=["附件：任务清单"])
    laid = layout_document(doc, T, M)
    assert _page_of(laid, "attachment_note") == [0] and len(laid.pages) == 1


def test_a_typed_heading_in_a_body_paragraph_is_kept_with_its_text():
    from editor.layout.documents import looks_like_heading
    assert looks_like_heading("（三）坚持城市产业双集中，打造经济发展新的增长极")
    assert looks_like_heading("二、主要任务") and looks_like_heading("3.强化要素保障")
    assert looks_like_heading("6.2.3 PSR总体评价报告编制") and not looks_like_heading("3.14159")
    assert not looks_like_heading("1.圣家墩遗址保护范围已公布。")
    assert not looks_like_heading("根据有关规定，现将我区第一至第三批区级文物保护单位公布")
    typed = model.Paragraph(id="h", runs=[model.Run("（三）坚持城市产业双集中，打造经济发展新的增长极")])
    laid = _lay(_fill(16) + [_p("x", 26 + 28 * 2), typed, _p("n", 26 + 28 * 5)])
    assert _page_of(laid, "h") == [1] and _page_of(laid, "n")[0] == 1


def test_what_cannot_be_kept_is_said_with_a_code():
    # a heading before a keep-together paragraph taller than a page: no page can hold
    # both, so the heading stays alone and the layout says so
    laid = _lay([_h("h1", "一、总体要求"), _p("tall", 28 * 30, keep_together=True)])
    codes = [(w.code, w.block_id) for w in laid.warnings]
    assert ("HEADING_STRANDED", "h1") in codes
    # moving the heading on would not have helped: it stays under the title
    assert _page_of(laid, "h1") == [0] and _page_of(laid, "tall")[0] == 1
