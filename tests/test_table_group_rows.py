"""A table's group heading rows — one cell across the whole table, such as
``三、持续打造对外包容的开放环境`` in a 任务清单 — never end a page: read from the PDF, the
last table line of every page is never a group heading, whatever amount of text comes
before the table (the sweep moves each group row through every position on the page)."""
from __future__ import annotations

import re

import docx
import pymupdf
import pytest
from docx.shared import Pt

from editor import model
from editor.docx_import import import_docx

GROUPS = ["一、持续打造公平公正的市场环境", "二、持续打造便捷高效的政务环境",
          "三、持续打造对外包容的开放环境", "四、持续打造保障健全的科创环境"]
GROUP = re.compile(r"^[一二三四]、持续打造")
TASK = ("落实{n}项改革举措，完善工作机制，强化部门协同，推动政策直达快享，"
        "确保各项任务按时保质完成。")


def _notice(path, lead_lines: int):
    d = docx.Document()
    d.add_paragraph("区人民政府办公室关于印发任务清单的通知").runs[0].font.size = Pt(22)
    for k in range(lead_lines):
        d.add_paragraph("各街道办事处、开发区管委会各产业办公室：现将任务清单印发给你们，"
                        f"请认真组织实施（第{k + 1}段）。")
    rows = 1 + sum(1 + 6 for _ in GROUPS)
    t = d.add_table(rows=rows, cols=4)
    t.style = "Table Grid"
    for c, text in enumerate(["序号", "工作措施", "主要内容", "责任单位"]):
        t.cell(0, c).text = text
    r, n = 1, 1
    for g, title in enumerate(GROUPS):
        merged = t.cell(r, 0).merge(t.cell(r, 3))
        merged.text = title
        r += 1
        for k in range(6):
            t.cell(r, 0).text = str(n)
            t.cell(r, 1).text = f"第{g + 1}组措施{k + 1}"
            t.cell(r, 2).text = TASK.format(n=n) * (1 + (n % 3))
            t.cell(r, 3).text = "区发改局、区营商办"
            r, n = r + 1, n + 1
    d.save(str(path))
    return path


def _swept(tmp_path, make, leads, name: str):
    """(PDF, documents) of one document per lead-in length from ``make(path, lead)``: the
    same table starts lower and lower, so its rows meet the page foot at every place."""
    from editor.render import build_pdf
    docs = []
    for lead in leads:
        doc = import_docx(make(tmp_path / f"{name}{lead}.docx", lead)).document
        doc.id = f"{name}{lead}"
        docs.append(doc)
    out = tmp_path / f"{name}.pdf"
    build_pdf(model.Issue(sections=[model.Section("s1", "区级文件选登", docs)]), out)
    return out, docs


def _last_table_lines(pdf) -> list[tuple[int, str]]:
    """(page, text) of the last line above the running foot on every page that holds
    part of the table (the folio and running head are the last two lines)."""
    out = []
    for i, page in enumerate(pdf):
        lines = [ln for ln in page.get_text().split("\n") if ln.strip()]
        body = [ln for ln in lines if not re.match(r"^—\s*\d+\s*—$", ln)
                and "人民政府公报" not in ln and ln != "区级文件选登"]
        if any(GROUP.match(ln) or "区发改局" in ln for ln in body):
            out.append((i + 1, body[-1]))
    return out


@pytest.mark.slow
def test_group_heading_rows_never_end_a_page(tmp_path):
    out, docs = _swept(tmp_path, _notice, range(0, 30, 3), "groups")
    pdf = pymupdf.open(out)
    ends = _last_table_lines(pdf)
    assert len(ends) >= 20                       # the sweep crosses many page breaks
    stranded = [(page, text) for page, text in ends if GROUP.match(text)]
    assert stranded == []
    # every group heading is printed once per table, none lost by the keep
    text = "".join(p.get_text() for p in pdf)
    assert all(text.count(g) >= len(docs) for g in GROUPS)


