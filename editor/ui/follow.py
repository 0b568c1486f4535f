"""The pages follow an undo or redo to the document it changed (layer: ui).

撤销 of a move, a property or a text edit changed a document the editor may not be
looking at: ``StepFollower`` notes which one (the one document a change names, or the
document whose place in the issue changed) and, when the new pages come, shows its first
page — unless a page of that document is already on screen.
"""
from __future__ import annotations

from difflib import SequenceMatcher


def document_order(issue) -> list[str]:
    """The ids of the issue's documents in reading order."""
    return [d.id for s in issue.sections for d in s.documents] if issue is not None else []


def moved_document(before: list[str], after: list[str], prefer: str | None = None
                   ) -> str | None:
    """The one document whose place differs between two orders of the same documents;
    ``prefer`` (the chosen document) when it is one of those that changed place (two
    neighbours swapped: either may have moved)."""
    if before == after or sorted(before) != sorted(after):
        return None
    if prefer is not None and before.index(prefer) != after.index(prefer):
        return prefer
    kept = set()
    for block in SequenceMatcher(None, before, after, autojunk=False).get_matching_blocks():
        kept.update(after[block.b:block.b + block.size])
    moved = [doc_id for doc_id in after if doc_id not in kept]
    return moved[0] if len(moved) == 1 else None


class StepFollower:
    """See the module docstring; the window calls ``stepped`` when an undo or redo is
    about to be applied, ``changed`` with every change, ``pages_ready`` with new pages."""

    def __init__(self):
        self.order: list[str] = []
        self._stepping = False
        self.target: str | None = None

    def stepped(self) -> None:
        self._stepping = True

    def changed(self, change, issue, chosen: str | None = None) -> None:
        """``chosen``: the document chosen in the tree (of two swapped, the one moved)."""
        order = document_order(issue)
        if self._stepping:
            self._stepping = False
            docs = set(change.documents) | {doc for doc, _ in change.tables}
            self.target = next(iter(docs)) if len(docs) == 1 else \
                moved_document(self.order, order, chosen if chosen in order else None)
        self.order = order

    def reset(self, issue) -> None:
        self.order = document_order(issue)
        self._stepping, self.target = False, None

    def pages_ready(self, laid_out, preview) -> None:
        doc_id, self.target = self.target, None
        first = laid_out.doc_first_page.get(doc_id) if doc_id else None
        if first is None or not laid_out.pages:
            return
        shown = laid_out.pages[min(preview.current_page(), len(laid_out.pages) - 1)]
        if shown.doc_id != doc_id:
            preview.go_to_page(first)
