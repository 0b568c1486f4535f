"""Summaries of an imported document: visible text in reading order, headings, tables
(layer: import, no I/O).  Used by ``inspect`` (text and ``--json``)."""
from __future__ import annotations

from editor.docx_import.importer import ImportResult
from editor.docx_import.patterns import DATE_IN, compact
from editor.model import Document, Heading, Image, PageBreak, Paragraph, Table


def table_rows_text(table: Table) -> list[str]:
    """One line per row: the cells left to right (tab-separated), merged text once."""
    lines = []
    for row in table.rows:
        lines.append("\t".join(_blocks_text(c.blocks).replace("\n", " ") for c in row.cells))
    return lines


def _blocks_text(blocks) -> str:
    return "\n".join(line for b in blocks for line in _block_lines(b))


def _block_lines(block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.display_text]
    if isinstance(block, Table):
        return table_rows_text(block)
    return []


def visible_text(doc: Document) -> str:
    """All visible text in reading order: head, body, notes, signature, date, attachments,
    版记 and footnotes (page headers/footers and comments are not part of it)."""
    lines: list[str] = []
    for part in (doc.issuer_mark, doc.doc_number, doc.mark, doc.title, doc.subtitle, doc.speaker,
                 doc.recipients):
        if part:
            lines.append(part)
    for block in doc.body:
        lines.extend(_block_lines(block))
    lines.extend(doc.attachment_note)
    lines.extend(doc.signature)
    if doc.date:
        lines.append(doc.date)
    for att in doc.attachments:
        for part in (att.label, att.title):
            if part:
                lines.append(part)
        for block in att.blocks:
            lines.extend(_block_lines(block))
    lines.extend(doc.colophon_note)
    lines.extend(f"{n.id[2:]} {n.plain_text}" for n in doc.footnotes)
    return "\n".join(lines)


def headings(doc: Document) -> list[dict]:
    return [{"level": b.level, "text": b.display_text.strip()} for b in doc.all_blocks()
            if isinstance(b, Heading)]


def all_tables(doc: Document) -> list[Table]:
    out: list[Table] = []

    def walk(blocks) -> None:
        for b in blocks:
            if isinstance(b, Table):
                out.append(b)
                for row in b.rows:
                    for cell in row.cells:
                        walk(cell.blocks)
    walk(doc.all_blocks())
    return out


def picture_count(doc: Document) -> int:
    """Pictures of the document: in boxes of their own (in the text or in table cells)
    and set in a line of text (Run.picture, an icon in a sentence)."""
    def count(blocks) -> int:
        n = 0
        for b in blocks:
            if isinstance(b, Image):
                n += 1
            elif isinstance(b, Paragraph):
                n += sum(1 for r in b.runs if r.picture is not None)
            elif isinstance(b, Table):
                n += sum(count(c.blocks) for row in b.rows for c in row.cells)
        return n
    return count(doc.all_blocks())


def table_info(table: Table) -> dict:
    spans = []
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            if cell.row_span > 1 or cell.col_span > 1:
                spans.append({"row": r, "col": cell.col, "row_span": cell.row_span,
                              "col_span": cell.col_span})
    return {"id": table.id, "rows": len(table.rows), "cols": table.n_cols,
            "header_rows": table.header_rows, "spans": spans}


def as_json(result: ImportResult) -> dict:
    doc, report = result.document, result.report
    return {
        "file": doc.source_name,
        "kind": doc.kind,
        "issuer_mark": doc.issuer_mark,
        "doc_number": doc.doc_number,
        "title": doc.title,
        "mark": doc.mark,
        "subtitle": doc.subtitle,
        "speaker": doc.speaker,
        "recipients": doc.recipients,
        "attachment_note": doc.attachment_note,
        "signature": doc.signature,
        "date": doc.date,
        "uncertain": list(doc.uncertain),
        "attachments": [{"label": a.label, "title": a.title, "blocks": len(a.blocks),
                         "landscape": a.landscape} for a in doc.attachments],
        "items": news_items(doc),
        "colophon_note": doc.colophon_note,
        "headings": headings(doc),
        "tables": [table_info(t) for t in all_tables(doc)],
        "images": picture_count(doc),
        "page_breaks": sum(1 for b in doc.all_blocks() if isinstance(b, PageBreak)),
        "annotations": len(doc.annotations),
        "footnotes": len(doc.footnotes),
        "text": visible_text(doc),
        "warnings": [{"level": e.level, "message": e.message_zh, "detail": e.detail}
                     for e in report.entries],
    }


def news_items(doc: Document) -> list[dict]:
    """The items of a news collection: each headline (a ``news_title`` paragraph) with the
    first date in its item's short lines (the source line （区政府办公室　2025年3月1日））."""
    items: list[dict] = []
    for b in doc.body:
        if not isinstance(b, Paragraph):
            continue
        if b.role == "news_title":
            items.append({"title": b.display_text.strip(), "date": ""})
            continue
        text = compact(b.display_text)
        found = DATE_IN.search(text) if items and len(text) <= 60 else None
        if found and not items[-1]["date"]:
            items[-1]["date"] = compact(found.group())
    return items if doc.kind == "news" else []
