"""Accepting and rejecting annotations as undoable edit commands (layer: proof/app, no Qt).

Accepting a 改 (replace), 删 (delete) or 增 (insert) edits the document text where the
annotation is anchored: the runs of the paragraph are split at the range, the new text takes
the formatting of the text it replaces (or of the character before an insertion point),
and runs left with identical formatting next to the edit are merged again.  Head parts
(title, 发文字号, signature lines ...) are plain strings and are edited as such.  Other
annotations of the same block move with the text (or are re-anchored when the edit touched
them).  Accepting a 疑 or 注 only sets its status.

Every command keeps a snapshot of what it changed (the block's runs or head string and the
document's annotations), so ``revert`` restores the model exactly, and the command
round-trips through ``to_dict``/``from_dict`` for the stored undo history.
"""
from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import Any, ClassVar

from editor.app.command import Change, Command
from editor.errors import GazetteError
from editor.model import Annotation, Document, Issue, Paragraph, Reply, Run
from editor.model.address import BlockAddress
from editor.model.serialize import from_dict, to_dict
from editor.proof.anchor import (context_at, find_block, locate, plain_note, reanchor,
                                 text_of)

TEXT_KINDS = ("改", "删", "增")


# ---------------------------------------------------------------------------- run editing

def _same_format(a: Run, b: Run) -> bool:
    return dataclasses.replace(a, text="") == dataclasses.replace(b, text="")


def _split_at(runs: list[Run], pos: int) -> int:
    """Split ``runs`` in place so a run boundary falls at character ``pos``; returns the
    index of the first run at or after ``pos``."""
    offset = 0
    for i, run in enumerate(runs):
        if pos == offset:
            return i
        if pos < offset + len(run.text):
            cut = pos - offset
            runs[i:i + 1] = [dataclasses.replace(run, text=run.text[:cut]),
                             dataclasses.replace(run, text=run.text[cut:])]
            return i + 1
        offset += len(run.text)
    return len(runs)


def _style_source(runs: list[Run], start: int, end: int) -> Run | None:
    """The run whose formatting new text takes: the first replaced character's run, or for
    an insertion the run of the character before it (the first run at the very start)."""
    pos = start if end > start else max(0, start - 1)
    offset = 0
    for run in runs:
        if run.text and offset <= pos < offset + len(run.text):
            return run
        offset += len(run.text)
    return runs[-1] if runs else None


def _merge_around(runs: list[Run], lo: int, hi: int) -> None:
    """Merge neighbouring runs with identical formatting between indexes lo-1 .. hi."""
    i = max(0, lo - 1)
    while i < min(hi, len(runs) - 1):
        a, b = runs[i], runs[i + 1]
        if a.anchored or b.anchored:    # a note's reference point (a picture) is kept
            i += 1
        elif not b.text or _same_format(a, b):
            runs[i:i + 2] = [dataclasses.replace(a, text=a.text + b.text)]
            hi -= 1
        elif not a.text:
            del runs[i]
            hi -= 1
        else:
            i += 1


def replace_in_runs(runs: list[Run], start: int, end: int, new: str) -> list[Run]:
    """A new run list with characters start..end of the joined text replaced by ``new``."""
    runs = [dataclasses.replace(r) for r in runs]
    style = _style_source(runs, start, end)
    i = _split_at(runs, start)
    j = _split_at(runs, end)
    # a note's reference (a text-less run) survives an edit around it: one right after
    # the text before the edit stays there, one inside the range follows the new text
    lead = list(itertools.takewhile(lambda r: r.anchored, runs[i:j]))
    inner = [r for r in runs[i + len(lead):j] if r.anchored]
    runs[i:j] = lead + inner
    i += len(lead)
    if new:
        base = style if style is not None else Run(text="")
        runs.insert(i, dataclasses.replace(base, text=new, note=None, picture=None))
    _merge_around(runs, i, i + 2)
    return [r for r in runs if r.text or r.anchored] or runs[:1]


# ---------------------------------------------------------------------------- text editing

