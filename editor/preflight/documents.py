"""Document and issue rules of the 印前检查: what the model says, before any page
(layer: preflight, no Qt).

GB/T 9704-2012 and the gazette's own habits: a recognised title and kind, some content,
the 发文字号 (〔2025〕 year brackets, no 第, no leading zero, ends in 号), the 成文日期
(Arabic numerals, no zero padding, a real date, not after the issue is published), the
附件说明 against the attachments, heading numbers without gaps or repeats (一、二、四、),
主送机关 ending in a full-width colon, 标点检查's half-width marks and unbalanced 《》“”（）,
a document twice in the issue; for the issue, 总第N期 and the dates of the period, and
empty sections.  Each check returns ``Finding``s with the block and span; the page is
filled in by the engine from where the block is set.
"""
from __future__ import annotations

import calendar
import re

from editor import model
from editor.preflight.findings import WARNING, Finding
from editor.proof.anchor import block_texts
from editor.proof.punctcheck import FULL
from editor.proof.punctcheck import check_document as punct_findings

CN_DIGITS = "〇零一二三四五六七八九十"
_DOCNO = re.compile(r"^(?P<org>.*?)(?P<open>[〔\[(（【〖［])\s*(?P<year>\d{2,4})\s*"
                    r"(?P<close>[〕\])）】〗］])\s*(?P<di>第?)\s*(?P<num>\d+)\s*(?P<tail>.*)$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_DATE_CN = re.compile(rf"^[{CN_DIGITS}]{{4}}年[{CN_DIGITS}]{{1,3}}月[{CN_DIGITS}]{{1,3}}日$")
_YM = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_NOTE_ITEM = re.compile(r"^\s*(?:附件\s*[:：]\s*)?(?:(\d+)\s*[.．、]\s*)?(.*?)\s*$")
# a 纪要's 期号 as the import reads one (editor.docx_import.minutes.ISSUE_NUMBER)
_ISSUE_NO = re.compile(r"^[（(]?(\d{4}年)?第[0-9０-９一二三四五六七八九十百]+[期次号][）)]?$")
_ATT_LABEL = re.compile(r"^附件\s*(\d*)")
_HEADING_NUMBERS = ((1, re.compile(r"^\s*([一二三四五六七八九十]+)、")),
                    (2, re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[）)]")),
                    (3, re.compile(r"^\s*(\d+)[.．](?!\d)")),
                    (4, re.compile(r"^\s*[（(](\d+)[）)]")))
# Heads the levels above do not number, under which every level starts again: 第二章,
# 第一部分, 附件五 (a part of its own) and 2、 or 8.1 (a third level numbered otherwise,
# with its （1） items under it)
_PART_HEAD = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+[章节部分篇编]|附件|附录)")
_OTHER_THIRD = re.compile(r"^\s*\d+(?:、|[.．]\d+)\s*[\u3400-\u9fff]")
# ‘’ left out: ’ is also the apostrophe of the English words Chinese text quotes
PAIRS = {"《": "》", "“": "”", "（": "）", "〈": "〉", "【": "】"}
_CJK = re.compile(r"[\u3400-\u9fff]")
_SAME_BRACKET = str.maketrans({"(": "（", ")": "）"})
# a list number closed by a bracket alone: at the start, or after a space or a mark
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s：:；;，,。、]))[0-9A-Za-z]{1,3}[)）]$")
_SPACE = re.compile(r"\s+")
_AS_FIXED = str.maketrans({**FULL, ".": "。"})