def _households(path, lead_lines: int, rows: int = 40):
    """A 低保 list: 街道 merged down over all its households (two streets), the way
    offices send such lists."""
    d = docx.Document()
    d.add_paragraph("关于2025年城乡低保对象的公示").runs[0].font.size = Pt(22)
    for k in range(lead_lines):
        d.add_paragraph(f"现将本季度城乡低保审核结果予以公示，公示期七天（第{k + 1}段）。")
    t = d.add_table(rows=rows + 1, cols=5)
    t.style = "Table Grid"
    for c, text in enumerate(["序号", "街道", "社区（村）", "户主姓名", "月保障金（元）"]):
        t.cell(0, c).text = text
    half = rows // 2
    for first, last, street in ((1, half, "将军路街道"), (half + 1, rows, "吴家山街道")):
        t.cell(first, 1).merge(t.cell(last, 1)).text = street
    for r in range(1, rows + 1):
        t.cell(r, 0).text = str(r)
        t.cell(r, 2).text = "金潭社区"
        t.cell(r, 3).text = "罗燕桂"
        t.cell(r, 4).text = f"{3000 + 10 * r:,}"
    d.save(str(path))
    return path


@pytest.mark.slow
def test_a_merged_column_never_leaves_one_row_alone_on_a_page(tmp_path):
    """The last household alone on a continuation page (续表, header, one row) is a stub
    even while its 街道 cell is carried down from the page before — read from the PDF."""
    from tablereport import table_report
    out, docs = _swept(tmp_path, _households, range(0, 24, 2), "households")
    details: list = []
    report = table_report(out, details=details)
    assert report["stub_rows"] == 0, details
    assert report["row_fragments"] == 0, details
    text = "".join(p.get_text() for p in pymupdf.open(out))
    assert text.count("罗燕桂") == 40 * len(docs)


def _landscape_table(path, before: str):
    """A notice whose table the sender put in a landscape section, ``before`` the last
    paragraph of the portrait section."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    d = docx.Document()
    d.add_paragraph("关于2025年重点项目推进情况的报告").runs[0].font.size = Pt(22)
    d.add_paragraph("区发改局：现将全区重点项目推进情况报告如下，请审阅。" * 3)
    d.add_paragraph(before)
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    t = d.add_table(rows=6, cols=9)
    t.style = "Table Grid"
    for c in range(9):
        t.cell(0, c).text = f"栏目{c + 1}"
    for r in range(1, 6):
        for c in range(9):
            t.cell(r, c).text = f"第{r}行内容{c}"
    d.save(str(path))
    return path


@pytest.mark.slow
def test_a_sentence_before_a_landscape_table_stays_a_title_goes_with_it(tmp_path):
    """The sentence that ends the portrait section (…报告如下。) prints on its portrait
    page; a table title (表1 …, no full stop) goes with its table to the landscape page —
    read from the PDF."""
    from editor.render import build_pdf
    docs = []
    for name, before in (("sentence", "现将各项目推进情况列表报告如下。"),
                         ("title", "表1　2025年重点项目推进情况表")):
        doc = import_docx(_landscape_table(tmp_path / f"{name}.docx", before)).document
        doc.id = name
        docs.append(doc)
    out = tmp_path / "landscape.pdf"
    build_pdf(model.Issue(sections=[model.Section("s1", "区级文件选登", docs)]), out)
    pdf = pymupdf.open(out)

    def page_of(text):
        return next(p.number for p in pdf
                    if text in p.get_text().replace("\n", "").replace(" ", "").replace("\u3000", ""))
    sentence, title = page_of("列表报告如下。"), page_of("表12025年重点项目推进情况表")
    tables = [p.number for p in pdf if "栏目1" in p.get_text()]
    assert len(tables) == 2 and sentence not in tables     # the sentence on its own page
    assert title in tables                                 # the title on its table's page
