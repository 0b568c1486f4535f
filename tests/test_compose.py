"""Line composition rules of editor.layout.compose, with a fixed-width measurer.

FixedMeasurer sets wide characters on 1 em and others on ½ em; at 16 pt a 160 pt measure
holds exactly ten Han characters.  ``GBMeasurer`` additionally sets the quotes, the
interpunct, the em dash and the ellipsis on a full em, as GB fonts (宋体, 仿宋) do.
"""
from __future__ import annotations

import pytest

from editor.fonts.measure import FixedMeasurer
from editor.layout import compose as cp
from editor.layout.flow import ParaFormat, Span
from editor.layout.items import Source
from editor.layout.linebreak import DASHES, ELLIPSES, NOT_END, NOT_START

EM = 16.0
W10 = 10 * EM


class GBMeasurer(FixedMeasurer):
    """Metrics of a GB 2312 font: quotes, ·, — and … are full width."""

    def advance(self, ch, role, size):
        return size if ch in "“”‘’·—…" else super().advance(ch, role, size)


FIXED = FixedMeasurer()
GB = GBMeasurer()


def lines_of(text, width=W10, measurer=FIXED, **fmt):
    fmt.setdefault("punct", "quanjiao")
    return cp.compose([Span(text)], ParaFormat(**fmt), width, measurer)


def texts(lines):
    return [ln.text for ln in lines]


def approx(xs):
    return pytest.approx(xs, abs=0.01)


def test_squeeze_pulls_a_comma_onto_the_line():
    ls = lines_of("一二三，四五六七八九，十一")
    assert texts(ls) == ["一二三，四五六七八九，", "十一"]
    # line-end comma loses its empty half, then the inner comma is squeezed to ½ em
    assert ls[0].xs == approx([0, 16, 32, 48, 56, 72, 88, 104, 120, 136, 152])
    assert ls[0].width == pytest.approx(W10)


def test_push_down_and_stretch_when_squeezing_cannot_help():
    ls = lines_of("一二三四五六七八九十，一二")
    assert texts(ls) == ["一二三四五六七八九", "十，一二"]
    assert ls[0].xs == approx([18 * i for i in range(9)])
    assert ls[0].width == pytest.approx(W10)


def test_opening_bracket_never_ends_a_line():
    ls = lines_of("一二三四五六七八九（十一）")
    assert texts(ls) == ["一二三四五六七八九", "（十一）"]


def test_opening_bracket_at_line_start_loses_its_empty_left_half():
    ls = lines_of("（一二三四五六七八九）十一")
    assert texts(ls) == ["（一二三四五六七八九）", "十一"]
    assert ls[0].xs[0] == pytest.approx(-8)       # glyph shifted: ink starts at 0
    assert ls[0].xs[1] == pytest.approx(8)
    assert ls[0].width == pytest.approx(W10)


def test_adjacent_marks_take_one_and_a_half_em():
    text = "他说：“好。”（见附件）、《甲》《乙》"
    ln = lines_of(text, width=40 * EM, measurer=GB, align="left")[0]
    step = {text[i:i + 2]: ln.xs[i + 1] - ln.xs[i] for i in range(len(text) - 1)}
    for pair in ("：“", "。”", "）、", "》《"):
        assert step[pair] == pytest.approx(8), pair
    assert step["”（"] == pytest.approx(8)
    assert step["说："] == pytest.approx(16)


def test_line_end_half_style_trims_a_final_full_stop():
    ls = lines_of("一二三四五六七八九。一二三", punct="line_end_half")
    assert texts(ls)[0] == "一二三四五六七八九。"
    assert ls[0].xs[-1] + 8 == pytest.approx(W10)  # the ink half ends at the edge
    assert ls[0].width == pytest.approx(W10)
    quan = lines_of("一二三四五六七八九。一二三", punct="quanjiao")
    assert quan[0].xs[-1] == pytest.approx(144)


