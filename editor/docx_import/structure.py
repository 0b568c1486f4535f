"""Structure recognition: flat blocks -> Document parts and kind (layer: import).

红头 notices by position and pattern (issuer mark, 文号, title over several lines,
主送机关, body, 附件说明, signature before the date, attachments after it, 版记); speeches
(subtitle ——…, speaker), 上级政府文件目录 (doc_list), 大事记 (chronicle, date-led entries),
news (titled items) and other documents (body only, nothing dropped).
"""
from __future__ import annotations

from editor.docx_import.context import Context, ParaInfo
from editor.docx_import.patterns import (ATTACH_LABEL, ATTACH_NOTE, CHRONICLE_DATE, COPY_TO,
                                         DATE, PAREN_DATE, PRINTED, PUBLIC_NOTE, SPEECH_TITLE,
                                         compact, doc_number_in, heading_level, heading_like,
                                         title_text)
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


def recognise(ctx: Context, blocks: list, doc: Document) -> None:
    """Fill ``doc`` from the flat list of top-level blocks."""
    bl = Blocks(ctx, blocks)
    first = bl.next_text(0)
    head = _notice_head(bl) if first is not None else None
    if head is not None:
        _notice(bl, doc, head)
    else:
        _titled(bl, doc, first)
    _headings(ctx, doc)


# -- notices -------------------------------------------------------------------------------
def _notice_head(bl: Blocks) -> dict | None:
    """Positions of issuer mark / 文号 / title when the document starts like a notice."""
    seen = 0
    i = 0
    while i < len(bl.items) and seen < 8:
        j = bl.next_text(i)
        if j is None:
            return None
        number = doc_number_in(bl.text(j)) if not isinstance(bl.items[j], ListItem) else None
        if number:
            issuer = [k for k in range(0, j) if bl.is_para(k) and bl.text(k)]
            return {"issuer": issuer, "number": (j, number), "after": j + 1}
        seen += 1
        i = j + 1
    j = bl.next_text(0)
    if j is not None and compact(bl.text(j)).endswith("文件") and len(bl.text(j)) <= 30:
        return {"issuer": [j], "number": None, "after": j + 1}
    if j is not None and bl.centered(j) and len(bl.text(j)) <= 80:
        k = bl.next_text(j + 1)
        while k is not None and bl.centered(k) and _same_look(bl, j, k):
            k = bl.next_text(k + 1)
        if k is not None and bl.text(k).endswith(("：", ":")) and len(bl.text(k)) < 200 \
                and _find_date(bl, k + 1) is not None:
            return {"issuer": [], "number": None, "after": j}
    return None


def _notice(bl: Blocks, doc: Document, head: dict) -> None:
    doc.kind = "notice"
    doc.issuer_mark = "".join(compact(bl.text(k)) for k in head["issuer"])
    if head["number"]:
        doc.doc_number = head["number"][1]
    i = _title(bl, doc, head["after"])
    i = _speech_parts(bl, doc, i)
    k = bl.next_text(i)
    if k is not None and bl.text(k).endswith(("：", ":")) and len(bl.text(k)) < 200 \
            and not ATTACH_NOTE.match(bl.text(k)):
        doc.recipients = bl.text(k)
        i = k + 1
    date_at = _find_date(bl, i)
    if date_at is None:
        doc.body = _content(bl.items[i:])
        _colophon(bl, doc)
        return
    d, sig_lines = date_at
    doc.date = compact(bl.text(d).split("\n")[-1])
    sig_start, doc.signature = _signature(bl, d, sig_lines)
    body_end, doc.attachment_note = _attachment_note(bl, i, sig_start)
    doc.body = _content(bl.items[i:body_end])
    tail = _colophon(bl, doc, d + 1)
    _attachments(bl, doc, d + 1, tail)


