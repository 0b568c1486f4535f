"""Re-import: replace a document with a newer .docx of it (layer: app, no Qt).

The new model takes the old one's id and place.  What the editor added survives:
the document's layout overrides (TOC title, start rule, 版头), each table's layout
overrides when a table of the same position *and* shape (rows × columns) exists in the new
text, and every annotation — re-anchored on the new text by its quote and context, or
flagged ``orphaned`` when it cannot be placed (never dropped).  It is one undoable
command; undo restores the old model exactly.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import ClassVar

from editor.app.command import Change, Command
from editor.app.commands import document_place
from editor.errors import GazetteError
from editor.model import Document, Issue, Table


def top_tables(doc: Document) -> list[Table]:
    """The document's top-level tables in reading order (body, then attachments)."""
    return [b for b in doc.all_blocks() if isinstance(b, Table)]


def shape(table: Table) -> tuple[int, int]:
    return len(table.rows), table.n_cols


def carry_overrides(old: Document, new: Document) -> list[str]:
    """Copy the editor's overrides from ``old`` onto ``new``; returns the ids (in ``old``)
    of table overrides that no longer apply."""
    new.layout = copy.deepcopy(old.layout)
    lost = []
    new_tables = top_tables(new)
    for i, table in enumerate(top_tables(old)):
        if table.layout == type(table.layout)():
            continue
        if i < len(new_tables) and shape(new_tables[i]) == shape(table):
            new_tables[i].layout = copy.deepcopy(table.layout)
        else:
            lost.append(table.id)
    return lost


def merged_document(old: Document, fresh: Document) -> Document:
    """``fresh`` (a new import) made into the successor of ``old``."""
    from editor.proof.anchor import carry_over
    new = copy.deepcopy(fresh)
    new.id = old.id
    new.annotations = []
    carry_overrides(old, new)
    carry_over(old, new)
    return new


@dataclass
class ReimportDocument(Command):
    """Replace document ``doc_id`` by ``document`` (the raw import of the newer .docx)."""
    doc_id: str
    document: Document
    report: list = field(default_factory=list)
    old_document: Document | None = None
    old_report: list = field(default_factory=list)
    title: ClassVar[str] = "重新导入文件"

    def apply(self, issue: Issue) -> Change:
        s, d = document_place(issue, self.doc_id)
        old = issue.sections[s].documents[d]
        self.old_document = copy.deepcopy(old)
        issue.sections[s].documents[d] = merged_document(old, self.document)
        return Change(sections=True, documents={self.doc_id},
                      annotations={a.id for a in old.annotations})

    def revert(self, issue: Issue) -> Change:
        s, d = document_place(issue, self.doc_id)
        issue.sections[s].documents[d] = copy.deepcopy(self.old_document)
        return Change(sections=True, documents={self.doc_id},
                      annotations={a.id for a in self.old_document.annotations})

    def reports_for(self, undo: bool) -> dict:
        """Import report rows to write with this command (the old one on undo)."""
        return {self.doc_id: self.old_report if undo else self.report}

    def describe(self) -> str:
        return f"重新导入《{(self.document.toc_title or self.document.source_name)[:16]}》"

    def orphaned(self, issue: Issue) -> list:
        doc = issue.find_document(self.doc_id)
        return [a for a in (doc.annotations if doc else []) if a.orphaned]


def reimport_command(issue: Issue, doc_id: str, data: bytes, name: str,
                     old_report: list | None = None) -> tuple[ReimportDocument, object]:
    """(command, import report) replacing ``doc_id`` by the .docx ``data``."""
    from editor.docx_import import import_docx_bytes
    if issue.find_document(doc_id) is None:
        raise GazetteError("找不到要重新导入的文件（可能已被移除）", f"document {doc_id!r}")
    result = import_docx_bytes(data, name)
    fresh = result.document
    fresh.source_name, fresh.source_sha256 = name, hashlib.sha256(data).hexdigest()
    entries = [dataclasses.asdict(e) for e in result.report.entries]
    return ReimportDocument(doc_id=doc_id, document=fresh, report=entries,
                            old_report=list(old_report or [])), result.report
