"""Structure recognition: flat blocks -> Document parts and kind (layer: import).

红头 notices by position and pattern (issuer mark, 文号, title over several lines,
主送机关, body, 附件说明, signature before the date, attachments after it, 版记); speeches
(subtitle ——…, speaker), 上级政府文件目录 (doc_list), 大事记 (chronicle, date-led entries),
news (titled items) and other documents (body only, nothing dropped).
"""
from __future__ import annotations

import re

from editor.docx_import import heads
from editor.docx_import.context import Context, ParaInfo
from editor.docx_import.headings import mark_headings
from editor.docx_import.indents import typed_indents
from editor.docx_import.minutes import agency_name, mark_attendance, minutes_head
from editor.docx_import.notice_head import named_title, notice_head, number_table
from editor.docx_import.patterns import (ATTACH_LABEL, ATTACH_NOTE, COPY_LINE, COPY_TO, DATE,
                                         DOC_NUMBER, PRINTED, PUBLIC_NOTE, SALUTATION,
                                         compact, title_text)
from editor.model import (Attachment, Document, Heading, ListItem, PageBreak, Paragraph, Table,
                          block_text)


class Blocks:
    """The top-level blocks with cheap text/format access for the recogniser."""

    def __init__(self, ctx: Context, blocks: list):
        self.ctx = ctx
        self.items = blocks

    def text(self, i: int) -> str:
        b = self.items[i]
        return b.display_text.strip() if isinstance(b, Paragraph) else ""

    def info(self, i: int) -> ParaInfo:
        b = self.items[i]
        return self.ctx.info.get(getattr(b, "id", ""), ParaInfo())

    def is_para(self, i: int) -> bool:
        return isinstance(self.items[i], Paragraph)

    def next_text(self, i: int, stop: int | None = None) -> int | None:
        """Index of the next non-empty paragraph at or after i (None at a table/end)."""
        stop = len(self.items) if stop is None else stop
        while i < stop:
            if not self.is_para(i):
                return None
            if self.text(i):
                return i
            i += 1
        return None

    def centered(self, i: int) -> bool:
        return self.info(i).align in ("center", "distribute")


def recognise(ctx: Context, blocks: list, doc: Document, kind: str | None = None) -> None:
    """Fill ``doc`` from the flat list of top-level blocks; ``kind`` forces the kind (the
    editor's correction) instead of recognising it."""
    lead = 0                    # tables or pictures before any text (份号/密级 boxes …)
    while lead < len(blocks) and not isinstance(blocks[lead], Paragraph):
        lead += 1
    if 0 < lead < len(blocks):
        recognise(ctx, blocks[lead:], doc, kind)
        names = _head_table(blocks[lead - 1])
        number = number_table(blocks[lead - 1])
        if doc.kind not in ("notice", "request", "minutes"):
            pass
        elif names and not doc.issuer_mark:
            doc.issuer_mark = "\n".join(names)     # a 联合发文 head set as a table
            lead -= 1
        elif number and not doc.doc_number:         # 文号 and 签发人 set as a table
            doc.doc_number = number[0]
            _signer_note(ctx, number[1])
            lead -= 1
        doc.body[:0] = _content(blocks[:lead])       # kept, before the body
        return
    bl = Blocks(ctx, blocks)
    first = bl.next_text(0)
    start = 0
    copies = [k for k in range(len(blocks)) if k < 12 and bl.is_para(k)
              and COPY_LINE.match(compact(bl.text(k)))]
    if first is not None and first in copies:        # a 份号 over the 红头
        start = first + 1
        first = bl.next_text(start)
    if heads.mark_line(bl, first):
        doc.mark = compact(bl.text(first))
        start = first + 1
        first = bl.next_text(start)
    head = None
    guess = heads.kind_of(bl, first) if kind is None else kind
    minutes = minutes_head(bl, start) if kind in (None, "minutes") else None
    if minutes is not None:                  # a 纪要 mark with its number or date line
        head = minutes
    elif guess in ("notice", "request", "minutes"):       # forced, or named so by its title
        head = notice_head(bl, start, _find_date) or {"issuer": [], "number": None,
                                                          "after": start}
    elif kind is None and guess not in TITLED:
        head = notice_head(bl, start, _find_date) if first is not None else None
    if head is not None:
        for k in copies:
            if k < head["after"]:
                _signer_note(ctx, bl.text(k))           # a 份号 of its own line: not printed
        signed = _notice(bl, doc, head)
        doc.kind = kind or ("request" if compact(doc.title).endswith(("请示", "报告")) else "notice")
        if minutes is not None or doc.kind == "minutes" or (
                kind is None and compact(doc.title).endswith("纪要")):
            _minutes(ctx, doc, minutes or {}, kind, signed)
    else:
        _titled(bl, doc, first, kind)
    if not doc.title:
        _no_title(ctx, bl, doc, start)
    if doc.kind == "other" and kind is None:
        doc.uncertain.append("kind")
        ctx.report.warning("未能识别文件类型，请在“属性”中选择类型", "kind other")
    typed_indents(ctx, doc)
    mark_headings(ctx, doc)
    _landscape(ctx, doc)


