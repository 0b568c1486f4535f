"""Write .docx files the way senders do, with python-docx: styled or directly formatted
paragraphs, typed or Word-numbered headings, full-width-space indents, pictures, landscape
sections, and WPS-made packages (KSO custom properties).  Used by ``cases.py`` only."""
from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from docx_builder import add_part

ALIGN = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
         "j": WD_ALIGN_PARAGRAPH.JUSTIFY, "l": WD_ALIGN_PARAGRAPH.LEFT}
FILLER = ("各单位要提高思想认识，加强组织领导，明确责任分工，确保各项任务落到实处。",
          "要坚持问题导向，聚焦企业和群众反映强烈的突出问题，逐项研究解决办法，形成长效机制。",
          "全年地区生产总值增长百分之六，规模以上工业增加值增长百分之七，固定资产投资保持平稳。",
          "要加强统筹协调，定期调度工作进展，及时研究解决工作推进中遇到的困难和问题。")
# Word numbering in the gazette's four levels: 一、（一）1.（1）
_ABSTRACT = (
    '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
_LIST = ('<w:abstractNum {ns} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
         '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>'
         '</w:abstractNum>')


def _png(w: int = 120, h: int = 80) -> bytes:
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (w, h), (90, 140, 200)).save(out, "PNG")
    return out.getvalue()


class Writer:
    """One .docx being written; ``p`` adds a paragraph with the sender's formatting."""

    def __init__(self, wps: bool = False, styled: bool = False):
        self.d = docx.Document()
        self.wps = wps
        normal = self.d.styles["Normal"]
        normal.font.size = Pt(16)
        normal.font.name = "仿宋_GB2312"
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
        self._nums = False
        self.styles = {}
        if styled:
            for name, size, font, align in (("公文标题", 22, "方正小标宋简体", "c"),
                                            ("发文机关标志", 36, "方正小标宋简体", "c"),
                                            ("公文正文", 16, "仿宋_GB2312", "j")):
                st = self.d.styles.add_style(name, 1)
                st.font.size = Pt(size)
                st.font.name = font
                st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
                st.paragraph_format.alignment = ALIGN[align]
                self.styles[name] = st

    def p(self, text: str = "", align: str | None = None, size: float | None = None,
          bold: bool = False, font: str | None = None, style: str | None = None,
          color: str | None = None, num: int | None = None, indent: bool = False,
          breaks: bool = False):
        """A paragraph; ``num`` = Word-numbered at that level (0–3, or 9 for a 1. list);
        ``indent`` = 2-character first-line indent set in the paragraph (not typed);
        ``breaks`` = "\\n" in ``text`` become line breaks (w:br) inside one paragraph."""
        para = self.d.add_paragraph(style=self.styles.get(style) or style)
        if align:
            para.alignment = ALIGN[align]
        if indent:
            para.paragraph_format.first_line_indent = Pt(32)
        pieces = text.split("\n") if breaks else [text]
        for k, piece in enumerate(pieces):
            run = para.add_run(piece)
            if k < len(pieces) - 1:
                run.add_break(WD_BREAK.LINE)
            if size:
                run.font.size = Pt(size)
            if bold:
                run.bold = True
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
            if font:
                run.font.name = font
                run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
                if self.wps:
                    run._element.rPr.rFonts.set(qn("w:hint"), "eastAsia")
        if num is not None:
            self._numbering()
            ppr = para._p.get_or_add_pPr()
            num_id, ilvl = ("91", 0) if num == 9 else ("90", num)
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                                 f'<w:numId w:val="{num_id}"/></w:numPr>'))
        return para

    def body(self, n: int = 2, typed_indent: bool = True, start: int = 0) -> None:
        for k in range(n):
            text = FILLER[(start + k) % len(FILLER)]
            self.p(("　　" + text) if typed_indent else text, indent=not typed_indent)

    def blank(self) -> None:
        self.d.add_paragraph()

    def _numbering(self) -> None:
        if self._nums:
            return
        numbering = self.d.part.numbering_part.element
        ns = nsdecls("w")
        numbering.insert(0, parse_xml(_LIST.format(ns=ns)))
        numbering.insert(0, parse_xml(_ABSTRACT.format(ns=ns)))
        for num_id in ("90", "91"):
            numbering.append(parse_xml(f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId '
                                       f'w:val="{num_id}"/></w:num>'))
        self._nums = True

    def table(self, rows: list[list[str]], header: bool = True) -> None:
        t = self.d.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text

    def picture(self, caption: str = "") -> None:
        self.d.add_picture(io.BytesIO(_png()))
        self.d.paragraphs[-1].alignment = ALIGN["c"]
        if caption:
            self.p(caption, align="c", size=12)

    def page_break(self) -> None:
        self.d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def section(self, landscape: bool) -> None:
        sec = self.d.add_section(WD_SECTION.NEW_PAGE)
        w, h = sec.page_width, sec.page_height
        if landscape != (w > h):
            sec.page_width, sec.page_height = h, w
        sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.d.save(out)
        data = out.getvalue()
        return _as_wps(data) if self.wps else data


_KSO = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
        'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
        'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="'
        '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>'
        '2052-12.1.0.16388</vt:lpwstr></property></Properties>')


def _as_wps(data: bytes) -> bytes:
    """The package as WPS 文字 saves it: a KSO custom-properties part, WPS as application."""
    return add_part(data, "docProps/custom.xml", _KSO.encode("utf-8"),
                    "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                    "_rels/.rels", "custom-properties", "docProps/custom.xml", "rIdKso",
                    {"docProps/app.xml": [(b"Microsoft Office Word", b"WPS Office_12.1.0")]})
