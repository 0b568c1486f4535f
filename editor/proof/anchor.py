"""Anchoring annotations to the source text and finding them again (layer: proof, no I/O).

An annotation (批注) addresses ``(doc_id, block_id, start, end)`` in the *display text* of a
block — the same text and offsets that ``editor.layout.items.Source`` uses on every
TextItem (a paragraph's numbering label included).  It also keeps the quoted text and a
little context before and after, so it can be found again when the block ids, the order
or the text around it change (reordering, another template, re-import of an edited .docx).

Addressable texts of a document (``block_texts``), in reading order:
- head parts by their pseudo ids (``model.HEAD_PARTS``); list-valued ones (signature,
  attachment_note) as their lines joined with "\\n", or one line as "signature/1";
- body and attachment blocks by id; table-cell blocks as "<table id>/<cell id>/<block id>";
- an attachment's label and title as "<attachment id>/label" and "<attachment id>/title";
- 版记 lines as "colophon_note" (joined); a note's paragraphs by their ids (fn1p1), a
  note stored as plain text by the note's id.

``reanchor(annotation, document)`` returns a copy placed on the current text, or flagged
``orphaned`` when it cannot be placed (never dropped).  Search order: the recorded place;
exact occurrences of the quote (best context wins, the recorded block first); for an
insertion point (empty quote) the context around it; last a fuzzy match that tolerates a
few changed characters inside the quote.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from editor.model import HEAD_PARTS, Annotation, Document, Footnote, Paragraph, Table
from editor.model.address import BlockAddress

CONTEXT = 12            # characters of context kept on each side
_FUZZY_MIN = 4          # shorter quotes are only found exactly
@dataclass(frozen=True)
class Anchor:
    """A resolved place: block id and character range in that block's display text."""
    block_id: str
    start: int
    end: int


# ---------------------------------------------------------------------------- texts

def _walk_blocks(blocks, prefix: str = ""):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield prefix + block.id, block.display_text
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from _walk_blocks(cell.blocks, f"{prefix}{block.id}/{cell.id}/")


def block_texts(document: Document) -> dict[str, str]:
    """Every addressable text of ``document`` by block id, in reading order."""
    out: dict[str, str] = {}
    for part in HEAD_PARTS:
        value = getattr(document, part)
        # List-valued parts: non-blank lines joined with "\n", as the layout numbers them.
        text = "\n".join(v for v in value if v.strip()) if isinstance(value, list) else value
        if text:
            out[part] = text
    for bid, text in _walk_blocks(document.body):
        out[bid] = text
    for att in document.attachments:
        if att.label:
            out[f"{att.id}/label"] = att.label
        if att.title:
            out[f"{att.id}/title"] = att.title
        for bid, text in _walk_blocks(att.blocks):
            out[bid] = text
    if document.colophon_note:
        out["colophon_note"] = "\n".join(v for v in document.colophon_note if v.strip())
    for note in document.footnotes:
        if note.blocks:         # a note's paragraphs by their ids (fn1p1 …), as printed
            out.update(_walk_blocks(note.blocks))
        elif note.text.strip():      # as printed (stripped) and found by 查找
            out[note.id] = note.text.strip()
    return out


def text_of(document: Document, block_id: str) -> str | None:
    """The display text addressed by ``block_id`` (None when it does not exist)."""
    address = BlockAddress.parse(block_id)
    if address.line is not None:
        lines = getattr(document, address.top)
        return lines[address.line] if address.line < len(lines) else None
    return block_texts(document).get(block_id)


def find_block(document: Document, block_id: str):
    """The model block (Paragraph, ...) addressed by ``block_id``, or None for head parts
    and unknown ids.  Table-cell paths are followed into the cells."""
    parts = block_id.split("/")
    blocks = list(document.all_blocks()) + [b for n in document.footnotes for b in n.blocks]
    while parts:
        bid = parts.pop(0)
        block = next((b for b in blocks if getattr(b, "id", None) == bid), None)
        if block is None:
            return None
        if not parts:
            return block
        if not isinstance(block, Table) or len(parts) < 2:
            return None
        cell_id = parts.pop(0)
        cell = next((c for r in block.rows for c in r.cells if c.id == cell_id), None)
        if cell is None:
            return None
        blocks = cell.blocks
    return None


