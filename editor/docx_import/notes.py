"""Comments, footnotes and endnotes -> Annotation / Footnote (layer: import).

Comments (comments.xml) become 注 annotations anchored to the display text of the block
their range starts in (table cells addressed "<table>/<cell>/<block>", head parts by
their pseudo ids); footnotes and endnotes become ``Footnote``s with their own paragraphs
and runs, attached to their reference point by a text-less ``Run(note=…)`` in the text;
a reference in a paragraph read as the title, subtitle, date line or speaker line is
kept on that part (``Document.head_notes``: the gazette prints ① after the title).
"""
from __future__ import annotations

import copy

from editor.docx_import.context import Context
from editor.docx_import.patterns import compact
from editor.docx_import.runs import RunCollector
from editor.docx_import.xmlutil import w
from editor.model import (HEAD_NOTE_PARTS, HEAD_PARTS, Annotation, Document, Footnote,
                          Paragraph, Run, Table, note_ids_referenced)


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


_NOTE_KINDS = (("footnote", "footnotes", "footnotes.xml"), ("endnote", "endnotes", "endnotes.xml"))
_SPECIAL = ("separator", "continuationSeparator", "continuationNotice")
_NAME = {"footnote": "脚注", "endnote": "尾注"}


def load_notes(ctx: Context) -> None:
    """Read footnotes.xml and endnotes.xml (either may be missing or unreadable) into
    ``ctx.footnotes``: (kind, Word id) → the runs of each of the note's paragraphs.  The
    separator notes (w:type separator…, ids -1 and 0 by Word's habit) are not notes."""
    for kind, rel, fallback in _NOTE_KINDS:
        part = ctx.pkg.related(rel, fallback)
        root = ctx.pkg.xml(part) if part else None
        if root is None:
            continue
        for note in root.iter(w(kind)):
            if note.get(w("type")) in _SPECIAL or note.get(w("id")) is None:
                continue
            ctx.footnotes[(kind, note.get(w("id")))] = [_note_runs(ctx, p)
                                                        for p in note.iter(w("p"))]


def _note_runs(ctx: Context, p) -> list[Run]:
    """The runs of one paragraph of a note, in the paragraph style's formatting; the
    space Word puts after the note's own mark (w:footnoteRef) is dropped."""
    ppr = p.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    style_rpr, _ = ctx.styles.paragraph(style.get(w("val")) if style is not None else None)
    collector = RunCollector(ctx, style_rpr, "")
    collector.in_note = True
    collector.walk(p)
    if collector.inline:
        ctx.note("info", "脚注中的图片或文本框未导入", "inline object in a note")
    runs = collector.runs
    for _ in range(2):          # "(" w:footnoteRef ")" leaves an empty pair before the text
        while runs and not runs[0].text.strip():
            runs.pop(0)
        if runs:
            runs[0].text = runs[0].text.lstrip()
            for pair in ("()", "（）"):
                runs[0].text = runs[0].text.removeprefix(pair)
    return runs


def attach_notes(ctx: Context, doc: Document, flat: list | None = None) -> None:
    """The notes of ``doc`` in reference order (fn1, fn2 … and en1 …), each with its
    paragraphs; a reference to a note the file does not have is said in the report (its
    mark is not printed).  A reference in a paragraph of ``flat`` (the top-level blocks the
    recogniser read) that became the title, subtitle, date line or speaker goes to that
    part (``head_notes``); any other reference that went into a head part (the issuer
    mark …) has no anchor left: its note prints after the text, and the report says so."""
    for name, fid, note_id in ctx.footnote_refs:
        kind = "endnote" if name == "endnoteReference" else "footnote"
        paras = ctx.footnotes.get((kind, fid))
        if paras is None:
            ctx.note("warning", f"{_NAME[kind]}引用找不到对应的{_NAME[kind]}内容，该处不印注码",
                     f"{name} {fid}")
            paras = []
        blocks = [Paragraph(id=f"{note_id}p{k}", runs=copy.deepcopy(runs))
                  for k, runs in enumerate(paras, 1) if "".join(r.text for r in runs).strip()]
        doc.footnotes.append(Footnote(id=note_id, kind=kind, blocks=blocks))
    anchored = set(note_ids_referenced(doc.all_blocks()))
    _head_notes(doc, flat or [], anchored)
    anchored.update(doc.head_note_ids())
    for note in doc.footnotes:
        if note.id not in anchored and note.plain_text:
            ctx.note("warning", f"{_NAME[note.kind]}所在的文字已识别为标题等文件要素，"
                     f"该{_NAME[note.kind]}改排在正文之后", note.id)
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


def _head_notes(doc: Document, blocks: list, anchored: set[str]) -> None:
    """``doc.head_notes`` from the references left out of the text: each belongs to the
    head part its paragraph became (the part whose text it is, or one line of a title
    set over several paragraphs; a date line （2025年2月10日） to the date under the
    title)."""
    parts = {p: compact(getattr(doc, p)) for p in HEAD_NOTE_PARTS if getattr(doc, p).strip()}
    if not doc.date_in_head:
        parts.pop("date", None)
    for b in blocks:
        if not isinstance(b, Paragraph):
            continue
        ids = [r.note for r in b.runs if r.note and r.note not in anchored]
        key = compact(b.display_text)
        if not ids or not key:
            continue
        part = next((p for p, text in parts.items() if key == text), None) or next(
            (p for p, text in parts.items() if p != "date" and key in text), None)
        date = parts.get("date", "")
        if part is None and date and date in key and len(key) <= len(date) + 4:
            part = "date"
        if part is not None:
            doc.head_notes.setdefault(part, []).extend(n for n in ids
                                                       if n not in doc.head_notes.get(part, []))


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


