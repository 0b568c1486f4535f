"""The issue's edit commands: metadata, sections, documents, document layout and
annotations (layer: app, no Qt).

Each is a ``Command`` dataclass: the constructor takes what the user asked for, ``apply``
checks it, captures what ``revert`` needs (old values, removed objects, indexes) and
changes the model; the returned ``Change`` names what changed so the store writes only
those rows and views refresh only those parts.  New ids (sections) are chosen
deterministically from the issue, so replaying the same commands gives the same issue.
"""
from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

from editor.app.command import Change, Command
from editor.errors import GazetteError
from editor.model import Annotation, Document, DocumentLayout, Issue, IssueMeta, Section
from editor.model.address import PART_LABELS

META_FIELDS = {f.name for f in dataclasses.fields(IssueMeta)}
LAYOUT_FIELDS = {f.name for f in dataclasses.fields(DocumentLayout)}
ANNOTATION_EDITABLE = {"kind", "note", "new_text", "author", "round", "time", "replies"}
STATUSES = ("open", "accepted", "rejected", "answered")


def section_index(issue: Issue, section_id: str) -> int:
    for i, section in enumerate(issue.sections):
        if section.id == section_id:
            return i
    raise GazetteError("找不到该栏目（可能已被移除）", f"section {section_id!r}")


def find_section(issue: Issue, section_id: str) -> Section:
    return issue.sections[section_index(issue, section_id)]


def insert_clamped(items: list, index: int | None, item) -> None:
    """Insert ``item`` at ``index`` limited to the list's bounds (a stale index still fits);
    None appends."""
    items.insert(len(items) if index is None else max(0, min(index, len(items))), item)


def find_section_by_title(issue: Issue, title: str) -> Section | None:
    return next((s for s in issue.sections if s.title == title), None)


def document_place(issue: Issue, doc_id: str) -> tuple[int, int]:
    for s, section in enumerate(issue.sections):
        for d, doc in enumerate(section.documents):
            if doc.id == doc_id:
                return s, d
    raise GazetteError("找不到该文件（可能已被移除）", f"document {doc_id!r}")


def take_document(issue: Issue, doc_id: str) -> tuple[Section, int, Document]:
    """Remove a document from its section: (section, index it had, the document)."""
    s, d = document_place(issue, doc_id)
    section = issue.sections[s]
    return section, d, section.documents.pop(d)


def annotation_place(issue: Issue, ann_id: str) -> tuple[Document, int]:
    for doc in issue.documents():
        for i, ann in enumerate(doc.annotations):
            if ann.id == ann_id:
                return doc, i
    raise GazetteError("找不到该批注（可能已被删除）", f"annotation {ann_id!r}")


def new_section_id(issue: Issue) -> str:
    taken = {s.id for s in issue.sections}
    n = len(issue.sections) + 1
    while f"s{n}" in taken:
        n += 1
    return f"s{n}"


def _short(text: str, n: int = 16) -> str:
    return text if len(text) <= n else text[:n] + "…"


# -- metadata ---------------------------------------------------------------------------------

@dataclass
class SetMeta(Command):
    """Set one field of the issue metadata (期号、出版日期、编辑部信息 …)."""
    field: str
    value: Any
    old: Any = None
    title: ClassVar[str] = "修改刊期信息"

    def apply(self, issue: Issue) -> Change:
        if self.field not in META_FIELDS:
            raise GazetteError("无法修改该项刊期信息", f"meta field {self.field!r}")
        self.old = copy.deepcopy(getattr(issue.meta, self.field))
        setattr(issue.meta, self.field, copy.deepcopy(self.value))
        return Change(meta=True)

    def revert(self, issue: Issue) -> Change:
        setattr(issue.meta, self.field, copy.deepcopy(self.old))
        return Change(meta=True)


@dataclass
class SetTemplate(Command):
    """Choose the issue's gazette template (a name in layouts/, or a .toml path): the
    whole issue is laid out again in it.  A template that cannot be loaded is refused."""
    name: str
    old: str | None = None
    label: str = ""
    title: ClassVar[str] = "更换版式模板"

    def apply(self, issue: Issue) -> Change:
        from editor.layout.template import load_template
        self.label = load_template(self.name).label        # GazetteError if unusable
        self.old = issue.template
        issue.template = self.name
        return Change(meta=True)

    def revert(self, issue: Issue) -> Change:
        issue.template = self.old
        return Change(meta=True)

    def describe(self) -> str:
        return f"版式改为“{self.label or self.name}”"


# -- sections ---------------------------------------------------------------------------------