def plain_note(document: Document, block_id: str) -> Footnote | None:
    """The note stored as plain text (``Footnote.text``, no paragraphs: an older
    version's) that ``block_id`` addresses, or None."""
    return next((n for n in document.footnotes if n.id == block_id and not n.blocks), None)


# ---------------------------------------------------------------------------- anchoring

def context_at(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """(prefix, suffix): up to ``width`` characters before ``start`` and after ``end``."""
    return text[max(0, start - width):start], text[end:end + width]


def make_annotation(document: Document, block_id: str, start: int, end: int,
                    **fields) -> Annotation:
    """A new annotation on ``document`` at (block_id, start, end) with quote and context
    filled in from the text; other Annotation fields (id, kind, note, ...) as keywords."""
    text = text_of(document, block_id)
    if text is None:
        raise KeyError(f"no block {block_id!r} in document {document.id!r}")
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}..{end} outside block {block_id!r} ({len(text)} chars)")
    prefix, suffix = context_at(text, start, end)
    fields.setdefault("id", "")
    return Annotation(doc_id=document.id, block_id=block_id, start=start, end=end,
                      quote=text[start:end], prefix=prefix, suffix=suffix, **fields)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _context_score(ann: Annotation, text: str, start: int, end: int) -> int:
    return (_common_suffix(ann.prefix, text[max(0, start - len(ann.prefix)):start])
            + _common_prefix(ann.suffix, text[end:end + len(ann.suffix)]))


def is_in_place(ann: Annotation, document: Document) -> bool:
    """True when the recorded range still shows the quote (and, for an insertion point,
    the context around it)."""
    text = text_of(document, ann.block_id)
    if text is None or not 0 <= ann.start <= ann.end <= len(text):
        return False
    if text[ann.start:ann.end] != ann.quote:
        return False
    if ann.quote:
        return True
    return _context_score(ann, text, ann.start, ann.end) == len(ann.prefix) + len(ann.suffix)