def _replace_head(document: Document, block_id: str, start: int, end: int, new: str) -> None:
    address = BlockAddress.parse(block_id)
    head = address.top
    value = getattr(document, head)
    if isinstance(value, list):
        if address.line is not None:
            line = value[address.line]
            value[address.line] = line[:start] + new + line[end:]
        else:
            joined = "\n".join(v for v in value if v.strip())
            setattr(document, head, (joined[:start] + new + joined[end:]).split("\n"))
    else:
        setattr(document, head, value[:start] + new + value[end:])


def _replace_attachment_part(document: Document, block_id: str, start: int, end: int,
                             new: str) -> bool:
    place = BlockAddress.parse(block_id).attachment_part
    att = place and next((a for a in document.attachments if a.id == place[0]), None)
    if att is None:
        return False
    part = place[1]
    value = getattr(att, part)
    setattr(att, part, value[:start] + new + value[end:])
    return True


def replace_text(document: Document, block_id: str, start: int, end: int, new: str) -> None:
    """Replace characters start..end of the display text addressed by ``block_id``."""
    block = find_block(document, block_id)
    if isinstance(block, Paragraph):
        cut = len(block.label)
        if start < cut:
            raise GazetteError("自动编号不能在正文中修改，请在原文件中调整编号。",
                               f"block {block_id} range {start}-{end} inside label")
        block.runs = replace_in_runs(block.runs, start - cut, end - cut, new)
    elif BlockAddress.parse(block_id).head_part is not None:
        _replace_head(document, block_id, start, end, new)
    elif (note := plain_note(document, block_id)) is not None:     # an older version's note
        text = note.text.strip()
        note.text = text[:start] + new + text[end:]
    elif not _replace_attachment_part(document, block_id, start, end, new):
        raise GazetteError("批注所在的位置不能修改文字。", f"block {block_id!r}")


def _shift_others(document: Document, ann: Annotation, start: int, end: int, new: str) -> None:
    """Move the other annotations of the edited block with the text."""
    shift_annotations(document, ann.block_id, start, end, new, skip=ann)


def shift_annotations(document: Document, block_id: str, start: int, end: int, new: str,
                      skip: Annotation | None = None) -> None:
    """Move the annotations of ``block_id`` (but ``skip``) with an edit that replaced
    characters start..end by ``new``: those after it shift, those it touched are anchored
    again on the new text."""
    delta = len(new) - (end - start)
    for i, other in enumerate(document.annotations):
        if other is skip or other.block_id != block_id:
            continue
        if other.start >= end and (other.start > start or end > start):
            other = dataclasses.replace(other, start=other.start + delta, end=other.end + delta)
        elif other.end > start:
            other = reanchor(other, document)
            document.annotations[i] = other
            continue
        text = text_of(document, other.block_id) or ""
        other.prefix, other.suffix = context_at(text, other.start, other.end)
        document.annotations[i] = other


# ---------------------------------------------------------------------------- commands

def _find(issue: Issue, doc_id: str, ann_id: str) -> tuple[Document, int]:
    document = issue.find_document(doc_id)
    if document is None:
        raise GazetteError("找不到批注所在的文件。", f"document {doc_id!r}")
    for i, ann in enumerate(document.annotations):
        if ann.id == ann_id:
            return document, i
    raise GazetteError("找不到该批注。", f"annotation {ann_id!r}")