@dataclass
class AddSection(Command):
    title_text: str = ""
    index: int | None = None              # None = at the end
    section_id: str = ""
    title: ClassVar[str] = "新增栏目"

    def __init__(self, title: str = "", index: int | None = None, section_id: str = "",
                 title_text: str = ""):
        self.title_text = title or title_text
        self.index = index
        self.section_id = section_id

    def apply(self, issue: Issue) -> Change:
        name = self.title_text.strip()
        if not name:
            raise GazetteError("栏目名称不能为空")
        if find_section_by_title(issue, name) is not None:
            raise GazetteError(f"已有名为“{name}”的栏目")
        if not self.section_id:
            self.section_id = new_section_id(issue)
        elif any(s.id == self.section_id for s in issue.sections):
            raise GazetteError("栏目编号重复", f"section {self.section_id!r}")
        insert_clamped(issue.sections, self.index, Section(id=self.section_id, title=name))
        return Change(sections=True)

    def revert(self, issue: Issue) -> Change:
        del issue.sections[section_index(issue, self.section_id)]
        return Change(sections=True)

    def describe(self) -> str:
        return f"新增栏目“{self.title_text}”"


@dataclass
class RenameSection(Command):
    section_id: str
    new_title: str = ""
    old: str = ""
    title: ClassVar[str] = "重命名栏目"

    def __init__(self, section_id: str, title: str = "", old: str = "", new_title: str = ""):
        self.section_id = section_id
        self.new_title = title or new_title
        self.old = old

    def apply(self, issue: Issue) -> Change:
        name = self.new_title.strip()
        if not name:
            raise GazetteError("栏目名称不能为空")
        section = find_section(issue, self.section_id)
        other = find_section_by_title(issue, name)
        if other is not None and other is not section:
            raise GazetteError(f"已有名为“{name}”的栏目")
        self.old, section.title = section.title, name
        return Change(sections=True)

    def revert(self, issue: Issue) -> Change:
        find_section(issue, self.section_id).title = self.old
        return Change(sections=True)

    def describe(self) -> str:
        return f"栏目“{self.old}”改名为“{self.new_title}”"


@dataclass
class RemoveSection(Command):
    """Remove a section with its documents (all come back on undo)."""
    section_id: str
    index: int = -1
    section: Section | None = None
    title: ClassVar[str] = "删除栏目"

    def apply(self, issue: Issue) -> Change:
        self.index = section_index(issue, self.section_id)
        self.section = issue.sections.pop(self.index)
        return Change(sections=True, documents={d.id for d in self.section.documents})

    def revert(self, issue: Issue) -> Change:
        issue.sections.insert(self.index, copy.deepcopy(self.section))
        return Change(sections=True, documents={d.id for d in self.section.documents})

    def describe(self) -> str:
        name = self.section.title if self.section else self.section_id
        return f"删除栏目“{name}”"


@dataclass
class MoveSection(Command):
    section_id: str
    index: int
    old_index: int = -1
    title: ClassVar[str] = "移动栏目"

    def apply(self, issue: Issue) -> Change:
        self.old_index = section_index(issue, self.section_id)
        section = issue.sections.pop(self.old_index)
        insert_clamped(issue.sections, self.index, section)
        return Change(sections=True)

    def revert(self, issue: Issue) -> Change:
        section = issue.sections.pop(section_index(issue, self.section_id))
        issue.sections.insert(self.old_index, section)
        return Change(sections=True)


# -- documents --------------------------------------------------------------------------------

@dataclass
class MoveDocument(Command):
    """Move a document within its section or to another one (``index`` in the target
    section after the document was taken out)."""
    doc_id: str
    section_id: str
    index: int
    old_section_id: str = ""
    old_index: int = -1
    name: str = ""
    title: ClassVar[str] = "移动文件"

    def apply(self, issue: Issue) -> Change:
        target = find_section(issue, self.section_id)
        section, self.old_index, doc = take_document(issue, self.doc_id)
        self.old_section_id, self.name = section.id, doc.toc_title
        insert_clamped(target.documents, self.index, doc)
        return Change(sections=True)

    def revert(self, issue: Issue) -> Change:
        doc = take_document(issue, self.doc_id)[2]
        source = find_section(issue, self.old_section_id)
        source.documents.insert(self.old_index, doc)
        return Change(sections=True)

    def describe(self) -> str:
        return f"移动《{_short(self.name)}》" if self.name else self.title


