"""Composition invariants on generated Chinese text (hypothesis).

Text is built from tokens a notice contains (marks, bracketed and quoted phrases,
numbers with units, Latin words, ——, ……), each after a Han character, so no
unbreakable piece is wider than the narrowest measure tried and every prohibition must
hold on every line.
"""
from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.fonts.measure import FixedMeasurer
from editor.layout.compose import compose
from editor.layout.flow import ParaFormat, Span
from editor.layout.linebreak import (CLOSING, MIDDLE_DOTS, NOT_END, NOT_START, OPENING,
                                     PERIODS)
from pdfcheck import split_pair

HAN = list("东西湖区政府公报")
TOKENS = ["", "，", "。", "、", "；", "：", "？", "！", "。”", "）、", "》《", "“三农”",
          "（乡镇）", "《条例》", "〔2025〕", "2025年", "90%", "3.2%", "10.5", "AI", "3D",
          "——", "————", "……", " Open ", "·"]


class GBMeasurer(FixedMeasurer):
    def advance(self, ch, role, size):
        return size if ch in "“”‘’·—…" else super().advance(ch, role, size)


def _ink_starts(line, measurer):
    """Where the ink of each visible glyph begins: a full-width opening mark's ink is on
    its right half."""
    out = []
    for ch, x in zip(line.text, line.xs):
        if ch.isspace():
            continue
        wide_open = ch in OPENING and measurer.advance(ch, "", 16) >= 12
        out.append(x + (8 if wide_open else 0))
    return out


def _ink_right(line, measurer):
    """Where the ink of the line's last visible glyph ends (closing marks and 。，have
    their ink on the left half, the interpunct in the middle)."""
    text = line.text.rstrip()
    if not text:
        return 0.0
    ch, x = text[-1], line.xs[len(text) - 1]
    adv = measurer.advance(ch, "", 16)
    if adv >= 12 and (ch in CLOSING or ch in PERIODS):
        return x + adv / 2
    if adv >= 12 and ch in MIDDLE_DOTS:
        return x + adv * 0.75                 # centred ink, a quarter em blank each side
    return x + adv


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HAN), st.sampled_from(TOKENS)), min_size=1,
                max_size=60),
       st.integers(min_value=10 * 16, max_value=30 * 16),
       st.sampled_from(["quanjiao", "kaiming", "line_end_half"]),
       st.sampled_from([FixedMeasurer(), GBMeasurer()]),
       st.sampled_from([0.0, 32.0]))
@pytest.mark.slow
def test_every_line_obeys_the_rules(tokens, width, punct, measurer, indent):
    text = "".join(h + t for h, t in tokens).strip()
    if not text:
        return
    lines = compose([Span(text)], ParaFormat(punct=punct, first_indent=indent), width,
                    measurer)
    assert "".join(ln.text for ln in lines) == text
    for a, b in zip(lines, lines[1:]):
        end = a.text.rstrip()
        assert b.text[0] not in NOT_START or b.text[:2] == "——", (a.text, b.text)
        assert end[-1] not in NOT_END, (a.text, b.text)
        assert not split_pair(end, b.text), (a.text, b.text)
    for ln in lines:
        assert ln.width <= ln.avail + 0.01
        assert _ink_right(ln, measurer) <= ln.avail + 0.01, ln.text   # no hanging
        ink = _ink_starts(ln, measurer)
        assert all(x1 <= x2 + 1e-9 for x1, x2 in zip(ink, ink[1:])), ln.text
        if not ln.is_last:
            assert abs(ln.width - ln.avail) <= 0.01, ln.text
