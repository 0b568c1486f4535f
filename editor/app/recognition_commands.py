"""Corrections of what the import recognised, one undoable step each (layer: app, no Qt).

``SetDocumentKind`` reads a document again as the kind the editor chose (通知, 讲话, 简讯 …);
``SetPart`` makes a paragraph (or a head part) the title, subtitle, speaker, date line,
conference mark, a heading of level 1–4 or a body paragraph.  A part replaced goes back to
the body, so nothing is lost; the 目录, bookmarks and running heads follow the new title.
Both keep the whole document as it was (``_DocumentRewrite``), and undo puts it back
exactly.  ``SetParagraphRole`` is the first, narrower form of ``SetPart`` (a body
paragraph made the title, a heading or body text), kept for the histories that hold it.
"""
from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import ClassVar

from editor.app.command import Change, Command
from editor.app.commands import block_place, document_of
from editor.docx_import.patterns import DATE_IN, compact, title_text
from editor.errors import GazetteError
from editor.model import (DOCUMENT_KINDS, Document, Heading, Issue, ListItem, Paragraph,
                          ParaStyle, Run)
from editor.model.address import PART_LABELS, kind_label
from editor.model.serialize import from_dict, to_dict

KIND_NAMES = {kind: kind_label(kind, hint=True) for kind in DOCUMENT_KINDS}
PART_NAMES = {part: PART_LABELS[part] for part in (
    "title", "subtitle", "speaker", "date", "mark", "heading1", "heading2", "heading3",
    "heading4", "body")}
# Head parts a click (or the CLI) may name instead of a block id.
HEAD_TEXT_PARTS = ("title", "subtitle", "speaker", "mark", "date", "issuer_mark")
_KEEP = ("id", "annotations")


def _restore(doc: Document, saved: dict) -> None:
    # the stored form, or (read back from a project's history) already a Document: copied,
    # so the live document never shares its lists with the saved one
    old = from_dict(copy.deepcopy(saved)) if isinstance(saved, dict) else copy.deepcopy(saved)
    for f in dataclasses.fields(Document):
        if f.name != "id":
            setattr(doc, f.name, getattr(old, f.name))


def _fill(doc: Document, fresh: Document) -> None:
    for f in dataclasses.fields(Document):
        if f.name not in _KEEP:
            setattr(doc, f.name, getattr(fresh, f.name))


@dataclass
class _DocumentRewrite(Command):
    """Base of the corrections that may change any part of one document: ``apply`` keeps
    the whole document in ``saved`` (``_saved_document``) and undo puts it back."""
    doc_id: str
    saved: dict | None = field(default=None, kw_only=True)

    def _saved_document(self, issue: Issue) -> Document:
        doc = document_of(issue, self.doc_id)
        self.saved = to_dict(doc)
        return doc

    def revert(self, issue: Issue) -> Change:
        _restore(document_of(issue, self.doc_id), self.saved)
        return Change(documents={self.doc_id}, sections=True)


@dataclass
class SetDocumentKind(_DocumentRewrite):
    """Read a document again as ``kind`` (its parts found anew for that kind)."""
    kind: str
    title: ClassVar[str] = "修改文件类型"

    def apply(self, issue: Issue) -> Change:
        from editor.docx_import.again import recognise_as
        if self.kind not in DOCUMENT_KINDS:
            raise GazetteError("文件类型不正确", repr(self.kind))
        doc = self._saved_document(issue)
        fresh, _report = recognise_as(doc, self.kind)
        _fill(doc, fresh)           # the editor chose the kind: no longer a guess
        doc.uncertain = [p for p in doc.uncertain if p != "kind"]
        return Change(documents={doc.id}, sections=True)

    def describe(self) -> str:
        return f"文件类型设为{kind_label(self.kind)}"