@dataclass
class _Snapshot(Command):
    """Base: remembers the document's annotations and the edited block so revert is exact."""
    doc_id: str = ""
    annotation_id: str = ""
    saved: dict[str, Any] | None = None

    def _save(self, document: Document, block_id: str | None) -> None:
        self.saved = {"annotations": to_dict(document.annotations), "block_id": block_id}
        if block_id is not None:
            self.saved["block"] = to_dict(_block_state(document, block_id))

    def _what(self) -> str:
        """（改“原文”） for the undo menu: the annotation's kind and quote, as saved."""
        saved = self.saved.get("annotations") if self.saved else None
        for ann in saved or []:
            get = ann.get if isinstance(ann, dict) else (lambda k, a=ann: getattr(a, k, ""))
            if get("id") == self.annotation_id:
                quote = str(get("quote") or "").replace("\n", " ")
                quote = quote if len(quote) <= 8 else quote[:8] + "…"
                return f"（{get('kind')}“{quote}”）" if quote else f"（{get('kind')}）"
        return ""

    def describe(self) -> str:
        return self.title + self._what()

    def revert(self, issue: Issue) -> Change:
        document, _ = _find(issue, self.doc_id, self.annotation_id)
        block_id = self.saved.get("block_id")
        if block_id is not None:
            _restore_block_state(document, block_id, _copy(self.saved["block"]))
        document.annotations = _copy(self.saved["annotations"])
        return Change(documents={self.doc_id} if block_id else set(),
                      annotations={a.id for a in document.annotations})


def _copy(data):
    """Fresh model objects from saved data (dicts, or objects after from_dict)."""
    return from_dict(to_dict(data))


def _block_state(document: Document, block_id: str):
    block = find_block(document, block_id)
    if isinstance(block, Paragraph):
        return block.runs
    if (note := plain_note(document, block_id)) is not None:
        return note.text
    address = BlockAddress.parse(block_id)
    if address.head_part is not None:
        return getattr(document, address.head_part)
    att_id, part = address.attachment_part
    return getattr(next(a for a in document.attachments if a.id == att_id), part)


def _restore_block_state(document: Document, block_id: str, state) -> None:
    block = find_block(document, block_id)
    if isinstance(block, Paragraph):
        block.runs = state
        return
    if (note := plain_note(document, block_id)) is not None:
        note.text = state
        return
    address = BlockAddress.parse(block_id)
    if address.head_part is not None:
        setattr(document, address.head_part, state)
        return
    att_id, part = address.attachment_part
    setattr(next(a for a in document.attachments if a.id == att_id), part, state)


def _edit_of(ann: Annotation) -> tuple[int, int, str]:
    """(start, end, new text) of the text edit an accepted annotation makes."""
    if ann.kind == "删":
        return ann.start, ann.end, ""
    if ann.kind == "增":
        return ann.end, ann.end, ann.new_text
    return ann.start, ann.end, ann.new_text


def _set_status(document: Document, index: int, status: str, cmd) -> None:
    ann = document.annotations[index]
    replies = list(ann.replies)
    if cmd.reply:
        replies.append(Reply(author=cmd.author, time=cmd.time, text=cmd.reply))
    document.annotations[index] = dataclasses.replace(ann, status=status, replies=replies)


@dataclass
class _Decision(_Snapshot):
    """Base of the decisions on an annotation: set ``status`` and add the editor's reply
    (``AcceptAnnotation`` edits the text first for 改/删/增)."""
    status: ClassVar[str] = ""
    reply: str = ""
    author: str = ""
    time: str = ""

    def apply(self, issue: Issue) -> Change:
        document, index = _find(issue, self.doc_id, self.annotation_id)
        self._save(document, None)
        _set_status(document, index, self.status, self)
        return Change(annotations={self.annotation_id})