@dataclass
class AddDocument(Command):
    """Put a document (an imported model; its .docx is stored by sha256) into a section."""
    document: Document
    section_id: str
    index: int | None = None
    report: list = field(default_factory=list)      # import report entries (dicts)
    title: ClassVar[str] = "导入文件"

    def apply(self, issue: Issue) -> Change:
        if issue.find_document(self.document.id) is not None:
            raise GazetteError("该文件已在本期中", f"document {self.document.id!r}")
        section = find_section(issue, self.section_id)
        insert_clamped(section.documents, self.index, copy.deepcopy(self.document))
        return Change(sections=True, documents={self.document.id})

    def revert(self, issue: Issue) -> Change:
        take_document(issue, self.document.id)
        return Change(sections=True)

    def describe(self) -> str:
        doc = self.document     # an untitled one by its file (toc_title: 无标题文件 for all)
        return f"导入《{_short(doc.layout.toc_title or doc.title or doc.source_name or doc.toc_title)}》"


@dataclass
class RemoveDocument(Command):
    doc_id: str
    section_id: str = ""
    index: int = -1
    document: Document | None = None
    title: ClassVar[str] = "删除文件"

    def apply(self, issue: Issue) -> Change:
        section, self.index, self.document = take_document(issue, self.doc_id)
        self.section_id = section.id
        return Change(sections=True)

    def revert(self, issue: Issue) -> Change:
        section = find_section(issue, self.section_id)
        section.documents.insert(self.index, copy.deepcopy(self.document))
        return Change(sections=True, documents={self.doc_id})

    def describe(self) -> str:
        name = self.document.toc_title if self.document else self.doc_id
        return f"删除《{_short(name)}》"


@dataclass
class SetDocumentLayout(Command):
    """Override a document's TOC title, start rule (new_page/odd_page) or 版头 display."""
    doc_id: str
    field: str
    value: Any
    old: Any = None
    title: ClassVar[str] = "修改文件版式"

    def apply(self, issue: Issue) -> Change:
        if self.field not in LAYOUT_FIELDS:
            raise GazetteError("无法修改该项版式", f"layout field {self.field!r}")
        if self.field == "start" and self.value not in (None, "new_page", "odd_page"):
            raise GazetteError("起始页只能是“另起一页”或“从奇数页起”", repr(self.value))
        doc = document_of(issue, self.doc_id)
        self.old = getattr(doc.layout, self.field)
        setattr(doc.layout, self.field, self.value)
        return Change(documents={self.doc_id}, sections=self.field == "toc_title")

    def revert(self, issue: Issue) -> Change:
        setattr(document_of(issue, self.doc_id).layout, self.field, self.old)
        return Change(documents={self.doc_id}, sections=self.field == "toc_title")

    def describe(self) -> str:
        names = {"toc_title": "修改目录标题", "start": "修改起始页规则",
                 "show_masthead": "修改版头显示"}
        return names.get(self.field, self.title)


# The head parts of a document an editor may correct by hand when the import read them
# wrong (a notice without 红头 styles, a title split over two paragraphs …).
HEAD_FIELDS = {part: PART_LABELS[part] for part in (
    "title", "doc_number", "recipients", "date", "subtitle", "speaker", "mark")}


@dataclass
class SetDocumentField(Command):
    """Correct one head part of a document (title, doc number, recipients, date …).
    Annotations on that part stay, anchored by their quote (editor.proof.anchor)."""
    doc_id: str
    field: str
    value: str = ""
    old: str = ""
    was_uncertain: bool = False
    title: ClassVar[str] = "修改文件"

    def apply(self, issue: Issue) -> Change:
        if self.field not in HEAD_FIELDS:
            raise GazetteError("无法修改该项", f"document field {self.field!r}")
        doc = document_of(issue, self.doc_id)
        self.old = getattr(doc, self.field)
        setattr(doc, self.field, str(self.value).strip())
        self.was_uncertain = self.field in doc.uncertain      # checked by the editor now
        if self.was_uncertain:
            doc.uncertain.remove(self.field)
        return self._change()

    def revert(self, issue: Issue) -> Change:
        doc = document_of(issue, self.doc_id)
        setattr(doc, self.field, self.old)
        if self.was_uncertain and self.field not in doc.uncertain:
            doc.uncertain.append(self.field)
        return self._change()

    def _change(self) -> Change:
        return Change(documents={self.doc_id}, sections=self.field == "title")

    def describe(self) -> str:
        return f"修改{HEAD_FIELDS.get(self.field, '文件')}"


