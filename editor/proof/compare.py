"""Round comparison (校次比较): what text changed between two drafts, per document
(layer: proof, no I/O).

A draft is a model (``Issue``), a layout (``LaidOutIssue``) or the positioned text carried
by a proof PDF (``ProofMap``); each is reduced (``reduce_draft``) to the texts of its
blocks, per document, in reading order, and the documents' titles.  Blocks are aligned
first (ids may differ after a re-import, so the alignment is by content), then the
characters of the blocks that differ, so a change is reported as small as it is:
"改 东西湖区 → 东西湖区人民政府".  Every change carries the range in the newer draft
(block id, start, end) for highlighting it in the preview.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from editor.layout.items import LaidOutIssue
from editor.model import Issue
from editor.proof.anchor import block_texts
from editor.proof.geometry import ProofMap

SEP = "\u2029"          # paragraph separator between blocks of one aligned group


@dataclass
class TextChange:
    """One change: kind 改/增/删, the old and new text, and where the new text is (for a
    deletion: the point where the old text was)."""
    kind: str
    old: str
    new: str
    block_id: str
    start: int
    end: int
    old_block_id: str = ""
    old_start: int = 0

    def describe(self) -> str:
        if self.kind == "增":
            return f"增「{self.new}」"
        if self.kind == "删":
            return f"删「{self.old}」"
        return f"改「{self.old}」为「{self.new}」"


@dataclass
class DocumentDiff:
    doc_id: str
    title: str = ""
    changes: list[TextChange] = field(default_factory=list)
    status: str = "changed"            # changed | added | removed


# ---------------------------------------------------------------------------- drafts

Draft = Issue | LaidOutIssue | ProofMap


def draft_texts(draft: Draft) -> dict[str, dict[str, str]]:
    """doc id -> (block id -> text), in reading order."""
    if isinstance(draft, Issue):
        return {d.id: block_texts(d) for d in draft.documents()}
    pages = draft.pages
    chars: dict[str, dict[str, dict[int, str]]] = {}
    for page in pages:
        items = page.items if isinstance(draft, ProofMap) else page.texts()
        for it in items:
            s = it.source
            if s is None or len(it.text) != s.end - s.start:
                continue
            block = chars.setdefault(s.doc_id, {}).setdefault(s.block_id, {})
            for k, ch in enumerate(it.text):
                block[s.start + k] = ch
    return {doc: {bid: "".join(c[i] for i in sorted(c)) for bid, c in blocks.items()}
            for doc, blocks in chars.items()}


@dataclass(frozen=True)
class DraftText:
    """A draft reduced to what a comparison reads: block texts per document (as
    ``draft_texts``) and document titles.  Reduce a draft that is compared again and again
    (the old proof of 校次比较) once and pass this instead of the draft."""
    texts: dict[str, dict[str, str]]
    titles: dict[str, str]


def reduce_draft(draft: Draft | DraftText) -> DraftText:
    """The texts and titles of ``draft`` (a ``DraftText`` is returned as it is)."""
    if isinstance(draft, DraftText):
        return draft
    texts = draft_texts(draft)
    if isinstance(draft, Issue):
        titles = {d.id: d.toc_title for d in draft.documents()}
    else:
        titles = {doc: blocks.get("title", "") for doc, blocks in texts.items()}
    return DraftText(texts, titles)


# ---------------------------------------------------------------------------- diff

def _locate(offsets: list[tuple[str, int]], pos: int) -> tuple[str, int]:
    """(block id, offset) of position ``pos`` in a group joined with SEP."""
    for bid, base in reversed(offsets):
        if pos >= base:
            return bid, pos - base
    return offsets[0]


def _join(ids: list[str], texts: dict[str, str]) -> tuple[str, list[tuple[str, int]]]:
    parts, offsets, pos = [], [], 0
    for bid in ids:
        offsets.append((bid, pos))
        parts.append(texts[bid])
        pos += len(texts[bid]) + len(SEP)
    return SEP.join(parts), offsets


def _group_changes(old_ids, new_ids, old: dict[str, str], new: dict[str, str],
                   point: tuple[str, int]):
    """Character changes between aligned groups of blocks; ``point`` is where a group
    that vanished from the newer draft used to be (the next block's start)."""
    a, a_off = _join(old_ids, old)
    b, b_off = _join(new_ids, new)
    a_off = a_off or [("", 0)]
    if not b_off:
        yield TextChange("删", a.replace(SEP, "\n"), "", point[0], point[1], point[1],
                         a_off[0][0], 0)
        return
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        kind = {"replace": "改", "insert": "增", "delete": "删"}[tag]
        bid, start = _locate(b_off, j1)
        obid, ostart = _locate(a_off, i1)
        old_text, new_text = a[i1:i2].replace(SEP, "\n"), b[j1:j2].replace(SEP, "\n")
        yield TextChange(kind, old_text, new_text, bid, start, start + (j2 - j1), obid, ostart)


def diff_document(old: dict[str, str], new: dict[str, str]) -> list[TextChange]:
    """Changes from the block texts ``old`` to ``new`` of one document."""
    old_ids, new_ids = list(old), list(new)
    blocks = SequenceMatcher(None, [old[i] for i in old_ids], [new[i] for i in new_ids],
                             autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in blocks.get_opcodes():
        if tag == "equal":
            continue
        if j1 < len(new_ids):
            point = (new_ids[j1], 0)
        else:
            point = (new_ids[-1], len(new[new_ids[-1]])) if new_ids else ("", 0)
        changes += _group_changes(old_ids[i1:i2], new_ids[j1:j2], old, new, point)
    return changes


def compare_drafts(old: Draft | DraftText, new: Draft | DraftText) -> list[DocumentDiff]:
    """Per document (in the newer draft's order, removed documents last) what changed."""
    old, new = reduce_draft(old), reduce_draft(new)
    a, b = old.texts, new.texts
    titles = {**old.titles, **new.titles}
    out = []
    for doc_id, blocks in b.items():
        if doc_id not in a:
            out.append(DocumentDiff(doc_id, titles.get(doc_id, ""), status="added"))
            continue
        changes = diff_document(a[doc_id], blocks)
        if changes:
            out.append(DocumentDiff(doc_id, titles.get(doc_id, ""), changes))
    out += [DocumentDiff(d, titles.get(d, ""), status="removed") for d in a if d not in b]
    return out


def format_report(diffs: list[DocumentDiff], limit: int = 50) -> str:
    """A Chinese plain-text report, one line per change."""
    if not diffs:
        return "两稿文字相同。"
    lines = []
    for diff in diffs:
        name = diff.title.replace("\n", "") or diff.doc_id
        if diff.status != "changed":
            lines.append(f"《{name}》：{'新增文件' if diff.status == 'added' else '已删除'}")
            continue
        lines.append(f"《{name}》：{len(diff.changes)} 处改动")
        lines += [f"  {c.describe()}" for c in diff.changes[:limit]]
        if len(diff.changes) > limit:
            lines.append(f"  ……另有 {len(diff.changes) - limit} 处")
    return "\n".join(lines)


__all__ = ["TextChange", "DocumentDiff", "DraftText", "draft_texts", "reduce_draft",
           "diff_document", "compare_drafts", "format_report"]
