"""Layout cache: (document content, template, overrides) → laid-out document pages
(layer: layout).

Documents start on new pages, so a document's pages depend only on its own content, the
template, its ``DocumentLayout`` overrides (part of the document) and the measurer — not
on its position in the issue.  Reordering documents therefore lays nothing out again: the
paginator only renumbers pages, redraws running heads and folios, and rebuilds the 目录.

The key is a SHA-256 over the pickled document without its annotations (a fast,
content-based serialisation of the model's plain dataclasses) and the template digest, checked against the measurer's
identity; entries are evicted least-recently-used.
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections import OrderedDict


class LayoutCache:
    def __init__(self, max_entries: int = 256):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[object, object]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def key(doc, template) -> str:
        # annotations (批注) and the source file's identity do not change the layout
        content = dataclasses.replace(doc, annotations=[], source_name="", source_sha256="")
        h = hashlib.sha256()
        h.update(pickle.dumps(content, protocol=5))
        h.update(template.digest.encode())
        return h.hexdigest()

    def get(self, key: str, measurer):
        entry = self._entries.get(key)
        if entry is None or entry[0] is not measurer:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[1]

    def put(self, key: str, measurer, value) -> None:
        self._entries[key] = (measurer, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()
        self.hits = self.misses = 0


_DEFAULT = LayoutCache()


def default_cache() -> LayoutCache:
    """The process-wide cache used when the caller passes none."""
    return _DEFAULT