def cn_number(text: str) -> int | None:
    """一 … 九十九 as an int (None for anything else)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if not text or any(c not in digits and c != "十" for c in text):
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _f(rule: str, message: str, doc: model.Document, block_id: str | None, text: str = "",
       start: int = 0, end: int = 0, fix: list | None = None) -> Finding:
    return Finding(rule, message, doc_id=doc.id, document=doc.toc_title, block_id=block_id,
                   start=start, end=end or start + len(text), text=text, fix=fix or [])


# ---------------------------------------------------------------------------- one document

def title_and_kind(doc: model.Document) -> list[Finding]:
    out = []
    if not doc.title and not doc.layout.toc_title:
        out.append(_f("TITLE_MISSING", f"未识别出标题，目录和书眉将显示“{doc.toc_title}”，"
                      "请在 属性 中填写标题", doc, None, doc.toc_title))
    elif doc.title.rstrip().endswith(("：", ":")) and not doc.layout.toc_title:
        out.append(_f("TITLE_MISSING", f"标题“{doc.title[:20]}”以冒号结尾，像是主送机关：未识别出"
                      "真正的标题，请在 属性 中核对", doc, "title", doc.title))
    elif "title" in doc.uncertain and not doc.layout.toc_title:
        out.append(_f("TITLE_MISSING", f"标题是推测的（“{doc.title[:20]}”），请在 属性 中核对",
                      doc, "title", doc.title))
        out[-1].level = WARNING
    # "article" is the import's kind when nothing more specific fits: with a guessed
    # title, the kind is a guess too
    if doc.kind == "other" or "kind" in doc.uncertain or \
            (doc.kind == "article" and "title" in doc.uncertain):
        out.append(_f("KIND_UNCERTAIN", "未能确定文件类型（通知、讲话、大事记等），按一般文章排版，"
                      "请核对标题与层次", doc, "title" if doc.title else None, doc.toc_title))
    return out


def empty_document(doc: model.Document) -> list[Finding]:
    for block in doc.all_blocks():
        if isinstance(block, (model.Table, model.Image)) or \
                (isinstance(block, model.Paragraph) and block.text.strip()):
            return []
    return [_f("EMPTY_DOCUMENT", "文件没有正文内容（可能导入失败或文件本身为空）", doc,
               None, doc.toc_title)]


def doc_number(doc: model.Document) -> list[Finding]:
    """发文字号 per GB/T 9704-2012 7.2.4: 机关代字〔年份〕序号号."""
    text = doc.doc_number
    if not text.strip() or (doc.kind == "minutes" and _ISSUE_NO.match(text.strip())):
        return []               # a 纪要's 期号 (第5期, 2025年第3期, 第12次) is no 发文字号
    m = _DOCNO.match(text)
    if not m:
        return [_f("DOCNO_FORMAT", "发文字号应为“机关代字〔年份〕序号号”的形式", doc, "doc_number", text)]
    out = []
    if m["open"] != "〔" or m["close"] != "〕":
        s, e = m.start("open"), m.end("close")
        out.append(_f("DOCNO_FORMAT", "发文字号的年份应使用六角括号〔〕", doc, "doc_number",
                      text[s:e], s, e, [[doc.id, "doc_number", s, e, text[s:e],
                                         f"〔{m['year']}〕"]]))
    if len(m["year"]) != 4:
        out.append(_f("DOCNO_FORMAT", "发文字号的年份应写全 4 位", doc, "doc_number", m["year"],
                      m.start("year")))
    if m["di"]:
        s = m.start("di")
        out.append(_f("DOCNO_FORMAT", "发文字号的序号前不加“第”字", doc, "doc_number", "第", s,
                      fix=[[doc.id, "doc_number", s, s + 1, "第", ""]]))
    num = m["num"]
    if len(num) > 1 and num.startswith("0"):
        s, lead = m.start("num"), len(num) - len(num.lstrip("0"))
        out.append(_f("DOCNO_FORMAT", "发文字号的序号不编虚位（不加前导 0）", doc, "doc_number", num, s,
                      fix=[[doc.id, "doc_number", s, s + lead, num[:lead], ""]] if lead < len(num)
                      else []))
    if m["tail"].strip() != "号":
        s = m.start("tail")
        fix = [[doc.id, "doc_number", s, s, "", "号"]] if not m["tail"] else []
        out.append(_f("DOCNO_FORMAT", "发文字号应以“号”结尾", doc, "doc_number",
                      m["tail"] or num, s if m["tail"] else m.start("num"), fix=fix))
    return out


def date_format(doc: model.Document, published: tuple[int, int, int] | None) -> list[Finding]:
    """成文日期 per GB/T 9704-2012 7.3.5.3: Arabic numerals, 年月日 complete, no 虚位."""
    text = doc.date.strip()
    if not text:
        if "date" in doc.uncertain:     # the import looked for one and found none (纪要)
            return [_f("DATE_FORMAT", "未识别出成文日期，请在 属性 中填写", doc, None,
                       doc.toc_title)]
        return []
    start = doc.date.index(text[0])
    if _DATE_CN.match(text):
        return [_f("DATE_FORMAT", "成文日期应使用阿拉伯数字（如 2025年3月13日）", doc, "date", text,
                   start)]
    m = _DATE.match(text)
    if not m:
        return [_f("DATE_FORMAT", "成文日期应写成“2025年3月13日”的形式", doc, "date", text, start)]
    y, mo, d = (int(g) for g in m.groups())
    out = []
    if m[2].startswith("0") or m[3].startswith("0"):
        fixed = f"{y}年{mo}月{d}日"
        out.append(_f("DATE_FORMAT", "成文日期的月、日不编虚位（不加前导 0）", doc, "date", text,
                      start, fix=[[doc.id, "date", start, start + len(text), text, fixed]]))
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
        out.append(_f("DATE_FORMAT", "成文日期不是一个真实的日期", doc, "date", text, start))
    elif published is not None and (y, mo, d) > published:
        out.append(_f("DATE_FORMAT", "成文日期晚于本期的出版日期", doc, "date", text, start))
    return out


def attachments(doc: model.Document) -> list[Finding]:
    """附件说明 (N attachments named) against the document's attachments (M)."""
    note = [line for line in doc.attachment_note if line.strip()]
    atts = [a for a in doc.attachments if a.title or a.blocks]
    if not note:
        return []
    named = []
    for line in note:
        m = _NOTE_ITEM.match(line)
        if m and m[2]:
            named.append(_norm(m[2]))
    shown = "\n".join(note)
    if len(named) != len(atts):
        return [_f("ATTACHMENT_MISMATCH", f"附件说明列出 {len(named)} 个附件，文件实有 {len(atts)} 个",
                   doc, "attachment_note", shown)]
    out = []
    for i, (name, att) in enumerate(zip(named, atts)):
        if att.title and _norm(att.title) != name:
            out.append(_f("ATTACHMENT_MISMATCH",
                          f"附件说明第 {i + 1} 项“{name}”与附件标题“{att.title}”不一致",
                          doc, f"{att.id}/title", att.title))
    return out


