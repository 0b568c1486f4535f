"""目录 layout: grouping, hanging indent, leader on the last line, right-aligned numbers
(editor.layout.toc), with the fixed-width measurer."""
from __future__ import annotations

import re

import pytest

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.template import load_template
from editor.layout.toc import TocEntry, layout_toc, toc_entries

LONG = ("区人民政府办公室关于印发东西湖区推进高校毕业生创新创业和外出务工人员返乡创业工作"
        "行动方案（2025—2027年）的通知")


def _issue() -> model.Issue:
    docs = [model.Document(id=f"d{i}", title=t) for i, t in
            enumerate(["关于公布文物保护单位的通知", LONG, "上级政府文件目录（选登）", "大事记"])]
    return model.Issue(sections=[model.Section("s1", "区级文件选登", docs[:2]),
                                 model.Section("s2", "上级政府文件目录", [docs[2]]),
                                 model.Section("s3", "大事记", [docs[3]])])


def test_entries_grouped_by_section_single_document_sections_collapse():
    entries = toc_entries(_issue())
    assert [(e.level, e.title, e.doc_id) for e in entries] == [
        (0, "区级文件选登", None), (1, "关于公布文物保护单位的通知", "d0"), (1, LONG, "d1"),
        (0, "上级政府文件目录", "d2"), (0, "大事记", "d3")]


def test_toc_title_override_is_used():
    issue = _issue()
    issue.sections[0].documents[0].layout.toc_title = "短标题"
    assert toc_entries(issue)[1].title == "短标题"


def _rows(page):
    rows: dict[float, list] = {}
    for it in page.items:
        if hasattr(it, "text"):
            rows.setdefault(round(it.y, 1), []).append(it)
    return [sorted(v, key=lambda i: i.x) for _, v in sorted(rows.items())]


def test_long_title_wraps_with_hanging_indent_and_leader_on_last_line():
    t = load_template("gbt9704")
    numbers = {"d0": 1, "d1": 23, "d2": 38, "d3": 39}
    pages = layout_toc(toc_entries(_issue()), numbers, t, FixedMeasurer(), "2025年1月~2025年6月")
    assert len(pages) == 1
    frame = t.frame(1)
    rows = _rows(pages[0])
    first = next(i for i, r in enumerate(rows) if r[0].text.startswith("区人民政府办公室"))
    cont = rows[first + 1]
    assert cont[0].x == pytest.approx(rows[first][0].x + 16, abs=0.5)   # hanging 1 字
    assert not any(set(it.text) == {"·"} for it in rows[first])         # no leader on line 1
    last = rows[first + 1] if rows[first + 1][-1].text == "23" else rows[first + 2]
    assert last[-1].text == "23"
    assert any(set(it.text) == {"·"} for it in last)
    numbers_right = [r[-1].x + r[-1].width for r in rows if r[-1].text.isdigit()]
    assert numbers_right and all(x == pytest.approx(frame.x + frame.width, abs=0.5)
                                 for x in numbers_right)


def test_leader_never_runs_into_the_number_column():
    t = load_template("gbt9704")
    pages = layout_toc(toc_entries(_issue()), {"d0": 1, "d1": 223, "d2": 238, "d3": 239},
                       t, FixedMeasurer())
    for row in _rows(pages[0]):
        if row[-1].text.isdigit():
            leader = [it for it in row if set(it.text) == {"·"}]
            assert leader and leader[0].x + leader[0].width < row[-1].x - 4


def test_many_entries_continue_on_a_second_page_with_links():
    t = load_template("gbt9704")
    entries = [TocEntry(1, f"{LONG}{k}", f"d{k}") for k in range(30)]
    pages = layout_toc(entries, {f"d{k}": k + 1 for k in range(30)}, t, FixedMeasurer())
    assert len(pages) >= 2
    frame = t.frame(1)
    for p in pages:
        assert all(it.y <= frame.bottom + 0.5 for it in p.items)
    assert sum(len(p.links) for p in pages) == 30


def test_leader_runs_up_to_half_a_character_before_each_number():
    t = load_template("gbt9704")
    numbers = {"d0": 1, "d1": 23, "d2": 138, "d3": 139}
    pages = layout_toc(toc_entries(_issue()), numbers, t, FixedMeasurer(), "2025年1月~2025年6月")
    checked = 0
    for row in _rows(pages[0]):
        if not row[-1].text.isdigit():
            continue
        leader = next(it for it in row if set(it.text) == {"·"})
        number = row[-1]
        gap = number.x - (leader.x + leader.width)
        em = number.size
        assert 0.5 * em - 0.01 <= gap < 0.5 * em + leader.width / len(leader.text) + 0.01
        checked += 1
    assert checked == 4


def test_period_line_sets_issue_and_date_apart_visibly():
    """As printed: 2025年1月~2025年6月 over （总第32期　2025年9月出版）; the separator is
    an ideographic space, which keeps a full 字 between them on the page."""
    from editor.layout.assemble import _period_line
    issue = _issue()
    issue.meta.period, issue.meta.issue_label, issue.meta.published = (
        "2025年1月~2025年6月", "总第32期", "2025年9月")
    assert _period_line(issue) == "2025年1月~2025年6月（总第32期\u30002025年9月出版）"
    issue.meta.published = ""
    assert _period_line(issue) == "2025年1月~2025年6月（总第32期）"


