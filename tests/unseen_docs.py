"""Documents of shapes the samples do not have, written with python-docx (layer: tests).

``speech(path)``: a leader's speech with typed headings (一、 （一） 1.) marked keepNext,
as Word's heading styles do, under body paragraphs of many lengths so headings fall at
every height of a page; ``chart_notice(path)``: a notice whose chart picture follows a
paragraph, with a caption under it, and a second, tall picture; ``long_titles(path)``: a
notice with a three-line title and long headings.  The texts are made up.
"""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

CLAUSES = ["坚持以习近平新时代中国特色社会主义思想为指导", "全面贯彻落实区委区政府决策部署",
           "围绕高质量发展这个首要任务", "统筹推进产业升级、城市更新和民生改善",
           "持续优化营商环境", "着力破解企业反映强烈的堵点难点问题",
           "推动各项工作取得新的更大成效", "为建设国家中心城市重要功能区贡献力量"]


def _sentence(k: int, n: int) -> str:
    parts = [CLAUSES[(k + i) % len(CLAUSES)] for i in range(n)]
    return "，".join(parts) + "。"


def _fonts(doc) -> None:
    st = doc.styles["Normal"]
    st.font.size = Pt(16)
    st.font.name = "仿宋_GB2312"


def _para(doc, text: str, bold=False, center=False, keep_next=False, size=None,
          indent=True):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.keep_with_next = keep_next or None
    return p


def speech(path: Path) -> Path:
    doc = docx.Document()
    _fonts(doc)
    _para(doc, "在全区优化营商环境暨高质量发展推进大会上的讲话", bold=True, center=True,
          size=22)
    _para(doc, "（2025年3月18日）", center=True)
    _para(doc, "区长  张某某", center=True)
    _para(doc, "同志们：", indent=False)
    k = 0
    for a, big in enumerate("一二三四"):
        _para(doc, f"{big}、坚持城市产业双集中，打造经济发展新的增长极", bold=True,
              keep_next=True)
        for b, small in enumerate("一二三"):
            _para(doc, f"（{small}）聚焦重点领域，推动第{a + 1}项任务落地见效", keep_next=True)
            for c in range(1 + (a + b) % 3):
                k += 1
                _para(doc, _sentence(k, 2 + (k * 5) % 9))
            _para(doc, f"{b + 1}.强化要素保障。" + _sentence(k, 3 + k % 4))
    _para(doc, "同志们，" + _sentence(3, 4))
    doc.save(str(path))
    return path


def _chart_png(width=1800, height=1100) -> bytes:
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(im)
    d.line((120, height - 120, width - 60, height - 120), fill="black", width=6)
    d.line((120, 60, 120, height - 120), fill="black", width=6)
    for i, h in enumerate((380, 620, 540, 800, 700, 900)):
        x = 220 + i * 250
        d.rectangle((x, height - 120 - h, x + 140, height - 120), fill=(40, 90, 170))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def chart_notice(path: Path) -> Path:
    doc = docx.Document()
    _fonts(doc)
    _para(doc, "东西湖区统计局关于2025年上半年全区经济运行情况的通报", bold=True,
          center=True, size=22)
    _para(doc, "各街道办事处，区直各单位：", indent=False)
    for k in range(5):
        _para(doc, _sentence(k, 5 + k))
    _para(doc, "上半年全区规模以上工业增加值逐月走高，详见下图。")
    doc.add_picture(io.BytesIO(_chart_png()), width=Mm(150))
    _para(doc, "图1 2025年1—6月规模以上工业增加值", center=True)
    for k in range(9):
        _para(doc, _sentence(k + 3, 6 + k % 4))
    _para(doc, "各产业园区投资完成情况见下图。")
    doc.add_picture(io.BytesIO(_chart_png(1200, 1700)), width=Mm(140))
    _para(doc, "图2 各产业园区固定资产投资完成情况", center=True)
    _para(doc, _sentence(1, 4))
    doc.save(str(path))
    return path


def long_titles(path: Path) -> Path:
    doc = docx.Document()
    _fonts(doc)
    _para(doc, "东西湖区人民政府办公室关于印发东西湖区推进高校毕业生创新创业和外出务工"
               "人员返乡创业工作行动方案（2025—2027年）的通知", bold=True, center=True,
          size=22)
    _para(doc, "各街道办事处，区直各单位：", indent=False)
    _para(doc, "《东西湖区推进高校毕业生创新创业和外出务工人员返乡创业工作行动方案"
               "（2025—2027年）》已经区人民政府同意，现印发给你们，请认真组织实施。")
    for k in range(12):
        if k % 4 == 0:
            _para(doc, f"{'一二三四'[k // 4]}、加强文物保护单位保护范围和建设控制地带管理，"
                       "持续改进提升营商环境", bold=True, keep_next=True)
        _para(doc, _sentence(k, 4 + k % 5))
    doc.save(str(path))
    return path


ALL = {"speech": speech, "chart": chart_notice, "titles": long_titles}
