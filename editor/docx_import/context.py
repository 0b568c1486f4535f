"""Shared state of one import: parts, styles, numbering, ids, report (layer: import)."""
from __future__ import annotations

from dataclasses import dataclass, field

from editor.docx_import.numbering import Numbering
from editor.docx_import.package import Package
from editor.docx_import.report import Counter, ImportReport
from editor.docx_import.styles import StyleSheet


@dataclass
class ParaInfo:
    """What the structure recogniser needs to know about a body paragraph."""
    align: str | None = None
    size: float | None = None            # largest run size
    bold: bool = False                   # every visible character bold
    lead_bold: int = 0                   # characters of the leading bold run(s)
    color: str | None = None             # colour of the first visible run
    pstyle: str | None = None
    outline: int | None = None           # heading level from the style (1-based)
    numbered: bool = False
    raw: str = ""                        # text with w:br as "\n"


@dataclass
class Context:
    pkg: Package
    styles: StyleSheet
    numbering: Numbering
    report: ImportReport
    counter: Counter = field(default_factory=Counter)
    comments: dict = field(default_factory=dict)      # comment id -> (author, date, text)
    footnotes: dict = field(default_factory=dict)     # (kind, Word id) -> [[Run], …] per paragraph
    info: dict = field(default_factory=dict)          # paragraph id -> ParaInfo
    anchors: dict = field(default_factory=dict)       # comment id -> [block id, start, end]
    footnote_refs: list = field(default_factory=list)   # (w:…Reference, Word id, note id)
    images: dict = field(default_factory=dict)        # part name -> pictures.Picture
    ids: dict = field(default_factory=dict)
    depth: int = 0                                    # tables and text boxes open now
    landscape: set = field(default_factory=set)       # ids of blocks in landscape sections
    toc_fields_open: int = 0                          # fields open in a skipped Word 目录

    def next_id(self, prefix: str) -> str:
        n = self.ids.get(prefix, 0) + 1
        self.ids[prefix] = n
        return f"{prefix}{n}"

    def note(self, level: str, message_zh: str, detail: str = "") -> None:
        self.counter.add(level, message_zh, detail)