@dataclass
class AcceptAnnotation(_Decision):
    """采纳: for 改/删/增 edit the text, then mark the annotation accepted (anchored on the
    corrected text afterwards).  ``reply``, when given, is added as the editor's answer."""
    title: ClassVar[str] = "采纳批注"
    status: ClassVar[str] = "accepted"

    def apply(self, issue: Issue) -> Change:
        document, index = _find(issue, self.doc_id, self.annotation_id)
        ann = document.annotations[index]
        if ann.status == "accepted":
            raise GazetteError("该批注已采纳。", f"annotation {ann.id}")
        if ann.kind not in TEXT_KINDS:
            return super().apply(issue)
        place = locate(ann, document)
        if place is None:
            raise GazetteError("批注对应的原文已找不到，无法采纳；请先重新定位该批注。",
                               f"annotation {ann.id} quote {ann.quote!r}")
        self._save(document, place.block_id)
        ann = dataclasses.replace(ann, block_id=place.block_id, start=place.start, end=place.end)
        document.annotations[index] = ann
        start, end, new = _edit_of(ann)
        replace_text(document, ann.block_id, start, end, new)
        _shift_others(document, ann, start, end, new)
        text = text_of(document, ann.block_id) or ""
        prefix, suffix = context_at(text, start, start + len(new))
        document.annotations[index] = dataclasses.replace(
            ann, start=start, end=start + len(new), quote=new, prefix=prefix, suffix=suffix,
            orphaned=False)
        _set_status(document, index, "accepted", self)
        return Change(documents={document.id}, annotations={a.id for a in document.annotations})


@dataclass
class RejectAnnotation(_Decision):
    """不采纳, with the editor's reply (why)."""
    title: ClassVar[str] = "不采纳批注"
    status: ClassVar[str] = "rejected"


@dataclass
class AnswerAnnotation(_Decision):
    """答复 a 疑 (query) or 注 without changing the text; status becomes answered."""
    title: ClassVar[str] = "答复批注"
    status: ClassVar[str] = "answered"


def editable(document: Document, block_id: str, start: int) -> bool:
    """Can text from ``start`` of ``block_id`` be edited (not an automatic number, not a
    generated part)?"""
    block = find_block(document, block_id)
    if isinstance(block, Paragraph):
        return start >= len(block.label)
    address = BlockAddress.parse(block_id)
    return address.head_part is not None or address.attachment_part is not None \
        or plain_note(document, block_id) is not None


@dataclass
class ReplaceText(Command):
    """查找替换: replace the found ``query`` at ``places`` ([doc id, block id, start,
    end]) by ``new``, all in one undoable step.  A place may carry its own text and
    replacement ([doc id, block id, start, end, old, new]: 标点检查's fixes).  Every place
    must still show its text (else nothing is changed); the text keeps its formatting
    and annotations move with it."""
    places: list = dataclasses.field(default_factory=list)
    query: str = ""
    new: str = ""
    saved: dict | None = None
    title: ClassVar[str] = "替换"
    stale: ClassVar[str] = "要替换的文字已改动或不能修改，请重新查找。"

    def _edits(self) -> dict[tuple[str, str], list[tuple[int, int, str, str]]]:
        """(start, end, old text, new text) per (doc id, block id)."""
        by_block: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
        for place in self.places:
            doc_id, block_id, start, end = place[:4]
            old, new = place[4:6] if len(place) >= 6 else (self.query, self.new)
            by_block.setdefault((doc_id, block_id), []).append((start, end, old, new))
        return by_block

    def apply(self, issue: Issue) -> Change:
        by_block = self._edits()
        docs: dict[str, Document] = {}
        for doc_id, block_id in by_block:
            document = docs.get(doc_id) or issue.find_document(doc_id)
            if document is None:
                raise GazetteError("找不到要替换的文件（可能已被移除），请重新查找。", doc_id)
            docs[doc_id] = document
            text = text_of(document, block_id) or ""
            for start, end, old, _new in by_block[(doc_id, block_id)]:
                if text[start:end].lower() != old.lower() or \
                        not editable(document, block_id, start):
                    raise GazetteError(self.stale, f"{doc_id}/{block_id} {start}-{end}")
        self.saved = {doc_id: {"annotations": to_dict(d.annotations), "blocks": {
            block_id: to_dict(_block_state(d, block_id))
            for (did, block_id) in by_block if did == doc_id}} for doc_id, d in docs.items()}
        for (doc_id, block_id), edits in by_block.items():
            for start, end, _old, new in sorted(edits, reverse=True):   # later places first
                replace_text(docs[doc_id], block_id, start, end, new)
                shift_annotations(docs[doc_id], block_id, start, end, new)
        return Change(documents=set(docs),
                      annotations={a.id for d in docs.values() for a in d.annotations})

    def revert(self, issue: Issue) -> Change:
        annotations = set()
        for doc_id, state in self.saved.items():
            document = issue.find_document(doc_id)
            for block_id, block in state["blocks"].items():
                _restore_block_state(document, block_id, _copy(block))
            document.annotations = _copy(state["annotations"])
            annotations |= {a.id for a in document.annotations}
        return Change(documents=set(self.saved), annotations=annotations)

    def describe(self) -> str:
        short = lambda t: t if len(t) <= 8 else t[:8] + "…"       # noqa: E731
        return f"替换“{short(self.query)}”为“{short(self.new)}”（{len(self.places)} 处）"


