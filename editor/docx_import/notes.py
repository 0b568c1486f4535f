"""Comments, footnotes and endnotes -> Annotation / Footnote (layer: import).

Comments (comments.xml) become 注 annotations anchored to the display text of the block
their range starts in (table cells addressed "<table>/<cell>/<block>", head parts by
their pseudo ids); footnotes/endnotes are kept in note order, their reference marks stay
in the text as superscript numbers.
"""
from __future__ import annotations

from editor.docx_import.context import Context
from editor.docx_import.patterns import compact
from editor.docx_import.xmlutil import w
from editor.model import HEAD_PARTS, Annotation, Document, Footnote, Paragraph, Table


def _para_text(el) -> str:
    lines = []
    for p in el.iter(w("p")):
        lines.append("".join(t.text or "" for t in p.iter(w("t"))))
    return "\n".join(lines).strip()


def load_comments(ctx: Context) -> None:
    part = ctx.pkg.related("comments", "comments.xml")
    root = ctx.pkg.xml(part) if part else None
    if root is None:
        return
    for c in root.iter(w("comment")):
        ctx.comments[c.get(w("id"))] = (c.get(w("author"), ""), c.get(w("date"), ""),
                                        _para_text(c))


def load_notes(ctx: Context) -> None:
    for kind, fallback in (("footnotes", "footnotes.xml"), ("endnotes", "endnotes.xml")):
        part = ctx.pkg.related(kind, fallback)
        root = ctx.pkg.xml(part) if part else None
        if root is None:
            continue
        tag = w(kind[:-1])
        for note in root.iter(tag):
            if note.get(w("type")) in ("separator", "continuationSeparator",
                                       "continuationNotice"):
                continue
            ctx.footnotes[(kind[:-1] + "Reference", note.get(w("id")))] = _para_text(note)


def attach_notes(ctx: Context, doc: Document) -> None:
    for name, fid, number in ctx.footnote_refs:
        text = ctx.footnotes.get((name, fid))
        if text is None:
            ctx.note("warning", "脚注引用找不到对应的脚注内容", f"{name} {fid}")
            text = ""
        doc.footnotes.append(Footnote(id=f"fn{number}", text=text))
    if not ctx.comments:
        return
    addresses = _addresses(doc)
    for n, (cid, (author, date, note)) in enumerate(sorted(ctx.comments.items(),
                                                          key=lambda kv: _order(kv[0]))):
        ann = Annotation(id=f"c{n + 1}", doc_id=doc.id, block_id="", kind="注", note=note,
                         author=author, time=date)
        anchor = ctx.anchors.get(cid)
        _place(ctx, doc, ann, anchor, addresses)
        doc.annotations.append(ann)
    ctx.report.info(f"已导入批注 {len(doc.annotations)} 条", "comments.xml")


def _order(cid: str):
    digits = (cid or "").lstrip("-")
    return (0, int(cid)) if digits.isdecimal() and len(digits) < 19 else (1, cid or "")


def _addresses(doc: Document) -> dict[str, tuple[str, Paragraph]]:
    out: dict[str, tuple[str, Paragraph]] = {}

    def walk(blocks, prefix: str) -> None:
        for b in blocks:
            if isinstance(b, Paragraph):
                out[b.id] = (prefix + b.id, b)
            elif isinstance(b, Table):
                for row in b.rows:
                    for cell in row.cells:
                        walk(cell.blocks, f"{prefix}{b.id}/{cell.id}/")
    walk(doc.body, "")
    for att in doc.attachments:
        walk(att.blocks, "")
    return out


def _place(ctx: Context, doc: Document, ann: Annotation, anchor, addresses) -> None:
    if anchor is None:
        ann.orphaned = True
        ctx.note("warning", "批注没有对应的正文位置，已保留为孤立批注", "comment without range")
        return
    pid, start, end = anchor
    end = start if end is None else end
    info = ctx.info.get(pid)
    raw = info.raw if info else ""
    if pid in addresses:
        address, para = addresses[pid]
        shift = len(para.label)
        ann.block_id, ann.start, ann.end = address, start + shift, end + shift
        ann.quote = para.display_text[ann.start:ann.end]
        text = para.display_text
        ann.prefix, ann.suffix = text[max(0, ann.start - 12):ann.start], text[ann.end:ann.end + 12]
        return
    quote = raw[start:end]
    for part in HEAD_PARTS:
        value = getattr(doc, part)
        text = "\n".join(v for v in value if v.strip()) if isinstance(value, list) else value
        key = compact(quote)
        if key and key in text:
            at = text.index(key)
            ann.block_id, ann.start, ann.end, ann.quote = part, at, at + len(key), key
            return
    ann.block_id, ann.quote, ann.orphaned = "title", quote, True
    ctx.note("warning", "批注所在的段落未能定位，已保留为孤立批注", f"comment in {pid}")


