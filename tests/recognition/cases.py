"""The recognition corpus: 48 documents as departments send them, each with the parts a
reader sees in it (expected values typed by hand here, never produced by the importer).

``CASES`` maps a name to (builder, expected).  Expected keys: kind, title, doc_number, date,
recipients, signature, subtitle, speaker, mark, headings (count), items (news headlines),
landscape (attachments in a landscape section), refused (an empty file), uncertain (parts
the importer must flag).  Omitted keys mean "empty" (no such part in the document).
"""
from __future__ import annotations

from .builder import Writer

CN = "一二三四五六七八九十"
HEI, KAI, XBS, FS = "黑体", "楷体_GB2312", "方正小标宋简体", "仿宋_GB2312"


def outline(w: Writer, items: list, auto: bool = False, styled: bool = False,
            typed_indent: bool = True) -> None:
    """Headings and body: items are (level, text) headings or an int = that many body
    paragraphs.  Typed labels (一、（一）1.（1）) unless ``auto`` (Word numbering) or
    ``styled`` (Heading N paragraph styles with typed labels)."""
    count = [0, 0, 0, 0]
    for item in items:
        if isinstance(item, int):
            w.body(item, typed_indent=typed_indent, start=sum(count))
            continue
        level, text = item
        count[level - 1] += 1
        for k in range(level, 4):
            count[k] = 0
        n = count[level - 1]
        label = (f"{CN[n - 1]}、", f"（{CN[n - 1]}）", f"{n}.", f"（{n}）")[level - 1]
        font = (HEI, KAI, FS, FS)[level - 1]
        lead = "　　" if typed_indent else ""
        if auto:
            w.p(text, num=level - 1, font=font, bold=level == 3)
        elif styled:
            w.p(label + text, style=f"Heading {level}")
        else:
            w.p(lead + label + text, font=font, bold=level == 3, indent=not typed_indent)


STD = [(1, "总体要求"), 2, (1, "主要任务"), (2, "优化政务服务"), 1, (2, "强化要素保障"), 1,
       (1, "保障措施"), 2]                     # 5 headings
DEEP = [(1, "工作目标"), 1, (2, "重点任务"), (3, "推进项目建设"), (4, "加快审批"), 1,
        (4, "强化调度"), 1, (3, "加强督办"), 1, (1, "工作要求"), 1]   # 7 headings


def head(w: Writer, mark: list[str] | None, number: str | None, title: list[str],
         recipients: str | None, styled: bool = False, mark_size: float = 36,
         title_br: bool = False) -> None:
    """红头: issuer mark lines (red), 文号, the title over its lines, 主送机关."""
    for line in mark or []:
        if styled:
            w.p(line, style="发文机关标志", color="FF0000")
        else:
            w.p(line, align="c", size=mark_size, font=XBS, color="FF0000")
    if mark:
        w.blank()
    if number:
        w.p(number, align="c", size=16)
        w.blank()
    if title_br:
        w.p("\n".join(title), align="c", size=22, font=XBS, breaks=True)
    else:
        for line in title:
            if styled:
                w.p(line, style="公文标题")
            else:
                w.p(line, align="c", size=22, font=XBS)
    w.blank()
    if recipients:
        w.p(recipients)


def tail(w: Writer, signature: list[str], date: str, note: list[str] | None = None,
         copy_to: bool = True) -> None:
    for line in note or []:
        w.p(line)
    w.blank()
    for line in signature:
        w.p(line, align="r")
    w.p(date, align="r")
    if copy_to:
        w.blank()
        w.p("抄送：区委各部门，区人大常委会办公室，区政协办公室。", size=14)
        w.p("东西湖区人民政府办公室　　　　　　　2025年3月14日印发", size=14)


def build(fn, **kw):
    def make() -> bytes:
        w = Writer(**kw)
        fn(w)
        return w.bytes()
    return make


CASES: dict[str, tuple] = {}


def case(name: str, expect: dict, **writer):
    def register(fn):
        CASES[name] = (build(fn, **writer), expect)
        return fn
    return register


# -- notices (通知 通报 决定 意见 批复 函 纪要 命令) ----------------------------------------
@case("n01_styled_notice", dict(
    kind="notice", title="东西湖区人民政府关于加强文物保护工作的通知",
    doc_number="东政发〔2025〕3号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府"], date="2025年3月13日", headings=5), styled=True)
def _n01(w):
    head(w, ["东西湖区人民政府文件"], "东政发〔2025〕3号",
         ["东西湖区人民政府关于加强", "文物保护工作的通知"], "各街道办事处，区政府各部门：",
         styled=True)
    outline(w, STD)
    tail(w, ["东西湖区人民政府"], "2025年3月13日")


@case("n02_direct_auto_numbers", dict(
    kind="notice", title="区人民政府办公室关于印发东西湖区持续改进提升营商环境行动方案的通知",
    doc_number="东政办〔2025〕2号", recipients="各街道办事处，区人民政府各部门：",
    signature=["东西湖区人民政府办公室"], date="2025年3月28日", headings=5))
def _n02(w):
    head(w, ["东西湖区人民政府办公室"], "东政办〔2025〕2号",
         ["区人民政府办公室关于印发东西湖区", "持续改进提升营商环境", "行动方案的通知"],
         "各街道办事处，区人民政府各部门：")
    outline(w, STD, auto=True)
    tail(w, ["东西湖区人民政府办公室"], "2025年3月28日")


@case("n03_joint_issuers", dict(
    kind="notice", title="关于做好2025年度就业补贴资金发放工作的通知",
    doc_number="东财发〔2025〕7号", recipients="各街道财政所、人社服务中心：",
    signature=["东西湖区财政局", "东西湖区人力资源和社会保障局"], date="2025年4月2日",
    headings=3))
def _n03(w):
    head(w, ["东西湖区财政局", "东西湖区人力资源和社会保障局"], "东财发〔2025〕7号",
         ["关于做好2025年度就业补贴资金发放工作的通知"], "各街道财政所、人社服务中心：",
         mark_size=26)
    outline(w, [(1, "补贴对象"), 2, (1, "发放程序"), 1, (1, "工作要求"), 1])
    tail(w, ["东西湖区财政局", "东西湖区人力资源和社会保障局"], "2025年4月2日")


@case("n04_bulletin_typed_indents", dict(
    kind="notice", title="关于2024年度安全生产工作考核情况的通报",
    doc_number="东安委〔2025〕1号", recipients="各街道、各有关部门：",
    signature=["东西湖区安全生产委员会"], date="2025年1月20日", headings=3))
def _n04(w):
    head(w, ["东西湖区安全生产委员会文件"], "东安委〔2025〕1号",
         ["关于2024年度安全生产工作", "考核情况的通报"], "各街道、各有关部门：")
    outline(w, [2, (1, "考核结果"), 2, (1, "存在问题"), 1, (1, "下步要求"), 2])
    tail(w, ["东西湖区安全生产委员会"], "2025年1月20日", copy_to=False)


