"""Recognition over the corpus of tests/recognition (documents written with python-docx as
departments write them; expected parts typed by hand in cases.py): every part right in at
least 98 % of documents, plus the shapes the issue names, one by one."""
from __future__ import annotations

import pytest

from editor.docx_import import DocxImportError, import_docx_bytes
from editor.docx_import.summary import as_json
from recognition.cases import CASES
from recognition.evaluate import PARTS, score


def _imported(name: str):
    return import_docx_bytes(CASES[name][0](), name + ".docx")


@pytest.mark.corpus
def test_every_part_right_in_98_percent_of_the_corpus():
    assert len(CASES) >= 40
    results = {name: score(name) for name in CASES}
    for part in PARTS:
        rows = [r[part] for r in results.values() if part in r]
        right = sum(1 for ok, _g, _w in rows if ok)
        misses = [(n, r[part][1:]) for n, r in results.items() if part in r and not r[part][0]]
        assert right >= 0.98 * len(rows), f"{part}: {right}/{len(rows)} {misses}"
    assert all(r["refused"][0] for r in results.values() if "refused" in r)


def test_government_work_report_with_mark_subtitle_and_speaker():
    j = as_json(_imported("s01_gov_report_mark"))
    assert (j["kind"], j["title"], j["mark"]) == ("speech", "政府工作报告",
                                                  "区十一届人大四次会议文件（6）")
    assert j["subtitle"] == "——2024年12月26日在东西湖区第十一届人民代表大会第四次会议上"
    assert (j["speaker"], j["date"]) == ("东西湖区人民政府区长　周　明", "2024年12月26日")
    assert j["headings"][:2] == [{"level": 1, "text": "一、2024年工作回顾"},
                                 {"level": 2, "text": "（一）持续优化供给侧结构性改革，经济实力稳步提升。"}]
    assert "各位代表：" in j["text"] and j["recipients"] == ""


@pytest.mark.parametrize("name, speaker, date", [
    ("s02_title_date_speaker", "区委书记　王　强", "2025年2月10日"),
    ("s03_title_speaker_date", "区长　周明", "2025年2月18日"),
    ("s05_speaker_then_subtitle", "周　明", ""),
])
def test_speech_date_line_is_the_date_not_the_subtitle(name, speaker, date):
    d = _imported(name).document
    assert d.kind == "speech" and (d.speaker, d.date) == (speaker, date)
    assert not d.subtitle.startswith("（")


def test_news_collection_items_with_their_dates():
    j = as_json(_imported("w01_news_bold_12"))
    assert j["kind"] == "news" and len(j["items"]) == 12
    assert j["items"][0] == {"title": "区政府召开第十二次常务会议", "date": "2025年3月1日"}
    assert j["items"][11] == {"title": "区政府党组召开专题学习会", "date": "2025年3月12日"}


def test_empty_file_is_refused_in_chinese():
    with pytest.raises(DocxImportError) as err:
        _imported("e02_blank_paragraphs")
    assert "文件是空的" in err.value.message


def test_landscape_section_attachment():
    d = _imported("n14_landscape_attachment").document
    assert [a.landscape for a in d.attachments] == [True]
    assert d.attachments[0].title == "2025年区级重点建设项目计划表"
    assert not any(getattr(b, "landscape", False) for b in d.body)


@pytest.mark.slow
def test_built_issue_shows_real_titles_marks_and_landscape_pages(tmp_path):
    """From the PDF: the 目录 and the bookmarks name the recognised titles (never a file
    name); the conference mark prints above the title, the date line under it; the
    landscape attachment is on a landscape page."""
    import pymupdf

    from editor.model import Issue, IssueMeta, Section
    from editor.render import build_pdf
    names = ["s01_gov_report_mark", "s02_title_date_speaker", "w01_news_bold_12",
             "n14_landscape_attachment", "u01_no_centred_title"]
    docs = [_imported(n).document for n in names]
    issue = Issue(meta=IssueMeta(title="测试公报"), sections=[Section(id="s1", title="文件", documents=docs)])
    out = tmp_path / "t.pdf"
    build_pdf(issue, out)
    pdf = pymupdf.open(out)
    titles = ["政府工作报告", "在全区优化营商环境工作大会上的讲话", "政务简讯",
              "关于公布2025年区级重点建设项目计划的通知", "情况说明"]
    assert [t for _lvl, t, _p in pdf.get_toc() if _lvl == 2] == titles
    toc = "".join(p.get_text() for p in pdf if "目" in p.get_text()[:40]).replace(" ", "")
    assert all(t in toc.replace("\n", "") for t in titles) and ".docx" not in toc
    first = {t: p for _l, t, p in pdf.get_toc()}
    page = pdf[first["政府工作报告"] - 1].get_text()
    assert page.index("区十一届人大四次会议文件（6）") < page.index("政府工作报告")
    speech = pdf[first["在全区优化营商环境工作大会上的讲话"] - 1].get_text().replace(" ", "")
    assert speech.index("（2025年2月10日）") < speech.index("同志们")
    turned = [line["dir"] for p in pdf for block in p.get_text("dict")["blocks"]
              for line in block.get("lines", ())
              if "计划表" in "".join(sp["text"] for sp in line["spans"])]
    # a landscape page is drawn turned on the portrait sheet: its lines run up or down
    assert any(abs(d[0]) < 0.01 for d in turned), turned


def test_a_landscape_section_in_the_body_sets_its_table_landscape():
    from recognition.builder import Writer
    w = Writer()
    w.p("关于调整部分收费项目的通知", align="c", size=22)
    w.p("各单位：")
    w.body(1)
    w.section(landscape=True)
    w.table([["序号", "项目", "标准"], ["1", "停车", "5元"]])
    w.section(landscape=False)
    w.table([["序号", "项目"], ["1", "其他"]])
    w.body(1)
    doc = import_docx_bytes(w.bytes(), "wide.docx").document
    tables = [b for b in doc.all_blocks() if type(b).__name__ == "Table"]
    assert [t.layout.landscape for t in tables] == [True, None]
