"""What the window's 校对 mode needs, without Qt (layer: proof).

The preview draws the same positioned items as the PDF, so everything here works on page
coordinates (points, top-left origin) and a ``ProofMap`` made from the current layout:

- ``selection(pmap, page, start_xy, end_xy)``: the source ranges a mouse drag selects
  (reading order, split per block), ready for ``new_annotation``;
- ``new_annotation(issue, rng, kind, ...)``: an Annotation with quote and context;
- ``annotation_boxes(pmap, ann)``: where to draw its highlight (page, Box) and
  ``margin_marks`` where to put its margin sign;
- ``annotation_at(pmap, issue, page, x, y)``: which annotation a click hits;
- ``filter_annotations(issue, ...)``: the annotation list with its filters;
- ``change_places(pmap, doc_id, change)`` and ``change_boxes(pmap, diffs)``: where the
  round comparison's changes are.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from editor.model import Annotation, Issue
from editor.proof.anchor import make_annotation
from editor.proof.compare import DocumentDiff, TextChange
from editor.proof.geometry import (ASCENT, DESCENT, Box, Hit, PageMap, ProofMap, boxes_for,
                                   char_right, insertion_point, nearest_char)

KINDS = ("改", "删", "增", "疑", "注")
STATUSES = ("open", "accepted", "rejected", "answered")
STATUS_NAMES = {"open": "待处理", "accepted": "已采纳", "rejected": "未采纳", "answered": "已答复"}


@dataclass(frozen=True)
class SourceRange:
    doc_id: str
    block_id: str
    start: int
    end: int


def _reading_order(page: PageMap) -> list[Hit]:
    items = sorted(page.items, key=lambda it: (round(it.y, 1), it.x))
    return [Hit(it, k) for it in items if len(it.text) == len(it.xs)
            for k in range(len(it.text))]


def selection(pmap: ProofMap, page: int, start_xy: tuple[float, float],
              end_xy: tuple[float, float]) -> list[SourceRange]:
    """Source ranges selected by dragging from ``start_xy`` to ``end_xy`` on ``page``:
    every character between the two nearest ones in reading order, one range per block.
    A click without a drag selects nothing (use ``insertion_at`` for 增)."""
    pm = pmap.pages[page]
    a, b = nearest_char(pm, *start_xy), nearest_char(pm, *end_xy)
    if a is None or b is None:
        return []
    order = _reading_order(pm)
    ia, ib = order.index(a), order.index(b)
    if ia > ib:
        ia, ib = ib, ia
    ranges: list[SourceRange] = []
    for hit in order[ia:ib + 1]:
        last = ranges[-1] if ranges else None
        if last and (last.doc_id, last.block_id) == (hit.doc_id, hit.block_id) \
                and hit.offset == last.end:
            ranges[-1] = SourceRange(last.doc_id, last.block_id, last.start, hit.offset + 1)
        else:
            ranges.append(SourceRange(hit.doc_id, hit.block_id, hit.offset, hit.offset + 1))
    return ranges


def insertion_at(pmap: ProofMap, page: int, x: float, y: float) -> SourceRange | None:
    """The insertion point nearest to a click: before the character whose left half was
    hit, after it when the right half was."""
    hit = nearest_char(pmap.pages[page], x, y)
    if hit is None:
        return None
    left, right = hit.item.xs[hit.k], char_right(hit.item, hit.k)
    pos = hit.offset + (1 if x > (left + right) / 2 else 0)
    return SourceRange(hit.doc_id, hit.block_id, pos, pos)


def new_annotation(issue: Issue, rng: SourceRange, kind: str, note: str = "",
                   new_text: str = "", author: str = "", round_label: str = "",
                   time: str = "") -> Annotation:
    """An open annotation on ``rng`` with quote and context (not yet added: add it with
    the session's AddAnnotation command so it can be undone)."""
    if kind not in KINDS:
        raise ValueError(f"unknown annotation kind {kind!r}")
    document = issue.find_document(rng.doc_id)
    if document is None:
        raise KeyError(rng.doc_id)
    return make_annotation(document, rng.block_id, rng.start, rng.end,
                           id="a-" + uuid.uuid4().hex[:12], kind=kind, note=note,
                           new_text=new_text, author=author, round=round_label, time=time)


def annotation_boxes(pmap: ProofMap, ann: Annotation) -> list[tuple[int, Box]]:
    """(page, box) to highlight for ``ann``; a 增 or other empty range gets a narrow box
    at its insertion point."""
    if ann.start == ann.end:
        place = insertion_point(pmap, ann.doc_id, ann.block_id, ann.end)
        if place is None:
            return []
        page, x, item = place
        return [(page, Box(x - 1.0, item.y - item.size * ASCENT, x + 1.0,
                           item.y + item.size * DESCENT))]
    return boxes_for(pmap, ann.doc_id, ann.block_id, ann.start, ann.end)


def margin_marks(pmap: ProofMap, ann: Annotation) -> list[tuple[int, float]]:
    """(page, y centre) for a margin sign beside each line the annotation touches."""
    return [(page, (box.top + box.bottom) / 2) for page, box in annotation_boxes(pmap, ann)]


def annotation_at(pmap: ProofMap, issue: Issue, page: int, x: float,
                  y: float) -> Annotation | None:
    """The open or answered annotation whose highlight contains (x, y) on ``page``."""
    pm = pmap.pages[page]
    docs = {it.source.doc_id for it in pm.items}
    for doc in issue.documents():
        if doc.id not in docs:
            continue
        for ann in doc.annotations:
            for p, box in annotation_boxes(pmap, ann):
                if p == page and box.x0 - 2 <= x <= box.x1 + 2 and box.top <= y <= box.bottom:
                    return ann
    return None


def filter_annotations(issue: Issue, status: str | None = None, round_label: str | None = None,
                       author: str | None = None, doc_id: str | None = None,
                       kind: str | None = None) -> list[Annotation]:
    """Annotations of the issue in document order, filtered (None = any)."""
    out = []
    for doc in issue.documents():
        if doc_id is not None and doc.id != doc_id:
            continue
        for ann in doc.annotations:
            if status is not None and ann.status != status:
                continue
            if round_label is not None and ann.round != round_label:
                continue
            if author is not None and ann.author != author:
                continue
            if kind is not None and ann.kind != kind:
                continue
            out.append(ann)
    return out


def change_places(pmap: ProofMap, doc_id: str,
                  change: TextChange) -> list[tuple[int, Box, str]]:
    """(page, box, kind) where one change of a round comparison is, on the newer draft."""
    probe = Annotation(id="", doc_id=doc_id, block_id=change.block_id, start=change.start,
                       end=change.end)
    return [(page, box, change.kind) for page, box in annotation_boxes(pmap, probe)]


def change_boxes(pmap: ProofMap, diffs: list[DocumentDiff]) -> list[tuple[int, Box, str]]:
    """(page, box, kind) for every change of a round comparison, on the newer draft."""
    return [place for diff in diffs for ch in diff.changes
            for place in change_places(pmap, diff.doc_id, ch)]