@case("n05_decision", dict(
    kind="notice", title="东西湖区人民政府关于表彰2024年度招商引资先进单位的决定",
    doc_number="东政〔2025〕5号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府"], date="2025年2月8日", headings=0))
def _n05(w):
    head(w, ["东西湖区人民政府文件"], "东政〔2025〕5号",
         ["东西湖区人民政府关于表彰2024年度", "招商引资先进单位的决定"],
         "各街道办事处，区政府各部门：")
    w.body(3)
    tail(w, ["东西湖区人民政府"], "2025年2月8日")


@case("n06_opinions_with_attachments", dict(
    kind="notice", title="关于加快推进新型工业化的实施意见",
    doc_number="东政办发〔2025〕9号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府办公室"], date="2025年5月6日", headings=5 + 2))
def _n06(w):
    head(w, ["东西湖区人民政府办公室文件"], "东政办发〔2025〕9号",
         ["关于加快推进新型工业化的实施意见"], "各街道办事处，区政府各部门：")
    outline(w, STD)
    tail(w, ["东西湖区人民政府办公室"], "2025年5月6日",
         note=["附件：1.重点项目清单", "　　　2.任务分工表"], copy_to=False)
    w.page_break()
    w.p("附件1", font=HEI)
    w.p("重点项目清单", align="c", size=22, font=XBS)
    outline(w, [(1, "先进制造业项目"), 1, (1, "服务业项目"), 1])
    w.page_break()
    w.p("附件2", font=HEI)
    w.p("任务分工表", align="c", size=22, font=XBS)
    w.table([["序号", "任务", "责任单位"], ["1", "推进技改", "区经信局"]])


@case("n07_reply", dict(
    kind="notice", title="东西湖区人民政府关于同意设立走马岭街道社区卫生服务中心的批复",
    doc_number="东政文〔2025〕14号", recipients="区卫生健康局：",
    signature=["东西湖区人民政府"], date="2025年6月3日", headings=0))
def _n07(w):
    head(w, ["东西湖区人民政府"], "东政文〔2025〕14号",
         ["东西湖区人民政府关于同意设立走马岭街道", "社区卫生服务中心的批复"], "区卫生健康局：")
    w.body(2)
    w.p("　　此复。")
    tail(w, ["东西湖区人民政府"], "2025年6月3日", copy_to=False)


@case("n08_letter", dict(
    kind="notice", title="东西湖区人民政府办公室关于商请支持东西湖区创建国家级示范区的函",
    doc_number="东政办函〔2025〕12号", recipients="省发展改革委：",
    signature=["东西湖区人民政府办公室"], date="2025年7月9日", headings=0))
def _n08(w):
    head(w, None, "东政办函〔2025〕12号",
         ["东西湖区人民政府办公室关于商请支持", "东西湖区创建国家级示范区的函"], "省发展改革委：")
    w.body(2)
    w.p("　　特此函商，盼复。")
    tail(w, ["东西湖区人民政府办公室"], "2025年7月9日", copy_to=False)


@case("n09_minutes", dict(
    kind="minutes", title="区人民政府第十二次常务会议纪要",
    doc_number="东政纪〔2025〕12号", date="2025年6月20日",
    signature=["东西湖区人民政府办公室"], headings=3))
def _n09(w):
    head(w, ["东西湖区人民政府常务会议纪要"], "东政纪〔2025〕12号",
         ["区人民政府第十二次常务会议纪要"], None)
    w.body(1)
    outline(w, [(1, "研究城市更新项目"), 1, (1, "研究防汛工作"), 1, (1, "其他事项"), 1])
    tail(w, ["东西湖区人民政府办公室"], "2025年6月20日", copy_to=False)


@case("n10_order", dict(
    kind="notice", title="东西湖区城市绿化管理办法", doc_number="第3号",
    signature=["区长　周明"], date="2025年8月1日", headings=0))
def _n10(w):
    w.p("东西湖区人民政府令", align="c", size=36, font=XBS, color="FF0000")
    w.blank()
    w.p("第3号", align="c")
    w.blank()
    w.p("　　《东西湖区城市绿化管理办法》已经区人民政府常务会议审议通过，现予公布，自2025年9月1日起施行。")
    w.blank()
    w.p("区长　周明", align="r")
    w.p("2025年8月1日", align="r")
    w.page_break()
    w.p("东西湖区城市绿化管理办法", align="c", size=22, font=XBS)
    w.body(3)


@case("n11_no_masthead", dict(
    kind="notice", title="关于开展2025年春季爱国卫生运动的通知",
    recipients="各街道办事处，区直各单位：", signature=["东西湖区爱国卫生运动委员会"],
    date="2025年3月3日", headings=3))
def _n11(w):
    head(w, None, None, ["关于开展2025年春季爱国卫生运动的通知"], "各街道办事处，区直各单位：")
    outline(w, [(1, "活动时间"), 1, (1, "活动内容"), 2, (1, "工作要求"), 1])
    tail(w, ["东西湖区爱国卫生运动委员会"], "2025年3月3日", copy_to=False)


@case("n12_heading_styles", dict(
    kind="notice", title="关于进一步规范政府采购管理的通知",
    doc_number="东财〔2025〕21号", recipients="区直各单位：",
    signature=["东西湖区财政局"], date="2025年9月12日", headings=7))
def _n12(w):
    head(w, ["东西湖区财政局文件"], "东财〔2025〕21号", ["关于进一步规范政府采购管理的通知"],
         "区直各单位：")
    outline(w, DEEP, styled=True)
    tail(w, ["东西湖区财政局"], "2025年9月12日", copy_to=False)


@case("n13_wps_package", dict(
    kind="notice", title="关于做好2025年防汛抗旱工作的通知",
    doc_number="东政办〔2025〕15号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府办公室"], date="2025年4月25日", headings=5), wps=True)
def _n13(w):
    head(w, ["东西湖区人民政府办公室文件"], "东政办〔2025〕15号",
         ["关于做好2025年", "防汛抗旱工作的通知"], "各街道办事处，区政府各部门：")
    outline(w, STD)
    tail(w, ["东西湖区人民政府办公室"], "2025年4月25日")


@case("n14_landscape_attachment", dict(
    kind="notice", title="关于公布2025年区级重点建设项目计划的通知",
    doc_number="东发改〔2025〕6号", recipients="各街道办事处，区直有关单位：",
    signature=["东西湖区发展和改革局"], date="2025年2月27日", headings=0, landscape=1))