def _norm(text: str) -> str:
    return _SPACE.sub("", text).strip("。.；;")


def heading_sequence(doc: model.Document) -> list[Finding]:
    """一、二、四、 or （一）（三）: a number skipped or repeated at one level."""
    if doc.kind in ("chronicle", "doc_list"):
        return []
    out = []
    for _where, blocks in doc.block_lists():
        last: dict[int, int] = {}
        opened: set[int] = set()        # levels under a higher heading seen since their last
        for block in blocks:
            if not isinstance(block, model.Paragraph):      # Word-numbered 一、 items too
                continue
            text = block.display_text
            for level, pattern in _HEADING_NUMBERS:
                m = pattern.match(text)
                if not m:
                    continue
                n = cn_number(m[1]) if level <= 2 else int(m[1])
                if n is None or (level > 2 and not _cjk_after(text, m.end())):
                    break                 # 1. (1) before Latin text: not the GB/T 9704 levels
                prev = last.get(level)
                # 1. 2. … may run on under the next （二） (common in 行动方案), or start
                # again at 1 under a new higher heading: both fine; a skipped or repeated
                # number is not, nor a restart with no higher heading between (（一） after
                # （十） under the same 一、)
                restart = n == 1 and level in opened
                if n != (1 if prev is None else prev + 1) and not restart:
                    if prev is None:
                        message = f"标题序号应从“{_label(level, 1)}”开始：“{m[0].strip()}”"
                    else:
                        what = "重复" if n <= prev else "不连续"
                        message = f"标题序号{what}：“{m[0].strip()}”前一个是“{_label(level, prev)}”"
                    out.append(_f("HEADING_SEQUENCE", message, doc, block.id, m[0].strip(),
                                  m.start(1)))
                last[level] = n
                opened.discard(level)
                opened.update(range(level + 1, 5))
                break
            else:
                if _PART_HEAD.match(text) or isinstance(block, model.Heading):
                    opened.update(range(1, 5))      # an unnumbered head: all start again
                elif _OTHER_THIRD.match(text):
                    opened.add(4)
    return out


