"""Break opportunities and prohibitions of editor.layout.linebreak."""
from __future__ import annotations

import pytest

from editor.layout import linebreak as lb


def breaks(text: str) -> set[int]:
    return {i for i, ok in enumerate(lb.break_before(text)) if ok}


def test_han_breaks_between_any_two():
    assert breaks("东西湖区") == {1, 2, 3}


@pytest.mark.parametrize("text, mark", [
    ("完成任务，确保质量", "，"), ("通知。各单位", "。"), ("甲、乙", "、"),
    ("如下：一是", "："), ("为何？因为", "？"), ("称“三农”工作", "”"),
    ("街道（乡镇）要", "）"), ("《条例》规定", "》"), ("增长90%以上", "%"),
    ("发文〔2025〕号", "〕"), ("第1·2项", "·"),
])
def test_not_start_marks_never_begin_a_line(text, mark):
    i = text.index(mark)
    assert i not in breaks(text)


@pytest.mark.parametrize("text, mark", [
    ("称“三农”工作", "“"), ("街道（乡镇）", "（"), ("依据《条例》", "《"),
    ("东政办〔2025〕", "〔"), ("收费￥100", "￥"), ("见【附件】", "【"),
])
def test_not_end_marks_never_end_a_line(text, mark):
    i = text.index(mark)
    assert i + 1 not in breaks(text)


def test_dash_and_ellipsis_pairs_are_never_split():
    text = "这是关键——必须落实……等等"
    d = text.index("——")
    e = text.index("……")
    assert d + 1 not in breaks(text)
    assert e + 1 not in breaks(text)
    assert e not in breaks(text)                 # …… never starts a line
    assert d in breaks(text)                     # a —— pair may start a line


def test_single_connecting_dash_does_not_start_a_line():
    text = "1月—6月"
    assert text.index("—") not in breaks(text)


@pytest.mark.parametrize("token", ["2025", "10.5", "3.2%", "90%", "AI", "3D", "COVID-19",
                                   "GB/T", "3,000"])
def test_latin_words_and_numbers_stay_whole(token):
    text = "全区" + token + "以上"
    start = 2
    inside = set(range(start + 1, start + len(token)))
    assert not inside & breaks(text), token


def test_number_keeps_its_han_unit_and_breaks_after_it():
    text = "在2025年完成"
    b = breaks(text)
    assert text.index("年") not in b             # not between 5 and 年
    assert text.index("年") + 1 in b             # after 年 is fine
    assert text.index("2") in b                  # before the number is fine


def test_latin_words_break_at_spaces_only():
    text = "使用 Open Source 软件"
    b = breaks(text)
    assert text.index("Source") in b
    assert text.index("pen") not in b
    assert text.index(" ") not in b              # never before a space


def test_url_breaks_only_after_its_own_break_points():
    text = "详见https://www.whdxh.gov.cn/zwgk/tzgg/index.html网站"
    a = text.index("https")
    url_end = text.index("网站")
    b = {i for i in breaks(text) if a < i < url_end}
    assert b, "a long URL needs break points"
    for i in b:
        assert text[i - 1] in "/-.?&=_#", text[i - 1:i + 1]
    assert text.index("//") + 1 not in b


def test_character_classes():
    assert lb.char_class("中") == lb.HAN
    assert lb.char_class("（") == lb.OPEN
    assert lb.char_class("》") == lb.CLOSE
    assert lb.char_class("，") == lb.PERIOD
    assert lb.char_class("·") == lb.MIDDLE
    assert lb.char_class("7") == lb.DIGIT
    assert lb.char_class("x") == lb.LATIN
    assert lb.needs_cjk_latin_gap(lb.HAN, lb.LATIN)
    assert not lb.needs_cjk_latin_gap(lb.PERIOD, lb.LATIN)


def test_a_run_of_dashes_breaks_only_between_whole_pairs():
    text = "东————西"
    b = breaks(text)
    assert {2, 4} & b == set()                   # inside a pair
    assert 3 in b and 1 in b                     # before a pair, between pairs


def test_no_break_at_a_no_break_space():
    text = "第\u00a01\u00a0条"
    assert breaks(text) == set()