def _title(bl: Blocks, doc: Document, start: int) -> int:
    """Join the title's lines (centred paragraphs, w:br breaks); return the index after."""
    j = bl.next_text(start)
    if j is None:
        return start
    parts = [bl.text(j)]
    k = j + 1
    if bl.centered(j):
        while k < len(bl.items) and bl.is_para(k) and bl.text(k) and bl.centered(k) \
                and not bl.text(k).startswith(("—", "－", "-")) and _same_look(bl, j, k):
            parts.append(bl.text(k))
            k += 1
    doc.title = title_text(" ".join(parts))
    return k


def _same_look(bl: Blocks, a: int, b: int) -> bool:
    ia, ib = bl.info(a), bl.info(b)
    return ia.pstyle == ib.pstyle and ia.size == ib.size and ia.bold == ib.bold


def _speech_parts(bl: Blocks, doc: Document, start: int, speech: bool = False) -> int:
    """The lines under a title: a subtitle (——…, or a speech's （2025年3月1日） date line)
    and, under a subtitle or in a speech, the speaker (区长  张三), in either order."""
    j = bl.next_text(start)
    if j is not None and bl.text(j).startswith(("——", "—", "－－")):
        doc.subtitle = bl.text(j)
        start = j + 1
        k = bl.next_text(start)
        if k is not None and bl.centered(k) and len(bl.text(k)) <= 40:
            doc.speaker = bl.text(k)
            start = k + 1
        return start
    if not speech:
        return start
    for j, kind in _speech_lines(bl, start):
        if kind == "date":
            doc.subtitle = bl.text(j)
        else:
            doc.speaker = bl.text(j)
        start = j + 1
    return start


def _speech_lines(bl: Blocks, start: int) -> list[tuple[int, str]]:
    """The centred lines from ``start`` that a speech has under its title, at most one of
    each kind in either order: (index, "date") for （2025年3月1日…）, (index, "speaker")
    for 区长  张三.  Stops at the first other line."""
    out: list[tuple[int, str]] = []
    for _ in range(2):
        j = bl.next_text(start)
        if j is None or not bl.centered(j):
            break
        kinds = {kind for _i, kind in out}
        text = bl.text(j)
        if "date" not in kinds and PAREN_DATE.match(compact(text)):
            out.append((j, "date"))
        elif "speaker" not in kinds and _speaker_like(text):
            out.append((j, "speaker"))
        else:
            break
        start = j + 1
    return out


def _speaker_like(text: str) -> bool:
    """A speaker line: short, no sentence or colon (区委书记  王五; 张三)."""
    body = compact(text)
    return 2 <= len(body) <= 24 and not any(c in body for c in "。；：:，,！？")


def _find_date(bl: Blocks, start: int) -> tuple[int, list[str]] | None:
    """The 成文日期 paragraph after the body: (index, signature lines in the same paragraph)."""
    for i in range(start, len(bl.items)):
        if not bl.is_para(i):
            continue
        lines = [ln.strip() for ln in bl.text(i).split("\n") if ln.strip()]
        if lines and DATE.match(compact(lines[-1])):
            return i, lines[:-1]
    return None


def _signature(bl: Blocks, d: int, inline: list[str]) -> tuple[int, list[str]]:
    lines = list(inline)
    k = d - 1
    while k >= 0 and len(lines) < 4 and bl.is_para(k):
        text = bl.text(k)
        if not text or len(text) > 40 or text[-1] in "。；：:，,":
            break
        if not (bl.info(k).align in ("right", "center") or len(text) <= 25):
            break
        lines.insert(0, text)
        k -= 1
    return k + 1, [compact(x) for x in lines]


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
    k = _title(bl, holder, j)
    att.title = holder.title
    return k