def _n14(w):
    head(w, ["东西湖区发展和改革局文件"], "东发改〔2025〕6号",
         ["关于公布2025年区级重点建设项目计划的通知"], "各街道办事处，区直有关单位：")
    w.body(2)
    tail(w, ["东西湖区发展和改革局"], "2025年2月27日", note=["附件：2025年区级重点建设项目计划表"],
         copy_to=False)
    w.section(landscape=True)
    w.p("附件", font=HEI)
    w.p("2025年区级重点建设项目计划表", align="c", size=22, font=XBS)
    w.table([["序号", "项目名称", "建设内容", "总投资（万元）", "年度计划", "责任单位", "备注"],
             ["1", "临空港大道改造", "道路拓宽", "52000", "20000", "区建设局", "续建"]])


@case("n15_title_with_line_breaks", dict(
    kind="notice", title="关于印发东西湖区2025年政务公开工作要点的通知",
    doc_number="东政办〔2025〕4号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府办公室"], date="2025年3月5日", headings=0))
def _n15(w):
    head(w, ["东西湖区人民政府办公室文件"], "东政办〔2025〕4号",
         ["关于印发东西湖区2025年", "政务公开工作要点的通知"], "各街道办事处，区政府各部门：",
         title_br=True)
    w.p("　　现将《东西湖区2025年政务公开工作要点》印发给你们，请认真贯彻执行。")
    tail(w, ["东西湖区人民政府办公室"], "2025年3月5日", copy_to=False)


@case("n16_public_note_chinese_date", dict(
    kind="notice", title="关于调整区政府领导工作分工的通知",
    doc_number="东政〔2025〕1号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府"], date="二〇二五年一月六日", headings=0))
def _n16(w):
    head(w, ["东西湖区人民政府文件"], "东政〔2025〕1号", ["关于调整区政府领导工作分工的通知"],
         "各街道办事处，区政府各部门：")
    w.body(2)
    tail(w, ["东西湖区人民政府"], "二〇二五年一月六日", copy_to=False)
    w.p("（此件公开发布）")


@case("n17_deep_headings", dict(
    kind="notice", title="关于印发东西湖区城市更新三年行动计划的通知",
    doc_number="东政发〔2025〕10号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府"], date="2025年10月10日", headings=7))
def _n17(w):
    head(w, ["东西湖区人民政府文件"], "东政发〔2025〕10号",
         ["关于印发东西湖区城市更新", "三年行动计划的通知"], "各街道办事处，区政府各部门：")
    outline(w, DEEP)
    tail(w, ["东西湖区人民政府"], "2025年10月10日")


@case("n18_auto_deep_no_typed_indent", dict(
    kind="notice", title="关于加强和改进基层治理工作的意见",
    doc_number="东办发〔2025〕3号", recipients="各街道党工委、办事处，区直各单位：",
    signature=["中共东西湖区委办公室", "东西湖区人民政府办公室"], date="2025年4月18日",
    headings=7))
def _n18(w):
    head(w, ["中共东西湖区委办公室", "东西湖区人民政府办公室"], "东办发〔2025〕3号",
         ["关于加强和改进基层治理工作的意见"], "各街道党工委、办事处，区直各单位：", mark_size=24)
    outline(w, DEEP, auto=True, typed_indent=False)
    tail(w, ["中共东西湖区委办公室", "东西湖区人民政府办公室"], "2025年4月18日")


@case("n19_three_line_title_styled", dict(
    kind="notice", title="东西湖区人民政府关于印发东西湖区推进农业农村现代化加快建设宜居宜业和美乡村实施方案的通知",
    doc_number="东政发〔2025〕12号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府"], date="2025年11月3日", headings=0), styled=True)
def _n19(w):
    head(w, ["东西湖区人民政府文件"], "东政发〔2025〕12号",
         ["东西湖区人民政府关于印发东西湖区", "推进农业农村现代化加快建设", "宜居宜业和美乡村实施方案的通知"],
         "各街道办事处，区政府各部门：", styled=True)
    w.p("　　现将《东西湖区推进农业农村现代化加快建设宜居宜业和美乡村实施方案》印发给你们，请认真组织实施。")
    tail(w, ["东西湖区人民政府"], "2025年11月3日")


@case("n20_attachment_page_break", dict(
    kind="notice", title="关于印发东西湖区2025年重点民生实事的通知",
    doc_number="东政办〔2025〕8号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府办公室"], date="2025年3月20日", headings=2))
def _n20(w):
    head(w, ["东西湖区人民政府办公室文件"], "东政办〔2025〕8号",
         ["关于印发东西湖区2025年重点民生实事的通知"], "各街道办事处，区政府各部门：")
    w.p("　　《东西湖区2025年重点民生实事》已经区人民政府同意，现印发给你们，请认真贯彻落实。")
    tail(w, ["东西湖区人民政府办公室"], "2025年3月20日", copy_to=False)
    w.page_break()
    w.p("东西湖区2025年重点民生实事", align="c", size=22, font=XBS)
    outline(w, [(1, "教育"), 1, (1, "医疗"), 1])


# -- requests and reports (请示 报告) -------------------------------------------------------
@case("r01_request", dict(
    kind="request", title="东西湖区人民政府关于申请调整部分区级专项资金的请示",
    doc_number="东政〔2025〕8号", recipients="区委：", signature=["东西湖区人民政府"],
    date="2025年5月12日", headings=2))
def _r01(w):
    head(w, ["东西湖区人民政府文件"], "东政〔2025〕8号",
         ["东西湖区人民政府关于申请调整", "部分区级专项资金的请示"], "区委：")
    outline(w, [1, (1, "基本情况"), 1, (1, "调整建议"), 1])
    w.p("　　妥否，请批示。")
    tail(w, ["东西湖区人民政府"], "2025年5月12日", copy_to=False)
    w.p("（联系人：张华，电话：83891234）")


@case("r02_report", dict(
    kind="request", title="东西湖区人民政府关于2024年法治政府建设情况的报告",
    doc_number="东政〔2025〕2号", recipients="区委、区人大常委会：",
    signature=["东西湖区人民政府"], date="2025年1月15日", headings=3))
def _r02(w):
    head(w, ["东西湖区人民政府文件"], "东政〔2025〕2号",
         ["东西湖区人民政府关于2024年", "法治政府建设情况的报告"], "区委、区人大常委会：")
    outline(w, [1, (1, "主要成效"), 2, (1, "存在问题"), 1, (1, "下一步打算"), 1])
    tail(w, ["东西湖区人民政府"], "2025年1月15日")


@case("r03_request_no_masthead", dict(
    kind="request", title="关于增设社区养老服务站点的请示", recipients="区人民政府：",
    signature=["东西湖区民政局"], date="2025年6月16日", headings=0))
def _r03(w):
    head(w, None, None, ["关于增设社区养老服务站点的请示"], "区人民政府：")
    w.body(2)
    w.p("　　以上请示妥否，请批示。")
    tail(w, ["东西湖区民政局"], "2025年6月16日", copy_to=False)


@case("r04_report_wps", dict(
    kind="request", title="关于2025年上半年经济运行情况的报告",
    doc_number="东统〔2025〕4号", recipients="区人民政府：",
    signature=["东西湖区统计局"], date="2025年7月18日", headings=3), wps=True)
