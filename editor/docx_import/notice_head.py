"""The head of a notice: issuer mark, 发文字号 and where the title starts (layer: import).

A 红头 notice opens with its issuer mark (red, 东西湖区人民政府文件, or the agencies of a
联合发文 one a line), then the 文号 on a line of its own — or set with the 签发人 in a
borderless one-row table — then the title.  A gazette reprints a notice the other way
round: the title, then its 文号 under it (often in brackets); the lines above a 文号
are then the title, not an issuer mark.  A 文号 is only ever a line (or cell) holding
it alone: a sentence quoting one (你局《…的请示》（东卫健文〔2025〕12号）收悉) is body text.
"""
from __future__ import annotations

import re

from editor.docx_import import heads
from editor.docx_import.minutes import agency_name
from editor.docx_import.patterns import (COPY_LINE, NOTICE_TITLE, ORDER_NUMBER, REQUEST_TITLE,
                                         SALUTATION, compact, number_line)
from editor.model import ListItem, Paragraph, Table

_LOOK_AHEAD = 8                 # head lines searched for a 文号
# The word a title ends with (its kind), a bracketed remark such as （试行） aside; no
# agency's name ends so (a 纪要's mark, which does, is read before as a 纪要 head).
TITLE_WORD = re.compile(r"(办法|规定|方案|规划|细则|意见|通知|决定|公告|通告|通报|报告|请示|"
                        r"批复|条例|制度|计划|要点|清单|名单|预案|标准|指南|公示|决议|命令)"
                        r"([（(][^（）()]{1,20}[）)])?$")


def notice_head(bl, start: int, find_date) -> dict | None:
    """Positions of issuer mark / 文号 / title when the document starts like a notice:
    {"issuer": [indices], "number": (index, text) | None, "signer": str, "title":
    [indices] (a title above its 文号), "after": index}; None for any other start.
    ``find_date(bl, i)`` finds the 成文日期 from ``i`` (a title-led notice has one)."""
    seen, i = 0, start
    while i < len(bl.items) and seen < _LOOK_AHEAD:
        j = bl.next_text(i)
        if j is None:
            found = _number_in_table(bl, start, i)
            if found:
                return found
            break
        found = number_line(bl.text(j)) if not isinstance(bl.items[j], ListItem) else None
        issuer = _lines(bl, start, j)
        if not found and ORDER_NUMBER.match(compact(bl.text(j))) and issuer \
                and compact(bl.text(issuer[-1])).endswith("令"):
            found = compact(bl.text(j)), ""
        if found:
            return _head(bl, issuer, j, found,
                         reprint=compact(bl.text(j)).startswith(("（", "(")))
        seen += 1
        i = j + 1
    j = bl.next_text(start)
    if j is not None and compact(bl.text(j)).endswith("文件") and len(bl.text(j)) <= 30:
        return {"issuer": [j], "number": None, "after": j + 1}
    if j is not None and bl.centered(j) and len(bl.text(j)) <= 80:
        k = bl.next_text(j + 1)
        while k is not None and bl.centered(k) and heads.same_look(bl, j, k):
            k = bl.next_text(k + 1)
        if k is not None and bl.text(k).endswith(("：", ":")) and len(bl.text(k)) < 200 \
                and not SALUTATION.match(compact(bl.text(k))) and find_date(bl, k + 1) is not None:
            return {"issuer": [], "number": None, "after": j}
        if named_title(compact(bl.text(j))) and _signed(bl, j + 1, find_date):
            return {"issuer": [], "number": None, "after": j}     # a signed 办法/规定 …
    return None


def _signed(bl, start: int, find_date) -> bool:
    """A 成文日期 after ``start`` under an agency's name (its 署名, on the line above or
    in the date's own paragraph): the document is signed as a 公文 is."""
    found = find_date(bl, start)
    if found is None:
        return False
    d, inline = found
    if inline:
        return agency_name(compact(inline[-1]))
    k = d - 1
    while k >= start and bl.is_para(k) and not bl.text(k):
        k -= 1
    return k >= start and bl.is_para(k) and agency_name(compact(bl.text(k)))