def _head_table(b) -> list[str] | None:
    """A 联合发文 mark laid out as a table (the agencies' names one a row, 文件 in a cell
    merged down beside them): the mark's lines, names then 文件; None for any other."""
    if not isinstance(b, Table) or not 2 <= len(b.rows) <= 8:
        return None
    names, word = [], False
    for row in b.rows:
        for cell in row.cells:
            text = compact(cell.text)
            if text == "文件":
                word = True
            elif text:
                if not agency_name(text) or text in names:
                    return None
                names.append(text)
    return names + ["文件"] if word and len(names) >= 2 else None


TITLED = ("chronicle", "doc_list", "speech", "news")


def _no_title(ctx: Context, bl: Blocks, doc: Document, start: int) -> None:
    """No title recognised: the first centred or largest-type short line becomes the title,
    flagged uncertain; nothing fitting leaves the title empty, flagged too."""
    j = heads.fallback_title(bl, start)
    if j is None or not any(b is bl.items[j] for b in doc.body):
        if "title" not in doc.uncertain:
            doc.uncertain.append("title")
        ctx.report.warning("未能识别文件标题，请在“属性”中填写标题", "no title")
        return
    doc.body = [b for b in doc.body if b is not bl.items[j]]
    doc.title = title_text(bl.text(j))
    if doc.kind == "other":
        doc.kind = "article"
    _flag_title(ctx, doc)


def _landscape(ctx: Context, doc: Document) -> None:
    """Word's landscape sections: an attachment in one is set on landscape pages; a table
    of the body in one gets the table's landscape setting."""
    wide = getattr(ctx, "landscape", set())
    if not wide:
        return
    for att in doc.attachments:
        ids = [getattr(b, "id", "") for b in att.blocks]
        if ids and sum(i in wide for i in ids) * 2 > len(ids):
            att.landscape = True
            for b in att.blocks:
                if isinstance(b, Table):
                    b.layout.landscape = True
    for b in doc.body:
        if isinstance(b, Table) and b.id in wide:
            b.layout.landscape = True