def _r04(w):
    head(w, ["东西湖区统计局文件"], "东统〔2025〕4号", ["关于2025年上半年经济运行情况的报告"],
         "区人民政府：")
    outline(w, [(1, "总体情况"), 1, (1, "主要特点"), 1, (1, "下半年建议"), 1], auto=True)
    tail(w, ["东西湖区统计局"], "2025年7月18日", copy_to=False)


# -- speeches (领导讲话 政府工作报告) --------------------------------------------------------
GOV_REPORT = [(1, "2024年工作回顾"), 1, (2, "持续优化供给侧结构性改革，经济实力稳步提升。"), 2,
              (2, "持续深化改革开放，发展活力不断增强。"), 1, (1, "2025年工作安排"), 1,
              (2, "着力扩大有效需求。"), 1]      # 5 headings


@case("s01_gov_report_mark", dict(
    kind="speech", title="政府工作报告", mark="区十一届人大四次会议文件（6）",
    subtitle="——2024年12月26日在东西湖区第十一届人民代表大会第四次会议上",
    speaker="东西湖区人民政府区长　周　明", date="2024年12月26日", headings=5))
def _s01(w):
    w.p("区十一届人大四次会议文件（6）", font=HEI)
    w.blank()
    w.p("政府工作报告", align="c", size=22, font=XBS)
    w.p("——2024年12月26日在东西湖区第十一届人民代表大会第四次会议上", align="c", font=KAI)
    w.p("东西湖区人民政府区长　周　明", align="c", font=KAI)
    w.blank()
    w.p("各位代表：")
    w.p("　　现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员和其他列席人员提出意见。")
    outline(w, GOV_REPORT)


@case("s02_title_date_speaker", dict(
    kind="speech", title="在全区优化营商环境工作大会上的讲话", subtitle="",
    speaker="区委书记　王　强", date="2025年2月10日", headings=3))
def _s02(w):
    w.p("在全区优化营商环境工作大会上的讲话", align="c", size=22, font=XBS)
    w.p("（2025年2月10日）", align="c", font=KAI)
    w.p("区委书记　王　强", align="c", font=KAI)
    w.blank()
    w.p("同志们：")
    outline(w, [1, (1, "认清形势"), 2, (1, "突出重点"), 1, (1, "狠抓落实"), 1])


@case("s03_title_speaker_date", dict(
    kind="speech", title="在2025年全区安全生产工作会议上的讲话", speaker="区长　周明",
    date="2025年2月18日", headings=3))
def _s03(w):
    w.p("在2025年全区安全生产工作会议上的讲话", align="c", size=22, font=XBS)
    w.p("区长　周明", align="c", font=KAI)
    w.p("（2025年2月18日）", align="c", font=KAI)
    w.p("同志们：")
    outline(w, [1, (1, "正视问题"), 1, (1, "压实责任"), 1, (1, "强化保障"), 1])


@case("s04_subtitle_then_speaker", dict(
    kind="speech", title="坚定信心真抓实干奋力开创高质量发展新局面",
    subtitle="——在全区经济工作会议上的讲话", speaker="区委书记　王强", headings=2))
def _s04(w):
    w.p("坚定信心　真抓实干", align="c", size=22, font=XBS)
    w.p("奋力开创高质量发展新局面", align="c", size=22, font=XBS)
    w.p("——在全区经济工作会议上的讲话", align="c", font=KAI)
    w.p("区委书记　王强", align="c", font=KAI)
    w.p("同志们：")
    outline(w, [1, (1, "回顾过去一年"), 2, (1, "部署今年工作"), 2])


@case("s05_speaker_then_subtitle", dict(
    kind="speech", title="凝心聚力攻坚克难", subtitle="——在区政府第一次全体会议上的讲话",
    speaker="周　明", headings=2))
def _s05(w):
    w.p("凝心聚力　攻坚克难", align="c", size=22, font=XBS)
    w.p("周　明", align="c", font=KAI, size=16)
    w.p("——在区政府第一次全体会议上的讲话", align="c", font=KAI)
    w.blank()
    w.p("同志们：")
    outline(w, [1, (1, "明确目标"), 2, (1, "转变作风"), 1])


@case("s06_two_line_title_date_in_subtitle", dict(
    kind="speech", title="在全区城市更新暨重点项目建设推进会上的讲话",
    subtitle="——2025年3月6日", speaker="常务副区长　李　刚", date="2025年3月6日", headings=3))
def _s06(w):
    w.p("在全区城市更新暨重点项目建设", align="c", size=22, font=XBS)
    w.p("推进会上的讲话", align="c", size=22, font=XBS)
    w.p("——2025年3月6日", align="c", font=KAI)
    w.p("常务副区长　李　刚", align="c", font=KAI)
    w.p("同志们：")
    outline(w, [(1, "关于城市更新"), 1, (1, "关于项目建设"), 1, (1, "关于作风建设"), 1])


@case("s07_gov_report_no_mark", dict(
    kind="speech", title="政府工作报告",
    subtitle="——2025年1月8日在东西湖区第十一届人民代表大会第五次会议上",
    speaker="区长　周　明", date="2025年1月8日", headings=5))
def _s07(w):
    w.p("政府工作报告", align="c", size=26, font=XBS)
    w.blank()
    w.p("——2025年1月8日在东西湖区第十一届人民代表大会第五次会议上", align="c", font=KAI)
    w.blank()
    w.p("区长　周　明", align="c", font=KAI)
    w.blank()
    w.p("各位代表：")
    outline(w, GOV_REPORT, auto=True)


@case("s08_speech_trailing_date", dict(
    kind="speech", title="在全区春季植树活动动员会上的讲话", speaker="副区长　陈　芳",
    date="2025年3月12日", headings=2))
def _s08(w):
    w.p("在全区春季植树活动动员会上的讲话", align="c", size=22, font=XBS)
    w.p("副区长　陈　芳", align="c", font=KAI)
    w.p("同志们：")
    outline(w, [1, (1, "提高认识"), 1, (1, "精心组织"), 1])
    w.p("2025年3月12日", align="r")


@case("s09_address_styled_headings", dict(
    kind="speech", title="在2025年新春团拜会上的致辞", speaker="区长　周明",
    date="2025年1月24日", headings=2))
def _s09(w):
    w.p("在2025年新春团拜会上的致辞", align="c", size=22, font=XBS)
    w.p("（2025年1月24日）", align="c", font=KAI)
    w.p("区长　周明", align="c", font=KAI)
    w.p("各位领导、同志们、朋友们：")
    outline(w, [1, (1, "回望2024"), 1, (1, "展望2025"), 1], styled=True)


