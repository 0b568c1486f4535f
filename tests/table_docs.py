"""Unseen-shape table documents for tests: python-docx → .docx → issue → print PDF (layer: tests).

Each builder writes a .docx the way an office user makes one in Word (python-docx), so
the import, the layout and the PDF are all exercised on shapes no sample has:

* ``wide_table_doc``: a centred 表 title, a 9-column table of procurement items with URLs,
  codes, amounts and a lone ``download`` in a cell, then a ``注：`` note;
* ``narrow_names_doc``: a narrow column of place names (圣家墩, 王家岗) beside long text;
* ``tall_rows_doc``: rows of 3–6 lines and one row of some forty lines;
* ``group_label_doc``: a 工作措施 label merged down over thirty rows;
* ``ten_column_doc``: a landscape 10-column table of 政务服务 entries (codes, URLs, phone
  numbers) whose sender grid gives the code column 110 pt and the URL column 40 pt;
* ``long_text_doc``: a 4-column table whose third column holds paragraphs, an even grid;
* ``header_doc``: a long table whose unmarked first row looks like a header in one of
  the ways senders make one (bold, shaded, centred, a two-level merged header, plain
  labels) or is an ordinary row.

``build(path_docx, out_pdf)`` imports one and writes the gazette PDF with the default
template (real fonts), returning the laid-out issue.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

URLS = ["https://ggzy.example.cn/jyxx/zfcg/2025/0315.html",
        "http://www.dxh.gov.cn/zwgk/tzgg/index.shtml?id=2048",
        "https://ccgp-hubei.example.gov.cn/notice/BHFW-JSKZ-2025-017"]
CODES = ["BHFW-JSKZ-2025-017", "DXH_ZC_2025_004", "ZB-2025/031", "WH-GG-118"]
NAMES = ["圣家墩", "王家岗", "瓠子山", "大屋岗", "柏泉古井", "慈惠墩", "辛安渡"]
PROSE = ("依照《中华人民共和国政府采购法》有关规定，采购人应当在合同签订之日起二个工作日内"
         "公告采购合同，并按照合同约定及时向中小企业支付资金，不得无故拖延。")
NOTE = ("注：1.表中链接为项目公告的网上地址，可在公共资源交易平台查询；2.编号BHFW-JSKZ为"
        "区级服务类项目的统一编号前缀。")


def _doc() -> Document:
    d = Document()
    d.add_paragraph("关于公开政府采购项目信息的通知").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各街道办事处，区人民政府各部门：")
    d.add_paragraph("现将有关事项通知如下，请认真贯彻执行。" * 3)
    return d


def _table(d, head: list[str], body: list[list[str | None]], cms: list[float] | None = None):
    """A "Table Grid" table: ``head`` then ``body`` (None: leave the cell empty), column
    widths ``cms`` in cm when given."""
    t = d.add_table(rows=len(body) + 1, cols=len(head))
    t.style = "Table Grid"
    for r, vals in enumerate([head] + body):
        for k, v in enumerate(vals):
            if v is not None:
                t.cell(r, k).text = v
    for row in t.rows if cms else []:
        for cell, w in zip(row.cells, cms):
            cell.width = Cm(w)
    return t


def wide_table_doc(path: Path, rows: int = 28) -> Path:
    """A 9-column table with URLs and codes, its centred title before it and a 注 after."""
    d = _doc()
    d.add_paragraph("为便于社会监督，现将本年度政府采购项目信息列表如下。" * 4)
    title = d.add_paragraph("表1  2025年政府采购项目公开信息一览表")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head = ["序号", "项目编号", "项目名称", "采购单位", "预算金额（万元）", "采购方式",
            "公告网址", "附件", "备注"]
    _table(d, head, [[str(r), CODES[r % len(CODES)], f"东西湖区{NAMES[r % len(NAMES)]}片区"
                      "道路改造及配套设施建设项目",
                      "区行政审批局、区财政局" if r % 3 else "区城管局",
                      f"{1234.5 + r * 17.25:,.2f}", "公开招标" if r % 2 else "竞争性磋商",
                      URLS[r % len(URLS)], "download" if r % 4 == 0 else "采购文件.pdf",
                      PROSE[: 20 + (r * 7) % 60]] for r in range(1, rows + 1)])
    d.add_paragraph(NOTE)
    d.add_paragraph("特此通知。")
    d.save(path)
    return path


def narrow_names_doc(path: Path, rows: int = 24) -> Path:
    """A narrow name column (1.3 cm) beside a wide text column."""
    d = _doc()
    scope = "本体及周围一定范围。四至：以本体外轮廓为界，四面均向外延伸10米。"
    _table(d, ["序号", "名称", "位置", "保护范围"],
           [[str(r), NAMES[r % len(NAMES)] + ("遗址" if r % 2 else ""),
             f"柏泉街道新港苑社区银柏东路{r}号", scope * (1 + r % 2)]
            for r in range(1, rows + 1)], [1.0, 1.3, 4.0, 9.3])
    d.save(path)
    return path


def tall_rows_doc(path: Path, rows: int = 30) -> Path:
    """Rows of 3–6 lines (which must not split) and one row of some forty lines."""
    d = _doc()
    _table(d, ["序号", "主要内容", "责任单位"],
           [[str(r), PROSE * (12 if r == 9 else 1 + r % 3),
             "区行政审批局、区税务局、区市场监管局" if r % 2 else "区行政审批局"]
            for r in range(1, rows + 1)], [1.2, 10.5, 3.8])
    d.save(path)
    return path


def group_label_doc(path: Path, rows: int = 30) -> Path:
    """A group label (工作措施) merged down over all body rows."""
    d = _doc()
    t = _table(d, ["序号", "工作措施", "主要内容", "责任单位"],
               [[str(r), None, PROSE[: 30 + (r * 13) % 70], "区财政局"]
                for r in range(1, rows + 1)], [1.2, 3.0, 8.5, 3.0])
    t.cell(1, 1).merge(t.cell(rows, 1)).text = "（二）强化公平竞争审查和社会信用建设"
    d.save(path)
    return path


def set_grid(table, pts: list[float]) -> None:
    """Write a sender's grid: w:tblGrid and every cell's w:tcW, in points, as Word does."""
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), pts):
        col.set(qn("w:w"), str(round(w * 20)))
    for row in table.rows:
        for cell, w in zip(row.cells, pts):
            cell.width = Pt(w)


TEN_HEAD = ["序号", "事项编码", "事项名称", "实施主体", "办理类型", "网上办理地址", "承诺时限",
            "收费", "咨询电话", "备注"]
BAD_GRID = [40, 110, 80, 70, 50, 40, 50, 40, 70, 50]     # the code 110 pt, the URL 40 pt


def ten_column_rows(rows: int = 18) -> list[list[str]]:
    return [[str(k), f"HBQK-ZWFW-{2025000 + k}", f"建设工程规划许可证核发（第{k}类）",
             "区行政审批局" if k % 2 else "区自然资源和规划局", "即办件" if k % 3 else "承诺件",
             f"https://zwfw.qiaokou.gov.cn/item/detail?id=QK{k:04d}&type=online",
             f"{k % 5 + 1}个工作日", "不收费", f"027-8385{k:04d}",
             "" if k % 4 else "需现场核验原件"] for k in range(1, rows + 1)]


def ten_column_doc(path: Path, rows: int = 18, grid: list[float] | None = BAD_GRID,
                   header: str = "plain") -> Path:
    """A notice whose attachment is a landscape section holding a 10-column table
    (``grid``: the sender's column widths in pt, None: python-docx's even grid).
    ``header``: "plain" (first row unmarked, as most senders send it), "marked"
    (w:tblHeader), "bold" (unmarked but bold and shaded), "none" (no header row)."""
    d = _doc()
    sec = d.add_section()
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    d.add_paragraph("附件")
    d.add_paragraph("区级政务服务事项网上办理入口一览表").alignment = WD_ALIGN_PARAGRAPH.CENTER
    body = ten_column_rows(rows)
    if header == "none":
        t = _table(d, body[0], body[1:])
    else:
        t = _table(d, TEN_HEAD, body)
    if grid:
        set_grid(t, grid)
    if header == "marked":
        mark_header(t.rows[0])
    elif header == "bold":
        for cell in t.rows[0].cells:
            shade(cell, "D9D9D9")
            for p in cell.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for r in p.runs:
                    r.bold = True
    d.add_paragraph("注：网上办理地址如有调整，以湖北政务服务网公布为准。")
    d.save(path)
    return path


def long_text_doc(path: Path, rows: int = 16) -> Path:
    """A 4-column table (python-docx's even grid) whose 主要内容 column holds paragraphs."""
    d = _doc()
    _table(d, ["序号", "任务名称", "主要内容", "牵头单位"],
           [[str(r), f"第{r}项重点任务", PROSE * (1 + r % 3), "区发展改革局"]
            for r in range(1, rows + 1)])
    d.save(path)
    return path


HEADER_STYLES = ("bold", "shaded", "centred", "merged", "labels", "data", "marked")


def header_doc(path: Path, style: str, rows: int = 40) -> Path:
    """A 名单 of ``rows`` rows set as a sender might (``style`` in ``HEADER_STYLES``):
    the first row unmarked and bold / shaded / centred / a two-level merged header / plain
    short labels / no header at all (a data row first) / marked (w:tblHeader)."""
    d = _doc()
    body = [[NAMES[r % len(NAMES)] + "社区", f"{NAMES[(r + 3) % len(NAMES)]}街道办事处",
             PROSE[: 24 + (r * 11) % 50], f"{100 + r * 7}"] for r in range(rows)]
    head = ["社区名称", "所属街道", "主要工作", "户数"]
    if style == "data":
        t = _table(d, body[0], body[1:])
    elif style == "merged":
        t = _table(d, ["社区名称", "所属街道", "工作情况", None], [["", "", "主要工作", "户数"]]
                   + body)
        t.cell(0, 0).merge(t.cell(1, 0))
        t.cell(0, 1).merge(t.cell(1, 1))
        t.cell(0, 2).merge(t.cell(0, 3))
        t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "社区名称", "所属街道", "工作情况"
    else:
        t = _table(d, head, body)
    first = t.rows[0]
    if style == "marked":
        mark_header(first)
    for cell in first.cells if style in ("bold", "shaded", "centred") else []:
        if style == "shaded":
            shade(cell, "D9D9D9")
        for p in cell.paragraphs:
            if style == "centred":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.bold = style == "bold"
    d.save(path)
    return path


def mark_header(row) -> None:
    """Mark a python-docx table row as a repeating header row (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    el = trpr.makeelement(qn("w:tblHeader"), {})
    trpr.append(el)


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:fill"): fill})
    tcpr.append(shd)


BUILDERS = {"wide": wide_table_doc, "narrow": narrow_names_doc, "tall": tall_rows_doc,
            "group": group_label_doc, "ten": ten_column_doc, "long": long_text_doc}


def build(docx_path: Path, pdf_path: Path):
    """Import ``docx_path`` as one document of an issue and write its gazette PDF."""
    from editor import model
    from editor.docx_import import import_docx
    from editor.render import build_pdf
    doc = import_docx(docx_path).document
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    return build_pdf(issue, pdf_path)


if __name__ == "__main__":            # python tests/table_docs.py OUTDIR: build all
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, fn in BUILDERS.items():
        build(fn(out / f"{name}.docx"), out / f"{name}.pdf")
        print(out / f"{name}.pdf")
