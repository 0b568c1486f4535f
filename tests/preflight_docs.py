"""红头 notices made with python-docx for the 印前检查 tests: a clean one, and the same
with one rule broken at a time (``notice(**changes)``)."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

CLEAN = {
    "issuer": "东西湖区人民政府办公室文件",
    "doc_number": "东政办〔2025〕7号",
    "title": "区人民政府办公室关于做好防汛抗旱工作的通知",
    "recipients": "各街道办事处，区直各单位：",
    "body": ["为做好今年防汛抗旱工作，确保人民群众生命财产安全，现将有关事项通知如下。",
             "一、提高认识",
             "各单位要充分认识防汛抗旱工作的重要性，落实工作责任。",
             "二、加强值守",
             "（一）严格值班制度",
             "汛期实行二十四小时值班，确保信息畅通。",
             "（二）及时报告险情",
             "发现险情要第一时间报告区防汛办。",
             "三、做好保障",
             "区财政局要保障防汛物资经费，做到专款专用。"],
    "attachment_note": ["附件：防汛物资储备清单"],
    "signature": "东西湖区人民政府办公室",
    "date": "2025年5月20日",
    "attachments": [("附件", "防汛物资储备清单", ["编织袋五万条，救生衣两千件。"])],
}


def _para(d, text: str, size: float = 16, align=None, bold: bool = False,
          color: RGBColor | None = None, font: str = "仿宋_GB2312"):
    p = d.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", font)
    if color is not None:
        run.font.color.rgb = color
    if align is not None:
        p.alignment = align
    return p


def notice(path: Path, **changes) -> Path:
    """Write the clean notice with ``changes`` (keys of CLEAN) to ``path``."""
    c = {**CLEAN, **changes}
    d = docx.Document()
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if c["issuer"]:
        _para(d, c["issuer"], 36, centre, color=RGBColor(0xD7, 0, 0x0F), font="方正小标宋简体")
    if c["doc_number"]:
        _para(d, c["doc_number"], 16, centre)
    if c["title"]:
        _para(d, c["title"], 22, centre, font="方正小标宋简体")
    if c["recipients"]:
        _para(d, c["recipients"])
    for text in c["body"]:
        p = _para(d, text, font="黑体" if text[:1] in "一二三四五六七八九" else "仿宋_GB2312")
        p.paragraph_format.first_line_indent = Pt(32)
    d.add_paragraph()
    for line in c["attachment_note"]:
        _para(d, line).paragraph_format.first_line_indent = Pt(32)
    d.add_paragraph()
    d.add_paragraph()
    if c["signature"]:
        _para(d, c["signature"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    if c["date"]:
        _para(d, c["date"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    for label, title, paras in c["attachments"]:
        d.add_page_break()
        _para(d, label, font="黑体")
        _para(d, title, 22, centre, font="方正小标宋简体")
        for text in paras:
            _para(d, text)
    d.save(str(path))
    return path
