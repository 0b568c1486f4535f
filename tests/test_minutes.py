"""会议纪要: the red head (mark, 期号, office left and date right over the red rule) is
recognised as a 纪要 and printed so, and the 出席/请假/列席 lines at the end are set as
GB/T 9704 §10.3 says (黑体 label, names in the body face, running-over lines under the
first name); from .docx files written as offices write them, judged from the PDF."""
from __future__ import annotations

import pytest

from editor import model
from editor.docx_import import import_docx_bytes
from editor.preflight.documents import doc_number, duplicates
from minutes_docs import MINUTES, minutes_bytes


def _doc(name: str) -> model.Document:
    return import_docx_bytes(minutes_bytes(name), name + ".docx").document


@pytest.mark.parametrize("name", list(MINUTES))
def test_minutes_head_is_recognised(name):
    want = MINUTES[name][1]
    d = _doc(name)
    assert d.kind == "minutes"
    assert (d.issuer_mark, d.doc_number, d.title) == (want["mark"], want["number"], want["title"])
    assert (d.signature, d.date, d.date_in_head) == ([want["office"]], want["date"], True)
    texts = [b.display_text for b in d.body if isinstance(b, model.Paragraph)]
    assert not any(want["date"] in t.replace(" ", "") for t in texts)   # not read as body
    assert texts[0].startswith("2025年3月5日上午")
    assert sum(isinstance(b, model.Heading) for b in d.body) == want["headings"]
    roles = [b.display_text.replace("\u3000", "")[:2] for b in d.body
             if getattr(b, "role", "") == "attendance"]
    assert roles == want["attendance"]


def test_a_notice_titled_like_minutes_without_head_is_not_taken_apart():
    from recognition.builder import Writer
    w = Writer()
    w.p("关于全区防汛工作会议精神的通知", align="c", size=22)
    w.p("各街道办事处：")
    w.p("　　出席：这一句只是正文，不是出席名单，因为它不在纪要里。")
    w.body(1)
    w.p("东西湖区人民政府办公室", align="r")
    w.p("2025年6月1日", align="r")
    d = import_docx_bytes(w.bytes(), "n.docx").document
    assert d.kind == "notice" and d.date == "2025年6月1日"
    assert not any(getattr(b, "role", "") == "attendance" for b in d.body)


