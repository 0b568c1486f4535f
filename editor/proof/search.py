"""Finding text in the laid-out issue (layer: proof, no Qt).

``find_text(issue, pmap, query)`` looks for ``query`` in the text of every block that
the pages show — titles, doc numbers, body paragraphs, headings, table cells, signatures
— in the order the pages show them, and returns each occurrence with the boxes it covers
on the pages (one per text item, so a phrase broken over two lines or two pages has a
box on each).  The search runs over the model's text, not over the lines, so a phrase
is found wherever the line breaks fall.  Latin letters match regardless of case unless
``match_case``; Chinese text matches as typed.  Text outside the documents (cover, 目录,
running heads) is not searched: it is generated from the issue's metadata.
"""
from __future__ import annotations

from dataclasses import dataclass

from editor.model import Issue
from editor.proof.anchor import block_texts
from editor.proof.geometry import Box, ProofMap, boxes_for


LIMIT = 5000            # hits returned at most (a one-character query in a long issue)


@dataclass(frozen=True)
class Match:
    doc_id: str
    block_id: str
    start: int
    end: int
    boxes: tuple[tuple[int, Box], ...]       # (page index, box) in reading order

    @property
    def page(self) -> int:
        return self.boxes[0][0]


def find_text(issue: Issue, pmap: ProofMap, query: str, match_case: bool = False,
              limit: int = LIMIT) -> list[Match]:
    """Every occurrence of ``query`` shown on the pages, in page order (at most
    ``limit``); empty for an empty query."""
    if not query:
        return []
    texts: dict[str, dict[str, str]] = {}
    out: list[Match] = []
    for doc_id, block_id in pmap.shown_blocks():
        doc = issue.find_document(doc_id)
        if doc is None:
            continue
        if doc_id not in texts:
            texts[doc_id] = block_texts(doc)
        text = texts[doc_id].get(block_id)
        if not text:
            continue
        for start in _occurrences(text, query, match_case):
            end = start + len(query)
            boxes = boxes_for(pmap, doc_id, block_id, start, end)
            if boxes:
                out.append(Match(doc_id, block_id, start, end, tuple(boxes)))
                if len(out) >= limit:
                    return out
    return out


def _occurrences(text: str, query: str, match_case: bool):
    """Start offsets of the non-overlapping occurrences of ``query`` in ``text``."""
    if not match_case:
        low_text, low_query = text.lower(), query.lower()
        if len(low_text) == len(text) and len(low_query) == len(query):
            text, query = low_text, low_query       # offsets unchanged by lowering
    start = text.find(query)
    while start >= 0:
        yield start
        start = text.find(query, start + len(query))


__all__ = ["LIMIT", "Match", "find_text"]