@case("s10_cppcc_mark_left", dict(
    kind="speech", title="关于财政预算执行情况的报告", mark="区政协十届四次会议文件",
    subtitle="——2025年1月7日在区政协十届四次会议上",
    speaker="区财政局局长　刘　洋", date="2025年1月7日", headings=2))
def _s10(w):
    w.p("区政协十届四次会议文件", font=HEI, size=14)
    w.p("关于财政预算执行情况的报告", align="c", size=22, font=XBS)
    w.p("——2025年1月7日在区政协十届四次会议上", align="c", font=KAI)
    w.p("区财政局局长　刘　洋", align="c", font=KAI)
    w.p("各位委员：")
    outline(w, [(1, "2024年预算执行情况"), 2, (1, "2025年预算草案"), 2])


@case("s11_subtitle_then_date_line", dict(
    kind="speech", title="在全区招商引资工作推进会上的讲话",
    subtitle="——在2025年全区招商引资工作推进会上", speaker="区委副书记　赵　军",
    date="2025年4月3日", headings=2))
def _s11(w):
    w.p("在全区招商引资工作推进会上的讲话", align="c", size=22, font=XBS)
    w.p("——在2025年全区招商引资工作推进会上", align="c", font=KAI)
    w.p("（2025年4月3日）", align="c", font=KAI)
    w.p("区委副书记　赵　军", align="c", font=KAI)
    w.p("同志们：")
    outline(w, [1, (1, "找准方向"), 1, (1, "压实责任"), 1])


@case("s12_speaker_before_dash_wps", dict(
    kind="speech", title="政府工作报告", mark="东西湖区第十一届人民代表大会第三次会议文件",
    speaker="东西湖区人民政府代区长　周　明",
    subtitle="——2024年1月9日在东西湖区第十一届人民代表大会第三次会议上",
    date="2024年1月9日", headings=5), wps=True)
def _s12(w):
    w.p("东西湖区第十一届人民代表大会第三次会议文件", align="r", font=HEI, size=14)
    w.p("政府工作报告", align="c", size=22, font=XBS)
    w.p("东西湖区人民政府代区长　周　明", align="c", font=KAI)
    w.p("——2024年1月9日在东西湖区第十一届人民代表大会第三次会议上", align="c", font=KAI)
    w.p("各位代表：")
    outline(w, GOV_REPORT)


# -- news collections (政务简讯) ---------------------------------------------------------------
NEWS = ["区政府召开第十二次常务会议", "全区优化营商环境大会召开", "东西湖区举行重大项目集中开工活动",
        "区领导督导检查防汛工作", "我区召开招商引资工作推进会", "区政府与武汉大学签署合作协议",
        "全区安全生产大检查启动", "东西湖区获评全省文明城区", "区领导调研乡村振兴工作",
        "全区教育工作会议召开", "我区举办第三届农民丰收节", "区政府党组召开专题学习会"]


def news(w: Writer, title: str, items: list[str], shape: str) -> None:
    w.p(title, align="c", size=22, font=XBS)
    for k, headline in enumerate(items):
        if shape == "bold":
            w.p(headline, bold=True, font=HEI)
        elif shape == "centred":
            w.p(headline, align="c", bold=True)
        else:                                   # 黑体, not bold, left
            w.p(headline, font=HEI, size=16)
        w.body(1 + k % 2, start=k)
        if shape != "hei":
            w.p(f"（区政府办公室　2025年3月{k + 1}日）", align="r")


@case("w01_news_bold_12", dict(kind="news", title="政务简讯", items=NEWS[:12], headings=0))
def _w01(w):
    news(w, "政务简讯", NEWS[:12], "bold")


@case("w02_news_centred_10", dict(kind="news", title="东西湖区政务动态", items=NEWS[:10],
                                  headings=0))
def _w02(w):
    news(w, "东西湖区政务动态", NEWS[:10], "centred")


@case("w03_news_hei_11", dict(kind="news", title="工作动态", items=NEWS[1:12], headings=0))
def _w03(w):
    news(w, "工作动态", NEWS[1:12], "hei")


@case("w04_news_wps_10", dict(kind="news", title="政务快讯", items=NEWS[2:12], headings=0),
      wps=True)
def _w04(w):
    news(w, "政务快讯", NEWS[2:12], "bold")


# -- articles (基本区情 调研与交流) -----------------------------------------------------------
@case("a01_district_profile", dict(kind="article", title="东西湖区基本情况", headings=4))
def _a01(w):
    w.p("东西湖区基本情况", align="c", size=22, font=XBS)
    outline(w, [(1, "区位交通"), 1, (1, "历史沿革"), 1, (1, "经济发展"), 1, (1, "社会事业"), 1])
    w.picture("图为东西湖区临空港经济技术开发区")


@case("a02_research_pictures", dict(
    kind="article", title="关于东西湖区推进乡村振兴的调研与思考",
    subtitle="——以柏泉街道为例", headings=3))
def _a02(w):
    w.p("关于东西湖区推进乡村振兴的", align="c", size=22, font=XBS)
    w.p("调研与思考", align="c", size=22, font=XBS)
    w.p("——以柏泉街道为例", align="c", font=KAI)
    w.body(1)
    w.picture("柏泉街道农业产业园")
    outline(w, [(1, "基本情况"), 1, (1, "存在问题"), 1])
    w.picture()
    outline(w, [(1, "对策建议"), 2])


@case("a03_article_styles", dict(kind="article", title="临空港经济技术开发区简介", headings=3),
      styled=True)
def _a03(w):
    w.p("临空港经济技术开发区简介", style="公文标题")
    outline(w, [1, (1, "发展定位"), 1, (2, "产业布局"), 1, (1, "发展成效"), 1], styled=True)


@case("a04_article_exchange_wps", dict(kind="article", title="学习借鉴先进地区经验推动东西湖高质量发展",
                                        headings=3), wps=True)
def _a04(w):
    w.p("学习借鉴先进地区经验", align="c", size=22, font=XBS)
    w.p("推动东西湖高质量发展", align="c", size=22, font=XBS)
    w.blank()
    outline(w, [1, (1, "考察情况"), 1, (1, "主要启示"), 1, (1, "工作建议"), 1])
    w.picture("考察团在苏州工业园区考察")


# -- lists of documents, chronicles ---------------------------------------------------------
DOCS = ["省人民政府关于印发湖北省数字经济发展规划的通知（鄂政发〔2025〕3号）",
        "省人民政府关于加强耕地保护的意见（鄂政发〔2025〕5号）",
        "市人民政府关于印发武汉市城市更新行动方案的通知（武政〔2025〕2号）",
        "市人民政府办公厅关于做好春季防火工作的通知（武政办〔2025〕11号）"]


@case("l01_doc_list_auto", dict(kind="doc_list", title="上级政府文件目录", headings=2))
def _l01(w):
    w.p("上级政府文件目录", align="c", size=22, font=XBS)
    w.p("一、省人民政府文件", font=HEI)
    for text in DOCS[:2]:
        w.p(text, num=9)
    w.p("二、市人民政府文件", font=HEI)
    for text in DOCS[2:]:
        w.p(text, num=9)


