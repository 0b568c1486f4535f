"""Documents shaped as real senders send them, for the QA pass over unseen shapes
(tests/test_qa_unseen.py): each function returns the bytes of one .docx written with
python-docx through ``recognition.builder.Writer``, plus what its reader expects.

Shapes not in tests/recognition, tests/table_docs.py or tests/preflight_docs.py: a 任免
notice whose rare-character names sit in a table, a speech with a two-line subtitle and
typed headings, a 请示 with a three-attachment 附件说明, a notice with a landscape
10-column attachment table of URLs and codes, a 15-item news collection with pictures, a
notice whose body is one long table, Word-numbered and typed headings mixed, footnotes +
tracked changes + comments, keepNext headings falling at a page foot, a picture right
after a paragraph and a chart with its caption, a three-line title, a 联合发文 of three
issuers, and a 函 with 抄送 and 印发 lines.

``write_all(folder)`` writes them all and an issue.json holding them; run as a script it
writes them to the folder given (``python tests/qa_docs.py /tmp/qa``)."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builder import add_part, write_issue  # noqa: E402
from recognition.builder import FILLER, Writer  # noqa: E402

RED = "FF0000"
NAMES = ["张堃", "李喆", "王昇", "刘镕", "陈赟", "杨珺", "赵祎", "黄犇", "周淼", "吴燚",
         "冯𠮷祥", "硚志明"]
RARE = "堃喆昇镕赟珺祎犇淼燚𠮷硚"


def _png(w: int, h: int, colour=(200, 120, 60)) -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for k in range(6):                     # a bar chart's bars
        x = 40 + k * (w - 80) // 6
        draw.rectangle([x, h - 30 - (k + 2) * (h - 60) // 9, x + (w - 80) // 9, h - 30],
                       fill=colour)
    draw.line([30, h - 30, w - 20, h - 30], fill=(0, 0, 0), width=3)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _head(w: Writer, issuers: list[str], docno: str) -> None:
    for name in issuers:
        w.p(name + ("文件" if len(issuers) == 1 else ""), align="c", size=36 if len(issuers) == 1
            else 28, font="方正小标宋简体", color=RED)
    if len(issuers) > 1:
        w.p("文件", align="r", size=36, font="方正小标宋简体", color=RED)
    w.blank()
    w.p(docno, align="c")
    w.blank()


def _title(w: Writer, text: str) -> None:
    w.p(text, align="c", size=22, font="方正小标宋简体")
    w.blank()


def _sign(w: Writer, issuers: list[str], date: str) -> None:
    w.blank()
    for name in issuers:
        w.p(name + "　　　　", align="r")
    w.p(date + "　　　　", align="r")


def _keep_next(para) -> None:
    para.paragraph_format.keep_with_next = True


def appoint_table() -> bytes:
    """人事任免 notice: the names (rare characters) in a 3-column table."""
    w = Writer()
    _head(w, ["武汉市硚口区人民政府"], "硚政任〔2025〕7号")
    _title(w, "区人民政府关于张堃等同志职务任免的通知")
    w.p("各街道办事处，区政府各部门：")
    w.p("　　经区人民政府研究决定，对下列同志职务予以任免：")
    rows = [["姓名", "任职", "免职"]]
    for k, name in enumerate(NAMES):
        rows.append([name, f"硚口区第{k + 1}街道办事处副主任",
                     "原任职务" if k % 3 else "不再担任区机关事务服务中心主任职务"])
    w.table(rows)
    w.p("　　以上同志任职时间自发文之日起计算。")
    _sign(w, ["武汉市硚口区人民政府"], "2025年3月12日")
    return w.bytes()


def speech_long_subtitle() -> bytes:
    """A speech: mark line, title, a subtitle that runs two lines, speaker, typed
    headings 一、（一）1. in 黑体/楷体 as senders type them."""
    w = Writer()
    w.p("区十一届人大五次会议文件（3）", align="l", size=14, font="黑体")
    w.blank()
    w.p("在全区优化营商环境暨数字政府建设推进大会上的讲话", align="c", size=22,
        font="方正小标宋简体")
    w.p("——2025年3月18日在硚口区优化营商环境暨数字政府建设推进大会、全区作风建设"
        "大会和一季度重点项目集中开工活动上", align="c", size=16, font="楷体_GB2312")
    w.p("区长　李喆", align="c", size=16, font="楷体_GB2312")
    w.blank()
    w.p("同志们：")
    for i, h1 in enumerate(["一、充分肯定2024年工作取得的成效", "二、准确把握当前面临的形势任务",
                            "三、扎实抓好2025年重点工作"]):
        w.p("　　" + h1, font="黑体")
        for j, h2 in enumerate(["（一）坚持项目为王，夯实发展基础", "（二）坚持改革创新，激发市场活力"]):
            w.p("　　" + h2, font="楷体_GB2312")
            w.body(3, start=i + j)
            w.p(f"　　{j + 1}.强化要素保障。" + FILLER[(i + j) % 4])
    w.p("　　同志们，新的一年任务艰巨、责任重大，让我们勠力同心，奋力开创硚口高质量发展新局面！")
    return w.bytes()


def request_attachments() -> bytes:
    """A 请示 with 附件说明 naming three attachments, each following on a new page."""
    w = Writer()
    _head(w, ["武汉市硚口区教育局"], "硚教〔2025〕12号")
    _title(w, "区教育局关于申请2025年校舍维修改造资金的请示")
    w.p("区人民政府：")
    w.body(4)
    w.p("　　妥否，请批示。")
    w.blank()
    w.p("　　附件：1.2025年校舍维修改造项目清单")
    w.p("　　　　　2.项目资金测算明细表")
    w.p("　　　　　3.学校安全隐患排查情况报告")
    _sign(w, ["武汉市硚口区教育局"], "2025年4月2日")
    w.p("（联系人：王昇，电话：83851234）", align="l")
    for n, name in enumerate(["2025年校舍维修改造项目清单", "项目资金测算明细表",
                              "学校安全隐患排查情况报告"], 1):
        w.page_break()
        w.p(f"附件{n}", font="黑体")
        w.blank()
        w.p(name, align="c", size=22, font="方正小标宋简体")
        w.blank()
        if n < 3:
            w.table([["序号", "学校", "项目", "金额（万元）"]]
                    + [[str(k), f"硚口区第{k}小学", "屋面防水维修", f"{12.5 * k:.1f}"]
                       for k in range(1, 9)])
        else:
            w.body(3)
    return w.bytes()


def landscape_table() -> bytes:
    """A notice whose attachment is a landscape section: a 10-column table with URLs,
    codes and a 注 line."""
    w = Writer()
    _head(w, ["武汉市硚口区政务服务和大数据管理局"], "硚政数〔2025〕5号")
    _title(w, "关于公布2025年区级政务服务事项网上办理入口的通知")
    w.p("各街道办事处，区直各单位：")
    w.body(2)
    w.p("　　附件：区级政务服务事项网上办理入口一览表")
    _sign(w, ["武汉市硚口区政务服务和大数据管理局"], "2025年5月6日")
    w.section(landscape=True)
    w.p("附件", font="黑体")
    w.p("区级政务服务事项网上办理入口一览表", align="c", size=18, font="方正小标宋简体")
    rows = [["序号", "事项编码", "事项名称", "实施主体", "办理类型", "网上办理地址",
             "承诺时限", "收费", "咨询电话", "备注"]]
    for k in range(1, 19):
        rows.append([str(k), f"HBQK-ZWFW-{2025000 + k}", f"建设工程规划许可证核发（第{k}类）",
                     "区行政审批局" if k % 2 else "区自然资源和规划局", "即办件" if k % 3 else "承诺件",
                     f"https://zwfw.qiaokou.gov.cn/item/detail?id=QK{k:04d}&type=online",
                     f"{k % 5 + 1}个工作日", "不收费", "027-8385" + f"{k:04d}",
                     "" if k % 4 else "需现场核验原件"])
    w.table(rows)
    w.p("注：网上办理地址如有调整，以湖北政务服务网公布为准。", size=12)
    return w.bytes()


def news_collection() -> bytes:
    """A 政务简讯 collection of 15 items, every third with a picture."""
    w = Writer()
    w.p("政务简讯", align="c", size=22, font="方正小标宋简体")
    w.blank()
    for k in range(1, 16):
        w.p(f"硚口区召开第{k}次重点工作推进会", align="c", size=16, font="黑体")
        w.p("　　" + FILLER[k % 4] + FILLER[(k + 1) % 4])
        if k % 3 == 0:
            w.d.add_picture(io.BytesIO(_png(640, 400, (60, 120 + k * 8, 200))), width=Pt(300))
            w.d.paragraphs[-1].alignment = 1
        w.p(f"（区政府办公室　2025年6月{k}日）", align="r")
    return w.bytes()


def one_table_body() -> bytes:
    """A notice whose body is one long table (a 责任清单 of 45 rows)."""
    w = Writer()
    _title(w, "硚口区2025年安全生产责任清单")
    rows = [["序号", "责任单位", "主要职责", "完成时限"]]
    for k in range(1, 46):
        rows.append([str(k), ["区应急管理局", "区住房和城市更新局", "区市场监督管理局",
                              "区消防救援大队"][k % 4],
                     "负责本行业领域安全生产监督管理工作，" + FILLER[k % 4][:20 + k % 15],
                     f"2025年{k % 12 + 1}月底前"])
    w.table(rows)
    return w.bytes()


def numbered_mixed() -> bytes:
    """Headings from numbering.xml (一、（一）) mixed with typed 1. and （1） lines."""
    w = Writer()
    _head(w, ["武汉市硚口区人民政府办公室"], "硚政办〔2025〕21号")
    _title(w, "区人民政府办公室关于印发硚口区城市更新三年行动方案的通知")
    w.p("各街道办事处，区政府各部门：")
    w.body(1)
    for i in range(3):
        w.p(["总体要求", "主要任务", "保障措施"][i], num=0, font="黑体")
        for j in range(2):
            w.p(["推进老旧小区改造", "完善城市功能"][j], num=1, font="楷体_GB2312")
            w.p(f"　　{j + 1}.加快项目建设。" + FILLER[j])
            w.p(f"　　（{j + 1}）强化督办。" + FILLER[(i + j) % 4])
            w.body(1, start=i)
    _sign(w, ["武汉市硚口区人民政府办公室"], "2025年6月20日")
    return w.bytes()


_FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
              '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
              ' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
              '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='
              '"preserve"> 数据来源：硚口区统计局《2024年国民经济和社会发展统计公报》。</w:t></w:r>'
              '</w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
              '<w:t xml:space="preserve"> 指《武汉市城市更新条例》第十二条。</w:t></w:r></w:p>'
              '</w:footnote></w:footnotes>')


def _with_footnotes(data: bytes) -> bytes:
    return add_part(data, "word/footnotes.xml",
                    _FOOTNOTES.format(ns=nsdecls("w")).encode("utf-8"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    "word/_rels/document.xml.rels", "footnotes", "footnotes.xml", "rIdFn1")


def notes_changes() -> bytes:
    """Footnote references, tracked insertions and deletions, and a comment."""
    w = Writer()
    _title(w, "硚口区2024年经济运行情况分析")
    ns = nsdecls("w")
    p = w.p("　　2024年，全区地区生产总值完成1250亿元，同比增长6.2%")
    p._p.append(parse_xml(f'<w:r {ns}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          '<w:footnoteReference w:id="1"/></w:r>'))
    p.add_run("，增速高于全市平均水平。")
    p = w.p("　　规模以上工业增加值")
    p._p.append(parse_xml(f'<w:del {ns} w:id="11" w:author="审核" w:date="2025-01-05T10:00:00Z">'
                          '<w:r><w:delText>下降</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {ns} w:id="12" w:author="审核" w:date="2025-01-05T10:00:00Z">'
                          '<w:r><w:t>增长</w:t></w:r></w:ins>'))
    p.add_run("4.8%，其中战略性新兴产业增长12.1%。")
    p = w.p("　　城市更新按照有关规定")
    p._p.append(parse_xml(f'<w:r {ns}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          '<w:footnoteReference w:id="2"/></w:r>'))
    run = p.add_run("有序推进，全年完成老旧小区改造46个。")
    w.d.add_comment(run, text="数字请统计局再核实", author="办公室", initials="BGS")
    w.body(4)
    return _with_footnotes(w.bytes())


def keepnext_foot() -> bytes:
    """Many sections of a heading (keepNext) after paragraphs of varying length, so that
    some heading falls at a page foot."""
    w = Writer()
    _title(w, "硚口区2025年为民办实事项目实施方案")
    for k in range(1, 17):
        para = w.p(f"　　（{'一二三四五六七八九十'[(k - 1) % 10]}）第{k}项：推进社区嵌入式服务设施建设",
                   font="楷体_GB2312")
        _keep_next(para)
        w.body(1 + k % 3, start=k)
        if k % 4 == 0:
            w.p("　　" + FILLER[k % 4] * 2)
    return w.bytes()


def picture_chart() -> bytes:
    """A picture right after a paragraph (no blank), then a wide chart with a caption
    under it and more text."""
    w = Writer()
    _title(w, "硚口区汉江湾片区建设进展情况")
    w.body(6)
    w.p("　　下图为汉江湾片区项目现场：")
    w.d.add_picture(io.BytesIO(_png(900, 600, (80, 160, 90))), width=Pt(420))
    w.body(2, start=1)
    w.d.add_picture(io.BytesIO(_png(1200, 500)), width=Pt(460))
    w.d.paragraphs[-1].alignment = 1
    w.p("图1　2020—2024年汉江湾片区固定资产投资（亿元）", align="c", size=12)
    w.body(5, start=2)
    return w.bytes()


LONG_TITLE = ("武汉市硚口区人民政府关于印发硚口区深化“高效办成一件事”改革推进政务服务"
              "标准化规范化便利化和优化营商环境三年攻坚行动实施方案（2025—2027年）的通知")


def long_title() -> bytes:
    """A title that takes three lines."""
    w = Writer()
    _head(w, ["武汉市硚口区人民政府"], "硚政〔2025〕9号")
    _title(w, LONG_TITLE)
    w.p("各街道办事处，区政府各部门：")
    w.p("　　现将《硚口区深化“高效办成一件事”改革三年攻坚行动实施方案》印发给你们，请认真贯彻执行。")
    _sign(w, ["武汉市硚口区人民政府"], "2025年7月1日")
    return w.bytes()


JOINT = ["中共武汉市硚口区委宣传部", "武汉市硚口区文化和旅游局", "武汉市硚口区财政局"]


def joint_three() -> bytes:
    """联合发文 of three issuers: three issuer lines and 文件, three signatures."""
    w = Writer()
    _head(w, JOINT, "硚宣发〔2025〕3号")
    _title(w, "关于开展2025年“我们的节日”主题文化活动的通知")
    w.p("各街道党工委、办事处，区直各单位：")
    w.body(3)
    _sign(w, JOINT, "2025年8月8日")
    return w.bytes()


def letter_with_record() -> bytes:
    """A 函 with 抄送 and 印发 lines (版记) at its end."""
    w = Writer()
    _head(w, ["武汉市硚口区人民政府办公室"], "硚政办函〔2025〕30号")
    _title(w, "区人民政府办公室关于同意设立硚口区古田街道社区卫生服务中心的函")
    w.p("区卫生健康局：")
    w.p("　　你局《关于设立古田街道社区卫生服务中心的请示》（硚卫〔2025〕8号）收悉。经研究，函复如下：")
    w.body(2)
    _sign(w, ["武汉市硚口区人民政府办公室"], "2025年9月3日")
    w.blank()
    w.p("抄送：区委办公室，区人大常委会办公室，区政协办公室。")
    w.p("武汉市硚口区人民政府办公室　　　　　　2025年9月3日印发")
    return w.bytes()


def minutes() -> bytes:
    """A 会议纪要: no 文号 on a 红头 of its own kind, 出席/列席 lists with rare names
    set as hanging paragraphs, a long URL and an e-mail address in the text."""
    w = Writer()
    w.p("硚口区人民政府常务会议纪要", align="c", size=36, font="方正小标宋简体", color=RED)
    w.p("第12次", align="c")
    w.blank()
    w.p("区人民政府办公室　　　　　　　　　2025年10月9日")
    w.blank()
    w.p("　　2025年10月8日，区长李喆主持召开区人民政府第12次常务会议。现将会议议定事项纪要如下：")
    for k, item in enumerate(["关于硚口区老旧小区改造项目", "关于汉江湾片区控制性详细规划",
                              "关于2025年第四季度重点工作"], 1):
        w.p(f"　　{'一二三'[k - 1]}、{item}", font="黑体")
        w.p("　　会议听取了区住房和城市更新局关于" + item[2:] + "的汇报。" + FILLER[k % 4]
            + "详见https://www.qiaokou.gov.cn/zwgk/zdly/csgx/202510/t20251008_2468013.shtml，"
            "意见请发送至qkcsgx2025@qiaokou.gov.cn。")
    w.blank()
    w.p("出席：李喆　王昇　刘镕　陈赟　杨珺　赵祎　黄犇　周淼　吴燚　冯𠮷祥")
    w.p("列席：区政府办公室、区发展和改革局、区财政局、区住房和城市更新局、区自然资源和规划局、"
        "区生态环境分局、区城市管理执法局主要负责同志")
    return w.bytes()


def merged_table_with_picture() -> bytes:
    """A notice whose table has vertically merged 街道 cells, names with rare
    characters, and a QR-code picture inside a cell."""
    import docx
    w = Writer()
    _title(w, "硚口区2025年网格员名单公示")
    w.p("　　现将各街道网格员名单公示如下，公示期5个工作日，扫描表中二维码可反映意见。")
    rows = [["街道", "社区", "网格员", "联系电话", "二维码"]]
    streets = ["古田街道", "古田街道", "古田街道", "汉正街道", "汉正街道", "宝丰街道"]
    for k in range(6):
        rows.append([streets[k], f"第{k + 1}社区", NAMES[k * 2] + "、" + NAMES[k * 2 + 1],
                     f"1350271{k:04d}", ""])
    t = w.d.add_table(rows=len(rows), cols=5)
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(3, 0)).text = "古田街道"
    t.cell(4, 0).merge(t.cell(5, 0)).text = "汉正街道"
    cell = t.cell(1, 4)
    cell.paragraphs[0].add_run().add_picture(io.BytesIO(_png(300, 300, (0, 0, 0))),
                                             width=docx.shared.Pt(48))
    w.p("　　公示期间如有异议，请与区民政局联系。")
    return w.bytes()


DOCS = {
    "appoint_table.docx": (appoint_table, "区人民政府关于张堃等同志职务任免的通知"),
    "speech_long_subtitle.docx": (speech_long_subtitle, "在全区优化营商环境暨数字政府建设推进大会上的讲话"),
    "request_attachments.docx": (request_attachments, "区教育局关于申请2025年校舍维修改造资金的请示"),
    "landscape_table.docx": (landscape_table, "关于公布2025年区级政务服务事项网上办理入口的通知"),
    "news_collection.docx": (news_collection, "政务简讯"),
    "one_table_body.docx": (one_table_body, "硚口区2025年安全生产责任清单"),
    "numbered_mixed.docx": (numbered_mixed, "区人民政府办公室关于印发硚口区城市更新三年行动方案的通知"),
    "notes_changes.docx": (notes_changes, "硚口区2024年经济运行情况分析"),
    "keepnext_foot.docx": (keepnext_foot, "硚口区2025年为民办实事项目实施方案"),
    "picture_chart.docx": (picture_chart, "硚口区汉江湾片区建设进展情况"),
    "long_title.docx": (long_title, LONG_TITLE),
    "joint_three.docx": (joint_three, "关于开展2025年“我们的节日”主题文化活动的通知"),
    "letter_with_record.docx": (letter_with_record, "区人民政府办公室关于同意设立硚口区古田街道社区卫生服务中心的函"),
    "minutes.docx": (minutes, "硚口区人民政府常务会议纪要"),
    "merged_table_with_picture.docx": (merged_table_with_picture, "硚口区2025年网格员名单公示"),
}


def write_all(folder: Path, names: list[str] | None = None) -> Path:
    """Write the documents (all, or ``names``) and an issue.json with one section per
    four documents; returns the issue.json path."""
    return write_issue(folder, {n: make for n, (make, _title) in DOCS.items()},
                       [n for n in DOCS if names is None or n in names],
                       ["区政府文件", "部门文件", "专项工作", "调研与交流"],
                       {"title": "硚口区人民政府公报", "period": "2025年第3期",
                        "issue_label": "总第45期", "total_number": 45})


def plain(text: str) -> str:
    """Text without spaces and line breaks, to compare a title with extracted text."""
    return re.sub(r"\s+", "", text)


if __name__ == "__main__":
    print(write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/qa")))