def test_kaiming_sets_commas_half_width_full_stops_and_brackets_full():
    ln = lines_of("一，二。三（四）五", width=40 * EM, punct="kaiming", align="left")[0]
    assert ln.xs == approx([0, 16, 24, 40, 56, 72, 88, 104, 120])


def test_han_latin_gap_quarter_em_none_at_line_start():
    ln = lines_of("使用AI技术", width=40 * EM, align="left")[0]
    assert ln.xs == approx([0, 16, 36, 44, 56, 72])
    ls = lines_of("一二三四五六七八九十AI技术")
    assert ls[1].text.startswith("AI")
    assert ls[1].xs[0] == pytest.approx(0)
    assert ls[0].width == pytest.approx(W10)       # no gap after 十 at the line end


def test_lone_last_character_is_avoided_by_pushing_down():
    ls = lines_of("一二三四五六七八九十" * 2 + "甲。")
    assert texts(ls) == ["一二三四五六七八九十", "一二三四五六七八九", "十甲。"]
    assert ls[1].width == pytest.approx(W10)


def test_lone_last_character_is_squeezed_in_when_possible():
    ls = lines_of("一二三四五六七八九十" + "一，二，三四五六七八" + "甲")
    assert texts(ls) == ["一二三四五六七八九十", "一，二，三四五六七八甲"]
    assert ls[1].width == pytest.approx(W10)


SAMPLE = ("为深入贯彻落实党的二十大精神，全面推进乡村振兴，现就做好2025年全区“三农”工作"
          "提出如下意见。各街道（乡镇）要高度重视，确保到2027年完成率达到90%以上、增长3.2%，"
          "投入资金10.5亿元——这是关键……推广AI与3D打印技术，详见https://www.whdxh.gov.cn/"
          "zwgk/tzgg/index.html网站《东西湖区关于进一步优化营商环境的若干措施》（试行）。")
TOKENS = ["2025", "2027", "90%", "3.2%", "10.5", "AI", "3D", "——", "……"]


@pytest.mark.parametrize("measurer", [FIXED, GB], ids=["fixed", "gb"])
@pytest.mark.parametrize("punct", ["quanjiao", "kaiming", "line_end_half"])
def test_width_sweep_obeys_every_prohibition(measurer, punct):
    for width in range(120, 460, 7):
        ls = lines_of(SAMPLE, width=width, measurer=measurer, punct=punct)
        assert "".join(texts(ls)) == SAMPLE
        for a, b in zip(ls, ls[1:]):
            end, start = a.text.rstrip(), b.text
            assert start[0] not in NOT_START or start[:2] == "——", (width, start)
            assert end[-1] not in NOT_END, (width, end)
            assert not (end[-1] in DASHES and start[0] in DASHES), width
            assert not (end[-1] in ELLIPSES and start[0] in ELLIPSES), width
            for tok in TOKENS:
                pos = SAMPLE.index(tok)
                assert not pos < a.end < pos + len(tok), (width, tok)
        for ln in ls[:-1]:
            assert ln.width == pytest.approx(ln.avail, abs=0.01), (width, ln.text)
        assert ls[-1].width <= ls[-1].avail + 0.01


def test_numbers_with_units_move_as_a_whole():
    # 2025 would end the first line; its unit 年 cannot start the next one
    ls = lines_of("一二三四五六七八2025年")
    assert texts(ls) == ["一二三四五六七八", "2025年"]


def test_indents_and_hanging_indent():
    ls = lines_of("一" * 25, first_indent=2 * EM)
    assert [ln.offset for ln in ls] == [32, 0, 0]
    assert texts(ls)[0] == "一" * 8
    ls = lines_of("一" * 25, first_indent=-2 * EM, left_indent=2 * EM)
    assert [ln.offset for ln in ls] == [0, 32, 32]
    assert [ln.avail for ln in ls] == [160, 128, 128]