@dataclass
class FixPunctuation(ReplaceText):
    """标点检查's fixes (each place with its own mark and replacement), one undoable step."""
    title: ClassVar[str] = "改正标点"
    stale: ClassVar[str] = "要改正的标点已改动，请重新检查。"

    def describe(self) -> str:
        return f"改正标点（{len(self.places)} 处）"


@dataclass
class EditText(ReplaceText):
    """修改文字: the editor rewrote a paragraph (or a title, a cell, a 落款 line) on the
    page; only the span that differs is replaced, so the rest keeps its formatting and
    annotations stay where they were (``edit_text``)."""
    title: ClassVar[str] = "修改文字"
    stale: ClassVar[str] = "这段文字已改动，请重新打开“修改文字”。"

    def describe(self) -> str:
        old, new = self.query.replace("\n", " "), self.new.replace("\n", " ")
        short = lambda t: t if len(t) <= 10 else t[:10] + "…"      # noqa: E731
        if not old:
            return f"修改文字（增“{short(new)}”）"
        return f"修改文字（删“{short(old)}”）" if not new else \
            f"修改文字（“{short(old)}”改为“{short(new)}”）"


def editable_text(document: Document, block_id: str) -> tuple[str, str] | None:
    """(the text of ``block_id`` the editor may rewrite, the automatic number before it
    in the block's display text — empty for most blocks); None for what cannot be
    edited."""
    text = text_of(document, block_id)
    if text is None:
        return None
    block = find_block(document, block_id)
    cut = len(block.label) if isinstance(block, Paragraph) else 0
    return (text[cut:], text[:cut]) if editable(document, block_id, cut) else None


def edit_text(issue: Issue, doc_id: str, block_id: str, new: str) -> EditText | None:
    """The command that turns the editable text of ``block_id`` into ``new`` by replacing
    only the part that differs (None when nothing differs)."""
    document = issue.find_document(doc_id)
    found = editable_text(document, block_id) if document is not None else None
    if found is None:
        raise GazetteError("这里的文字不能修改。", f"{doc_id}/{block_id}")
    old, label = found
    cut = len(label)
    if new == old:
        return None
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start, end = cut + head, cut + len(old) - tail
    return EditText(places=[[doc_id, block_id, start, end]], query=old[head:len(old) - tail],
                    new=new[head:len(new) - tail])


def accept_all(issue: Issue, doc_id: str | None = None, author: str = "",
               time: str = "") -> list[AcceptAnnotation]:
    """Commands accepting every open annotation (of one document or all), in an order that
    keeps the anchors valid (later positions first).  Apply them one by one."""
    cmds = []
    for document in issue.documents():
        if doc_id is not None and document.id != doc_id:
            continue
        opened = [a for a in document.annotations if a.status == "open" and not a.orphaned]
        opened.sort(key=lambda a: (a.block_id, -a.start))
        cmds += [AcceptAnnotation(doc_id=document.id, annotation_id=a.id, author=author,
                                  time=time) for a in opened]
    return cmds


__all__ = ["TEXT_KINDS", "replace_in_runs", "replace_text", "shift_annotations", "editable",
           "ReplaceText", "FixPunctuation", "EditText", "editable_text", "edit_text", "AcceptAnnotation",
           "RejectAnnotation", "AnswerAnnotation", "accept_all"]