def _cjk_after(text: str, i: int) -> bool:
    rest = text[i:].lstrip()
    return bool(rest) and "\u3400" <= rest[0] <= "\u9fff"


def _label(level: int, n: int) -> str:
    if level <= 2:
        cn = ("零一二三四五六七八九"[n] if n < 10 else
              ("" if n < 20 else "零一二三四五六七八九"[n // 10]) + "十" +
              ("" if n % 10 == 0 else "零一二三四五六七八九"[n % 10]))
        return f"{cn}、" if level == 1 else f"（{cn}）"
    return f"{n}." if level == 3 else f"（{n}）"


def recipients_colon(doc: model.Document) -> list[Finding]:
    text = doc.recipients.rstrip()
    if not text or text.endswith("："):
        return []
    last = text[-1]
    n = len(text)
    if last in ":，,。.；;":
        fix = [[doc.id, "recipients", n - 1, n, last, "："]]
    else:
        fix = [[doc.id, "recipients", n, n, "", "："]]
    return [_f("RECIPIENTS_COLON", "主送机关末尾应使用全角冒号“：”", doc, "recipients",
               text[-8:], max(0, n - 8), n, fix)]


def punctuation(doc: model.Document) -> list[Finding]:
    """标点检查's findings (the 发文字号 brackets go to DOCNO_FORMAT)."""
    out = []
    end = len(doc.recipients.rstrip())
    for p in punct_findings(doc):
        if p.block_id == "doc_number" or (p.block_id == "recipients" and p.end == end):
            continue              # DOCNO_FORMAT and RECIPIENTS_COLON say these
        out.append(_f("PUNCT_HALFWIDTH", f"{p.reason}：{p.context} → “{p.fix}”", doc, p.block_id,
                      p.found, p.start, p.end,
                      [[doc.id, p.block_id, p.start, p.end, p.found, p.fix]]))
        out[-1].text = p.context
        # recognisable after the fixes around it: neighbours as they read once fixed
        before, after = p.before.translate(_AS_FIXED), p.after.translate(_AS_FIXED)
        out[-1].anchor = f"{before[-4:]}【{p.found}】{after[:4]}"
    return out


def punct_pairs(doc: model.Document) -> list[Finding]:
    """《》 “” （） left open or closed without an opening within one paragraph."""
    out = []
    closers = {v: k for k, v in PAIRS.items()}
    for block_id, text in block_texts(doc).items():
        if not _CJK.search(text):
            continue                              # Western text pairs its quotes its own way
        stack: list[tuple[str, int]] = []
        bad: list[int] = []
        for i, ch in enumerate(text.translate(_SAME_BRACKET)):
            if ch == "）" and not (stack and stack[-1][0] == "（") and \
                    _LIST_MARKER.search(text, 0, i + 1):
                continue                         # a) 1） as a list number: no partner wanted
            if ch in PAIRS:
                stack.append((ch, i))
            elif ch in closers:
                if stack and stack[-1][0] == closers[ch]:
                    stack.pop()
                else:
                    bad.append(i)
        bad += [i for _, i in stack]
        for i in sorted(bad)[:3]:
            ch = text[i].translate(_SAME_BRACKET)
            partner = PAIRS.get(ch) or closers.get(ch)
            context = f"{text[max(0, i - 8):i]}【{text[i]}】{text[i + 1:i + 9]}".replace("\n", " ")
            out.append(_f("PUNCT_PAIRS", f"“{ch}”没有对应的“{partner}”：{context}", doc, block_id,
                          context, i, i + 1))
    return out


DOCUMENT_RULES = (title_and_kind, empty_document, doc_number, attachments, heading_sequence,
                  recipients_colon, punctuation, punct_pairs)


# ---------------------------------------------------------------------------- the issue

def published_date(meta: model.IssueMeta) -> tuple[int, int, int] | None:
    """The last day the publication date allows (2025年9月 → 2025-09-30)."""
    m = _YM.search(meta.published or "")
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    y, mo = int(m[1]), int(m[2])
    return (y, mo, int(m[3]) if m[3] else calendar.monthrange(y, mo)[1])


def check_documents(issue: model.Issue) -> list[Finding]:
    published = published_date(issue.meta)
    out = []
    for doc in issue.documents():
        for rule in DOCUMENT_RULES:
            out += rule(doc)
        out += date_format(doc, published)
    return out + duplicates(issue)


def _named(doc: model.Document, width: int = 20) -> str:
    """《title》 cut to ``width`` characters with …, and its file when it has no title."""
    title = doc.toc_title
    short = title if len(title) <= width else title[:width - 1] + "…"
    return f"《{short}》" + (f"（{doc.source_name}）" if not doc.title and doc.source_name else "")


def _where(doc: model.Document, issue: model.Issue) -> str:
    """Where the other document of a title is: its 栏目 and place, and its file."""
    for section in issue.sections:
        for n, d in enumerate(section.documents, 1):
            if d is doc:
                place = f"“{section.title}”栏第 {n} 篇" if section.title else f"第 {n} 篇"
                return place + (f"，{doc.source_name}" if doc.source_name else "")
    return doc.source_name or doc.toc_title


def duplicates(issue: model.Issue) -> list[Finding]:
    out, numbers, titles = [], {}, {}
    for doc in issue.documents():
        number = _SPACE.sub("", doc.doc_number).translate(str.maketrans("[]()（）【】", "〔〕〔〕〔〕〔〕"))
        title = _norm(doc.title)
        if number and number in numbers:
            out.append(_f("DUPLICATE_DOCUMENT", f"发文字号“{doc.doc_number}”与{numbers[number]}"
                          "相同：同一文件是否收录了两次？", doc, "doc_number", doc.doc_number))
        # one title under two different numbers (两期常务会议纪要) is two documents
        elif title and title in titles and not (number and titles[title][1]):
            out.append(_f("DUPLICATE_DOCUMENT", f"标题与本期另一文件（{titles[title][0]}）相同："
                          "同一文件是否收录了两次？", doc, "title", doc.title))
        numbers.setdefault(number, _named(doc))
        titles.setdefault(title, (_where(doc, issue), number))
    return out


def check_issue(issue: model.Issue, previous_total: int | None = None) -> list[Finding]:
    meta = issue.meta
    out = []

    def issue_finding(message: str, text: str) -> None:
        out.append(Finding("ISSUE_METADATA", message, text=text))

    if not (meta.title or "").strip() and any(s.documents for s in issue.sections):
        # a project made with ``project new`` and no --from: the cover prints no name
        issue_finding("未填写刊名：封面、扉页和书眉上没有刊名", "刊名")
    m = re.search(r"总第\s*(\d+)\s*期", meta.issue_label or "")
    label_n = int(m[1]) if m else None
    if label_n is not None and meta.total_number is not None and label_n != meta.total_number:
        issue_finding(f"期号“{meta.issue_label}”与总期数 {meta.total_number} 不一致", meta.issue_label)
    total = meta.total_number if meta.total_number is not None else label_n
    if previous_total is not None and total is not None and total != previous_total + 1:
        issue_finding(f"上一期为总第{previous_total}期，本期应为总第{previous_total + 1}期",
                      meta.issue_label or str(total))
    period = [(int(y), int(mo)) for y, mo, _ in _YM.findall(meta.period or "")]
    if len(period) >= 2 and period[0] > period[-1]:
        issue_finding(f"出版周期“{meta.period}”的起始晚于结束", meta.period)
    published = published_date(meta)
    if published and period and published[:2] < period[-1]:
        issue_finding(f"出版日期“{meta.published}”早于本期周期“{meta.period}”的结束", meta.published)
    for section in issue.sections:
        if not section.documents:
            out.append(Finding("SECTION_EMPTY", f"栏目“{section.title}”中没有文件，"
                               "目录中会出现空栏目", text=section.title))
    return out