# -- notices -------------------------------------------------------------------------------
def _notice(bl: Blocks, doc: Document, head: dict) -> list:
    """Fill a notice's parts; returns the blocks its 署名 and 成文日期 were read from."""
    doc.kind = "notice"
    # 联合发文: one issuer a line (the masthead sets each line, instead of all the names
    # run together into one line shrunk to a third of the size); 文件 set apart from a
    # single issuer's name joins it
    lines = [compact(bl.text(k)) for k in head["issuer"]]
    if len(lines) == 2 and lines[1] == "文件":
        lines = [lines[0] + lines[1]]
    doc.issuer_mark = "\n".join(lines)
    if head["number"]:
        doc.doc_number = head["number"][1]
    _signer_note(bl.ctx, head.get("signer", ""))
    i = head["after"]
    t = bl.next_text(i)
    if head.get("title"):           # a title above its 文号, as a gazette reprints it
        doc.title = title_text(" ".join(bl.text(k) for k in head["title"]))
        i = heads.head_lines(bl, doc, i, speech=False)
        if not named_title(compact(doc.title)):
            _flag_title(bl.ctx, doc)        # read as a title for its length alone
    elif t is not None and (bl.centered(t) or heads.title_look(bl.info(t))):
        i = heads.title(bl, doc, t)
        i = heads.head_lines(bl, doc, i, speech=False)
        if not (head["issuer"] or head["number"] or heads.title_look(bl.info(t))):
            _flag_title(bl.ctx, doc)        # no 红头, set like body text: a guess
    elif t is not None and doc.issuer_mark.endswith("令"):
        named = re.search(r"《([^《》]{4,60})》", bl.text(t))      # 政府令: 《…办法》已经…公布
        doc.title = named.group(1) if named else ""
    k = bl.next_text(i)
    if k is not None and _recipients(bl, k):
        doc.recipients = bl.text(k)
        i = k + 1
    date_at = _find_date(bl, i)
    if date_at is None:
        doc.body = _content(bl.items[i:])
        _colophon(bl, doc)
        return []
    d, sig_lines = date_at
    doc.date = compact(bl.text(d).split("\n")[-1])
    sig_start, doc.signature = _signature(bl, d, sig_lines)
    body_end, doc.attachment_note = _attachment_note(bl, i, sig_start)
    doc.body = _content(bl.items[i:body_end])
    tail = _colophon(bl, doc, d + 1)
    _attachments(bl, doc, d + 1, tail)
    return bl.items[sig_start:d + 1]


def _signer_note(ctx: Context, signer: str) -> None:
    """The 签发人 beside a 文号 is not printed in the gazette: said, not dropped silently."""
    if signer:
        ctx.note("info", f"版头中的“{signer}”不在公报中刊印", "签发人 in head")


def _minutes(ctx: Context, doc: Document, head: dict, forced: str | None,
             signed: list) -> None:
    """A 纪要: the office and date of its head line are its 署名 and date (printed in the
    head, GB/T 9704 §10.3), also when the sender signed it again at the end (that
    repetition is noted, a different signature kept where it stands); with no title line
    of its own the mark is its title (the 期号 stays the number: two 常务会议纪要 of an
    issue differ by it); 出席/请假/列席 lines get their role."""
    doc.kind = forced or "minutes"
    kept: list = []
    if head.get("date") and (not doc.date or head.get("office")):
        if doc.date and _signed_again(doc, head):
            ctx.note("info", "纪要文末的署名和日期与版头相同，只在版头刊印一次",
                     "minutes signed again")
        elif doc.date:
            kept = _content(signed)             # signed otherwise: kept where typed
        doc.date = head["date"]
        doc.signature = [head["office"]] if head.get("office") else []
        doc.date_in_head = True
    if not doc.title and doc.issuer_mark:
        doc.title = title_text(doc.issuer_mark.replace("\n", ""))
    mark_attendance(doc.body)
    doc.body.extend(kept)
    if head and not doc.date and "date" not in doc.uncertain:     # a 纪要 head, no date
        doc.uncertain.append("date")
        ctx.report.warning("未能识别纪要的日期（版头和文末都没有），请在“属性”中填写成文日期",
                           "minutes without date")


def _signed_again(doc: Document, head: dict) -> bool:
    """The 署名 and 成文日期 at the end repeat the 纪要's head line."""
    return compact(doc.date) == compact(head["date"]) and \
        compact("".join(doc.signature)) in ("", compact(head["office"]))


def _recipients(bl: Blocks, k: int) -> bool:
    """主送机关: a line ending in a colon, flush left (not an indented sentence such as
    现就有关事项通告如下：), not 附件：, not a salutation."""
    text, block = bl.text(k), bl.items[k]
    indented = block.text[:1] in ("\u3000", " ") or (block.style.first_indent or 0) > 1
    return text.endswith(("：", ":")) and 2 < len(compact(text)) < 200 and not indented \
        and "如下" not in text and not ATTACH_NOTE.match(text) \
        and not SALUTATION.match(compact(text))