@pytest.mark.parametrize("align, offset", [("left", 0), ("center", 56), ("right", 112)])
def test_alignment_of_a_short_line(align, offset):
    ln = lines_of("一二三", align=align)[0]
    assert ln.offset == pytest.approx(offset)
    assert ln.width == pytest.approx(48)


def test_distribute_spreads_a_short_line_to_the_full_measure():
    ln = lines_of("附件", align="distribute")[0]
    assert ln.xs == approx([0, 144])
    assert ln.width == pytest.approx(W10)


def test_line_pitch_exact_or_from_the_largest_size():
    spans = [Span("标题", size=22), Span("正文" * 20, size=16)]
    ls = cp.compose(spans, ParaFormat(), W10, FIXED)
    assert ls[0].pitch == pytest.approx(1.3 * 22)
    assert ls[-1].pitch == pytest.approx(1.3 * 16)
    ls = cp.compose(spans, ParaFormat(line_pitch=28.99), W10, FIXED)
    assert {ln.pitch for ln in ls} == {28.99}
    assert ls[0].ascent == pytest.approx(22 * 0.88)


def test_items_one_per_run_with_source_ranges():
    spans = [Span("一二三", source=Source("d1", "b7", 5)),
             Span("AB", role="latin", bold=True, source=Source("d1", "b7", 8)),
             Span("四五", color="c00000", source=Source("d1", "b7", 10))]
    ln = cp.compose(spans, ParaFormat(align="left"), W10, FIXED)[0]
    items = ln.to_items(100.0, 200.0)
    assert [it.text for it in items] == ["一二三", "AB", "四五"]
    assert [(it.source.start, it.source.end) for it in items] == [(5, 8), (8, 10), (10, 12)]
    assert items[1].bold and items[1].face == "latin" and items[2].color == "c00000"
    assert items[0].xs == approx([100, 116, 132])
    assert items[1].xs == approx([152, 160])              # ¼ em gap after 三
    assert items[0].width == pytest.approx(48)
    assert all(it.y == 200.0 and len(it.xs) == len(it.text) for it in items)


def test_trailing_spaces_are_not_drawn_and_do_not_count():
    ls = lines_of("Open Source Software Foundation", width=100, align="justify")
    for ln in ls[:-1]:
        assert not ln.to_items(0, 0)[-1].text.endswith(" ")
        assert ln.width == pytest.approx(100, abs=0.01)


def test_empty_paragraph_is_one_empty_line():
    ls = lines_of("")
    assert len(ls) == 1 and ls[0].n_chars == 0 and ls[0].to_items(0, 0) == []
    assert ls[0].pitch == pytest.approx(20.8)


def test_character_grid_sets_28_han_per_line():
    fmt = ParaFormat(char_pitch=442.2 / 28, punct="quanjiao")
    ls = cp.compose([Span("一" * 60)], fmt, 442.2, FIXED)
    assert [ln.n_chars for ln in ls] == [28, 28, 4]
    assert ls[0].width == pytest.approx(442.2)


def test_unchanged_paragraph_is_a_cache_hit():
    cp.clear_cache()
    spans = [Span(SAMPLE)]
    first = cp.compose(spans, ParaFormat(), 300, FIXED)
    again = cp.compose([Span(SAMPLE)], ParaFormat(), 300, FIXED)
    assert again is first
    assert cp.cache_stats == {"hits": 1, "misses": 1}
    other = cp.compose(spans, ParaFormat(), 301, FIXED)
    assert other is not first and cp.cache_stats["misses"] == 2


def test_forced_line_break_ends_a_line_unstretched():
    ls = lines_of("关于印发\n东西湖区营商环境行动方案的通知")
    assert texts(ls) == ["关于印发\n", "东西湖区营商环境行动", "方案的通知"]
    assert ls[0].width == pytest.approx(64)
    assert [it.text for it in ls[0].to_items(0, 0)] == ["关于印发"]
    assert ls[1].width == pytest.approx(W10)
    assert lines_of("甲\n\n乙")[1].to_items(0, 0) == []