# -- documents led by a title --------------------------------------------------------------
def _titled(bl: Blocks, doc: Document, first: int | None) -> None:
    kind = _kind(bl, first)
    doc.kind = kind
    if first is None:
        doc.body = _content(bl.items)
        return
    if kind == "other":
        # a plain article: its centred big first line is its title, the rest as it is
        i = _title(bl, doc, first) if _plain_title(bl, first) else 0
        doc.body = _content(bl.items[i:])
        return
    i = _title(bl, doc, first)
    i = _speech_parts(bl, doc, i, speech=kind == "speech")
    if kind == "chronicle":
        j = bl.next_text(i)
        if j is not None and bl.centered(j) and len(bl.text(j)) <= 30:
            doc.subtitle = bl.text(j)
            i = j + 1
    rest = bl.items[i:]
    for b in rest:
        if not isinstance(b, Paragraph) or isinstance(b, Heading):
            continue
        if kind == "chronicle" and b.text.strip():
            b.role = "chronicle_entry"
        elif kind == "doc_list" and isinstance(b, ListItem):
            b.role = "list_entry"
        elif kind == "news" and _news_title(bl, bl.items.index(b)):
            b.role = "news_title"
    doc.body = _content(rest)
    if kind in ("speech", "news"):
        _trailing_date(bl, doc)


def _kind(bl: Blocks, first: int | None) -> str:
    if first is None:
        return "other"
    title = compact(bl.text(first))
    title_like = bl.centered(first) or _title_look(bl.info(first))
    if not title_like or len(title) > 80:
        return "other"
    paras = [i for i in range(first + 1, len(bl.items)) if bl.is_para(i) and bl.text(i)]
    if "大事记" in title:
        return "chronicle"
    if "目录" in title and any(isinstance(bl.items[i], ListItem) for i in paras):
        return "doc_list"
    nxt = bl.next_text(first + 1)
    if nxt is not None and bl.text(nxt).startswith(("——", "－－")):
        return "speech"
    under = [kind for _j, kind in _speech_lines(bl, first + 1)]
    if SPEECH_TITLE.search(title) or "date" in under:
        return "speech"
    dated = [i for i in paras if CHRONICLE_DATE.match(bl.text(i)) and bl.info(i).lead_bold]
    if len(dated) >= 3 and len(dated) * 2 >= len(paras):
        return "chronicle"
    items = [i for i in paras if _news_title(bl, i)]
    if len(items) >= 2 and any(w in title for w in ("简讯", "动态", "新闻", "快讯", "要闻")):
        return "news"
    return "other"


def _plain_title(bl: Blocks, first: int) -> bool:
    """A first line set as a title: centred, large (≥ 18 pt) or in a Title style, short
    and not a sentence, with something after it (a lone line stays the body)."""
    text = compact(bl.text(first))
    more = any(bl.text(i) or not bl.is_para(i) for i in range(first + 1, len(bl.items)))
    return bl.centered(first) and _title_look(bl.info(first)) and heading_like(text) \
        and heading_level(text) is None and not DATE.match(text) and more


def _title_look(info) -> bool:
    """Set like a title: large (≥ 18 pt) or in a Title / 标题 paragraph style."""
    style = info.pstyle or ""
    return (info.size or 0) >= 18 or "title" in style.lower() or style == "标题"


def _news_title(bl: Blocks, i: int) -> bool:
    """A titled item of a news digest: short, bold or centred, not numbered, not a sentence."""
    text = bl.text(i)
    info = bl.info(i)
    return (info.bold or info.align == "center") and heading_like(text) \
        and heading_level(text) is None and not DATE.match(compact(text))


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


def _headings(ctx: Context, doc: Document) -> None:
    """Paragraphs numbered 一、/（一）/1./（1） on their own line, or in heading styles,
    become Heading blocks (level 1–4)."""
    for _where, blocks in doc.block_lists():
        for n, b in enumerate(blocks):
            if not isinstance(b, Paragraph) or isinstance(b, Heading) or b.role != "body":
                continue
            if doc.kind == "doc_list" and isinstance(b, ListItem):
                continue
            info = ctx.info.get(b.id)
            level = _level_of(doc, b, info.outline if info else None)
            if level:
                blocks[n] = Heading(id=b.id, runs=b.runs, role="body", label=b.label,
                                    style=b.style, style_name=b.style_name, level=level)


def _level_of(doc: Document, b: Paragraph, outline: int | None) -> int | None:
    text = b.display_text.strip()
    by_text = heading_level(text)
    if outline:
        return by_text or min(outline, 4)
    if doc.kind == "other" and not doc.title:
        return None
    if by_text and heading_like(text):
        return by_text
    return None
