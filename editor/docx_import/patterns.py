"""Text patterns of Chinese official documents: 文号, dates, 附件, heading numbers (layer: import)."""
from __future__ import annotations

import re

_CN_NUM = "〇零○Ｏ一二三四五六七八九十"
YEAR = rf"(?:\d{{4}}|[０-９]{{4}}|[{_CN_NUM}]{{4}})"
DATE_TEXT = (rf"{YEAR}\s*年\s*(?:\d{{1,2}}|[０-９]{{1,2}}|[{_CN_NUM}]{{1,3}})\s*月\s*"
             rf"(?:\d{{1,2}}|[０-９]{{1,2}}|[{_CN_NUM}]{{1,3}})\s*日")    # a date, unanchored
DATE = re.compile(rf"^{DATE_TEXT}$")
DOC_NUMBER = re.compile(r"[^\s：:]{0,20}?[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d+\s*号")
ATTACH_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
ATTACH_NOTE = re.compile(r"^附\s*件\s*[0-9０-９]*\s*[:：]")
COPY_TO = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]")
PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
PUBLIC_NOTE = re.compile(r"^[（(][^（）()]{2,40}[）)]$")
# A speech's date line under its title: （2025年3月1日） or （2025年3月1日在……上）.
PAREN_DATE = re.compile(rf"^[（(]\s*{YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日[^（）()]{{0,40}}[）)]$")
# A date anywhere in a line (a subtitle ——2024年12月26日在……上, a news item's source line).
DATE_IN = re.compile(rf"{YEAR}\s*年\s*(?:\d{{1,2}}|[０-９]{{1,2}}|[{_CN_NUM}]{{1,3}})\s*月\s*"
                     rf"(?:\d{{1,2}}|[０-９]{{1,2}}|[{_CN_NUM}]{{1,3}})\s*日")
# A conference-file mark above a title: 区十一届人大四次会议文件（6）, 区政协十届四次会议材料之三.
MEETING_MARK = re.compile(r"(会议|大会)[^，。；：]{0,6}(文件|材料)(之[一二三四五六七八九十0-9０-９]+)?"
                          r"([（(][0-9０-９一二三四五六七八九十]+[)）])?$")
# The salutation opening a speech (同志们： 各位代表：).
SALUTATION = re.compile(r"^(同志们|各位[^，。：:]{1,12}|女士们|先生们|朋友们|老师们|同学们)"
                        r"[^。：:]{0,16}[：:]$")
# The number of a 政府令 (第3号), read only under an issuer mark ending in 令.
ORDER_NUMBER = re.compile(r"^第[0-9０-９]{1,4}号$")
# Words a speech's title ends with (在……会议上的讲话 / 发言 / 致辞 / 工作报告).
SPEECH_TITLE = re.compile(r"(讲话|发言|致辞|讲稿|动员报告|工作报告|主持词)(（[^）]*）)?$")
# Words in a subtitle saying the text was spoken (——在全区经济工作会议上的讲话).
SPOKEN = re.compile(r"讲话|发言|致辞|会议上|大会上|会上")
# Titles naming a notice or a request (关于……的通知 / 请示), trailing remarks in brackets aside.
NOTICE_TITLE = re.compile(r"(关于.{2,}(通知|通报|决定|意见|批复|函|命令|决议|通告|公告|公示)|"
                          r"会议纪要|通告|公告)$")
REQUEST_TITLE = re.compile(r"关于.{2,}(请示|(?<!调研)(?<!考察)(?<!研究)(?<!评估)(?<!工作)报告)$")
# Titles of news collections.
NEWS_TITLE = re.compile(r"简讯|动态|新闻|快讯|要闻|简报|信息")
CHRONICLE_DATE = re.compile(
    r"^(?:\d{1,2}月(?:\d{1,2}日)?(?:[—\-–~～至]\d{1,2}(?:月(?:\d{1,2}日)?|日))?|"
    r"\d{1,2}[—\-–~～]\d{1,2}月|同日|同月|是日|当日|月内|上旬|中旬|下旬)")
HEADINGS = (
    (1, re.compile(r"^[一二三四五六七八九十百]+、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")),
    (3, re.compile(r"^[0-9０-９]{1,3}[.．](?![0-9０-９])")),
    (4, re.compile(r"^[（(][0-9０-９]{1,3}[）)]")),
)
SENTENCE_END = "。；！？"


def compact(text: str) -> str:
    """Text without any whitespace (for comparisons)."""
    return re.sub(r"\s+", "", text)


_GAP = re.compile(r"\s+")


def title_text(text: str) -> str:
    """A title's text as printed: spacing put in by hand around Chinese characters (通  知,
    a line split over two paragraphs) goes, a space between Latin words stays one space."""
    def gap(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        words = bool(before) and bool(after) and not _cjk(before) and not _cjk(after)
        return " " if words else ""
    return _GAP.sub(gap, text).strip()


def _cjk(ch: str) -> bool:
    """A Chinese character or full-width mark (between them, spacing typed by hand goes)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def heading_level(text: str) -> int | None:
    """Level 1..4 from a leading 一、/（一）/1./（1） number, or None."""
    text = text.lstrip()
    for level, pattern in HEADINGS:
        if pattern.match(text):
            return level
    return None


def heading_like(text: str) -> bool:
    """Short and not a sentence: a heading on a line of its own, not a run-in lead."""
    body = text.strip()
    if not body or len(body) > 50:
        return False
    return not any(c in body[:-1] for c in SENTENCE_END) and not body.endswith(("：", ":"))


# A 发文字号 on a line of its own: the agency's code (no punctuation: never the end of a
# sentence quoting a number, 你局《…的请示》（东卫健文〔2025〕12号）收悉), the year in
# brackets and the number; bracketed as gazettes reprint it under the title, or with the
# 签发人 set beside it.
_NUMBER_LINE = re.compile(
    r"^(?P<open>[（(]?)(?P<number>[^\s，。、；：:,;《》“”‘’（）()〔〕\[\]［］【】]{0,20}?"
    r"[〔\[［【(（](?:19|20)\d{2}[〕\]］】)）]第?\d+号)(?P<close>[）)]?)"
    r"(?P<signer>签发人[:：]\S{0,40})?$")


# A 份号 (GB/T 9704 7.2.1: six digits at the top left), on a line of its own or typed
# before the 文号 on its line; a gazette does not print it.
_COPY_NUMBER = r"(?:份号[:：]?)?[0-9０-９]{6}"
COPY_LINE = re.compile(rf"^{_COPY_NUMBER}$")
_COPY_LEAD = re.compile(rf"^(?P<copy>{_COPY_NUMBER})(?=[^0-9０-９])")


def number_line(text: str) -> tuple[str, str] | None:
    """(发文字号, the parts of the line not printed: 份号 before it, 签发人 beside it, or
    "") of a head line that is a 文号 and nothing else."""
    line = compact(text)
    lead = _COPY_LEAD.match(line)
    if lead:
        line = line[lead.end():]
    m = _NUMBER_LINE.match(line)
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None
    aside = [part for part in (lead and lead.group("copy"), m.group("signer")) if part]
    return m.group("number"), "、".join(aside)


def doc_number_in(text: str) -> str | None:
    """The 发文字号 of a head line holding it alone (e.g. 东政发〔2025〕3号, or with its
    签发人 beside it); None for a sentence that merely quotes one."""
    found = number_line(text)
    return found[0] if found else None