def test_preflight_takes_a_minutes_issue_number_and_two_issues_of_one_mark():
    a, b = _doc("standing"), _doc("standing")
    b.id, b.doc_number = "d2", "第6期"
    assert a.title == b.title and doc_number(a) == []
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [a, b])])
    assert duplicates(issue) == []      # one title, two numbers: two documents
    b.doc_number = "第5期"
    assert [f.rule for f in duplicates(issue)] == ["DUPLICATE_DOCUMENT"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import pymupdf

    from editor.render import build_pdf
    docs = [_doc(name) for name in MINUTES]
    for k, d in enumerate(docs):
        d.id = f"m{k}"
    issue = model.Issue(meta=model.IssueMeta(title="测试公报"),
                        sections=[model.Section("s1", "区级文件选登", docs)])
    out = tmp_path_factory.mktemp("minutes") / "minutes.pdf"
    build_pdf(issue, out)
    return pymupdf.open(out)


def _lines(page) -> list[tuple[str, object, list]]:
    import pymupdf
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(sp["text"] for sp in line["spans"]).replace(" ", "")
            out.append((text, pymupdf.Rect(line["bbox"]), line["spans"]))
    return out


def _pages(pdf, name):
    """(the document's first page, its lines on its pages) — up to the next 纪要's mark."""
    want = MINUTES[name][1]
    others = {m[1]["mark"].split("\n")[-1] for n, m in MINUTES.items() if n != name}
    first = next(k for k, p in enumerate(pdf)
                 if all(want[key].split("\n")[-1] in p.get_text().replace(" ", "")
                        for key in ("mark", "number", "office")))
    lines = []
    for page in pdf.pages(first, len(pdf)):
        for ln in _lines(page):
            if ln[0] in others:
                return pdf[first], lines
            lines.append(ln + (page.number,))
    return pdf[first], lines


@pytest.mark.parametrize("name", list(MINUTES))
def test_minutes_head_prints_office_left_date_right_over_the_red_rule(built, name):
    want = MINUTES[name][1]
    page, _ = _pages(built, name)
    lines = [ln[:3] for ln in _lines(page)]
    marks = [r for t, r, _s in lines if t in want["mark"].split("\n")]
    assert len(marks) == len(want["mark"].split("\n"))
    mark = marks[-1]
    number = next(r for t, r, _s in lines if t == want["number"])
    office = next(r for t, r, _s in lines if t == want["office"])
    date = [r for t, r, _s in lines if t == want["date"]]
    assert len(date) == 1, lines            # the date once, in the head
    date = date[0]
    body = next(r for t, r, _s in lines if t.startswith("2025年3月5日上午"))
    assert mark.y1 < number.y0 < office.y0 and abs(office.y1 - date.y1) < 0.5
    em = office.height
    left, right = body.x0 - 2 * em, body.x1       # the 版心 from the indented body line
    assert office.x0 == pytest.approx(left + em, abs=2)
    assert date.x1 == pytest.approx(right - em, abs=2)
    red = [d for d in page.get_drawings() if d["color"] and d["color"][0] > 0.6
           and d["color"][1] < 0.3 and abs(d["rect"].y0 - d["rect"].y1) < 1
           and d["rect"].width > 0.9 * (right - left)]
    assert len(red) == 1 and office.y1 < red[0]["rect"].y0 < body.y0
    # the title printed under the rule unless it is the mark itself (printed once)
    titles = [r for t, r, _s in lines if t == want["title"] and r not in marks]
    if want["title"] == want["mark"].replace("\n", ""):
        assert titles == []
    else:
        assert len(titles) == 1 and titles[0].y0 > red[0]["rect"].y0


@pytest.mark.parametrize("name", list(MINUTES))
def test_attendance_lines_black_label_names_aligned_under_the_first(built, name):
    want = MINUTES[name][1]
    _page, lines = _pages(built, name)
    heading = next(s for t, _r, s, _p in lines if t.startswith("一、"))
    rows = [(t, r, s, p) for t, r, s, p in lines
            if t.replace("\u3000", "")[:3] in ("出席：", "请假：", "列席：")]
    assert [t.replace("\u3000", "")[:2] for t, _r, _s, _p in rows] == want["attendance"]
    for t, r, spans, _page in rows:
        # 2 字 in from the 版心's left edge (28 mm on odd pages, 26 mm on even ones)
        assert min(abs(r.x0 - 2 * 16 - mm * 72 / 25.4) for mm in (28, 26)) < 1, (t, r)
        label = spans[0]
        assert label["text"].replace(" ", "") == t[:t.index("：") + 1]   # 出席： its own span
        assert label["font"] == heading[0]["font"]               # in the 黑体 of 一、
        assert spans[1]["font"] != label["font"]                 # names in the body face
    t, r, spans, _p = rows[0]               # 出席 runs over: aligned under the first name
    k = next(i for i, ln in enumerate(lines) if ln[0] == t)
    cont = lines[k + 1]
    assert cont[0] and "：" not in cont[0][:4]
    assert cont[1].x0 == pytest.approx(spans[1]["bbox"][0], abs=1)


def test_minutes_without_any_date_is_told_in_chinese():
    from recognition.builder import Writer
    w = Writer()
    w.p("东西湖区人民政府专题会议纪要", align="c", size=36, color="FF0000")
    w.p("第2期", align="c")
    w.p("　　会议研究了防汛工作。现将会议议定事项纪要如下：")
    w.body(1)
    result = import_docx_bytes(w.bytes(), "m.docx")
    d = result.document
    assert d.kind == "minutes" and d.doc_number == "第2期" and d.date == ""
    assert "date" in d.uncertain
    assert any("纪要的日期" in e.message_zh for e in result.report.entries)
    from editor.preflight.documents import date_format
    assert [f.message for f in date_format(d, None)] == ["未识别出成文日期，请在 属性 中填写"]
