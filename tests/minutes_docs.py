"""会议纪要 as offices send them, written with python-docx (layer: tests): the red 纪要
mark, the 期号 (第5期 / 〔2025〕5号 / 东政纪〔2025〕12号), the line with the issuing
office left and the date right (spaces, a tab, a borderless two-cell table, or two
paragraphs), a red rule (a paragraph border), the body with its 一、 headings, and the
出席/请假/列席 lines at the end.  The texts are made up; the expected parts are typed
by hand in ``MINUTES``."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from recognition.builder import Writer

XBS, HEI, FS = "方正小标宋简体", "黑体", "仿宋_GB2312"
OFFICE = "东西湖区人民政府办公室"
ATTEND = ("出席：周明、李华、王强、张伟、刘洋、陈静、杨帆、赵磊、黄敏、吴刚、徐丽、孙涛、"
          "马超、朱琳、胡军、郭亮")
LEAVE = "请假：林峰（出差）"
PRESENT = "列席：区发改局、区财政局、区自然资源和规划局、区住房和城乡建设局、区生态环境分局负责同志"


def _red_rule(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="18" '
                         'w:space="1" w:color="FF0000"/></w:pBdr>'))


def _table_line(w: Writer, left: str, right: str) -> None:
    t = w.d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = left
    t.cell(0, 1).text = right
    t.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for cell in (t.cell(0, 0), t.cell(0, 1)):
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(16)


def head(w: Writer, mark: str, number: str, office_date: str, date: str,
         size: float = 36, blank: bool = True) -> None:
    """The 纪要 head: ``office_date`` is how the office/date line is set: "spaces",
    "tab", "table", "two" (two paragraphs) or "date" (the date alone, right)."""
    w.p(mark, align="c", size=size, font=XBS, color="FF0000")
    if blank:
        w.blank()
    w.p(number, align="c")
    if blank:
        w.blank()
    if office_date == "spaces":
        p = w.p(f"{OFFICE}　　　　　　　　　{date}")
    elif office_date == "tab":
        p = w.p(f"{OFFICE}\t{date}")
        p.paragraph_format.tab_stops.add_tab_stop(Pt(440), 2)     # right tab
    elif office_date == "table":
        _table_line(w, OFFICE, date)
        p = w.p("")
    elif office_date == "two":
        w.p(OFFICE, align="l")
        p = w.p(date, align="r")
    else:
        p = w.p(date, align="r")
    _red_rule(p)


def body(w: Writer, headings: list[str]) -> None:
    w.p("　　2025年3月5日上午，区长周明主持召开区人民政府第5次常务会议，研究城市更新、"
        "防汛准备等事项。现将会议议定事项纪要如下：")
    for k, text in enumerate(headings):
        w.p(f"　　{'一二三四五六'[k]}、{text}", font=HEI)
        w.body(1, start=k)


def attendance(w: Writer, lines: list[str], blank: bool = True) -> None:
    if blank:
        w.blank()
    for line in lines:
        label, names = line.split("：", 1)
        p = w.d.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        r = p.add_run(label + "：")
        r.font.name = HEI
        r._element.get_or_add_rPr().get_or_add_rFonts().set(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", HEI)
        p.add_run(names)


def standing(w: Writer) -> None:
    """第5期, office and date with full-width spaces, three headings, three name lines."""
    head(w, "东西湖区人民政府常务会议纪要", "第5期", "spaces", "2025年3月10日")
    body(w, ["关于城市更新项目", "关于防汛准备工作", "关于其他事项"])
    attendance(w, [ATTEND, LEAVE, PRESENT])


def bracket_number_table(w: Writer) -> None:
    """〔2025〕5号, office and date in a borderless table, a title line under the rule."""
    head(w, "东西湖区人民政府专题会议纪要", "〔2025〕5号", "table", "2025年4月2日", size=30)
    w.p("关于临空港大道建设有关问题的会议纪要", align="c", size=22, font=XBS)
    body(w, ["关于征地拆迁", "关于资金保障"])
    attendance(w, [ATTEND, PRESENT])


def tab_wps(w: Writer) -> None:
    """A right tab between office and date (WPS), no blank lines, 出席 and 请假."""
    head(w, "东西湖区人民政府区长办公会议纪要", "（第12期）", "tab", "2025年6月18日",
         blank=False)
    body(w, ["关于优化营商环境"])
    attendance(w, [ATTEND, LEAVE], blank=False)


def two_paragraphs(w: Writer) -> None:
    """Office and date as two paragraphs, 2025年第3期."""
    head(w, "区城市管理委员会工作会议纪要", "2025年第3期", "two", "2025年5月6日", size=28)
    body(w, ["关于市容环境整治", "关于门前三包"])
    attendance(w, [ATTEND])


VML_RULE = ('<w:r {ns} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:line id="r1" '
            'from="0,0" to="442pt,0" strokecolor="red" strokeweight="2.25pt"/></w:pict></w:r>')


def two_line_mark(w: Writer) -> None:
    """A mark over two lines, the rule a drawn line in a paragraph of its own, a label
    typed with a space (出　席：)."""
    w.p("中共东西湖区委", align="c", size=36, font=XBS, color="FF0000")
    w.p("常委会会议纪要", align="c", size=36, font=XBS, color="FF0000")
    w.blank()
    w.p("第8期", align="c")
    w.p(f"{OFFICE}　　　　　　　　2025年7月1日")
    w.p("")._p.append(parse_xml(VML_RULE.format(ns=nsdecls("w"))))
    body(w, ["关于城市更新项目"])
    attendance(w, ["出　席：周明、李华、王强、张伟、刘洋、陈静、杨帆、赵磊、黄敏、吴刚、徐丽、孙涛",
                   LEAVE])


MINUTES = {
    "standing": (standing, dict(
        mark="东西湖区人民政府常务会议纪要", number="第5期", office=OFFICE,
        date="2025年3月10日", title="东西湖区人民政府常务会议纪要", headings=3,
        attendance=["出席", "请假", "列席"])),
    "bracket_number_table": (bracket_number_table, dict(
        mark="东西湖区人民政府专题会议纪要", number="〔2025〕5号", office=OFFICE,
        date="2025年4月2日", title="关于临空港大道建设有关问题的会议纪要", headings=2,
        attendance=["出席", "列席"])),
    "tab_wps": (tab_wps, dict(
        mark="东西湖区人民政府区长办公会议纪要", number="第12期", office=OFFICE,
        date="2025年6月18日", title="东西湖区人民政府区长办公会议纪要", headings=1,
        attendance=["出席", "请假"]), {"wps": True}),
    "two_paragraphs": (two_paragraphs, dict(
        mark="区城市管理委员会工作会议纪要", number="2025年第3期", office=OFFICE,
        date="2025年5月6日", title="区城市管理委员会工作会议纪要", headings=2,
        attendance=["出席"])),
    "two_line_mark": (two_line_mark, dict(
        mark="中共东西湖区委\n常委会会议纪要", number="第8期", office=OFFICE,
        date="2025年7月1日", title="中共东西湖区委常委会会议纪要", headings=1,
        attendance=["出席", "请假"])),
}


def minutes_bytes(name: str) -> bytes:
    entry = MINUTES[name]
    w = Writer(**(entry[2] if len(entry) > 2 else {}))
    entry[0](w)
    return w.bytes()