def test_latin_only_line_stretches_word_spaces_not_letters():
    ls = lines_of("Open Source Software Foundation", width=100)
    first = ls[0]
    assert first.text.rstrip() == "Open Source"
    assert first.xs[:4] == approx([0, 8, 16, 24])           # "Open" set solid
    assert first.xs[5] == pytest.approx(100 - 6 * 8)        # "Source" flush right


def test_stretch_never_widens_han_latin_gaps_beyond_the_even_share():
    ls = lines_of("使用AI技术一二三四五六")
    assert texts(ls) == ["使用AI技术一二三四", "五六"]
    # 8 pt of slack over the 8 places between characters (not inside "AI"): 1 pt each
    assert ls[0].xs == approx([0, 17, 38, 46, 59, 76, 93, 110, 127, 144])


def test_a_connecting_dash_between_numbers_keeps_its_full_em():
    """FixedMeasurer gives — (east-asian width "ambiguous") only ½ em; the composer
    still sets the dash on a full em, never compressed, so the next digit cannot be
    overprinted by a full-width glyph; the narrower glyph is centred in its slot."""
    ln = lines_of("2025—2027年", width=40 * EM, align="left", punct="kaiming")[0]
    assert ln.xs[5] - ln.ends[3] == pytest.approx(EM)       # 5 ends, 2 starts: 1 em
    assert ln.xs[4] - ln.ends[3] == pytest.approx(EM / 4)   # ½ em glyph centred
    for punct in ("quanjiao", "kaiming", "line_end_half"):
        ls = lines_of("一二三四五六七2025—2027年一二", punct=punct)
        for ln in ls:
            for k in range(ln.start, ln.end):
                if ln.para.text[k] == "—":
                    i = k - ln.start
                    assert ln.ends[i] - (ln.ends[i - 1] if i else 0.0) >= EM - 0.01


def test_dash_and_ellipsis_pairs_take_two_em_joined_and_are_never_squeezed():
    ln = lines_of("他说——好……走", width=40 * EM, align="left")[0]
    assert ln.xs == approx([0, 16, 40, 48, 64, 88, 96, 112])   # glyphs ½ em, joined
    assert ln.ends[3] - ln.ends[1] == pytest.approx(2 * EM)
    # a squeezed line (commas pulled in) leaves dashes and ellipses at full width
    ls = lines_of("一二三——四五六七，", punct="quanjiao")
    assert texts(ls) == ["一二三——四五六七，"]
    ln = ls[0]
    assert ln.width == pytest.approx(W10)
    assert ln.ends[4] - ln.ends[2] == pytest.approx(2 * EM)


def test_a_dash_ending_a_line_is_flush_with_the_right_edge():
    ls = lines_of("一二三四五六七八——九十", punct="kaiming")
    assert texts(ls)[0] == "一二三四五六七八——"
    ln = ls[0]
    assert ln.width == pytest.approx(W10)
    assert ln.xs[-1] + EM / 2 == pytest.approx(W10)          # the ink ends at the edge
    assert ln.xs[-1] - ln.xs[-2] == pytest.approx(EM / 2)    # the pair stays joined


def test_a_dash_starting_a_line_is_flush_with_the_left_edge():
    ln = lines_of("— 1 —", width=40 * EM, align="left", punct="kaiming")[0]
    assert ln.xs[0] == pytest.approx(0)
    assert ln.ends[0] == pytest.approx(EM)


class ScriptFaces(FixedMeasurer):
    """FixedMeasurer drawing Latin letters and digits from a second face, as the
    FontBook does with a Latin role (so a mixed run splits into several items)."""

    def face_for(self, ch, role):
        return "latin-face" if ch.isascii() else role


