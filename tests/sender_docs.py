"""Documents as district offices really type them, for the second QA pass (layer: tests).

Each function returns the bytes of one .docx written with python-docx (plus raw WordML
where python-docx has no API), shaped unlike resources/samples, tests/qa_docs.py and
tests/unseen_docs.py: fonts and sizes set directly on runs (Times New Roman digits,
Calibri English, a 10.5 pt run inside 16 pt text), manual line breaks (w:br) inside
paragraphs, ASCII and full-width spaces typed for indentation, a text box and a floating
picture, a 红头 laid out in a borderless table, a table nested in a cell, Word-numbered
lists at four levels and a 第X条 list, tracked insertions and deletions with comments, a
landscape section in the middle of a document, a very long title broken by hand, English,
numbers and URLs among Chinese text, ellipses and dashes at line ends, 附件 with a
long and a wide table, and an 87-character title under a 红头.  The texts are made up.

``write_all(folder)`` writes them and an issue.json; run as a script it writes them to
the folder given (``python tests/sender_docs.py /tmp/senders``).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builder import write_issue  # noqa: E402

W = nsdecls("w")
TEXT = ("要坚持问题导向，聚焦企业和群众反映强烈的突出问题，逐项研究解决办法，形成长效机制。"
        "各单位要加强统筹协调，定期调度工作进展，及时研究解决工作推进中遇到的困难和问题。")
URL = "https://zwfw.hubei.gov.cn/webview/fw/bsznDetail.html?transactCode=11420112MB1614503A"


def _new() -> docx.Document:
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "仿宋_GB2312"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    return d


def _run(para, text: str, font: str | None = None, size: float | None = None,
         bold: bool = False, latin: str | None = None):
    run = para.add_run(text)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    if font:
        fonts.set(qn("w:eastAsia"), font)
    if latin:
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
    return run


def _p(d, text: str = "", align: str | None = None, size: float | None = None,
       font: str | None = None, bold: bool = False, indent: bool = False):
    para = d.add_paragraph()
    if align:
        para.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                          "j": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if indent:
        para.paragraph_format.first_line_indent = Pt(32)
    if text:
        _run(para, text, font, size, bold)
    return para


def _title(d, text: str) -> None:
    _p(d, text, "c", 22, "方正小标宋简体")
    _p(d)


def _png(w: int, h: int, colour=(60, 120, 190)) -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for k in range(5):
        x = 30 + k * (w - 60) // 5
        draw.rectangle([x, h - 20 - (k + 2) * (h - 40) // 8, x + (w - 60) // 8, h - 20],
                       fill=colour)
    draw.rectangle([2, 2, w - 3, h - 3], outline=(0, 0, 0), width=3)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _bytes(d) -> bytes:
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _sign(d, who: str, date: str) -> None:
    _p(d)
    _p(d, who + "　　　　", "r")
    _p(d, date + "　　　　", "r")


# -- 1. runs formatted by hand, English, URLs, line breaks, typed indents ---------------

def direct_runs() -> bytes:
    """A notice typed with no styles: every run carries its own font and size, digits and
    English in Times New Roman / Calibri, paragraphs indented by typed spaces, an address
    block joined by line breaks, a URL and an e-mail address, ellipses and dashes."""
    d = _new()
    _p(d, "东西湖区数据局关于开展2025年度“数字政府”（Digital Government）建设项目申报工作的通知",
       "c", 22, "方正小标宋简体")
    _p(d)
    _p(d, "各街道办事处，区直各单位：")
    para = _p(d)
    _run(para, "    为贯彻落实《数字中国建设整体布局规划》和《湖北省数字政府建设总体规划（2023—2025年）》，")
    _run(para, "加快推进5G、IPv6、AI大模型等新技术在政务服务中的应用，", size=16)
    _run(para, "现将2025年度项目申报有关事项通知如下。", size=10.5)
    _p(d, "　　一、申报范围", font="黑体")
    para = _p(d)
    _run(para, "　　（一）政务云与数据共享。包括政务云资源扩容、数据共享交换平台（DSEP v3.2）升级、"
               "API网关建设等，单个项目预算原则上不超过")
    _run(para, "500", latin="Times New Roman")
    _run(para, "万元；涉及等级保护三级（GB/T 22239-2019）测评的，须在申报材料中说明……")
    para = _p(d)
    _run(para, "   （二）“一网通办”应用。围绕“高效办成一件事”，建设企业开办、不动产登记、"
               "社保医保等跨部门协同应用，对接湖北政务服务网（", size=16)
    _run(para, URL, latin="Calibri", size=12)
    _run(para, "），实现“一次告知、一表申请、一套材料”——")
    _p(d, "　　二、申报材料", font="黑体")
    for k, line in enumerate(("项目申报书（含建设内容、技术路线、投资估算）；",
                              "项目可行性研究报告或实施方案……",
                              "近三年同类项目建设情况说明（English version optional）。")):
        _p(d, f"  {k + 1}. {line}")
    _p(d, "　　三、报送方式", font="黑体")
    para = _p(d)
    _run(para, "　　请于2025年4月30日前将电子版发送至邮箱dxhsjj_xmsb@163.com，纸质材料一式三份"
               "报区数据局项目科。")
    para = _p(d)
    _run(para, "　　联系人：王 磊")
    para.runs[-1].add_break(WD_BREAK.LINE)
    _run(para, "　　联系电话：027-83891228，13907141234")
    para.runs[-1].add_break(WD_BREAK.LINE)
    _run(para, "　　地　　址：东西湖区临空港大道43号区政务服务中心B座1206室")
    _sign(d, "东西湖区数据局", "2025年3月26日")
    return _bytes(d)


# -- 2. text box and floating picture ---------------------------------------------------

def _textbox(text_lines: list[str]) -> str:
    paras = "".join(f'<w:p><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>{t}</w:t></w:r></w:p>'
                    for t in text_lines)
    return (
        f'<w:r {W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="114300" distR="114300" '
        'simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200000'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2200000" cy="900000"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="11" name="文本框 11"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2200000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '</wps:spPr><wps:txbx><w:txbxContent>' + paras + '</w:txbxContent></wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
        'style="position:absolute;width:173pt;height:71pt"><v:textbox><w:txbxContent>'
        + paras + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>')


def _float_picture(para) -> None:
    """Turn the inline picture of ``para`` into a floating one (square wrap, right)."""
    inline = para._p.find(".//" + qn("wp:inline"))
    cx = inline.find(qn("wp:extent")).get("cx")
    cy = inline.find(qn("wp:extent")).get("cy")
    graphic = inline.find(qn("a:graphic"))
    anchor = parse_xml(
        '<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="3" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="21" name="图片 21"/>'
        '<wp:cNvGraphicFramePr/></wp:anchor>')
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)


def textbox_float() -> bytes:
    """A 通报 whose contact block sits in a text box beside the text, with a photograph
    floated right of a paragraph (square wrap) and a small inline icon inside a line."""
    d = _new()
    _title(d, "东西湖区生态环境分局关于2025年第一季度环境空气质量情况的通报")
    _p(d, "各街道办事处，区直各单位：")
    para = _p(d, "2025年第一季度，全区环境空气质量优良天数为72天，优良率80.0%，同比上升4.4个"
                 "百分点；PM2.5平均浓度为48微克/立方米，同比下降7.7%。", indent=True)
    para._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> </w:t></w:r>'))
    para._p.append(parse_xml(_textbox(["空气质量咨询电话", "027-83260012（工作日）"])))
    for k in range(3):
        _p(d, TEXT, indent=True)
    d.add_picture(io.BytesIO(_png(900, 600)), width=Mm(70))
    _float_picture(d.paragraphs[-1])
    _run(d.paragraphs[-1], "图为径河街道空气自动监测站。" + TEXT * 2)
    d.paragraphs[-1].paragraph_format.first_line_indent = Pt(32)
    para = _p(d, "监测数据可扫码查询", indent=True)
    para.add_run().add_picture(io.BytesIO(_png(60, 60, (0, 0, 0))), width=Mm(5), height=Mm(5))
    _run(para, "，或登录区政府门户网站查询。")
    for k in range(4):
        _p(d, TEXT, indent=True)
    _sign(d, "武汉市东西湖区生态环境分局", "2025年4月8日")
    return _bytes(d)


# -- 3. 红头 laid out in a borderless table; a table nested in a cell ----------------

def _no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    tblpr.append(parse_xml(
        f'<w:tblBorders {W}>' + "".join(f'<w:{s} w:val="nil"/>' for s in
                                        ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def layout_tables() -> bytes:
    """The 文号 and 签发人 set left and right in a borderless one-row table, and a 报名表
    whose 联系方式 cell holds a nested two-column table."""
    d = _new()
    _p(d, "东西湖区人力资源和社会保障局文件", "c", 36, "方正小标宋简体")
    _p(d)
    head = d.add_table(rows=1, cols=2)
    _no_borders(head)
    head.cell(0, 0).text = "东人社发〔2025〕7号"
    head.cell(0, 1).text = "签发人：刘 洋"
    head.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _p(d)
    _title(d, "关于举办2025年东西湖区高校毕业生专场招聘会的通知")
    _p(d, "各街道办事处，区直各有关单位，各有关企业：")
    for k in range(3):
        _p(d, TEXT, indent=True)
    _p(d, "请有意参会的企业填写下表，于4月10日前报区人社局就业科。", indent=True)
    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    cells = [["企业名称", "", "统一社会信用代码", ""],
             ["招聘岗位", "", "招聘人数", ""],
             ["联系方式", "", "", ""],
             ["备注", "", "", ""]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    merged = t.cell(2, 1).merge(t.cell(2, 3))
    merged.text = ""
    inner = merged.add_table(rows=2, cols=2)
    inner.style = "Table Grid"
    for r, row in enumerate((("联系人", "手机"), ("邮箱", "hr@example.com.cn"))):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    t.cell(3, 1).merge(t.cell(3, 3)).text = "参会企业须提前在“智慧就业”平台完成注册。"
    _sign(d, "东西湖区人力资源和社会保障局", "2025年3月20日")
    return _bytes(d)


# -- 4. Word-numbered lists at four levels and a 第X条 list ---------------------------

_NUMBERING = (
    f'<w:abstractNum {W} w:abstractNumId="70"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr>'
    '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr>'
    '<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
    '</w:abstractNum>')
_ARTICLES = (
    f'<w:abstractNum {W} w:abstractNumId="71"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/><w:lvlJc w:val="left"/>'
    '<w:suff w:val="space"/><w:pPr><w:ind w:firstLine="640"/></w:pPr>'
    '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl></w:abstractNum>')
_BULLETS = (
    f'<w:abstractNum {W} w:abstractNumId="72"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="1060" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>')


def _numbering(d) -> None:
    numbering = d.part.numbering_part.element
    for k, xml in enumerate((_BULLETS, _ARTICLES, _NUMBERING)):
        numbering.insert(0, parse_xml(xml))
    for num_id in ("70", "71", "72"):
        numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId '
                                   f'w:val="{num_id}"/></w:num>'))


def _num(para, num_id: str, level: int) -> None:
    para._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def numbered_rules() -> bytes:
    """A 管理办法 numbered by Word: 第X条 articles under 一、 chapters, a four-level plan,
    and a bullet list; no number is typed."""
    d = _new()
    _numbering(d)
    _title(d, "东西湖区政府投资项目代建管理暂行办法")
    for chapter in ("总则", "代建单位的选定", "代建合同管理", "监督管理"):
        para = _p(d, chapter, "c", font="黑体")
        _num(para, "70", 0)
        for k in range(3):
            para = _p(d, TEXT[: 30 + 11 * k])
            _num(para, "71", 0)
    _p(d, "附：代建工作流程", font="黑体")
    for level, text in ((0, "项目立项"), (1, "前期工作"), (2, "编制项目建议书"),
                        (3, "组织专家评审"), (3, "报区发改局审批"), (2, "可行性研究"),
                        (1, "组织实施"), (0, "竣工验收"), (1, "资料移交")):
        para = _p(d, text + ("。" if level >= 2 else ""))
        _num(para, "70", level)
    for text in ("代建单位名录实行动态管理；", "年度考核结果向社会公开；", "考核不合格的，取消代建资格。"):
        para = _p(d, text)
        _num(para, "72", 0)
    _sign(d, "东西湖区人民政府", "2025年2月28日")
    return _bytes(d)


# -- 5. tracked changes and comments ------------------------------------------------

def tracked() -> bytes:
    """A 批复 still carrying the reviewer's tracked insertions and deletions and two
    comments, as offices send them by mistake."""
    d = _new()
    _title(d, "东西湖区人民政府关于同意设立东西湖区走马岭街道社区卫生服务中心的批复")
    _p(d, "区卫生健康局：")
    para = _p(d, "你局《关于设立走马岭街道社区卫生服务中心的请示》（东卫健文〔2025〕12号）收悉。",
              indent=True)
    d.add_comment(para.runs, text="文号请核对。", author="区政府办 张三", initials="ZS")
    para = _p(d, "经研究，同意设立东西湖区走马岭街道社区卫生服务中心，", indent=True)
    para._p.append(parse_xml(
        f'<w:del {W} w:id="101" w:author="李四" w:date="2025-03-01T10:00:00Z"><w:r>'
        '<w:delText>为区卫生健康局所属正科级</w:delText></w:r></w:del>'))
    para._p.append(parse_xml(
        f'<w:ins {W} w:id="102" w:author="李四" w:date="2025-03-01T10:00:00Z"><w:r>'
        '<w:t>为区卫生健康局所属公益一类</w:t></w:r></w:ins>'))
    _run(para, "事业单位，核定事业编制30名，所需人员在现有编制内调剂解决。")
    para = _p(d, "请你局按照有关规定，抓紧做好人员配备、设施设备购置等工作，确保于2025年6月底前"
                 "投入使用。", indent=True)
    d.add_comment(para.runs, text="时间是否来得及？", author="区政府办 张三", initials="ZS")
    para._p.append(parse_xml(
        f'<w:del {W} w:id="103" w:author="李四" w:date="2025-03-01T10:00:00Z"><w:r>'
        '<w:delText>此复。</w:delText></w:r></w:del>'))
    para = _p(d, "此复。", indent=True)
    _sign(d, "东西湖区人民政府", "2025年3月3日")
    return _bytes(d)


# -- 6. a landscape section in the middle of a document -----------------------------

def _section(d, landscape: bool) -> None:
    sec = d.add_section(WD_SECTION.NEW_PAGE)
    w, h = sec.page_width, sec.page_height
    if landscape != (w > h):
        sec.page_width, sec.page_height = h, w
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def landscape_middle() -> bytes:
    """A notice whose 附件1 is a 11-column table on a landscape section and whose 附件2
    follows on a portrait section again."""
    d = _new()
    _title(d, "东西湖区农业农村局关于下达2025年高标准农田建设项目资金计划的通知")
    _p(d, "各有关街道办事处：")
    for k in range(2):
        _p(d, TEXT, indent=True)
    _p(d, "附件：1．2025年高标准农田建设项目资金计划表", indent=True)
    _p(d, "　　　2．项目建设管理要求")
    _sign(d, "东西湖区农业农村局", "2025年3月12日")
    _section(d, True)
    _p(d, "附件1", font="黑体")
    _p(d, "2025年高标准农田建设项目资金计划表", "c", 18, "方正小标宋简体")
    cols = ["序号", "街道", "项目名称", "建设地点", "建设规模（亩）", "中央资金（万元）",
            "省级资金（万元）", "区级资金（万元）", "合计（万元）", "项目编码", "备注"]
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    for c, text in enumerate(cols):
        t.cell(0, c).text = text
    for r in range(18):
        row = t.add_row().cells
        vals = [str(r + 1), ["径河", "走马岭", "柏泉", "辛安渡", "东山"][r % 5] + "街道",
                f"{['径河', '柏泉', '东山'][r % 3]}片区{r + 1}号高标准农田建设项目",
                f"{['新沟', '石榴红', '八一'][r % 3]}村", f"{1200 + 37 * r}",
                f"{180.5 + r:.1f}", f"{60.25 + r:.2f}", f"{40 + r}", f"{280.75 + 3 * r:.2f}",
                f"GBNT-2025-DXH-{r + 1:03d}", "续建" if r % 4 == 0 else ""]
        for c, text in enumerate(vals):
            row[c].text = text
    _section(d, False)
    _p(d, "附件2", font="黑体")
    _p(d, "项目建设管理要求", "c", 18, "方正小标宋简体")
    for k in range(4):
        _p(d, f"{'一二三四'[k]}、" + TEXT, indent=True)
    return _bytes(d)


# -- 7. a very long title broken by hand ---------------------------------------------

LONG = ("东西湖区人民政府办公室关于印发东西湖区深化“放管服”改革优化营商环境打造市场化法治化"
        "国际化一流营商环境三年行动计划（2025—2027年）及配套政策实施细则的通知")


def long_title() -> bytes:
    """A title of more than 80 characters typed as one paragraph with two manual line
    breaks and a second 16 pt size run, then a body with dashes and ellipses at what
    would be line ends."""
    d = _new()
    para = _p(d, align="c")
    a, b = LONG[:27], LONG[27:58]
    _run(para, a, "方正小标宋简体", 22).add_break(WD_BREAK.LINE)
    _run(para, b, "方正小标宋简体", 22).add_break(WD_BREAK.LINE)
    _run(para, LONG[58:], "方正小标宋简体", 22)
    _p(d)
    _p(d, "东政办〔2025〕9号", "c")
    _p(d, "各街道办事处，区直各单位：")
    _p(d, "《东西湖区深化“放管服”改革优化营商环境打造市场化法治化国际化一流营商环境三年行动"
          "计划（2025—2027年）》已经区人民政府同意，现印发给你们，请认真贯彻执行。", indent=True)
    for k in range(6):
        tail = ["……", "——", "……”", "——“高效办成一件事”", "（2025—2027年）", "5G+工业互联网"][k]
        _p(d, TEXT[: 27 + k * 3] + tail + TEXT[: 20], indent=True)
    _sign(d, "东西湖区人民政府办公室", "2025年1月15日")
    return _bytes(d)


# -- 8. a speech pasted from WPS: line breaks as paragraphs, spaces as indents --------

def pasted_speech() -> bytes:
    """A speech whose paragraphs are one Word paragraph with line breaks between them
    (text pasted from a web page), indents typed as four ASCII spaces."""
    d = _new()
    _p(d, "在全区招商引资工作推进会上的讲话", "c", 22, "方正小标宋简体")
    _p(d, "（2025年2月20日）", "c", font="楷体_GB2312")
    _p(d, "区委副书记、区长　李　明", "c", font="楷体_GB2312")
    _p(d)
    para = _p(d)
    lines = ["同志们：", "    今天召开全区招商引资工作推进会，主要任务是总结2024年招商引资工作，"
             "部署2025年重点任务。刚才，5个单位作了交流发言，讲得都很好，我都赞成。",
             "    一、充分肯定2024年招商引资工作取得的成绩",
             "    2024年，全区新签约亿元以上项目126个，协议投资总额1,086.5亿元，同比增长12.3%；"
             "其中，世界500强企业投资项目7个，“专精特新”企业项目23个……",
             "    二、准确把握当前招商引资面临的形势",
             "    " + TEXT + TEXT,
             "    三、奋力推动2025年招商引资工作取得新突破",
             "    " + TEXT + "同志们，" + TEXT]
    for k, line in enumerate(lines):
        run = _run(para, line)
        if k < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    for k in range(8):
        _p(d, "    " + TEXT)
    return _bytes(d)


# -- 9. 附件 with a long table (80 rows) --------------------------------------------

def long_attachment() -> bytes:
    """A 公示 whose 附件 is an 80-row list with a repeated header row and merged cells."""
    d = _new()
    _title(d, "东西湖区民政局关于2025年第一批城乡低保对象名单的公示")
    _p(d, "根据《湖北省最低生活保障审核确认办法》，经街道审核、区民政局确认，现将2025年第一批"
          "城乡低保对象名单予以公示（见附件）。公示期为2025年4月1日至4月7日。", indent=True)
    _p(d, "附件：2025年第一批城乡低保对象名单", indent=True)
    _sign(d, "东西湖区民政局", "2025年3月31日")
    d.add_page_break()
    _p(d, "附件", font="黑体")
    _p(d, "2025年第一批城乡低保对象名单", "c", 18, "方正小标宋简体")
    t = d.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for c, text in enumerate(("序号", "街道", "社区（村）", "户主姓名", "保障人数", "月保障金（元）")):
        t.cell(0, c).text = text
    trpr = t.rows[0]._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {W}/>'))
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "建国秀英志强丽华明杰桂兰海燕俊峰玉梅"
    for r in range(80):
        row = t.add_row().cells
        name = surnames[r % 20] + given[(r * 3) % 16] + given[(r * 7 + 1) % 16]
        vals = [str(r + 1), ["吴家山", "长青", "金银湖", "将军路"][r // 20] + "街道",
                f"{['七雄', '田园', '新城', '银湖', '金潭'][r % 5]}社区", name,
                str(1 + r % 4), f"{(1 + r % 4) * 830:,}"]
        for c, text in enumerate(vals):
            row[c].text = text
    for start in (0, 20, 40, 60):           # one 街道 label per 20 rows
        top = t.cell(start + 1, 1)
        text = top.text
        merged = top.merge(t.cell(start + 20, 1))
        merged.text = text
    return _bytes(d)


# -- 10. big pictures: wider than the 版心, in a table cell, many in a row ------------

def pictures() -> bytes:
    """A 简报 with a picture wider than the page (Word lets it overflow the margin), a
    picture in a table cell next to its description, and two pictures side by side in
    one paragraph."""
    d = _new()
    _title(d, "东西湖区2025年“春风行动”工作简报")
    _p(d, "（第3期）", "c", font="楷体_GB2312")
    _p(d, TEXT, indent=True)
    d.add_picture(io.BytesIO(_png(2400, 900)), width=Mm(190))
    d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _p(d, "▲春风行动现场招聘会", "c", 12, "楷体_GB2312")
    _p(d, TEXT * 2, indent=True)
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(_png(600, 450, (200, 60, 60))),
                                                     width=Mm(60))
    t.cell(0, 1).text = ("3月15日，区人社局联合金银湖街道在金银湖公园举办“春风行动”专场招聘会，"
                         "86家企业提供岗位2,300余个，现场达成就业意向412人。")
    para = _p(d, align="c")
    for colour in ((60, 160, 90), (160, 90, 60)):
        para.add_run().add_picture(io.BytesIO(_png(800, 600, colour)), width=Mm(75))
        para.add_run("  ")
    _p(d, "▲左：径河街道专场；右：柏泉街道专场", "c", 12, "楷体_GB2312")
    _p(d, TEXT, indent=True)
    _p(d, "（区人社局供稿）", "r")
    return _bytes(d)


# -- 11. English and numbers among Chinese: an investment notice -----------------------

def english_mixed() -> bytes:
    """A 外资 notice full of English company names, version numbers, percentages, dates
    written 2025-03-18, long URLs with no break opportunity for a Chinese breaker."""
    d = _new()
    _title(d, "东西湖区商务局关于做好2025年外商投资企业年报（Annual Report）工作的通知")
    _p(d, "各外商投资企业：")
    paras = [
        "根据商务部、市场监管总局《关于开展2025年度外商投资信息报告年度报告工作的通知》"
        "（商资函〔2025〕56号）要求，现就有关事项通知如下。",
        "一、报送对象。2024年12月31日前在我区登记注册的外商投资企业，包括Foxconn Industrial"
        " Internet Co., Ltd.、Coca-Cola Bottlers Manufacturing (Wuhan)等，均应于2025-06-30前报送。",
        "二、报送途径。登录国家企业信用信息公示系统（https://www.gsxt.gov.cn/index.html）或"
        "“外商投资综合管理应用”（https://wzzxbs.mofcom.gov.cn/WebProSP/app/infoPub/entpRecord）填报。",
        "三、注意事项。填报时请使用Chrome 110+或Edge 110+浏览器，分辨率1920×1080；"
        "数据口径为RMB 10,000（万元），汇率按1 USD = 7.1884 CNY折算，增长率保留1位小数（如+12.5%、−3.0%）。",
        "四、联系方式。区商务局外资科，电话027-83892005，E-mail：dxh_fdi@wuhan.gov.cn；"
        "技术支持热线400-810-8888（9:00—17:30）。",
    ]
    for text in paras:
        _p(d, text, indent=True)
    for k in range(4):
        _p(d, TEXT, indent=True)
    _sign(d, "东西湖区商务局", "2025年3月18日")
    return _bytes(d)


# -- 12. a 12-column wide attachment table with run-level small fonts ------------------

def wide_attachment() -> bytes:
    """A notice with a 12-column attachment table on a portrait page (no landscape
    section: the sender left it to the editor), cells typed in 9 pt SimSun."""
    d = _new()
    _title(d, "东西湖区发展和改革局关于公布2025年区级重点建设项目计划的通知")
    _p(d, "各街道办事处，区直各单位：")
    _p(d, "经区人民政府同意，现将2025年区级重点建设项目计划予以公布，请各项目单位加快推进。",
       indent=True)
    _p(d, "附件：2025年区级重点建设项目计划表", indent=True)
    _sign(d, "东西湖区发展和改革局", "2025年2月18日")
    d.add_page_break()
    _p(d, "附件", font="黑体")
    _p(d, "2025年区级重点建设项目计划表", "c", 18, "方正小标宋简体")
    cols = ["序号", "项目名称", "建设单位", "建设性质", "建设内容及规模", "总投资（亿元）",
            "2025年计划（亿元）", "开工时间", "竣工时间", "责任单位", "联系人", "备注"]
    t = d.add_table(rows=1, cols=len(cols))
    t.style = "Table Grid"
    for c, text in enumerate(cols):
        t.cell(0, c).text = text
    for r in range(24):
        vals = [str(r + 1), f"{['临空港', '金银湖', '走马岭', '径河'][r % 4]}"
                f"{['智能制造产业园', '综合交通枢纽', '生态修复工程', '数据中心（IDC）'][r % 4]}项目",
                f"武汉{['临空港', '东西湖', '金银湖'][r % 3]}投资发展有限公司",
                "新建" if r % 3 else "续建",
                f"总建筑面积{12 + r}万平方米，建设厂房、研发楼及配套设施",
                f"{8.5 + r * 1.25:.2f}", f"{2.1 + r * 0.3:.2f}", f"2025.{1 + r % 12:02d}",
                f"2027.{1 + r % 12:02d}", ["区发改局", "区经信局", "区住建局"][r % 3],
                ["张伟", "欧阳娜娜", "王芳"][r % 3], "" if r % 5 else "省级重点"]
        row = t.add_row().cells
        for c, text in enumerate(vals):
            row[c].text = ""
            _run(row[c].paragraphs[0], text, "宋体", 9, latin="SimSun")
    return _bytes(d)


def long_title_head() -> bytes:
    """The same 87-character title under a 红头 and 文号, as one paragraph: five lines
    at 二号 whatever the breaks."""
    d = _new()
    _p(d, "东西湖区人民政府办公室文件", "c", 36, "方正小标宋简体")
    _p(d, "东政办〔2025〕9号", "c")
    _p(d)
    _title(d, LONG)
    _p(d, "各街道办事处，区直各单位：")
    for k in range(4):
        _p(d, TEXT, indent=True)
    _sign(d, "东西湖区人民政府办公室", "2025年1月15日")
    return _bytes(d)


DOCS = {
    "01_direct_runs.docx": (direct_runs, "东西湖区数据局关于开展2025年度“数字政府”（Digital Government）建设项目申报工作的通知"),
    "02_textbox_float.docx": (textbox_float, "东西湖区生态环境分局关于2025年第一季度环境空气质量情况的通报"),
    "03_layout_tables.docx": (layout_tables, "关于举办2025年东西湖区高校毕业生专场招聘会的通知"),
    "04_numbered_rules.docx": (numbered_rules, "东西湖区政府投资项目代建管理暂行办法"),
    "05_tracked.docx": (tracked, "东西湖区人民政府关于同意设立东西湖区走马岭街道社区卫生服务中心的批复"),
    "06_landscape_middle.docx": (landscape_middle, "东西湖区农业农村局关于下达2025年高标准农田建设项目资金计划的通知"),
    "07_long_title.docx": (long_title, LONG),
    "08_pasted_speech.docx": (pasted_speech, "在全区招商引资工作推进会上的讲话"),
    "09_long_attachment.docx": (long_attachment, "东西湖区民政局关于2025年第一批城乡低保对象名单的公示"),
    "10_pictures.docx": (pictures, "东西湖区2025年“春风行动”工作简报"),
    "11_english_mixed.docx": (english_mixed, "东西湖区商务局关于做好2025年外商投资企业年报（Annual Report）工作的通知"),
    "12_wide_attachment.docx": (wide_attachment, "东西湖区发展和改革局关于公布2025年区级重点建设项目计划的通知"),
    "13_long_title_head.docx": (long_title_head, LONG),
}


def write_all(folder: Path, names: list[str] | None = None) -> Path:
    """Write the documents (all, or ``names``) and an issue.json (three sections);
    returns the issue.json path."""
    return write_issue(folder, {n: make for n, (make, _title) in DOCS.items()},
                       [n for n in DOCS if names is None or n in names],
                       ["区政府文件", "部门文件", "工作交流"],
                       {"title": "东西湖区人民政府公报", "period": "2025年第2期",
                        "issue_label": "总第34期", "total_number": 34, "published": "2025年4月"})


if __name__ == "__main__":
    print(write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/senders")))
