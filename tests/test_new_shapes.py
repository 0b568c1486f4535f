"""Two shapes of the fourth recognition batch, judged from the PDF: a 公告 signed by two
agencies side by side (a layout table before the date) prints both as its 署名, once;
a red-head 简报's office-and-date line prints under its title, once, not as body."""
from __future__ import annotations

import pytest

from editor.docx_import import import_docx_bytes
from recognition.cases import CASES


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    import pymupdf

    from editor.model import Issue, IssueMeta, Section
    from editor.render import build_pdf
    names = ["x06_announcement_two_agencies_side_by_side", "x08_briefing_red_head"]
    docs = [import_docx_bytes(CASES[n][0](), n + ".docx").document for n in names]
    for k, d in enumerate(docs):
        d.id = f"x{k}"
    out = tmp_path_factory.mktemp("shapes") / "shapes.pdf"
    build_pdf(Issue(meta=IssueMeta(title="测试公报"),
                    sections=[Section(id="s1", title="文件", documents=docs)]), out)
    pdf = pymupdf.open(out)
    lines = []
    for page in pdf:
        if page.get_text().replace(" ", "").startswith("目"):
            continue
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", ()):
                text = "".join(sp["text"] for sp in line["spans"]).replace(" ", "")
                lines.append((page.number, line["bbox"][3], line["bbox"][0], text))
    return lines


@pytest.mark.slow
def test_two_agencies_side_by_side_sign_once_above_the_date(pages):
    a = [ln for ln in pages if ln[3] == "东西湖区财政局"]
    b = [ln for ln in pages if ln[3] == "国家税务总局武汉市东西湖区税务局"]
    date = [ln for ln in pages if ln[3] == "2025年3月1日"]
    assert len(a) == len(b) == len(date) == 1, (a, b, date)
    assert a[0][:2] < date[0][:2] and b[0][:2] < date[0][:2]
    end = next(ln for ln in pages if ln[3] == "特此公告。")
    assert end[:2] < a[0][:2]


@pytest.mark.slow
def test_briefing_office_and_date_print_under_the_title_once(pages):
    office = [ln for ln in pages if "东西湖区人民政府办公室" in ln[3]]
    assert len(office) == 1 and office[0][3].endswith("2025年3月20日"), office
    title = next(ln for ln in pages if ln[3] == "政务工作简报")
    issue = next(ln for ln in pages if ln[3] == "第3期")
    first = next(ln for ln in pages if ln[3] == "区政府召开第十二次常务会议")
    assert title[:2] < issue[:2] < office[0][:2] < first[:2]