def test_underline_runs_on_across_the_han_latin_gaps():
    spans = [Span("使用AI技术", underline=True), Span("和", underline=False),
             Span("3D打印", strike=True)]
    ln = cp.compose(spans, ParaFormat(align="left"), 40 * EM, ScriptFaces())[0]
    items = ln.to_items(100.0, 200.0)
    assert [it.text for it in items] == ["使用", "AI", "技术", "和", "3D", "打印"]
    ends = [it.xs[0] + it.width for it in items]
    assert ends[0] == pytest.approx(items[1].xs[0])           # gap before AI covered
    assert ends[1] == pytest.approx(items[2].xs[0])           # gap after AI covered
    assert items[1].xs[0] - (items[0].xs[-1] + EM) == pytest.approx(EM / 4)
    assert ends[2] == pytest.approx(items[2].xs[-1] + EM)     # 和 is not underlined
    assert ends[4] == pytest.approx(items[5].xs[0])           # the strike runs on too
    plain = cp.compose([Span("使用AI技术")], ParaFormat(align="left"), 40 * EM,
                       ScriptFaces())[0].to_items(100.0, 200.0)
    assert plain[0].xs[0] + plain[0].width == pytest.approx(plain[0].xs[-1] + EM)


def test_underline_is_one_unbroken_rule_in_the_pdf(tmp_path):
    """Painted by the PDF painter with the real fonts: the underline segments of
    underlined Han and Latin runs (a Word run with its own Latin font) join up from the
    first glyph to the last."""
    import pdfplumber
    from editor.fonts import default_fontbook
    from editor.layout.items import LaidOutIssue, Page
    from editor.render.pdf import write_pdf

    book = default_fontbook()
    spans = [Span("推进", underline=True), Span("AI", underline=True, role="latin"),
             Span("与", underline=True), Span("5G", underline=True, role="latin"),
             Span("技术应用", underline=True)]
    ln = cp.compose(spans, ParaFormat(align="left"), 442.2, book)[0]
    items = ln.to_items(80.0, 200.0)
    assert len(items) == 5
    page = Page(index=0, width=595.28, height=841.89, items=items)
    out = tmp_path / "underline.pdf"
    write_pdf(LaidOutIssue(pages=[page]), out, book)
    with pdfplumber.open(str(out)) as pdf:
        segs = sorted((e["x0"], e["x1"]) for e in pdf.pages[0].edges
                      if e["orientation"] == "h")
    assert segs
    reach = segs[0][1]
    for a, b in segs[1:]:
        assert a <= reach + 0.01, segs                        # no break in the rule
        reach = max(reach, b)
    assert segs[0][0] == pytest.approx(80.0, abs=0.01)
    assert reach == pytest.approx(80.0 + ln.width, abs=0.01)


# --- the template chooses; the grid of GB/T 9704 -----------------------------------------

@pytest.mark.parametrize("punct, comma_step, stop_trim", [
    ("kaiming", 8, True), ("quanjiao", 16, False), ("line_end_half", 16, True)])
def test_template_chooses_the_punctuation_style(tmp_path, punct, comma_step, stop_trim):
    """A template's [style.body] punct reaches the composer: 开明 halves ，、；：, 全角
    keeps every mark full (also at a line end), 行末半角 trims only the line end."""
    from editor.layout.template import load_template
    path = tmp_path / f"t_{punct}.toml"
    path.write_text(f'extends = "gbt9704"\nname = "t"\n[style.body]\npunct = "{punct}"\n'
                    'char_grid = false\nfirst_indent = 0\n', encoding="utf-8")
    body = load_template(path).style("body")
    fmt = body.fmt()
    assert fmt.punct == punct
    ln = cp.compose([body.span("一，二")], fmt, 40 * EM, FIXED)[0]
    assert ln.xs[2] - ln.xs[1] == pytest.approx(comma_step)
    ls = cp.compose([body.span("一" * 9 + "。" + "一" * 5)], fmt, W10, FIXED)
    assert ls[0].text.endswith("。")
    # a full stop ending the first line: trimmed to its ink, the line stretched to 10 em
    gap = W10 - ls[0].xs[-1]
    assert gap == pytest.approx(8 if stop_trim else 16)
    assert ls[0].width == pytest.approx(W10)


