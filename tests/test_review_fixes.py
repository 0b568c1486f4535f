"""Bugs found in review of the session's footnote, table, 纪要 and template work, each
judged from the printed PDF or the store (see the commit messages for what failed)."""
from __future__ import annotations

import re

import pymupdf
import pytest

from docx_builder import notes_xml, package
from editor import model
from editor.docx_import import import_docx_bytes

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _ref(nid) -> str:
    return f'<w:r><w:footnoteReference w:id="{nid}"/></w:r>'


def _cell(inner: str) -> str:
    return f"<w:tc><w:p>{inner}</w:p></w:tc>"


def _title(text: str) -> str:
    return ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + _r(text, '<w:sz w:val="44"/>')
            + "</w:p>")


def test_a_note_in_a_repeated_header_row_is_not_marked_again(tmp_path):
    """A 项目名称① header cell repeated on continuation pages printed ① there too; numbered
    per page, that ① called no note of its page and the page's own notes became ②③."""
    from editor.render import build_pdf
    head = ("<w:tr><w:trPr><w:tblHeader/></w:trPr>" + _cell(_r("序号"))
            + _cell(_r("项目名称") + _ref(1)) + _cell(_r("金额（万元）")) + "</w:tr>")
    rows = "".join("<w:tr>" + _cell(_r(str(k))) + _cell(
        _r(f"第{k}个老旧小区改造项目") + (_ref(k // 10 + 1) if k % 10 == 0 else ""))
        + _cell(_r(str(100 + k))) + "</w:tr>" for k in range(1, 80))
    table = ("<w:tbl><w:tblGrid><w:gridCol w:w='1000'/><w:gridCol w:w='5000'/>"
             "<w:gridCol w:w='2000'/></w:tblGrid>" + head + rows + "</w:tbl>")
    notes = {str(k): f"第{k}条表注：数据来源区统计局。" for k in range(1, 9)}
    data = package(_title("关于老旧小区改造项目的通知") + "<w:p>" + _r("项目如下表。")
                   + "</w:p>" + table, footnotes=notes_xml("footnote", notes))
    doc = import_docx_bytes(data, "t.docx").document
    doc.id = "t"
    out = tmp_path / "t.pdf"
    build_pdf(model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])]), out)
    seen, pages = [], 0
    with pymupdf.open(str(out)) as pdf:
        for page in pdf:
            text = page.get_text()
            if "老旧小区改造项目" not in text:
                continue
            pages += 1
            marks = re.findall(f"[{CIRCLED}]", text)
            feet = re.findall(f"([{CIRCLED}])\\s*第(\\d+)\\s*条表注", text)
            # every mark on the page has its note at the page's foot, numbered from ①
            assert sorted(set(marks)) == [m for m, _ in feet] == list(CIRCLED[:len(feet)])
            assert len(marks) == 2 * len(feet), text
            seen += [int(n) for _, n in feet]
    assert pages >= 3 and seen == list(range(1, 9))


def _lines_doc(lines: list[str], heading_at: int | None = None) -> model.Document:
    body = [(model.Heading if k == heading_at else model.Paragraph)(
        id=f"p{k}", runs=[model.Run(text)]) for k, text in enumerate(lines)]
    return model.Document(id="d1", kind="notice", title="采购文件", body=body)


def test_numbers_start_again_under_heads_numbered_otherwise():
    """A tighter HEADING_SEQUENCE (a restart only under a new higher heading) flagged every
    （1） list under 2、付款方式 / 8.1资格审查文件 and every 一、 under 第二章 or 附件五,
    as senders of 采购 and 实施方案 documents number them (one wild 采购 file: 5 → 16)."""
    from editor.preflight.documents import heading_sequence
    lines = ["一、项目基本情况", "二、商务要求", "1、付款方式", "（1）合同生效后支付。",
             "（2）验收后支付余款。", "2、服务地点", "（1）按采购人指定地点。",
             "8.1资格审查文件：", "（1）营业执照复印件；", "第二章　采购需求",
             "一、项目编号", "二、项目名称", "附件五　确认声明书", "一、本单位声明如下。",
             "投诉书范本", "一、投诉相关主体"]
    assert heading_sequence(_lines_doc(lines, heading_at=14)) == []
    # still a repeat: （1） again with only body text between, 一、 again with none
    found = heading_sequence(_lines_doc(["一、总体要求", "二、主要任务", "（1）排查。",
                                         "（2）整改。", "要求如下。", "（1）再排查。",
                                         "一、保障措施"]))
    assert [f.text for f in found] == ["（1）", "一、"]