@case("l02_doc_list_typed", dict(kind="doc_list", title="上级政府文件目录（选登）", headings=0))
def _l02(w):
    w.p("上级政府文件目录（选登）", align="c", size=22, font=XBS)
    for k, text in enumerate(DOCS):
        w.p(f"{k + 1}．{text}")


@case("c01_chronicle", dict(kind="chronicle", title="大事记", subtitle="2025年（1-6月）",
                            headings=0))
def _c01(w):
    w.p("大事记", align="c", size=22, font=XBS)
    w.p("2025年（1-6月）", align="c", font=KAI)
    for m in range(1, 7):
        w.p(f"{m}月{m + 2}日", bold=True, font=HEI)
        w.body(1, start=m)


@case("c02_chronicle_run_in", dict(kind="chronicle", title="东西湖区2025年大事记", headings=0))
def _c02(w):
    w.p("东西湖区2025年大事记", align="c", size=22, font=XBS)
    for m in range(1, 9):
        para = w.p("")
        run = para.add_run(f"{m}月{m + 3}日　")
        run.bold = True
        para.add_run("区政府召开常务会议，研究部署重点工作。")


# -- documents with no clear title; an empty file -----------------------------------------
@case("u01_no_centred_title", dict(kind="article", title="情况说明", headings=0,
                                   uncertain=["title"]))
def _u01(w):
    w.p("情况说明", size=18, bold=True)
    w.body(3)


@case("u02_plain_text_only", dict(kind="article", title="关于区图书馆延长开放时间的公告",
                                  headings=0, uncertain=["title"]))
def _u02(w):
    w.p("关于区图书馆延长开放时间的公告")
    w.body(2)


@case("e01_empty", dict(refused=True))
def _e01(w):
    pass


@case("e02_blank_paragraphs", dict(refused=True), wps=True)
def _e02(w):
    for _ in range(5):
        w.blank()


# -- a second batch, written after the recogniser was tuned on the first (kept apart so the
#    benchmark can show how it does on shapes it was not tuned on) ---------------------------
@case("n21_signer_line", dict(
    kind="request", title="东西湖区人民政府关于恳请支持临空港大道改造工程的请示",
    doc_number="东政〔2025〕19号", recipients="市人民政府：", signature=["东西湖区人民政府"],
    date="2025年8月26日", headings=3))
def _n21(w):
    w.p("东西湖区人民政府文件", align="c", size=36, font=XBS, color="FF0000")
    w.blank()
    w.p("东政〔2025〕19号　　　　　　　　签发人：周　明")
    w.blank()
    w.p("东西湖区人民政府关于恳请支持", align="c", size=22, font=XBS)
    w.p("临空港大道改造工程的请示", align="c", size=22, font=XBS)
    w.blank()
    w.p("市人民政府：")
    outline(w, [1, (1, "项目概况"), 1, (1, "存在困难"), 1, (1, "请求事项"), 1])
    w.p("　　妥否，请批示。")
    tail(w, ["东西湖区人民政府"], "2025年8月26日", copy_to=False)


@case("n22_signature_date_one_paragraph", dict(
    kind="notice", title="关于做好2025年国庆节期间安全稳定工作的通知",
    doc_number="东政办明电〔2025〕6号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府办公室"], date="二〇二五年九月二十五日", headings=2))
def _n22(w):
    head(w, ["东西湖区人民政府办公室"], "东政办明电〔2025〕6号",
         ["关于做好2025年国庆节期间安全稳定工作的通知"], "各街道办事处，区政府各部门：")
    outline(w, [(1, "强化安全检查"), 1, (1, "严格值班值守"), 1])
    w.blank()
    w.p("东西湖区人民政府办公室\n二〇二五年九月二十五日", align="r", breaks=True)


@case("n23_announcement", dict(
    kind="notice", title="东西湖区人民政府关于划定禁止燃放烟花爆竹区域的通告",
    doc_number="东政告〔2025〕1号", signature=["东西湖区人民政府"], date="2025年1月10日",
    headings=0))
def _n23(w):
    head(w, ["东西湖区人民政府"], "东政告〔2025〕1号",
         ["东西湖区人民政府关于划定禁止燃放", "烟花爆竹区域的通告"], None)
    w.p("　　为保障公共安全，根据有关法律法规，现就有关事项通告如下：")
    w.p("　　一、本区下列区域内全年禁止燃放烟花爆竹：临空港经济技术开发区、吴家山街道等。")
    w.p("　　二、本通告自发布之日起施行。")
    tail(w, ["东西湖区人民政府"], "2025年1月10日", copy_to=False)


@case("n24_urgent_mark_bold_headings", dict(
    kind="notice", title="关于立即开展汛期地质灾害隐患排查的紧急通知",
    doc_number="东政办电〔2025〕9号", recipients="各街道办事处，区自然资源和规划局：",
    signature=["东西湖区人民政府办公室"], date="2025年7月2日", headings=2))
def _n24(w):
    w.p("特急", font=HEI)
    head(w, ["东西湖区人民政府办公室文件"], "东政办电〔2025〕9号",
         ["关于立即开展汛期地质灾害隐患排查的紧急通知"], "各街道办事处，区自然资源和规划局：")
    w.p("　　一、全面排查", bold=True)
    w.p("　　（一）突出重点区域。对山体、河岸等重点区域逐一排查，建立隐患台账，落实监测责任人，确保不漏一处。")
    w.p("　　二、及时处置", bold=True)
    w.body(1)
    tail(w, ["东西湖区人民政府办公室"], "2025年7月2日", copy_to=False)


@case("s13_summary_speech", dict(
    kind="speech", title="在全区经济工作会议上的讲话（摘要）", speaker="区委书记　王强",
    date="2025年1月3日", headings=2))
def _s13(w):
    w.p("在全区经济工作会议上的讲话（摘要）", align="c", size=22, font=XBS)
    w.p("区委书记　王强", align="c", font=KAI)
    w.p("（2025年1月3日）", align="c", font=KAI)
    w.p("同志们、朋友们：")
    outline(w, [1, (1, "准确把握形势"), 1, (1, "突出工作重点"), 1])


@case("s14_host_script", dict(
    kind="speech", title="在全区安全生产工作会议上的主持词", speaker="常务副区长　李刚",
    date="2025年2月12日", headings=0))
def _s14(w):
    w.p("在全区安全生产工作会议上的主持词", align="c", size=22, font=XBS)
    w.p("（2025年2月12日）", align="c", font=KAI)
    w.p("常务副区长　李刚", align="c", font=KAI)
    w.p("同志们：")
    w.p("　　今天召开全区安全生产工作会议，主要任务是总结去年工作，部署今年任务。会议共有三项议程。")
    w.p("　　下面进行第一项议程。")