def _occurrences(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def _exact_candidates(ann: Annotation, texts: dict[str, str]):
    """(score, block_id, start, end) for every exact occurrence of the quote, or for an
    insertion point every place where prefix-tail + suffix-head meet."""
    for bid, text in texts.items():
        if ann.quote:
            for i in _occurrences(text, ann.quote):
                yield _rank(ann, bid, text, i, i + len(ann.quote))
        else:
            left, right = ann.prefix[-4:], ann.suffix[:4]
            if not left and not right:
                continue
            for i in _occurrences(text, left + right):
                pos = i + len(left)
                yield _rank(ann, bid, text, pos, pos)


def _rank(ann: Annotation, bid: str, text: str, start: int, end: int):
    """(score, block id, start, end, context characters that agree)."""
    agree = _context_score(ann, text, start, end)
    score = agree * 4 - min(abs(start - ann.start), 200) / 200
    if bid == ann.block_id:
        score += 3
        agree += 2
    return score, bid, start, end, agree


def locate(ann: Annotation, document: Document) -> Anchor | None:
    """Where ``ann`` belongs in ``document`` now, or None when it cannot be placed."""
    if is_in_place(ann, document):
        return Anchor(ann.block_id, ann.start, ann.end)
    texts = block_texts(document)
    best = max(_exact_candidates(ann, texts), default=None, key=lambda c: c[0])
    if best is not None and best[4] >= _min_context(ann):
        return Anchor(best[1], best[2], best[3])
    if len(ann.quote) >= _FUZZY_MIN:
        return _fuzzy(ann, texts)
    return None


def _min_context(ann: Annotation) -> int:
    """Context characters an exact match elsewhere needs (the recorded block counts as 2):
    a short quote (one character struck out) occurs everywhere, so its surroundings must
    agree too; a long one is distinctive by itself."""
    need = 0 if len(ann.quote) >= 12 else 2 if len(ann.quote) >= _FUZZY_MIN else 3
    return min(need, len(ann.prefix) + len(ann.suffix))


def reanchor(annotation: Annotation, document: Document) -> Annotation:
    """A copy of ``annotation`` placed on ``document``'s current text: range, quote and
    context updated, ``orphaned`` set when no place was found (the old anchor is kept then)."""
    found = locate(annotation, document)
    if found is None:
        return dataclasses.replace(annotation, orphaned=True)
    text = _text_or_empty(document, found.block_id)
    prefix, suffix = context_at(text, found.start, found.end)
    return dataclasses.replace(annotation, doc_id=document.id, block_id=found.block_id,
                               start=found.start, end=found.end,
                               quote=text[found.start:found.end],
                               prefix=prefix, suffix=suffix, orphaned=False)


def _text_or_empty(document: Document, block_id: str) -> str:
    text = text_of(document, block_id)
    return "" if text is None else text


def reanchor_document(document: Document) -> list[Annotation]:
    """Re-anchor all annotations of ``document`` in place; returns the orphaned ones."""
    document.annotations = [reanchor(a, document) for a in document.annotations]
    return [a for a in document.annotations if a.orphaned]


def carry_over(old: Document, new: Document) -> list[Annotation]:
    """Move the annotations of ``old`` onto ``new`` (a re-import of the same document):
    every annotation is re-anchored on the new text and appended to ``new.annotations``
    unless one with the same id is already there.  Returns the orphaned ones."""
    have = {a.id for a in new.annotations}
    moved = [reanchor(dataclasses.replace(a, doc_id=new.id), new)
             for a in old.annotations if a.id not in have]
    new.annotations.extend(moved)
    return [a for a in moved if a.orphaned]


# ---------------------------------------------------------------------------- fuzzy

def _max_errors(quote: str) -> int:
    return max(1, len(quote) // 4)


def _approx_ends(pattern: str, text: str, k: int) -> list[tuple[int, int]]:
    """(distance, end) for every end position in ``text`` where ``pattern`` matches a
    substring with at most ``k`` edits (Sellers' dynamic programme, one column at a time)."""
    m = len(pattern)
    col = list(range(m + 1))
    hits = []
    for j, ch in enumerate(text, 1):
        prev_diag, col[0] = col[0], 0
        for i in range(1, m + 1):
            cost = 0 if pattern[i - 1] == ch else 1
            cur = min(col[i] + 1, col[i - 1] + 1, prev_diag + cost)
            prev_diag, col[i] = col[i], cur
        if col[m] <= k:
            hits.append((col[m], j))
    return hits


def _approx_start(pattern: str, text: str, end: int, k: int) -> int:
    """Start of the best approximate match of ``pattern`` that ends at ``end``."""
    window = text[max(0, end - len(pattern) - k):end]
    hits = _approx_ends(pattern[::-1], window[::-1], k)
    _, length = min(hits, key=lambda h: (h[0], abs(h[1] - len(pattern))))
    return end - length


def _could_match(quote: str, text: str, k: int) -> bool:
    have = set(text)
    return sum(1 for ch in quote if ch not in have) <= k and len(text) >= len(quote) - k


def _fuzzy(ann: Annotation, texts: dict[str, str]) -> Anchor | None:
    k = _max_errors(ann.quote)
    best = None
    for bid, text in texts.items():
        if not _could_match(ann.quote, text, k):
            continue
        for dist, end in _approx_ends(ann.quote, text, k):
            start = _approx_start(ann.quote, text, end, k)
            _, _, _, _, agree = ranked = _rank(ann, bid, text, start, end)
            score = -dist * 8 + ranked[0]
            if agree < 2 + dist:
                continue
            if best is None or score > best[0]:
                best = (score, bid, start, end)
    return Anchor(best[1], best[2], best[3]) if best else None


__all__ = ["Anchor", "CONTEXT", "block_texts", "text_of", "find_block", "context_at",
           "make_annotation", "is_in_place", "locate", "reanchor", "reanchor_document",
           "carry_over"]