def _find_date(bl: Blocks, start: int) -> tuple[int, list[str]] | None:
    """The 成文日期 paragraph after the body: (index, signature lines in the same paragraph)."""
    for i in range(start, len(bl.items)):
        if not bl.is_para(i):
            continue
        lines = [ln.strip() for ln in bl.text(i).split("\n") if ln.strip()]
        if lines and DATE.match(compact(lines[-1])):
            return i, lines[:-1]
    return None


# An entry of a 附件说明 under 附件：1．… (2．项目建设管理要求): never an agency's name.
ENTRY = re.compile(r"^[0-9０-９]{1,2}\s*[.．、]")


def _signature(bl: Blocks, d: int, inline: list[str]) -> tuple[int, list[str]]:
    """The 署名 read upwards from the date: at most four short lines (or agencies side by
    side in a table); a sentence, a note, a line with a colon or a numbered entry of
    the 附件说明 above it ends it (senders leave no blank line between the two)."""
    lines = list(inline)
    k = d - 1
    if not lines and k >= 0 and isinstance(bl.items[k], Table):
        names = _signing_table(bl.items[k])         # agencies side by side in a table
        return (k, names) if names else (d, [])
    while k >= 0 and len(lines) < 4 and bl.is_para(k):
        text = bl.text(k)
        if not text or len(text) > 40 or text[-1] in "。；：:，," or text[0] in "（(" \
                or "：" in text or ":" in text or ENTRY.match(text):
            break               # （此页无正文）, notes, 请假：林峰 and 附件说明 entries
        if not (bl.info(k).align in ("right", "center") or len(text) <= 25):
            break
        lines.insert(0, text)
        k -= 1
    return k + 1, [compact(x) for x in lines]


def _signing_table(table: Table) -> list[str]:
    """Agencies signing side by side in a one-row layout table (联合发文 署名): their
    names, or [] for any other table."""
    if len(table.rows) != 1:
        return []
    names = [compact(c.text) for c in table.rows[0].cells if compact(c.text)]
    return names if 2 <= len(names) <= 4 and all(agency_name(n) for n in names) else []


def _attachment_note(bl: Blocks, start: int, end: int) -> tuple[int, list[str]]:
    """The 附件说明 lines at the end of the body (附件：1.… 2.…)."""
    last = None
    for i in range(start, end):
        if bl.is_para(i) and ATTACH_NOTE.match(bl.text(i)):
            last = i
    if last is None:
        return end, []
    lines: list[str] = []
    for i in range(last, end):
        if not bl.is_para(i):
            return end, []
        lines.extend(ln.strip() for ln in bl.text(i).split("\n") if ln.strip())
    return last, lines


def _colophon(bl: Blocks, doc: Document, start: int = 0) -> int:
    """版记 lines (抄送：…, …印发) at the very end; returns where they begin."""
    end = len(bl.items)
    k = end - 1
    found: list[str] = []
    while k >= start:
        b = bl.items[k]
        if isinstance(b, Paragraph):
            text = bl.text(k)
            if text and not (COPY_TO.match(compact(text)) or PRINTED.search(compact(text))):
                break
            if text:
                found.insert(0, text)
        elif isinstance(b, Table) and (PRINTED.search(compact(block_text(b))) or
                                       COPY_TO.match(compact(block_text(b)))):
            found[:0] = [c.text.strip() for row in b.rows for c in row.cells if c.text.strip()]
        else:
            break
        k -= 1
    if found:
        doc.colophon_note = found
        return k + 1
    return end


def _attachments(bl: Blocks, doc: Document, start: int, end: int) -> None:
    current: Attachment | None = None
    i = start
    while i < end:
        b = bl.items[i]
        text = bl.text(i)
        if isinstance(b, Paragraph) and not text:
            i += 1
            continue
        if isinstance(b, PageBreak) and _starts_attachment(bl, i + 1, end, current):
            i += 1
            continue
        if isinstance(b, Paragraph) and ATTACH_LABEL.match(compact(text)):
            current = Attachment(id=f"a{len(doc.attachments) + 1}", label=compact(text).rstrip("：:"))
            doc.attachments.append(current)
            i = _attachment_title(bl, current, i + 1, end)
            continue
        if current is None and isinstance(b, Paragraph) and PUBLIC_NOTE.match(text) \
                and not doc.attachments:
            b.role = "note"
            doc.body.append(b)
            i += 1
            continue
        if current is None:
            current = Attachment(id=f"a{len(doc.attachments) + 1}")
            doc.attachments.append(current)
            if isinstance(b, Paragraph) and bl.centered(i):
                i = _attachment_title(bl, current, i, end)
                continue
        if isinstance(b, Paragraph) and ATTACH_NOTE.match(text):
            b.role = "attachment_note"
        current.blocks.append(b)
        i += 1
    for att in doc.attachments:
        att.blocks = _content(att.blocks)