@case("s15_right_speaker_spoken_subtitle", dict(
    kind="speech", title="奋进新征程建功新时代", subtitle="——在区第十二次党代会上的报告",
    speaker="王　强", headings=2))
def _s15(w):
    w.p("奋进新征程　建功新时代", align="c", size=22, font=XBS)
    w.p("——在区第十二次党代会上的报告", align="c", font=KAI)
    w.p("王　强", align="c", font=KAI)
    w.p("各位代表、同志们：")
    outline(w, [(1, "过去五年的工作"), 2, (1, "今后五年的任务"), 2])


@case("w05_news_sources_no_dates", dict(kind="news", title="工作信息", items=NEWS[:10],
                                        subtitle="2025年第3期", headings=0))
def _w05(w):
    w.p("工作信息", align="c", size=22, font=XBS)
    w.p("2025年第3期", align="c", font=KAI)
    for k, headline in enumerate(NEWS[:10]):
        w.p(headline, align="c", bold=True)
        w.body(1, start=k)
        w.p("（来源：区政府办公室）", align="r")


@case("a05_article_author_line", dict(
    kind="article", title="关于我区民营经济发展情况的调研报告", speaker="区工商联　张　华",
    headings=3))
def _a05(w):
    w.p("关于我区民营经济发展情况的调研报告", align="c", size=22, font=XBS)
    w.p("区工商联　张　华", align="c", font=KAI)
    w.blank()
    outline(w, [1, (1, "基本情况"), 1, (1, "主要问题"), 1, (1, "对策建议"), 1])


@case("l03_doc_list_groups", dict(kind="doc_list", title="上级政府文件选登目录", headings=2))
def _l03(w):
    w.p("上级政府文件选登目录", align="c", size=22, font=XBS)
    w.p("（一）省人民政府文件", font=KAI)
    for text in DOCS[:2]:
        w.p(text, num=9)
    w.p("（二）市人民政府文件", font=KAI)
    for text in DOCS[2:]:
        w.p(text, num=9)


@case("c03_chronicle_days", dict(kind="chronicle", title="2025年1月大事记", headings=0))
def _c03(w):
    w.p("2025年1月大事记", align="c", size=22, font=XBS)
    for d in (3, 8, 15, 22, 28):
        w.p(f"　　{d}日　区政府召开专题会议，研究部署春节期间各项工作。")


@case("u03_left_bold_title_speech_like", dict(
    kind="article", title="东西湖区2025年上半年工作总结", headings=3, uncertain=["title"]))
def _u03(w):
    w.p("东西湖区2025年上半年工作总结", bold=True, size=16)
    outline(w, [1, (1, "主要成效"), 1, (1, "存在问题"), 1, (1, "下步打算"), 1])


# -- a third batch, after reading real files of the wild corpus -------------------------------
@case("n25_decision_no_masthead_joint_signature", dict(
    kind="notice", title="关于表彰2025年度安全生产先进单位及先进个人的决定",
    signature=["中共东西湖区委员会", "东西湖区人民政府"], date="2025年12月15日", headings=0))
def _n25(w):
    w.p("关于表彰2025年度安全生产先进单位及先进个人的决定", align="c", size=22, font=XBS)
    w.blank()
    w.body(2)
    w.blank()
    w.p("（此页无正文）")
    w.blank()
    w.p("中共东西湖区委员会")
    w.p("东西湖区人民政府", align="r")
    w.p("2025年12月15日", align="r")


@case("n26_head_table_first", dict(
    kind="notice", title="关于开展2025年度消防安全大检查的通知",
    doc_number="东消委〔2025〕3号", recipients="各街道办事处，区直各单位：",
    signature=["东西湖区消防安全委员会"], date="2025年11月5日", headings=2))
def _n26(w):
    w.table([["份号", "000123", "密级", "公开"]], header=False)
    w.p("东西湖区消防安全委员会文件", align="c", size=36, font=XBS, color="FF0000")
    w.blank()
    w.p("东消委〔2025〕3号", align="c")
    w.p("关于开展2025年度消防安全大检查的通知", align="c", size=22, font=XBS)
    w.p("各街道办事处，区直各单位：")
    outline(w, [(1, "检查范围"), 1, (1, "工作要求"), 1])
    tail(w, ["东西湖区消防安全委员会"], "2025年11月5日", copy_to=False)


@case("n27_notice_by_title_only", dict(
    kind="notice", title="关于进一步规范会议管理的通知", recipients="各街道、各部门：",
    headings=2))
def _n27(w):
    w.p("关于进一步规范会议管理的通知", align="c", size=22, font=XBS)
    w.p("各街道、各部门：")
    w.p("  为进一步转变会风，现就有关要求明确如下：")
    w.p("  一、压缩会议数量", font=HEI)
    w.p("    能合并召开的合并，能不开的不开。")
    w.p("  二、控制会议时长", font=HEI)
    w.p("    全区性会议不超过90分钟。")
    w.p("特此通知。")


@case("r05_research_report_is_an_article", dict(
    kind="article", title="关于临空港经济区发展情况的调研报告", headings=2))
def _r05(w):
    w.p("关于临空港经济区发展情况的调研报告", align="c", size=22, font=XBS)
    w.blank()
    outline(w, [1, (1, "发展现状"), 1, (1, "几点建议"), 1])


# -- a fourth batch: shapes not tried before (first run: see the commit that added them) ------
def _side_by_side(w: Writer, left: str, right: str) -> None:
    """Two agencies signing side by side: a borderless one-row table, as Word users do."""
    t = w.d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = left, right


@case("x01_public_notice_cn_date", dict(
    kind="notice", title="关于东西湖大道部分路段实行交通管制的通告",
    signature=["武汉市公安局东西湖区分局"], date="二〇二五年三月一日", headings=0))
def _x01(w):
    w.p("关于东西湖大道部分路段实行交通管制的通告", align="c", size=22, font=XBS)
    w.blank()
    w.p("　　因地铁施工需要，经研究决定，对东西湖大道部分路段实行交通管制。现将有关事项通告如下：")
    w.p("　　一、管制时间：2025年3月5日至2025年12月31日。")
    w.p("　　二、管制路段：东西湖大道与金山大道交会处至吴家山段。")
    w.p("　　三、过往车辆请按指示标志绕行。")
    w.p("　　特此通告。")
    w.blank()
    w.blank()
    w.p("武汉市公安局东西湖区分局", align="r")
    w.p("二〇二五年三月一日", align="r")


@case("x02_opinions_attachment_tables_br_note", dict(
    kind="notice", title="东西湖区人民政府办公室关于促进民营经济高质量发展的若干意见",
    doc_number="东政办规〔2025〕2号", recipients="各街道办事处，区政府各部门：",
    signature=["东西湖区人民政府办公室"], date="2025年8月12日", headings=3))
