"""Balanced multi-line titles (editor.layout.titles) on the sample issue's real titles."""
from __future__ import annotations

import json

import pytest

from editor.fonts.measure import FixedMeasurer
from editor.layout.compose import compose
from editor.layout.template import load_template
from editor.layout.titles import balanced_breaks, balanced_title_spans

from conftest import SAMPLES

TITLES = [d["title"] for s in json.loads((SAMPLES / "issue.json").read_text("utf-8"))["sections"]
          for d in s["documents"]]


@pytest.mark.parametrize("title", TITLES)
def test_titles_break_evenly_at_word_ends_and_keep_source_ranges(title):
    t = load_template("gbt9704")
    st, m = t.style("title"), FixedMeasurer()
    width = t.frame(1).width
    spans = balanced_title_spans(title, st.span, "d", "title", st.role, st.size, width, m)
    lines = compose(spans, st.fmt(), width, m)
    texts = ["".join(i.text for i in ln.to_items(0, 0)) for ln in lines]
    assert "".join(texts) == title
    ranges = [(i.source.start, i.source.end) for ln in lines for i in ln.to_items(0, 0)]
    assert ranges[0][0] == 0 and ranges[-1][1] == len(title)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    if len(texts) > 1:
        lengths = [len(x) for x in texts]
        assert max(lengths) - min(lengths) <= 8          # no stub last line
        assert all(sum(m.advance(c, st.role, st.size) for c in x) <= width for x in texts)


def test_single_line_title_is_not_broken():
    t = load_template("gbt9704")
    st = t.style("title")
    assert balanced_breaks("大事记", st.role, st.size, t.frame(1).width, FixedMeasurer()) is None


def test_word_is_not_torn():
    t = load_template("gbt9704")
    st = t.style("title")
    title = TITLES[0]
    breaks = balanced_breaks(title, st.role, st.size, t.frame(1).width, FixedMeasurer())
    assert breaks and all(title[b - 1:b + 1] not in ("文物", "保护", "范围", "地带", "通知")
                          for b in breaks)


def test_author_line_breaks_are_kept():
    t = load_template("gbt9704")
    st, m = t.style("title"), FixedMeasurer()
    title = "区人民政府办公室关于印发东西湖区持续\n改进提升营商环境行动方案的通知"
    spans = balanced_title_spans(title, st.span, "d", "title", st.role, st.size,
                                 t.frame(1).width, m)
    lines = compose(spans, st.fmt(), t.frame(1).width, m)
    assert ["".join(i.text for i in ln.to_items(0, 0)) for ln in lines] == title.split("\n")


def test_author_breaks_making_overlong_lines_are_rebalanced():
    t = load_template("gbt9704")
    st, m = t.style("title"), FixedMeasurer()
    title = "东西湖区人民政府关于公布第一至第三批区级文物保护单位\n保护范围和建设控制地带的通知"
    spans = balanced_title_spans(title, st.span, "d", "title", st.role, st.size,
                                 t.frame(1).width, m)
    lines = compose(spans, st.fmt(), t.frame(1).width, m)
    texts = ["".join(i.text for i in ln.to_items(0, 0)) for ln in lines]
    assert "".join(texts) == title.replace("\n", "") and len(texts) == 2
    assert ["".join(title[i.source.start:i.source.end] for i in ln.to_items(0, 0))
            for ln in lines] == texts