STUB_TITLES = ["关于做好全区城乡居民基本医疗保险参保缴费的通知",
               "关于进一步加强全区农村集体经济组织财务管理的意见",
               "关于做好全区城乡居民基本医疗保险参保缴费工作的通知"]


def _toc_lines(tmp_path, titles: list[str]) -> list[str]:
    """The text lines of the 目录 page of an issue of documents titled ``titles``, as
    printed (leaders, numbers and spaces taken off)."""
    import pymupdf

    from editor.render import build_pdf
    body = [model.Paragraph(id="p1", runs=[model.Run("各单位要高度重视。")])]
    docs = [model.Document(id=f"d{k}", title=t, body=list(body)) for k, t in enumerate(titles)]
    issue = model.Issue(meta=model.IssueMeta(title="测试公报"),
                        sections=[model.Section("s1", "区级文件选登", docs)])
    build_pdf(issue, tmp_path / "toc.pdf")
    pdf = pymupdf.open(tmp_path / "toc.pdf")
    page = next(p for p in pdf if p.get_text().replace(" ", "").startswith("目"))
    rows: dict[float, str] = {}
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(sp["text"] for sp in line["spans"])
            key = round(line["bbox"][3])
            rows[key] = rows.get(key, "") + text
    return [re.sub(r"[·\s\d]+$", "", t).replace(" ", "") for _y, t in sorted(rows.items())]


def test_no_toc_line_of_two_characters_before_the_leader_in_the_pdf(tmp_path):
    """From the PDF: a title one word too long for its first line (…参保缴费的|通知) no
    longer leaves 通知 alone before the leader; the break moves back to a word end."""
    lines = _toc_lines(tmp_path, STUB_TITLES)
    k = lines.index("区级文件选登") + 1
    for title in STUB_TITLES:           # the entries in order, each over its lines
        got = [lines[k]]
        while "".join(got) != title and len("".join(got)) < len(title):
            k += 1
            got.append(lines[k])
        k += 1
        assert "".join(got) == title
        assert len(got) == 2 and all(len(t) >= 4 for t in got), got


RANGE_TITLES = [
    "东西湖区人民政府办公室关于印发东西湖区深化“放管服”改革优化营商环境打造市场化法治化"
    "国际化一流营商环境三年行动计划（2025—2027年）及配套政策实施细则的通知",
    "关于印发东西湖区推进高校毕业生创新创业工作行动方案（2025—2027年）的通知",
    "关于印发东西湖区推进高校毕业生创新创业和外出务工工作行动方案（2025—2027年）的通知",
    "关于印发东西湖区城乡居民基本医疗保险参保缴费管理办法（试行）的通知",
]


def test_toc_entry_never_breaks_inside_a_year_range_or_short_bracket_in_the_pdf(tmp_path):
    """From the PDF: the 目录 entry of a long title broke （2025—|2027年）; a number
    range and a short bracketed unit stay on one line, as in the body (NEVER_SPLIT)."""
    lines = _toc_lines(tmp_path, RANGE_TITLES)
    k = lines.index("区级文件选登") + 1
    for title in RANGE_TITLES:
        got = [lines[k]]
        while len("".join(got)) < len(title):
            k += 1
            got.append(lines[k])
        k += 1
        assert "".join(got) == title
        for line in got:       # every bracket opened on a line closes on it
            assert line.count("（") == line.count("）"), got
            assert not re.search(r"\d[—-]$", line), got


def test_documents_of_one_title_are_told_apart_by_their_number_in_the_pdf(tmp_path):
    """Two 常务会议纪要 of one issue read the same in the 目录 and the bookmarks unless
    each carries its 期号; a title of its own stays as it is (read from the PDF)."""
    import pymupdf
    from editor.render import build_pdf
    body = [model.Paragraph(id="p1", runs=[model.Run("会议研究了城市更新和防汛准备等事项。")])]
    docs = [model.Document(id=f"m{n}", title="东西湖区人民政府常务会议纪要", kind="minutes",
                           doc_number=f"第{n}期", body=list(body)) for n in (5, 6)]
    docs.append(model.Document(id="n1", title="关于做好防汛工作的通知", doc_number="东政办〔2025〕3号",
                               body=list(body)))
    issue = model.Issue(meta=model.IssueMeta(title="东西湖区人民政府公报", period="2025年1月~2025年6月"),
                        sections=[model.Section("s1", "区级文件选登", docs)])
    out = tmp_path / "minutes.pdf"
    build_pdf(issue, out)
    pdf = pymupdf.open(out)
    toc_text = next(p.get_text() for p in pdf if "目　录" in p.get_text())
    toc_text = toc_text.replace("\n", "").replace(" ", "")      # Han–digit gaps read as spaces
    for n in (5, 6):
        assert f"东西湖区人民政府常务会议纪要（第{n}期）" in toc_text
    assert "关于做好防汛工作的通知·" in toc_text and "东政办" not in toc_text
    marks = [title for _level, title, _page in pdf.get_toc()]
    assert "东西湖区人民政府常务会议纪要（第5期）" in marks
    assert "东西湖区人民政府常务会议纪要（第6期）" in marks
