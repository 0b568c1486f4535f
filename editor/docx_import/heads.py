"""Title-led documents: kind, title, conference mark, subtitle, date line and speaker
(layer: import).

A document that does not start like a 红头 notice is read from its first lines: a
conference-file mark (区十一届人大四次会议文件（6）) is kept as ``mark`` above the title; the
title is the centred large line(s); under it a speech has a subtitle (——…), a date line
（2025年2月10日） and a speaker line in any order, the date read as the date.  The kind
follows from the title and those lines: 大事记 → chronicle, …目录 with document entries →
doc_list, speech signals (讲话/致辞/工作报告 titles, a salutation 同志们：, a spoken
subtitle or a date line) → speech, 简讯/动态 with headlines → news, else article.  When no
line looks like a title, the first centred or largest-type short line is taken and
flagged uncertain; there is never a file name as a title.
"""
from __future__ import annotations

import re

from editor.docx_import.patterns import (CHRONICLE_DATE, DATE, DATE_IN, DOC_NUMBER,
                                         MEETING_MARK, NEWS_TITLE, NOTICE_TITLE, PAREN_DATE,
                                         REQUEST_TITLE, SALUTATION,
                                         SPEECH_TITLE, SPOKEN, compact, heading_level,
                                         heading_like, title_text)
from editor.docx_import.minutes import office_date
from editor.model import Document, ListItem, Paragraph

DASHES = ("——", "—", "－－", "--")
ISSUE_LINE = re.compile(r"^[（(]?(\d{4}年)?第[0-9０-９一二三四五六七八九十]+期[）)]?$")
_NOT_NAMES = {"目录", "目次", "前言", "摘要", "说明", "附件", "序言", "引言", "概述", "正文"}
_NUMBERED = re.compile(r"^[\W_]|^[0-9０-９]+[、.．)）]")     # a bullet or a typed number


def mark_line(bl, i: int | None) -> bool:
    """A conference-file mark: short, a 会议文件 name, a centred title right after it."""
    if i is None:
        return False
    text = compact(bl.text(i))
    if len(text) > 40 or not MEETING_MARK.search(text):
        return False
    j = bl.next_text(i + 1)
    return j is not None and (bl.centered(j) or title_look(bl.info(j)))


def title_look(info) -> bool:
    """Set like a title: large (≥ 18 pt) or in a Title / 标题 paragraph style."""
    style = info.pstyle or ""
    return (info.size or 0) >= 18 or "title" in style.lower() or style in ("标题", "公文标题")


def title(bl, doc: Document, start: int) -> int:
    """Join the title's lines (centred paragraphs of one look, w:br breaks); return the
    index after them."""
    j = bl.next_text(start)
    if j is None:
        return start
    parts = [bl.text(j)]
    k = j + 1
    if bl.centered(j):
        while k < len(bl.items) and bl.is_para(k) and bl.text(k) and bl.centered(k) \
                and not bl.text(k).startswith(("—", "－", "-")) and same_look(bl, j, k):
            parts.append(bl.text(k))
            k += 1
    doc.title = title_text(" ".join(parts))
    return k


def same_look(bl, a: int, b: int) -> bool:
    ia, ib = bl.info(a), bl.info(b)
    return ia.pstyle == ib.pstyle and ia.size == ib.size and ia.bold == ib.bold


def kind_of(bl, first: int | None) -> str:
    """The kind of a document whose first line ``first`` is its title (or "article" /
    "other" when nothing more specific fits)."""
    if first is None:
        return "other"
    text = compact(bl.text(first))
    if not (bl.centered(first) or title_look(bl.info(first))) or len(text) > 80:
        return "other"
    paras = [i for i in range(first + 1, len(bl.items)) if bl.is_para(i) and bl.text(i)]
    if "大事记" in text:
        return "chronicle"
    if "目录" in text and _doc_entries(bl, paras):
        return "doc_list"
    if speech_signal(bl, first):
        return "speech"
    dated = [i for i in paras if CHRONICLE_DATE.match(bl.text(i)) and bl.info(i).lead_bold]
    if len(dated) >= 3 and len(dated) * 2 >= len(paras):
        return "chronicle"
    items = [i for i in paras if news_title(bl, i)]
    if len(items) >= 2 and NEWS_TITLE.search(text):
        return "news"
    named = re.sub(r"[（(][^（）()]*[）)]$", "", text)      # 通知（此件公开发布）
    if REQUEST_TITLE.search(named):
        return "request"
    if NOTICE_TITLE.search(named):
        return "notice"
    return "article"


def _doc_entries(bl, paras: list[int]) -> bool:
    """Entries of a list of documents: Word-numbered, or lines naming a 文号."""
    if any(isinstance(bl.items[i], ListItem) for i in paras):
        return True
    return sum(1 for i in paras if DOC_NUMBER.search(bl.text(i))) >= 2


def speech_signal(bl, first: int) -> bool:
    """Speech: a title ending 讲话/致辞/工作报告, a date line or spoken subtitle under it,
    or a salutation (同志们：各位代表：) among the next lines."""
    if SPEECH_TITLE.search(compact(bl.text(first))):
        return True
    i, seen = first + 1, 0
    while seen < 6:
        j = bl.next_text(i)
        if j is None:
            return False
        text = compact(bl.text(j))
        if SALUTATION.match(text):
            return True
        if seen < 3 and (PAREN_DATE.match(text) or
                         (text.startswith(DASHES) and (SPOKEN.search(text) or DATE_IN.search(text)))):
            return True
        seen += 1
        i = j + 1
    return False


