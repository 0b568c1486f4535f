"""The gazette archive (档案) and its electronic edition (layer: archive, no Qt).

Pipeline: a published issue (model + laid-out pages + print PDF) → ``records`` (what is
kept) → ``store.Archive`` (one SQLite file, FTS5 trigram search) → ``year_index``
(年度总目次 pages, set by the 目录 code) and ``web`` (a static website folder whose PDFs are
the print pages).  The use cases that tie them to projects live in ``editor.app.archive``.
"""
from editor.archive.store import SUFFIX, Archive, Hit

__all__ = ["Archive", "Hit", "SUFFIX"]