def _x02(w):
    head(w, ["东西湖区人民政府办公室文件"], "东政办规〔2025〕2号",
         ["东西湖区人民政府办公室关于促进", "民营经济高质量发展的若干意见"],
         "各街道办事处，区政府各部门：")
    outline(w, [1, (1, "优化发展环境"), 1, (1, "加大政策支持"), 2, (1, "强化组织保障"), 1])
    w.blank()
    w.p("　　附件：1.民营经济发展政策清单\n　　　　　2.重点任务分工表", breaks=True)
    w.blank()
    w.p("东西湖区人民政府办公室", align="r")
    w.p("2025年8月12日", align="r")
    w.page_break()
    w.p("附件1", font=HEI)
    w.blank()
    w.p("民营经济发展政策清单", align="c", size=22, font=XBS)
    w.table([["序号", "政策名称", "牵头单位"], ["1", "融资担保补贴", "区财政局"],
             ["2", "稳岗返还", "区人社局"]])
    w.page_break()
    w.p("附件2", font=HEI)
    w.blank()
    w.p("重点任务分工表", align="c", size=22, font=XBS)
    w.table([["序号", "任务", "责任单位", "完成时限"], ["1", "清理拖欠账款", "区经信局", "2025年12月"]])


@case("x03_reply_quoting_a_doc_number", dict(
    kind="notice", title="东西湖区人民政府关于东西湖区2025年度土地征收成片开发方案的批复",
    doc_number="东政文〔2025〕31号", recipients="区自然资源和规划局:",
    signature=["东西湖区人民政府"], date="2025年9月9日", headings=0))
def _x03(w):
    w.p("东西湖区人民政府", align="c", size=36, font=XBS, color="FF0000")
    w.blank()
    w.p("东政文〔2025〕31号", align="c")
    w.blank()
    for line in ("东西湖区人民政府关于", "东西湖区2025年度土地征收", "成片开发方案的批复"):
        w.p(line, align="c", size=22, font=XBS)
    w.blank()
    w.p("区自然资源和规划局:")
    w.p("　　你局《关于报请审批东西湖区2025年度土地征收成片开发方案的请示》（东自规文〔2025〕8号）收悉。经研究，现批复如下：")
    w.p("　　一、原则同意该方案。")
    w.p("　　二、请你局严格按照方案组织实施。")
    w.p("　　此复。")
    w.blank()
    w.p("东西湖区人民政府", align="r")
    w.p("2025年9月9日", align="r")


@case("x04_letter_contact_lines_copy_to", dict(
    kind="notice", title="东西湖区住房和城市更新局关于商请协助做好老旧小区改造工作的函",
    doc_number="东住更函〔2025〕6号", recipients="各街道办事处：",
    signature=["东西湖区住房和城市更新局"], date="2025年4月22日", headings=0))
def _x04(w):
    head(w, ["东西湖区住房和城市更新局"], "东住更函〔2025〕6号",
         ["东西湖区住房和城市更新局关于商请协助", "做好老旧小区改造工作的函"], "各街道办事处：")
    w.body(2)
    w.p("　　特此函商。")
    w.blank()
    w.p("东西湖区住房和城市更新局", align="r")
    w.p("2025年4月22日", align="r")
    w.p("（联系人：张敏；联系电话：027-83891234）")
    w.p("（此件主动公开）")
    w.blank()
    w.p("抄送：区人民政府办公室。", size=14)
    w.p("东西湖区住房和城市更新局办公室　　　　2025年4月22日印发", size=14)


@case("x05_decision_list_of_names", dict(
    kind="notice", title="关于表彰2024年度全区优秀志愿者的决定",
    doc_number="东文明委〔2025〕2号", recipients="各街道、各部门：",
    signature=["东西湖区精神文明建设委员会"], date="2025年3月5日", headings=0))
def _x05(w):
    head(w, ["东西湖区精神文明建设委员会文件"], "东文明委〔2025〕2号",
         ["关于表彰2024年度全区优秀志愿者的决定"], "各街道、各部门：")
    w.body(2)
    w.p("　　附件：2024年度全区优秀志愿者名单")
    w.blank()
    w.p("东西湖区精神文明建设委员会", align="r")
    w.p("2025年3月5日", align="r")
    w.page_break()
    w.p("附件", font=HEI)
    w.p("2024年度全区优秀志愿者名单", align="c", size=22, font=XBS)
    w.p("（共30名）", align="c")
    for unit in ("吴家山街道", "将军路街道", "径河街道"):
        w.p(f"{unit}（10名）", font=HEI)
        w.p("　　李　明　王　芳　张　伟　刘　洋　陈　静　杨　帆　赵　磊　黄　敏　吴　刚　徐　丽")


@case("x06_announcement_two_agencies_side_by_side", dict(
    kind="notice", title="关于开展2025年度个人所得税综合所得汇算清缴的公告",
    signature=["东西湖区财政局", "国家税务总局武汉市东西湖区税务局"], date="2025年3月1日",
    headings=2))
def _x06(w):
    w.p("关于开展2025年度个人所得税综合所得", align="c", size=22, font=XBS)
    w.p("汇算清缴的公告", align="c", size=22, font=XBS)
    w.blank()
    w.p("　　根据有关规定，现就2025年度个人所得税综合所得汇算清缴有关事项公告如下：")
    w.p("　　一、办理时间", font=HEI)
    w.body(1)
    w.p("　　二、办理方式", font=HEI)
    w.body(1)
    w.p("　　特此公告。")
    w.blank()
    _side_by_side(w, "东西湖区财政局", "国家税务总局武汉市东西湖区税务局")
    w.p("2025年3月1日", align="r")


@case("x07_host_script_no_on_in_title", dict(
    kind="speech", title="全区优化营商环境大会主持词", speaker="区长　周明",
    date="2025年3月3日", headings=0))
def _x07(w):
    w.p("全区优化营商环境大会主持词", align="c", size=22, font=XBS)
    w.p("区长　周明", align="c", font=KAI)
    w.p("（2025年3月3日）", align="c", font=KAI)
    w.p("各位领导、各位来宾、同志们：")
    w.p("　　现在开会。今天召开全区优化营商环境大会，主要任务是动员全区上下进一步优化营商环境。")
    w.p("　　下面，请区委书记王强同志讲话。大家欢迎。")
    w.p("　　会议到此结束。散会。")


@case("x08_briefing_red_head", dict(
    kind="news", title="政务工作简报", subtitle="第3期", date="2025年3月20日",
    signature=["东西湖区人民政府办公室"], items=NEWS[:4], headings=0))
def _x08(w):
    w.p("政务工作简报", align="c", size=36, font=XBS, color="FF0000")
    w.p("第3期", align="c")
    w.p("东西湖区人民政府办公室　　　　　　　　2025年3月20日")
    w.blank()
    for k, headline in enumerate(NEWS[:4]):
        w.p(headline, align="c", bold=True)
        w.body(1, start=k)