def head_lines(bl, doc: Document, start: int, speech: bool, author: bool = False) -> int:
    """The lines under a title: a subtitle (——…), a date line （2025年2月10日…） and, in a
    speech, the speaker (区长　周明) — each at most once, in any order.  A date in the
    date line or subtitle becomes the document's date (``date_in_head``)."""
    for _ in range(3):
        j = bl.next_text(start)
        if j is None:
            break
        text = bl.text(j)
        plain = compact(text)
        if not doc.subtitle and text.startswith(DASHES):
            doc.subtitle = text
            _head_date(doc, plain)
        elif not doc.date and PAREN_DATE.match(plain) and (speech or bl.centered(j)):
            inner = plain[1:-1]
            if not DATE.match(inner) and not doc.subtitle:
                doc.subtitle = text
            _head_date(doc, plain)
        elif speech and not doc.speaker and speaker_like(text) and \
                bl.info(j).align in ("center", "right", "distribute"):
            doc.speaker = text
        elif author and not doc.speaker and bl.centered(j) and _author_like(text):
            doc.speaker = text          # an article's author line (区工商联　张华)
        elif not doc.subtitle and bl.centered(j) and ISSUE_LINE.match(plain):
            doc.subtitle = text         # a news collection's issue line (2025年第3期)
        elif not speech and not doc.date and _office_and_date(text):
            # a 简报's head line: the office that issues it, and its date (the 纪要 shape)
            office, doc.date = _office_and_date(text)
            doc.signature, doc.date_in_head = [office], True
        else:
            break
        start = j + 1
    return start


def _office_and_date(text: str) -> tuple[str, str] | None:
    """(office, date) of a line with both, set apart by spaces or a tab."""
    found = office_date(text)
    return found if found and found[0] else None


def _head_date(doc: Document, text: str) -> None:
    m = DATE_IN.search(text)
    if m and not doc.date:
        doc.date = compact(m.group())
        doc.date_in_head = True


def _author_like(text: str) -> bool:
    """An author under an article's title: a speaker-like line with a gap between the
    unit and the name (区工商联　张　华), or a bare name."""
    body = compact(text)
    if body in _NOT_NAMES:
        return False
    return speaker_like(text) and (len(body) <= 4 or bool(re.search(r"\S[\s\u3000]+\S", text.strip())))


def speaker_like(text: str) -> bool:
    """A speaker line: short, no sentence or colon (区委书记　王五; 周　明)."""
    body = compact(text)
    return 2 <= len(body) <= 30 and not any(c in body for c in "。；：:，,！？、《》") \
        and not DATE_IN.search(body) and heading_level(body) is None


def font_role(bl, i: int) -> str | None:
    """The font role shared by every visible run of paragraph ``i`` (None if mixed)."""
    b = bl.items[i]
    roles = {r.role for r in getattr(b, "runs", []) if r.text.strip()}
    return roles.pop() if len(roles) == 1 else None


def news_title(bl, i: int) -> bool:
    """A headline of a news collection: short, bold, centred or in 黑体, not numbered, not a
    sentence, not a date or source line."""
    text = bl.text(i)
    info = bl.info(i)
    if not (info.bold or info.align == "center" or font_role(bl, i) == "hei"):
        return False
    return heading_like(text) and heading_level(text) is None and \
        not DATE_IN.search(compact(text)) and not text.startswith(("（", "("))


def plain_title(bl, first: int) -> bool:
    """A first line set as a title: centred, large or in a Title style, short and not a
    sentence, with something after it (a lone line stays the body)."""
    text = compact(bl.text(first))
    more = any(bl.text(i) or not bl.is_para(i) for i in range(first + 1, len(bl.items)))
    return (bl.centered(first) or title_look(bl.info(first))) and heading_like(text) \
        and heading_level(text) is None and not DATE.match(text) and more


def fallback_title(bl, start: int) -> int | None:
    """For a document with no line set as a title: the first centred, else the first
    largest-type, short line among the first six (never a sentence, number or date)."""
    found, seen, i = [], 0, start
    while seen < 6:
        j = bl.next_text(i)
        if j is None:
            break
        text = compact(bl.text(j))
        if heading_like(text) and heading_level(text) is None and not DATE_IN.search(text) \
                and not SALUTATION.match(text) and len(text) >= 2 \
                and not isinstance(bl.items[j], ListItem) and not _NUMBERED.match(text):
            found.append(j)
        seen += 1
        i = j + 1
    found = [j for j in found if any(bl.text(k) or not bl.is_para(k)
                                     for k in range(j + 1, len(bl.items)))]
    if not found:               # a lone line stays the body
        return None
    centred = [j for j in found if bl.centered(j)]
    if centred:
        return centred[0]
    top = max(bl.info(j).size or 0 for j in found)
    return next(j for j in found if (bl.info(j).size or 0) == top)


def is_paragraph(b) -> bool:
    return isinstance(b, Paragraph)