def _lines(bl, start: int, end: int) -> list[int]:
    """The head lines from ``start`` to ``end``, a 份号 on a line of its own left out."""
    return [k for k in range(start, end) if bl.is_para(k) and bl.text(k)
            and not COPY_LINE.match(compact(bl.text(k)))]


def _head(bl, above: list[int], at: int, found: tuple[str, str],
          reprint: bool = False) -> dict:
    """The head with its 文号 at ``at``: the lines ``above`` it are the issuer mark, or
    the title when they read as one or the 文号 is bracketed (a gazette's reprint:
    title, then （文号）) — under an issuer mark of their own (red, or ending 文件) when
    the first lines are one."""
    number, signer = found
    head = {"issuer": above, "number": (at, number), "signer": signer, "after": at + 1}
    cut = 0
    while cut < len(above) and _mark_line(bl, above[cut]):
        cut += 1
    rest = above[cut:]
    if rest and (reads_as_title(bl, rest) or (reprint and not _red(bl.info(rest[0]).color))):
        head["issuer"], head["title"] = above[:cut], above[cut:]
    return head


def _mark_line(bl, k: int) -> bool:
    """A line of an issuer mark: red, or ending 文件."""
    return _red(bl.info(k).color) or compact(bl.text(k)).endswith("文件")


def _number_in_table(bl, start: int, i: int) -> dict | None:
    """A 文号 (and 签发人) set in a borderless one-row table among the head lines."""
    while i < len(bl.items) and isinstance(bl.items[i], Paragraph) and not bl.text(i):
        i += 1
    if i >= len(bl.items) or not isinstance(bl.items[i], Table):
        return None
    found = number_table(bl.items[i])
    return _head(bl, _lines(bl, start, i), i, found) if found else None


def number_table(table) -> tuple[str, str] | None:
    """(文号, 签发人 part) of a layout table of one row holding a 文号 in a cell of its
    own, and at most a 签发人 beside it; None for any other table."""
    if not isinstance(table, Table) or len(table.rows) != 1:
        return None
    cells = [compact(c.text) for c in table.rows[0].cells if compact(c.text)]
    if not 1 <= len(cells) <= 3:
        return None
    numbers = [number_line(c) for c in cells]
    number = next((n for n in numbers if n), None)
    if number is None:
        return None
    rest = [c for c, n in zip(cells, numbers) if not n]
    if any(not (c.startswith("签发人") or COPY_LINE.match(c)) for c in rest):
        return None
    return number[0], "、".join([number[1]] * bool(number[1]) + rest)


def reads_as_title(bl, lines: list[int]) -> bool:
    """Lines above a 文号 that are a title, not an issuer mark: 关于……的通知 (or any
    title word) or longer than any agency's name, and neither red nor ending in 文件/令
    as an issuer mark does."""
    text = "".join(compact(bl.text(k)) for k in lines)
    if text.endswith(("文件", "令")) or any(_red(bl.info(k).color) for k in lines):
        return False
    return named_title(text) or max(len(compact(bl.text(k))) for k in lines) > 30


def named_title(text: str) -> bool:
    """A title naming its kind: 关于……的通知 / 批复 / 请示 …, ……暂行办法, ……方案（试行）."""
    return ("关于" in text and bool(NOTICE_TITLE.search(text) or REQUEST_TITLE.search(text))) \
        or bool(TITLE_WORD.search(text))


def _red(color: str | None) -> bool:
    """A red of a 红头 (FF0000, E60012, C00000 …)."""
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[k:k + 2], 16) for k in (0, 2, 4))
    except ValueError:
        return False
    return r >= 0xB0 and g <= 0x60 and b <= 0x60