def _starts_attachment(bl: Blocks, start: int, end: int, current) -> bool:
    """True when the blocks from ``start`` begin a new attachment (or nothing follows)."""
    j = bl.next_text(start, end)
    if j is None:
        return all(not isinstance(b, Table) for b in bl.items[start:end])
    return current is None or bool(ATTACH_LABEL.match(compact(bl.text(j))))


def _attachment_title(bl: Blocks, att: Attachment, start: int, end: int) -> int:
    j = bl.next_text(start, end)
    if j is None or not bl.centered(j):
        return start
    holder = Document(id="")
    k = heads.title(bl, holder, j)
    att.title = holder.title
    return k


# -- documents led by a title --------------------------------------------------------------
def _titled(bl: Blocks, doc: Document, first: int | None, forced: str | None) -> None:
    kind = forced or heads.kind_of(bl, first)
    doc.kind = kind
    if first is None:
        doc.body = _content(bl.items)
        return
    if kind in ("article", "other", "notice", "request"):
        # an article: its centred big first line is its title (and a subtitle under it)
        i = first
        if heads.plain_title(bl, first):
            i = heads.title(bl, doc, first)
            i = heads.head_lines(bl, doc, i, speech=False, author=kind == "article")
            if not (bl.centered(first) and heads.title_look(bl.info(first))):
                _flag_title(bl.ctx, doc)
        doc.body = _content(bl.items[i:])
        return
    i = heads.title(bl, doc, first)
    i = heads.head_lines(bl, doc, i, speech=kind == "speech")
    if kind == "chronicle":
        j = bl.next_text(i)
        if j is not None and bl.centered(j) and len(bl.text(j)) <= 30:
            doc.subtitle = bl.text(j)
            i = j + 1
    rest = bl.items[i:]
    for n, b in enumerate(rest, start=i):
        if not isinstance(b, Paragraph) or isinstance(b, Heading):
            continue
        if kind == "chronicle" and b.text.strip():
            b.role = "chronicle_entry"
        elif kind == "doc_list" and (isinstance(b, ListItem) or _typed_entry(b.text)):
            b.role = "list_entry"
        elif kind == "news" and heads.news_title(bl, n):
            b.role = "news_title"
        elif kind == "speech" and SALUTATION.match(compact(b.text)):
            b.role = "salutation"
    doc.body = _content(rest)
    if kind in ("speech", "news") and not doc.date_in_head:
        _trailing_date(bl, doc)


def _typed_entry(text: str) -> bool:
    """An entry of a list of documents numbered by hand (1．…（鄂政发〔2025〕3号）)."""
    return bool(re.match(r"^\s*[0-9０-９]{1,3}\s*[.．、]", text)) and \
        bool(DOC_NUMBER.search(text))


def _flag_title(ctx: Context, doc: Document) -> None:
    if "title" not in doc.uncertain:
        doc.uncertain.append("title")
    ctx.report.warning(f"未能确定文件标题，暂以“{doc.title[:30]}”作为标题，请核对", "uncertain title")


def _trailing_date(bl: Blocks, doc: Document) -> None:
    if doc.body and isinstance(doc.body[-1], Paragraph) and DATE.match(compact(doc.body[-1].text)):
        doc.date = compact(doc.body.pop().text)


# -- shared --------------------------------------------------------------------------------
def _content(blocks: list) -> list:
    """Blocks without empty paragraphs (spacing is the template's business)."""
    out = []
    for b in blocks:
        if isinstance(b, Paragraph) and not b.display_text.strip():
            continue
        out.append(b)
    return out
