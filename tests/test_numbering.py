"""List labels from numbering.xml: each number format, lvlText patterns, levels, restarts,
startOverride, isLgl — and one end-to-end import with a rewritten numbering.xml."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from conftest import sample
from editor.docx_import import import_docx
from editor.docx_import.numbering import Numbering
from editor.docx_import.numfmt import chinese_counting, format_number, letters, roman
from editor.model import ListItem

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("fmt,n,expected", [
    ("decimal", 7, "7"), ("decimalZero", 7, "07"),
    ("chineseCounting", 1, "一"), ("chineseCounting", 10, "十"), ("chineseCounting", 12, "十二"),
    ("chineseCounting", 20, "二十"), ("chineseCounting", 35, "三十五"),
    ("chineseCountingThousand", 105, "一百零五"), ("chineseCountingThousand", 1010, "一千零一十"),
    ("chineseLegalSimplified", 3, "叁"), ("ideographTraditional", 1, "甲"),
    ("ideographTraditional", 11, "甲"), ("ideographZodiac", 2, "丑"),
    ("decimalEnclosedCircle", 1, "①"), ("decimalEnclosedCircle", 20, "⑳"),
    ("decimalEnclosedParen", 3, "⑶"), ("decimalEnclosedFullstop", 2, "⒉"),
    ("decimalFullWidth", 12, "１２"), ("upperLetter", 1, "A"), ("lowerLetter", 27, "aa"),
    ("upperRoman", 14, "XIV"), ("lowerRoman", 9, "ix"), ("ordinal", 2, "2nd"),
    ("none", 5, ""),
])
def test_number_formats(fmt, n, expected):
    assert format_number(n, fmt) == expected


def test_unknown_format_is_none():
    assert format_number(3, "klingonCounting") is None


def test_helpers():
    assert roman(1994) == "MCMXCIV"
    assert letters(26) == "Z" and letters(53) == "AAA"
    assert chinese_counting(99) == "九十九" and chinese_counting(100) == "一百"


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


GONGWEN = (_lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）") +
           _lvl(2, "decimal", "%3.") + _lvl(3, "decimal", "（%4）"))
OUTLINE = _lvl(0, "decimal", "%1") + _lvl(1, "decimal", "%1.%2") + _lvl(2, "decimal", "%1.%2.%3")


def _numbering(abstracts: dict[str, str], nums: str) -> Numbering:
    xml = f"<w:numbering {NS}>" + "".join(
        f'<w:abstractNum w:abstractNumId="{a}">{body}</w:abstractNum>'
        for a, body in abstracts.items()) + nums + "</w:numbering>"
    return Numbering(etree.fromstring(xml.encode()))


def _labels(numbering: Numbering, seq) -> list[str]:
    return [numbering.label(num, ilvl)[0] for num, ilvl in seq]


def test_gongwen_four_levels():
    n = _numbering({"0": GONGWEN}, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    seq = [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 3), ("1", 3), ("1", 1), ("1", 2),
           ("1", 0), ("1", 1)]
    assert _labels(n, seq) == ["一、", "（一）", "1.", "2.", "（1）", "（2）", "（二）", "1.",
                               "二、", "（一）"]


def test_multilevel_pattern_and_restart():
    n = _numbering({"0": OUTLINE}, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    seq = [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert _labels(n, seq) == ["1", "1.1", "1.2", "1.2.1", "2", "2.1", "2.1.1"]


def test_instances_of_one_list_continue_and_start_override_restarts():
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')
    n = _numbering({"0": _lvl(0, "decimal", "%1.")}, nums)
    seq = [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0), ("4", 0), ("1", 0)]
    assert _labels(n, seq) == ["1.", "2.", "3.", "1.", "2.", "5.", "6."]


def test_start_value_level_override_and_separate_lists():
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="0">' + _lvl(0, "upperLetter", "%1)", start=3) +
            '</w:lvlOverride></w:num>')
    n = _numbering({"0": _lvl(0, "ideographTraditional", "%1、", start=2),
                    "1": _lvl(0, "decimal", "%1.")}, nums)
    assert _labels(n, [("1", 0), ("2", 0), ("1", 0), ("2", 0)]) == ["乙、", "C)", "丙、", "D)"]


def test_lvl_restart_zero_keeps_counting_and_is_lgl():
    body = (_lvl(0, "chineseCounting", "第%1章") +
            _lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>') +
            _lvl(2, "decimal", "%1.%3", extra="<w:isLgl/>"))
    n = _numbering({"0": body}, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    seq = [("1", 0), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert _labels(n, seq) == ["第一章", "1.", "1.1", "第二章", "2.", "2.1"]


def test_bullets_suffix_and_unknown_num():
    body = (_lvl(0, "bullet", "\uf0b7") +
            _lvl(1, "decimalEnclosedCircle", "%2", extra='<w:suff w:val="space"/>'))
    n = _numbering({"0": body}, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert _labels(n, [("1", 0), ("1", 1), ("1", 1)]) == ["•", "① ", "② "]
    assert n.label("99", 0)[0] == "" and n.label("0", 0)[0] == ""


def test_end_to_end_chinese_labels_in_sample_04(tmp_path):
    """Sample 04 with its list formats changed to （一） and 甲、: the model shows them."""
    src = sample("04")
    dst = tmp_path / "04_changed.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/numbering.xml":
                xml = data.decode()
                first = xml.index('<w:abstractNum w:abstractNumId="2">')
                head = xml[:first].replace('w:val="decimal"/><w:lvlText w:val="%1."',
                                           'w:val="chineseCounting"/><w:lvlText w:val="（%1）"', 1)
                tail = xml[first:].replace('w:val="decimal"/><w:lvlText w:val="%1."',
                                           'w:val="ideographTraditional"/><w:lvlText w:val="%1、"',
                                           1)
                data = (head + tail).encode()
            zout.writestr(info, data)
    doc = import_docx(dst).document
    labels = [b.label for b in doc.body if isinstance(b, ListItem)]
    assert labels == ["（一）", "（二）", "（三）", "甲、", "乙、", "丙、", "丁、", "戊、", "己、",
                      "庚、", "辛、", "壬、", "癸、"]
