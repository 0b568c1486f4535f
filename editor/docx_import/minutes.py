"""会议纪要 heads and attendance lines (layer: import).

A 纪要 starts with its red mark (东西湖区人民政府常务会议纪要: a short centred or large
line ending 纪要), then its number (第5期, （第12期）, 2025年第3期, 第12次, 〔2025〕5号 or a
文号 such as 东政纪〔2025〕12号) and often a line with the issuing office on the left and
the date on the right above a red rule.  Senders set that line with spaces or a tab
between the two, as a borderless table of two cells, or as two paragraphs (the office,
then the date set right).  ``minutes_head`` finds these parts; what follows (an optional
title, the body, 出席/请假/列席 lines, a signature and date at the end) is read like a
notice.  ``mark_attendance`` gives the 出席：/请假：/列席： lines at the end of the body,
and the 时间：/地点：/主持：/出席： lines some 纪要 open with, the role ``attendance``
(GB/T 9704 §10.3: 黑体 label, names aligned under the first name).
"""
from __future__ import annotations

import re

from editor.docx_import.patterns import DATE, DATE_TEXT, DOC_NUMBER, compact, doc_number_in
from editor.model import Heading, ListItem, Paragraph, Table

MINUTES_MARK = re.compile(r"纪要$")
ISSUE_NUMBER = re.compile(r"^[（(]?(?:\d{4}年)?第[0-9０-９一二三四五六七八九十百]+[期次号][）)]?$")
BARE_NUMBER = re.compile(r"^[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d+\s*号$")
ATTENDANCE = re.compile(r"^\s*(出\s*席|请\s*假|列\s*席|缺\s*席|出席人员|请假人员|列席人员)"
                        r"\s*[:：]")
# The meeting's own lines a 纪要 may open with, right under its head (时间：地点：主持：
# 出席：列席：记录：…).
MEETING_LINE = re.compile(r"^\s*(?:会议)?(时\s*间|地\s*点|主\s*持人?|出\s*席(?:人员)?|"
                          r"列\s*席(?:人员)?|请\s*假(?:人员)?|缺\s*席(?:人员)?|记\s*录人?|"
                          r"参\s*加(?:人员)?|参会人员|与会人员)\s*[:：]")
# (a date as the importer reads one anywhere: 2025年3月10日, ２０２５年…, 二〇二五年三月十日)
_OFFICE_DATE = re.compile(rf"^(?:(?P<office>\S.*?)[\s\u3000]+)?(?P<date>{DATE_TEXT})$")
_NOT_OFFICE = set("。，；：:,!！？?、")


def minutes_head(bl, start: int) -> dict | None:
    """Positions and parts of a 纪要 head starting at ``start``: {"issuer": [mark index],
    "number": (index, text) | None, "office": str, "date": str, "after": index}; None
    when the document does not start with a 纪要 mark followed by a number or an
    office/date line."""
    lines = _mark_lines(bl, start)
    if not lines:
        return None
    j = lines[-1]
    head = {"issuer": lines, "number": None, "office": "", "date": "", "after": j + 1}
    i, steps = j + 1, 0
    while i < len(bl.items) and steps < 4:
        b = bl.items[i]
        if isinstance(b, Paragraph) and not bl.text(i):
            i += 1
            continue
        steps += 1
        if isinstance(b, Table):
            found = _table_line(b)
            if not found or head["date"]:
                break
            head["office"], head["date"] = found
            i += 1
            head["after"] = i
            continue
        if not isinstance(b, Paragraph) or isinstance(b, (Heading, ListItem)):
            break
        text = compact(bl.text(i))
        if head["number"] is None and not head["date"] and _number(text):
            head["number"] = (i, _number(text))
        elif not head["date"] and office_date(bl.text(i)):
            head["office"], head["date"] = office_date(bl.text(i))
        elif not head["date"] and not head["office"] and agency_name(text) \
                and not bl.centered(i):
            k = bl.next_text(i + 1)
            if k is None or not DATE.match(compact(bl.text(k))):
                break
            head["office"], head["date"] = text, compact(bl.text(k))
            i = k
        else:
            break
        i += 1
        head["after"] = i
    if head["number"] is None and not head["date"]:
        return None
    return head


def _mark_lines(bl, start: int) -> list[int]:
    """The paragraphs of a 纪要 mark: a centred or large line ending 纪要, or up to three
    centred lines of one look whose last ends so (中共东西湖区委 / 常委会会议纪要)."""
    from editor.docx_import.heads import same_look
    first = bl.next_text(start)
    if first is None or not (bl.centered(first) or (bl.info(first).size or 0) >= 18):
        return []
    lines, k = [first], first
    while True:
        mark = "".join(compact(bl.text(i)) for i in lines)
        if len(mark) > 40:
            return []
        if MINUTES_MARK.search(mark):
            return lines if len(mark) >= 4 else []
        k = bl.next_text(k + 1)
        if k is None or len(lines) == 3 or k != lines[-1] + 1 or not bl.centered(k) \
                or not same_look(bl, first, k):
            return []
        lines.append(k)


def _number(text: str) -> str | None:
    if ISSUE_NUMBER.match(text):
        return text.strip("（）()")
    if BARE_NUMBER.match(text):
        return text
    return doc_number_in(text) if DOC_NUMBER.search(text) and len(text) <= 30 else None


def agency_name(text: str) -> bool:
    """An agency's or office's name: short, no sentence marks, no digits (not a date or
    number)."""
    return 2 <= len(text) <= 30 and not (set(text) & _NOT_OFFICE) and not DATE.match(text) \
        and not re.search(r"\d", text)


def office_date(text: str) -> tuple[str, str] | None:
    """(office, date) from one line: 东西湖区人民政府办公室　　　2025年3月10日 (spaces or
    a tab between the two), or the date alone."""
    m = _OFFICE_DATE.match(text.strip())
    if not m:
        return None
    office = compact(m.group("office") or "")
    if office and not agency_name(office):
        return None
    return office, compact(m.group("date"))


def _table_line(table: Table) -> tuple[str, str] | None:
    """(office, date) from a one-row layout table: [office, date] or [date]."""
    if len(table.rows) != 1:
        return None
    cells = [compact(c.text) for c in table.rows[0].cells if compact(c.text)]
    if len(cells) == 2 and agency_name(cells[0]) and DATE.match(cells[1]):
        return cells[0], cells[1]
    if len(cells) == 1:
        return office_date(cells[0])
    return None


def mark_attendance(body: list) -> None:
    """出席：/请假：/列席： paragraphs at the end of ``body`` (a note or two may follow
    them), and the meeting's lines opening it (时间：地点：主持：出席：…, two or more, or
    one naming who attended), get role ``attendance``."""
    top = []
    for b in body:
        if not _plain(b) or not MEETING_LINE.match(b.display_text):
            break
        top.append(b)
    if len(top) >= 2 or (top and ATTENDANCE.match(top[0].display_text)):
        for b in top:
            b.role = "attendance"
    found, skipped = False, 0
    for b in reversed(body):
        if not _plain(b):
            return
        if ATTENDANCE.match(b.display_text):
            b.role, found = "attendance", True
        elif found or skipped >= 2:
            return
        else:
            skipped += 1


def _plain(b) -> bool:
    """A paragraph of text (not a heading or a list item)."""
    return isinstance(b, Paragraph) and not isinstance(b, (Heading, ListItem))
