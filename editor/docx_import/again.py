"""Recognise an imported document again, as a kind the editor chose (layer: import, no I/O).

The document is laid flat again — its head parts as the paragraphs they were (issuer mark
and title centred and large, signature and date right-aligned …), body and attachments as
they are — and the recogniser reads it with the kind forced.  Nothing is dropped: a part
the new kind has no place for comes back as a body paragraph.
"""
from __future__ import annotations

import copy
import itertools

from editor.docx_import.context import ParaInfo
from editor.docx_import.report import ImportReport
from editor.docx_import.structure import recognise
from editor.model import (DOCUMENT_KINDS, Document, Heading, PageBreak, Paragraph, ParaStyle,
                          Run, Table)

_RESET_ROLES = {"news_title", "chronicle_entry", "list_entry", "note", "salutation"}


class _Ctx:
    """What the recogniser reads of an import: paragraph facts, the report, landscape ids."""

    def __init__(self) -> None:
        self.info: dict = {}
        self.report = ImportReport()
        self.landscape: set = set()


def recognise_as(doc: Document, kind: str) -> tuple[Document, ImportReport]:
    """A new Document: ``doc`` read again as ``kind`` (same id, layout, annotations, notes)."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(kind)
    ctx = _Ctx()
    blocks = _flat(copy.deepcopy(doc), ctx)
    fresh = Document(id=doc.id, source_name=doc.source_name, source_sha256=doc.source_sha256)
    recognise(ctx, blocks, fresh, kind=kind)
    fresh.kind = kind
    fresh.layout = copy.deepcopy(doc.layout)
    fresh.annotations = copy.deepcopy(doc.annotations)
    fresh.footnotes = copy.deepcopy(doc.footnotes)
    fresh.head_notes = copy.deepcopy(doc.head_notes)
    return fresh, ctx.report


def _flat(doc: Document, ctx: _Ctx) -> list:
    taken = {getattr(b, "id", "") for b in doc.all_blocks()}
    ids = (f"k{n}" for n in itertools.count(1) if f"k{n}" not in taken)
    out: list = []

    def line(text: str, align: str | None = None, size: float | None = None) -> None:
        if text.strip():
            pid = next(ids)
            out.append(Paragraph(id=pid, runs=[Run(text=text, size=size)],
                                 style=ParaStyle(align=align)))
            ctx.info[pid] = ParaInfo(align=align, size=size, raw=text)

    line(doc.mark)
    line(doc.issuer_mark, "center", 36.0)
    line(doc.doc_number, "center")
    line(doc.title, "center", 22.0)
    line(doc.subtitle, "center")
    if doc.date_in_head and doc.date and doc.date not in doc.subtitle:
        line(f"（{doc.date}）", "center")
    line(doc.speaker, "center")
    line(doc.recipients)
    _blocks(doc.body, out, ctx)
    for text in doc.attachment_note:
        line(text)
    for text in doc.signature:
        line(text, "right")
    if not doc.date_in_head:
        line(doc.date, "right")
    for att in doc.attachments:
        out.append(PageBreak(id=next(ids)))
        line(att.label)
        line(att.title, "center", 22.0)
        _blocks(att.blocks, out, ctx)
        if att.landscape:
            ctx.landscape.update(getattr(b, "id", "") for b in att.blocks)
    for text in doc.colophon_note:
        line(text)
    return out


def _blocks(blocks: list, out: list, ctx: _Ctx) -> None:
    for b in blocks:
        if isinstance(b, Paragraph):
            if b.role in _RESET_ROLES:
                b.role = "body"
            visible = [r for r in b.runs if r.text.strip()]
            ctx.info[b.id] = ParaInfo(
                align=b.style.align if b.style else None,
                size=max((r.size or 0 for r in visible), default=0) or None,
                bold=bool(visible) and all(r.bold for r in visible),
                lead_bold=len(visible[0].text) if visible and visible[0].bold else 0,
                pstyle=b.style_name, raw=b.text,
                outline=b.level if isinstance(b, Heading) else None)
        elif isinstance(b, Table) and b.layout.landscape:
            ctx.landscape.add(b.id)
        out.append(b)