@dataclass
class SetPart(_DocumentRewrite):
    """Make paragraph ``block_id`` (a top-level paragraph of the body or an attachment, or a
    head part: title, subtitle, speaker, mark, date — or the 发文机关标志, when the import
    took a title for it) the part ``target``."""
    block_id: str
    target: str
    title: ClassVar[str] = "修改段落类型"
    targets: ClassVar[tuple[str, ...]] = tuple(PART_NAMES)

    def apply(self, issue: Issue) -> Change:
        if self.target not in self.targets:
            raise GazetteError("段落类型不正确", repr(self.target))
        doc = self._saved_document(issue)
        try:
            self._apply(doc)
        except GazetteError:
            _restore(doc, self.saved)
            raise
        for name in (self.target, self.block_id):
            if name in doc.uncertain:
                doc.uncertain.remove(name)
        return Change(documents={doc.id}, sections=True)

    def _apply(self, doc: Document) -> None:
        blocks, i, block = self._take(doc)
        text = block.display_text.strip()
        if not text:
            raise GazetteError("空段落不能设为文件的组成部分")
        t = self.target
        if t in ("title", "subtitle", "speaker", "mark"):
            old = getattr(doc, t)
            del blocks[i]
            setattr(doc, t, title_text(text) if t == "title" else text)
            if old and old != getattr(doc, t):
                doc.body.insert(0, _paragraph(doc, old))       # the part replaced: back to the body
        elif t == "date":
            self._date(doc, blocks, i, text)
        else:
            _set_level(blocks, i, t)

    def _take(self, doc: Document) -> tuple[list, int, Paragraph]:
        """(block list, index, paragraph) of the paragraph to set; a head part is first made
        a paragraph at the head of the body."""
        if self.block_id in HEAD_TEXT_PARTS:
            text = getattr(doc, self.block_id)
            if not text:
                raise GazetteError("该部分是空的")
            at_end = self.block_id == "date" and not doc.date_in_head    # 成文日期
            setattr(doc, self.block_id, "")
            if self.block_id == "date":
                doc.date_in_head = False
            at = len(doc.body) if at_end else 0
            doc.body.insert(at, _paragraph(doc, text))
            return doc.body, at, doc.body[at]
        blocks, i, _where = block_place(doc, self.block_id)
        block = blocks[i]
        if not isinstance(block, Paragraph):
            raise GazetteError("只能设置段落（表格、图片除外）")
        return blocks, i, block

    def _date(self, doc: Document, blocks: list, i: int, text: str) -> None:
        found = DATE_IN.search(compact(text))
        if not found:
            raise GazetteError("该段落中没有日期（如 2025年2月10日）")
        date = compact(found.group())
        rest = compact(text).replace(date, "").strip("（）()——— ")
        if doc.date and doc.date != date and not doc.date_in_head:
            doc.body.append(_paragraph(doc, doc.date))         # the old date: back to the body
        doc.date = date
        doc.date_in_head = doc.kind == "speech"
        if not rest:
            del blocks[i]           # a date line only: it is the date now
        elif doc.kind == "speech" and not doc.subtitle:
            doc.subtitle = text
            del blocks[i]

    def describe(self) -> str:
        return f"段落设为{PART_NAMES.get(self.target, '')}"


@dataclass
class SetParagraphRole(SetPart):
    """A top-level paragraph (not a list item) made a heading of level 1–4 or body text,
    or — a non-empty body paragraph — the document's title, the old title dropped (undo
    brings it back).  ``SetPart`` does all this and more; this form stays for the project
    histories that hold it."""
    targets: ClassVar[tuple[str, ...]] = ("title", "heading1", "heading2", "heading3",
                                          "heading4", "body")

    def _apply(self, doc: Document) -> None:
        blocks, i, where = block_place(doc, self.block_id)
        block = blocks[i]
        if not isinstance(block, Paragraph) or isinstance(block, ListItem):
            raise GazetteError("只能修改普通段落的类型（表格、图片、列表项除外）")
        if self.target != "title":
            _set_level(blocks, i, self.target)
            return
        if where != "body" or not block.display_text.strip():
            raise GazetteError("只有正文中的非空段落可以设为文件标题")
        doc.title = title_text(block.display_text)
        del blocks[i]

    def revert(self, issue: Issue) -> Change:
        saved = self.saved
        if not (isinstance(saved, dict) and "where" in saved):
            return super().revert(issue)
        # a step stored by an older version: the one paragraph and the old title
        doc = document_of(issue, self.doc_id)
        blocks = dict(doc.block_lists())[saved["where"]]
        block = saved["block"]
        block = from_dict(copy.deepcopy(block)) if isinstance(block, dict) else copy.deepcopy(block)
        if self.target == "title":
            blocks.insert(saved["index"], block)
            doc.title = saved["title"]
        else:
            blocks[saved["index"]] = block
        return Change(documents={doc.id}, sections=True)


def _set_level(blocks: list, i: int, target: str) -> None:
    """Paragraph ``blocks[i]`` as body text (``body``) or a heading (``heading1``…)."""
    block = blocks[i]
    keep = dict(id=block.id, runs=block.runs, label=block.label, style=block.style,
                style_name=block.style_name)
    if target == "body":
        blocks[i] = Paragraph(role="body", **keep)
    else:
        blocks[i] = Heading(role="body", level=int(target[-1]), **keep)


def _paragraph(doc: Document, text: str) -> Paragraph:
    taken = {getattr(b, "id", "") for b in doc.all_blocks()}
    n = 1
    while f"s{n}" in taken:
        n += 1
    return Paragraph(id=f"s{n}", runs=[Run(text=text)], style=ParaStyle())


