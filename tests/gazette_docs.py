"""Gazette-shaped documents the other builders do not make, for the third QA pass (layer: tests).

Written with python-docx on the helpers of tests/sender_docs.py: a 政府工作报告 of many
pages with 一、（一）1. headings and 专栏 boxes (a one-cell shaded table holding a list), a
通告 with a numbered list of road names and a map picture, a 决定 naming 100 people in a
borderless multi-column name list (names of two characters spaced to three), a 规范性文件
with 第一章/第一条, a 统计公报 of many small tables and numbers with units, a 大事记 of date
headlines, a body that is mostly a table with three header levels, a speech of quotations,
and English abbreviations among Chinese.  The texts are made up.

``write_all(folder)`` writes them and an issue.json; run as a script it writes them to the
folder given (``python tests/gazette_docs.py /tmp/gazette``).
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builder import write_issue  # noqa: E402
from sender_docs import TEXT, _bytes, _new, _no_borders, _p, _png, _run, _sign, _title  # noqa: E402
from table_docs import mark_header, shade  # noqa: E402

CN = "一二三四五六七八九十"


def _cell(cell, text: str, size: float = 10.5, bold: bool = False, align: str | None = None):
    cell.text = ""
    para = cell.paragraphs[0]
    if align == "c":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(para, text, "宋体", size, bold)
    return para


def _h(d, text: str, level: int) -> None:
    font = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312"}[level]
    _p(d, text, font=font, bold=level == 3, indent=True)


def _kai_lines(d, *lines: str) -> None:
    """Centred 楷体 lines under a title: an office, a date, a speaker."""
    for text in lines:
        _p(d, text, "c", 16, "楷体_GB2312")


def _box(d, heading: str, items: list[str]) -> None:
    """A 专栏: a one-cell shaded table, its heading centred in bold, then a list."""
    table = d.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    shade(cell, "E7EEF7")
    _cell(cell, heading, 14, True, "c")
    for k, item in enumerate(items, 1):
        para = cell.add_paragraph()
        _run(para, f"{k}．{item}", "楷体_GB2312", 12)
    _p(d)


def work_report() -> bytes:
    """A 政府工作报告: 一、（一）1. headings over many pages, two 专栏 boxes."""
    d = _new()
    _title(d, "政府工作报告")
    _kai_lines(d, "——2025年1月8日在东西湖区第三届人民代表大会第五次会议上", "区长　王建国")
    _p(d, "各位代表：", indent=False)
    _p(d, "现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协各位委员提出意见。",
       indent=True)
    for a in range(4):
        _h(d, f"{CN[a]}、{['2024年工作回顾', '2025年总体要求', '2025年重点工作', '加强政府自身建设'][a]}", 1)
        for b in range(3):
            _h(d, f"（{CN[b]}）着力推动第{CN[a]}方面第{CN[b]}项工作取得新成效", 2)
            for c in range(1, 3):
                para = _p(d, indent=True)
                _run(para, f"{c}．抓好重点任务落实。", "仿宋_GB2312", 16, True)
                _run(para, TEXT * 2)
            if a == 0 and b == 1:
                _box(d, "专栏1　2024年十件民生实事完成情况",
                     [f"新建改造{k}0所中小学、幼儿园，新增学位{k}200个" for k in range(1, 11)])
            if a == 2 and b == 0:
                _box(d, "专栏2　2025年重大项目清单",
                     [f"东西湖区第{k}批重大产业项目，总投资{k * 12}亿元" for k in range(1, 8)])
    _p(d, "各位代表！新征程上，我们要坚定信心、真抓实干，为加快建设现代化新城区而努力奋斗！",
       indent=True)
    return _bytes(d)


ROADS = ["金山大道（三店路至走马岭路段）", "临空港大道", "东吴大道（吴家山段）", "新城十八路",
         "马池路", "银潭路", "径河路", "舵落口大道", "七雄路", "宏图大道延长线"]


def road_notice() -> bytes:
    """A 通告: a numbered list of road names, then a map picture and its caption."""
    d = _new()
    _title(d, "东西湖区人民政府关于2025年马拉松赛事期间实施临时交通管制的通告")
    _p(d, "为保障2025年东西湖区马拉松赛事顺利进行，根据《中华人民共和国道路交通安全法》"
          "有关规定，决定对下列道路实施临时交通管制。现通告如下：", indent=True)
    _p(d, "一、管制时间：2025年4月13日6:30至12:30。", indent=True)
    _p(d, "二、管制路段：", indent=True)
    for k, road in enumerate(ROADS, 1):
        _p(d, f"{k}．{road}", indent=True)
    _p(d, "三、管制期间，除持有赛事专用通行证的车辆外，其他车辆禁止驶入上述路段。", indent=True)
    _p(d, "四、请广大市民合理安排出行，服从现场交通民警指挥。", indent=True)
    d.add_picture(__import__("io").BytesIO(_png(1400, 1000, (200, 60, 60))), width=Mm(150))
    d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _p(d, "附图：交通管制路段示意图", "c", 14, "黑体")
    _p(d, "特此通告。", indent=True)
    _sign(d, "东西湖区人民政府", "2025年4月1日")
    return _bytes(d)


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = ["伟", "芳", "秀英", "敏", "静", "丽娟", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
         "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "志强"]


def names_100() -> list[str]:
    return [SURNAMES[k % len(SURNAMES)] + GIVEN[(k * 7) % len(GIVEN)] for k in range(100)]


def name_list() -> bytes:
    """A 决定 naming 100 people in a borderless five-column list; two-character names spaced
    to three characters (王　伟) as gazettes align them."""
    d = _new()
    _title(d, "东西湖区人民政府关于表彰2024年度全区优秀志愿者的决定")
    _p(d, "各街道办事处，区直各单位：")
    _p(d, "2024年，全区广大志愿者积极投身志愿服务。为树立先进典型，区人民政府决定，"
          "授予王伟等100名同志“东西湖区优秀志愿者”称号。名单如下：", indent=True)
    names = names_100()
    table = d.add_table(rows=20, cols=5)
    _no_borders(table)
    for k, name in enumerate(names):
        shown = name[0] + "　" + name[1] if len(name) == 2 else name
        _cell(table.rows[k // 5].cells[k % 5], shown, 16)
    _p(d)
    _p(d, "希望受表彰的同志珍惜荣誉，再接再厉。" + TEXT, indent=True)
    _sign(d, "东西湖区人民政府", "2025年3月5日")
    return _bytes(d)


ETHNIC = ["阿不都·热合曼", "阿依古丽·买买提", "买买提·艾力", "古丽娜尔·吐尔逊", "艾尼瓦尔·阿木提",
          "热依拉·阿不都拉", "努尔艾力·买合木提", "帕提古丽·托合提", "吐尔洪·卡德尔", "迪丽努尔·艾合买提"]


def ethnic_mix() -> list[str]:
    """20 names, every third an ethnic name of parts joined by ·, the rest spaced to three."""
    ethnic = iter(ETHNIC)
    shown = [n[0] + "　" + n[1] if len(n) == 2 else n for n in names_100()]
    return [next(ethnic) if k % 3 == 1 else shown[70 + k] for k in range(20)]


def name_paragraphs() -> bytes:
    """A 任免/表彰 list typed as running text: 60 names in one paragraph, each of three
    characters or spaced to three (王　伟), two ideographic spaces between them, and a
    second list with one line of names per paragraph after a bold group label."""
    d = _new()
    _title(d, "东西湖区人民政府关于命名2024年度“最美社区工作者”的决定")
    _p(d, "各街道办事处，区直各单位：")
    _p(d, "经各街道推荐、区级评审和社会公示，区人民政府决定，命名王伟等60名同志为"
          "2024年度“最美社区工作者”。名单如下：", indent=True)
    shown = [n[0] + "　" + n[1] if len(n) == 2 else n for n in names_100()]
    _p(d, "　　".join(shown[:60]), indent=True)
    _p(d, "吴家山街道（10名）", font="黑体", indent=True)
    for k in range(2):
        _p(d, "　　".join(shown[60 + 5 * k:65 + 5 * k]), indent=True)
    _p(d, "援疆干部人才（20名）", font="黑体", indent=True)
    mixed = ethnic_mix()
    _p(d, "　　".join(mixed), indent=True)
    _p(d, "希望受命名的同志珍惜荣誉，再接再厉。" + TEXT, indent=True)
    _sign(d, "东西湖区人民政府", "2025年3月6日")
    return _bytes(d)


def chapter_rules() -> bytes:
    """A 规范性文件: 第一章 chapter headings centred, 第一条 articles with the article number
    in 黑体 and the text run on."""
    d = _new()
    _title(d, "东西湖区城市管理综合执法办法")
    art = 0
    for ch in range(5):
        _p(d, f"第{CN[ch]}章　{['总则', '执法范围', '执法程序', '监督检查', '附则'][ch]}", "c",
           16, "黑体")
        for _ in range(4 if ch < 4 else 2):
            art += 1
            num = CN[art - 1] if art <= 10 else ("十" + CN[art - 11] if art < 20 else "二十" + (CN[art - 21] if art > 20 else ""))
            para = _p(d, indent=True)
            _run(para, f"第{num}条　", "黑体", 16)
            _run(para, TEXT)
    return _bytes(d)


def statistics() -> bytes:
    """A 统计公报: headings, numbers with units (亿元、%、‰) and eight small tables."""
    d = _new()
    _title(d, "2024年东西湖区国民经济和社会发展统计公报")
    _kai_lines(d, "东西湖区统计局", "2025年3月20日")
    for k in range(8):
        _h(d, f"{CN[k]}、{['综合', '农业', '工业和建筑业', '固定资产投资', '国内贸易', '对外经济', '财政金融', '人口'][k]}", 1)
        _p(d, f"全年地区生产总值{1200 + k * 37}.{k}亿元，比上年增长{5 + k % 3}.{k}%。"
              f"人口出生率{6 + k}.{k}‰，自然增长率-{k}.{k + 1}‰。居民消费价格上涨0.{k}%。",
           indent=True)
        _p(d, f"表{k + 1}　2024年主要指标及其增长速度", "c", 14, "黑体")
        table = d.add_table(rows=5, cols=3)
        table.style = "Table Grid"
        for c, head in enumerate(["指标", "绝对数", "比上年增长（%）"]):
            _cell(table.rows[0].cells[c], head, 10.5, True, "c")
        for r in range(1, 5):
            _cell(table.rows[r].cells[0], f"第{r}项指标（亿元）")
            _cell(table.rows[r].cells[1], f"{r * 123.4 + k:.1f}", align="c")
            _cell(table.rows[r].cells[2], f"{(r - 2) * 1.7:.1f}", align="c")
        _p(d, "注：绝对数按现价计算，增长速度按可比价格计算。", size=12)
    return _bytes(d)


def chronicle() -> bytes:
    """A 大事记: each entry led by a date headline (1月3日) in bold."""
    d = _new()
    _title(d, "东西湖区2025年1—3月大事记")
    for k in range(24):
        month, day = 1 + k // 8, 1 + (k * 4) % 28
        _p(d, f"{month}月{day}日", font="黑体")
        _p(d, f"区委常委会召开第{k + 1}次会议，研究部署重点工作。" + TEXT[: 20 + k * 3], indent=True)
    return _bytes(d)


def three_level_table() -> bytes:
    """A body that is mostly a table whose header has three merged levels."""
    d = _new()
    _title(d, "东西湖区2025年第一季度各街道重点工作考核结果的通报")
    _p(d, "各街道办事处：", indent=False)
    _p(d, "现将2025年第一季度各街道重点工作考核结果通报如下：", indent=True)
    table = d.add_table(rows=3 + 14, cols=8)
    table.style = "Table Grid"
    rows = table.rows
    merges = [((0, 0), (2, 0), "街道"), ((0, 1), (0, 4), "经济发展"), ((0, 5), (0, 7), "社会治理"),
              ((1, 1), (1, 2), "招商引资"), ((1, 3), (1, 4), "项目建设"),
              ((1, 5), (2, 5), "安全生产"), ((1, 6), (1, 7), "基层治理")]
    for (r0, c0), (r1, c1), label in merges:
        rows[r0].cells[c0].merge(rows[r1].cells[c1])
        _cell(rows[r0].cells[c0], label, 10.5, True, "c")
    for c, label in zip(range(1, 8), ["签约额", "到位率", "开工数", "投资额", None, "信访", "网格"]):
        if label:
            _cell(rows[2].cells[c], label, 10.5, True, "c")
    for r in range(3):
        mark_header(rows[r])
    for r in range(14):
        vals = [f"第{CN[r % 10]}街道", f"{r * 3 + 10}亿元", f"{80 + r}%", f"{r + 2}个",
                f"{r * 1.5 + 3:.1f}亿元", "合格", f"{r}件", f"{95 - r}分"]
        for c, v in enumerate(vals):
            _cell(rows[3 + r].cells[c], v, 10.5, align="c")
    _p(d, "注：考核结果纳入年度综合考评。", size=12)
    _sign(d, "东西湖区人民政府办公室", "2025年4月10日")
    return _bytes(d)


def quotation_speech() -> bytes:
    """A speech opening 同志们：, paragraphs of quotations “……” and a closing 谢谢大家！"""
    d = _new()
    _title(d, "在全区优化营商环境大会上的讲话")
    _kai_lines(d, "区委书记　李明华", "（2025年2月18日）")
    _p(d, "同志们：")
    for k in range(8):
        _p(d, "习近平总书记指出：“营商环境就是生产力。”“要持续打造市场化、法治化、国际化"
              "一流营商环境……”我们要深刻领会，认真贯彻。" + TEXT, indent=True)
        _p(d, f"第{CN[k]}，要把“有求必应、无事不扰”落到实处……", indent=True)
    _p(d, "谢谢大家！", indent=True)
    return _bytes(d)


def abbreviations() -> bytes:
    """English abbreviations and numbers among Chinese: GDP、5G、PM2.5、R&D、AI、ICU、
    CPI, 1.5‰, 3,600万元, 12 345, COVID-19."""
    d = _new()
    _title(d, "东西湖区关于加快5G+工业互联网融合发展的实施意见")
    for k in range(6):
        _p(d, f"到2027年，全区GDP突破2,000亿元，R&D经费投入强度达到3.{k}%，建成5G基站"
              f"1{k},600个，PM2.5年均浓度下降至3{k}μg/m³，CPI涨幅控制在3%左右。"
              f"推动AI、IoT、ICU床位等新型基础设施建设，支持企业通过ISO 9001认证，"
              f"单位GDP能耗下降1{k}.5%，新增“专精特新”企业{k + 3}0家。", indent=True)
    _sign(d, "东西湖区人民政府", "2025年5月6日")
    return _bytes(d)


def news_dates() -> bytes:
    """A 政务简讯 of 15 items, each a bold date headline line then one paragraph."""
    d = _new()
    _title(d, "政务简讯")
    for k in range(15):
        para = _p(d, indent=True)
        _run(para, f"【{3}月{k + 1}日】", "黑体", 16)
        _run(para, f"区政府召开第{k + 1}次常务会议。" + TEXT[: 30 + k * 4])
    return _bytes(d)


def policy_qa() -> bytes:
    """A 政策解读 in questions and answers: 一、 headings longer than a line, each question
    a bold 问： paragraph and its answer a 答： paragraph, with 1.1 / 1.1.1 numbered
    technical clauses inside the answers."""
    d = _new()
    _title(d, "《东西湖区促进数字经济高质量发展若干措施》政策解读")
    for k in range(5):
        _h(d, f"{CN[k]}、关于第{CN[k]}部分“强化数字基础设施建设、加快推动产业数字化转型升级和"
              f"培育壮大数字经济核心产业”的主要内容", 1)
        for q in range(2):
            para = _p(d, indent=True)
            _run(para, f"问：第{q + 1}条措施的支持对象和申报条件是什么？", "黑体", 16)
            para = _p(d, indent=True)
            _run(para, "答：", "黑体", 16)
            _run(para, TEXT)
            _p(d, f"{k + 1}.{q + 1}　支持对象为在本区注册的企业。", indent=True)
            _p(d, f"{k + 1}.{q + 1}.1　年营业收入不低于500万元。" + TEXT[:40], indent=True)
    return _bytes(d)


BOX_ITEMS = [f"实施第{k}项民生工程，完成投资{k * 3}亿元，惠及群众{k}万人，确保按期完工并投入使用"
             for k in range(1, 41)]


def long_box() -> bytes:
    """A report whose 专栏 of 40 items starts low on a page and runs over to the next."""
    d = _new()
    _title(d, "东西湖区关于2025年民生实事项目安排情况的报告")
    for _ in range(6):
        _p(d, TEXT * 2, indent=True)
    _box(d, "专栏3　2025年民生实事项目清单", BOX_ITEMS)
    for _ in range(3):
        _p(d, TEXT, indent=True)
    return _bytes(d)


DOCS = {
    "g01_work_report.docx": work_report,
    "g02_road_notice.docx": road_notice,
    "g03_name_list.docx": name_list,
    "g04_chapter_rules.docx": chapter_rules,
    "g05_statistics.docx": statistics,
    "g06_chronicle.docx": chronicle,
    "g07_three_level_table.docx": three_level_table,
    "g08_quotation_speech.docx": quotation_speech,
    "g09_abbreviations.docx": abbreviations,
    "g10_news_dates.docx": news_dates,
    "g11_name_paragraphs.docx": name_paragraphs,
    "g12_policy_qa.docx": policy_qa,
    "g13_long_box.docx": long_box,
}


def write_all(folder: Path, names: list[str] | None = None) -> Path:
    """Write the documents (all, or ``names``) and an issue.json; its path."""
    return write_issue(folder, DOCS, [n for n in DOCS if names is None or n in names],
                       ["区政府文件", "部门文件", "工作交流"],
                       {"title": "东西湖区人民政府公报", "period": "2025年第3期",
                        "issue_label": "总第35期", "total_number": 35, "published": "2025年6月"})


if __name__ == "__main__":
    print(write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gazette")))