def block_place(doc: Document, block_id: str) -> tuple[list, int, str]:
    """(block list, index, where) of a top-level block of the body or an attachment."""
    place = doc.place_of(block_id)
    if place is None:
        raise GazetteError("找不到该段落（文件可能已改动）", f"block {block_id!r} in {doc.id}")
    return place


def document_of(issue: Issue, doc_id: str) -> Document:
    """Document ``doc_id`` of the issue; a GazetteError when it is gone."""
    doc = issue.find_document(doc_id)
    if doc is None:
        raise GazetteError("找不到该文件（可能已被移除）", f"document {doc_id!r}")
    return doc


# -- annotations ------------------------------------------------------------------------------

@dataclass
class AddAnnotation(Command):
    annotation: Annotation
    index: int | None = None
    title: ClassVar[str] = "添加批注"

    def apply(self, issue: Issue) -> Change:
        doc = document_of(issue, self.annotation.doc_id)
        if any(a.id == self.annotation.id for d in issue.documents() for a in d.annotations):
            raise GazetteError("批注编号重复", f"annotation {self.annotation.id!r}")
        insert_clamped(doc.annotations, self.index, copy.deepcopy(self.annotation))
        return Change(annotations={self.annotation.id})

    def revert(self, issue: Issue) -> Change:
        doc, i = annotation_place(issue, self.annotation.id)
        del doc.annotations[i]
        return Change(annotations={self.annotation.id})

    def describe(self) -> str:
        return f"添加批注（{self.annotation.kind}）"


@dataclass
class DeleteAnnotation(Command):
    """Remove an annotation (one added by mistake, or a duplicate); undo puts it back in
    its place."""
    annotation_id: str
    annotation: Annotation | None = None
    index: int = 0
    title: ClassVar[str] = "删除批注"

    def apply(self, issue: Issue) -> Change:
        doc, i = annotation_place(issue, self.annotation_id)
        self.annotation, self.index = doc.annotations.pop(i), i
        return Change(annotations={self.annotation_id})

    def revert(self, issue: Issue) -> Change:
        if self.annotation is None:
            raise GazetteError("无法恢复该批注", f"annotation {self.annotation_id!r} not kept")
        doc = document_of(issue, self.annotation.doc_id)
        insert_clamped(doc.annotations, self.index, copy.deepcopy(self.annotation))
        return Change(annotations={self.annotation_id})

    def describe(self) -> str:
        kind = f"（{self.annotation.kind}）" if self.annotation is not None else ""
        return f"删除批注{kind}"


@dataclass
class EditAnnotation(Command):
    """Change an annotation's note, replacement text, kind, replies …"""
    annotation_id: str
    values: dict = field(default_factory=dict)
    old: dict = field(default_factory=dict)
    title: ClassVar[str] = "修改批注"

    def apply(self, issue: Issue) -> Change:
        unknown = set(self.values) - ANNOTATION_EDITABLE
        if unknown:
            raise GazetteError("无法修改批注的该项内容", f"fields {sorted(unknown)}")
        doc, i = annotation_place(issue, self.annotation_id)
        ann = doc.annotations[i]
        self.old = {k: copy.deepcopy(getattr(ann, k)) for k in self.values}
        doc.annotations[i] = dataclasses.replace(ann, **copy.deepcopy(self.values))
        return Change(annotations={self.annotation_id})

    def revert(self, issue: Issue) -> Change:
        doc, i = annotation_place(issue, self.annotation_id)
        doc.annotations[i] = dataclasses.replace(doc.annotations[i], **copy.deepcopy(self.old))
        return Change(annotations={self.annotation_id})


@dataclass
class SetAnnotationStatus(Command):
    annotation_id: str
    status: str
    old: str = ""
    title: ClassVar[str] = "设置批注状态"

    def apply(self, issue: Issue) -> Change:
        if self.status not in STATUSES:
            raise GazetteError("批注状态无效", repr(self.status))
        doc, i = annotation_place(issue, self.annotation_id)
        self.old = doc.annotations[i].status
        doc.annotations[i] = dataclasses.replace(doc.annotations[i], status=self.status)
        return Change(annotations={self.annotation_id})

    def revert(self, issue: Issue) -> Change:
        doc, i = annotation_place(issue, self.annotation_id)
        doc.annotations[i] = dataclasses.replace(doc.annotations[i], status=self.old)
        return Change(annotations={self.annotation_id})

    def describe(self) -> str:
        names = {"open": "重新打开批注", "accepted": "采纳批注", "rejected": "不采纳批注",
                 "answered": "答复批注"}
        return names.get(self.status, self.title)