def test_gbt9704_body_is_set_on_the_22_by_28_grid():
    """The template's body style: 28 Han per 442.2 pt line at the 15.79 pt character
    pitch, every baseline on the 28.99 pt line grid, 22 lines on a page."""
    from editor.layout.paragraph import ParagraphFlowable
    from editor.layout.template import load_template
    t = load_template("gbt9704")
    body = t.style("body")
    fmt = body.fmt(first_indent=0.0)
    assert fmt.char_pitch == pytest.approx(15.79, abs=0.005)
    assert fmt.snap_to_grid and fmt.punct == "quanjiao"
    frame = t.frame(1)
    assert frame.grid_pitch == pytest.approx(28.99, abs=0.005)
    assert frame.width == pytest.approx(442.2, abs=0.1)
    para = ParagraphFlowable([body.span("政" * 28 * 25)], fmt, FIXED)
    pl = para.place(frame, frame.y, True)
    lines = sorted({it.y for it in pl.items})
    assert len(lines) == 22
    assert [y - frame.y for y in lines] == pytest.approx(
        [k * frame.grid_pitch for k in range(1, 23)])
    first = [it for it in pl.items if it.y == lines[0]]
    assert sum(len(it.text) for it in first) == 28
    assert first[-1].xs[-1] - first[0].xs[0] == pytest.approx(27 * 442.2 / 28, abs=0.01)


def test_gbt9704_body_sets_mid_line_marks_full_width_28_per_line():
    """全身式 on the grid: a mid-line ，、；： takes a whole 15.79 pt cell, so a full line
    holds 28 characters marks included; two adjacent marks (。） ）、) take 1.5 cells."""
    from editor.layout.template import load_template
    t = load_template("gbt9704")
    body = t.style("body")
    fmt = body.fmt(first_indent=0.0)
    pitch = fmt.char_pitch
    text = "政府机关，事业单位、社会组织；企业：" * 6
    ls = cp.compose([body.span(text)], fmt, t.frame(1).width, FIXED)
    assert [ln.n_chars for ln in ls[:-1]] == [28] * (len(ls) - 1)
    first = ls[0]
    for k in range(first.n_chars - 1):
        if text[k] in "，、；：":
            assert first.xs[k + 1] - first.xs[k] == pytest.approx(pitch, abs=0.01)
    ln = cp.compose([body.span("他说（完成了。）随后（见附件）、再议。")], fmt, 2000.0, FIXED)[0]
    i = ln.text.index("。）")
    assert ln.xs[i + 2] - ln.xs[i] == pytest.approx(1.5 * pitch, abs=0.01)
    i = ln.text.index("）、")
    assert ln.xs[i + 2] - ln.xs[i] == pytest.approx(1.5 * pitch, abs=0.01)


def test_distributed_short_centred_lines_spread_inside_their_indents():
    """分散对齐: a short line (附件, 目录, a signature) is spread over its measure, the
    measure narrowed by the indents; every line of the paragraph, the last included;
    a single character is centred."""
    ln = lines_of("目录", align="distribute", left_indent=3 * EM, right_indent=3 * EM)[0]
    assert ln.offset == pytest.approx(48)
    assert ln.xs == approx([0, 48])
    assert ln.width == pytest.approx(4 * EM)
    ls = lines_of("一二三四五六七八九十甲乙丙", align="distribute")
    assert [ln.width for ln in ls] == approx([W10, W10])
    assert ls[1].xs == approx([0, 72, 144])
    one = lines_of("序", align="distribute")[0]
    assert one.offset + one.width / 2 == pytest.approx(W10 / 2)