def test_a_project_set_with_the_renamed_dense_template_still_builds(tmp_path):
    """gazette_dense (offered in the template menu before) became gazette.toml; a project
    saved with it stopped building: 找不到版式模板：gazette_dense."""
    from editor.layout.template import available_templates, load_template
    from editor.store.project import ProjectStore, load_issue
    issue = model.Issue(template="gazette_dense")
    path = tmp_path / "old.gbproj"
    ProjectStore.create(path, issue).close()
    again = load_issue(path)
    template = load_template(again.template)
    assert template.name == "gazette" and template.get("grid", "lines") == 30
    assert "gazette_dense" not in available_templates()


def test_an_issue_that_kept_the_last_issues_total_number_is_told(tmp_path):
    """A new issue made from the last one's project and still 总第32期 passed the archive
    check: only archived issues numbered below 32 counted as before it (31 → 32 is right).
    The same issue archived and checked again is not told."""
    from editor.app.checks import archived_previous_total
    from editor.archive.records import IssueRecord
    from editor.archive.store import Archive
    from editor.preflight.documents import check_issue
    path = tmp_path / "档案.gazette-archive"
    with Archive(path) as archive:
        for n, period in ((31, "2024年7月~2024年12月"), (32, "2025年1月~2025年6月")):
            archive.add(IssueRecord(f"东西湖区人民政府公报|{n}", "东西湖区人民政府公报", 2025, n,
                                    f"总第{n}期", period, ""))
    meta = model.IssueMeta(title="东西湖区人民政府公报", total_number=32,
                           issue_label="总第32期", period="2025年7月~2025年12月")
    previous = archived_previous_total(path, meta)
    assert previous == 32
    told = [f.message for f in check_issue(model.Issue(meta=meta), previous)]
    assert "上一期为总第32期，本期应为总第33期" in told
    meta.period = "2025年1月~2025年6月"            # the archived 32 itself
    assert archived_previous_total(path, meta) == 31
    meta.published = "2025年10月"                  # … with its 出版日期 corrected since
    assert archived_previous_total(path, meta) == 31


def test_a_split_table_keeps_the_doubt_about_its_guessed_header():
    """在此行拆分表格 repeats the header rows atop the second table but dropped the import's
    doubt about them (model.Table.header_doubt): that table's guessed head was repeated on
    its continuation pages with no TABLE_HEADER_GUESSED to check it."""
    from editor.app.table_commands import SplitTableAtRow
    rows = [model.Row([model.Cell(f"c{r}", 0, [model.Paragraph(
        id=f"p{r}", runs=[model.Run("序号" if r == 0 else str(r))])])], is_header=r == 0)
        for r in range(6)]
    table = model.Table("t1", [100.0], rows, header_doubt="按“首行为序号”推断为表头")
    doc = model.Document(id="d", title="名单", body=[table])
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    cmd = SplitTableAtRow(doc_id="d", table_id="t1", row=3)
    cmd.apply(issue)
    second = doc.body[1]
    assert second.header_rows == 1 and second.header_doubt == table.header_doubt
    cmd.revert(issue)
    assert len(doc.body) == 1 and len(doc.body[0].rows) == 6


def test_a_short_attendance_line_before_the_signature_stays_in_the_body():
    """A 纪要 ending 出席：… / 请假：林峰（出差） / the office / the date: the 请假 line (short,
    no full stop) was read as the first line of the 署名 and printed right-aligned above
    the office, out of the attendance lines."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from minutes_docs import ATTEND, LEAVE, OFFICE, XBS, Writer, attendance, body
    w = Writer()
    w.p("东西湖区人民政府常务会议纪要", align="c", size=36, font=XBS, color="FF0000")
    w.p("第5期", align="c")
    body(w, ["关于城市更新项目"])
    attendance(w, [ATTEND, LEAVE])
    w.p(OFFICE, align="r")
    w.p("2025年3月10日", align="r")
    doc = import_docx_bytes(w.bytes(), "jiyao.docx").document
    assert doc.kind == "minutes" and doc.signature == [OFFICE]
    assert doc.date == "2025年3月10日"
    assert [(b.role, b.display_text[:3]) for b in doc.body[-2:]] == [
        ("attendance", "出席："), ("attendance", "请假：")]


def test_a_name_list_grouped_by_merged_cells_has_no_guessed_header():
    """A 名单 of people under their 街道 (merged down three rows, group after group), no
    header row: its first group (将军路街道 | 张三明 | 女 | 汉族 …) was read as a three-row
    merged header on strong evidence (no doubt said) and repeated on every page."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from recognition.builder import Writer
    w = Writer()
    w.p("关于表彰2024年度优秀志愿者的决定", align="c", size=22)
    w.p("各街道：现将名单公布如下。")
    t = w.d.add_table(rows=15, cols=4)
    for i in range(15):
        t.cell(i, 1).text = "张李王赵孙周"[i % 6] + "明"
        t.cell(i, 2).text = "男" if i % 2 else "女"
        t.cell(i, 3).text = "汉族"
    for g, street in enumerate(["将军路街道", "吴家山街道", "径河街道", "慈惠街道", "走马岭街道"]):
        t.cell(3 * g, 0).merge(t.cell(3 * g + 2, 0)).text = street
    doc = import_docx_bytes(w.bytes(), "mingdan.docx").document
    table = next(b for b in doc.body if isinstance(b, model.Table))
    assert [c.row_span for c in table.rows[0].cells] == [3, 1, 1, 1]
    assert table.header_rows == 0


def test_a_heading_is_not_left_at_a_page_foot_by_its_texts_footnote():
    """一、 kept with its paragraph: whether two lines of the paragraph fit under it was
    judged without the footnote the paragraph's first line calls; placed, that line went
    to the next page with its note and the heading stood alone at the page foot (with no
    HEADING_STRANDED either) — 14 of 48 page positions here."""
    from editor.fonts.measure import FixedMeasurer
    from editor.layout.items import TextItem
    from editor.layout.paginate import layout_document
    from editor.layout.template import load_template
    template, measurer = load_template("gazette"), FixedMeasurer()
    stranded = []
    for size in (6, 12):
        for lead in range(24):
            doc = model.Document(id="d", title="关于做好城市更新工作的通知", body=[
                model.Paragraph(id="p0", runs=[model.Run("开头文字内容。" * (4 * lead + 1))])])
            for h in range(1, 5):
                doc.body += [
                    model.Heading(id=f"h{h}", level=1, runs=[model.Run("一二三四"[h - 1]
                                                                      + f"、关于第{h}项工作")]),
                    model.Paragraph(id=f"q{h}", runs=[
                        model.Run("各单位要"), model.Run("", note=f"fn{h}"),
                        model.Run("提高思想认识，加强组织领导，明确责任分工。" * 3)])]
                doc.footnotes.append(model.Footnote(id=f"fn{h}", blocks=[model.Paragraph(
                    id=f"fn{h}p1", runs=[model.Run(f"第{h}条脚注的内容。" * size)])]))
            laid = layout_document(doc, template, measurer)
            for page in laid.pages:
                body = [it for it in page.items if isinstance(it, TextItem) and it.source
                        and it.source.block_id[0] in "hpq" and not it.note]
                if body and max(body, key=lambda it: it.y).source.block_id.startswith("h"):
                    stranded.append((size, lead))
            notes = [it.note for page in laid.pages for it in page.items
                     if isinstance(it, TextItem) and it.note]
            assert notes == ["fn1", "fn2", "fn3", "fn4"]
    assert stranded == []


def test_a_minutes_head_dated_in_chinese_numerals_is_read():
    """东西湖区人民政府办公室　　二〇二五年三月十日 over the red rule: the 纪要 head read
    only Arabic dates, so the line was printed as the body's first paragraph and the
    import said the date was neither in the head nor at the end (the importer reads such
    dates everywhere else; 印前检查 then asks for Arabic numerals)."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from minutes_docs import ATTEND, OFFICE, Writer, attendance, body, head
    w = Writer()
    head(w, "东西湖区人民政府常务会议纪要", "第5期", "spaces", "二〇二五年三月十日")
    body(w, ["关于城市更新项目"])
    attendance(w, [ATTEND])
    res = import_docx_bytes(w.bytes(), "jiyao.docx")
    doc = res.document
    assert (doc.kind, doc.date, doc.signature) == ("minutes", "二〇二五年三月十日", [OFFICE])
    assert doc.body[0].display_text.startswith("2025年3月5日上午")
    assert not [e for e in res.report.entries if "日期" in e.message_zh]


def test_every_minutes_number_the_import_reads_is_no_doc_number_error():
    """The import reads 第５期 and 第5号 as a 纪要's 期号 (minutes.ISSUE_NUMBER), but
    印前检查 then said 发文字号应为“机关代字〔年份〕序号号”的形式 of them."""
    from editor.docx_import.minutes import ISSUE_NUMBER
    from editor.preflight.documents import doc_number
    for number in ("第５期", "第5号", "（第12期）", "2025年第3期", "第十二次"):
        assert ISSUE_NUMBER.match(number)
        doc = model.Document(id="m", kind="minutes", title="常务会议纪要", doc_number=number)
        assert doc_number(doc) == [], number
    notice = model.Document(id="n", kind="notice", title="通知", doc_number="第5号")
    assert [f.rule for f in doc_number(notice)] == ["DOCNO_FORMAT"]
