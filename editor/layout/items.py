"""Positioned page items: the contract between layout and every painter (layer: layout).

The layout turns an issue into ``Pages``; the PDF writer (editor.render), the Qt preview
(editor.ui) and the proof tools draw or read exactly these items, so what the screen shows
is what prints.

Coordinates are PostScript points with the origin at the **top-left** of the page (trim
box), y growing downwards; a text item's ``y`` is its baseline.  Painters that use another
origin (reportlab: bottom-left) convert.

Every text item carries a ``Source``: the document id, block id (or head-part pseudo id
such as "title"; for table cells "<table id>/<cell id>/<block id>") and the character range
of the block text it shows, so a click in the preview finds what to annotate and the proof
importer maps PDF positions back to the source text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    doc_id: str
    block_id: str
    start: int = 0
    end: int = 0


@dataclass
class TextItem:
    """One run of glyphs on one line in one face.

    ``xs`` holds the absolute x of every character of ``text`` (same length), so
    justification and punctuation compression are exact for every painter; ``width`` is
    the advance of the whole run as set (last char included, compression applied);
    for an underlined or struck run followed on its line by another run with the same
    decorations it reaches that run's start, so the rule is drawn unbroken across the
    Han–Latin gap between them.
    ``face`` is a key of the FontBook (a concrete font file/subfont), not a role;
    ``role`` is kept for information.  ``scale_x`` is horizontal scaling (w:w), 1.0 = none.
    ``note``: set on a note's reference mark in the text (the paginator keeps the note
    on the mark's page by it; painters ignore it).
    """
    x: float
    y: float
    text: str
    face: str
    size: float
    xs: list[float] = field(default_factory=list)
    width: float = 0.0
    color: str = "000000"
    role: str = ""
    bold: bool = False
    underline: bool = False
    strike: bool = False
    scale_x: float = 1.0
    source: Source | None = None
    note: str = ""          # a footnote reference mark: the id of the note it calls
    emphasis: bool = False  # 着重号: a dot under each character (``emphasis_dots``)

    def positions(self) -> list[float]:
        """The x of every character: ``xs``, or the run's width shared out evenly when a
        run was made without them."""
        if len(self.xs) == len(self.text):
            return self.xs
        step = self.width / max(len(self.text), 1)
        return [self.x + k * step for k in range(len(self.text))]

    def decorations(self) -> list[tuple[float, float, float, float]]:
        """The rules every painter draws for underline and strike-through: (x0, y, x1,
        stroke width), y on the page (top-down) — one geometry for the PDF and the screen."""
        if not (self.text and (self.underline or self.strike)):
            return []
        xs = self.positions()
        x0 = xs[0]
        x1 = x0 + self.width if self.width else xs[-1] + self.size * self.scale_x
        stroke = max(0.5, self.size * 0.05)
        out = []
        if self.underline:
            out.append((x0, self.y + self.size * 0.12, x1, stroke))
        if self.strike:
            out.append((x0, self.y - self.size * 0.35, x1, stroke))
        return out

    def emphasis_dots(self) -> list[tuple[float, float, float]]:
        """The 着重号 every painter draws: (centre x, centre y, radius) of a dot under the
        middle of each character (GB/T 15834: none under punctuation or a space), below
        the descenders and an underline — one geometry for the PDF and the screen."""
        if not (self.emphasis and self.text):
            return []
        xs = self.positions()
        end = xs[0] + self.width if self.width else xs[-1] + self.size * self.scale_x
        out = []
        for k, ch in enumerate(self.text):
            if ch.isspace() or _no_dot(ch):
                continue
            nxt = xs[k + 1] if k + 1 < len(xs) else end
            adv = min(max(nxt - xs[k], 0.0), self.size * self.scale_x)
            out.append((xs[k] + adv / 2, self.y + self.size * 0.3, self.size * 0.075))
        return out


def _no_dot(ch: str) -> bool:
    """A punctuation mark or symbol: it gets no 着重号."""
    return unicodedata.category(ch)[0] in "PSZC"



@dataclass
class LineItem:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    color: str = "000000"
    dash: tuple[float, ...] = ()


@dataclass
class RectItem:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.5


@dataclass
class ImageItem:
    x: float
    y: float
    w: float
    h: float
    data: bytes = b""
    content_type: str = "image/png"
    source: Source | None = None


@dataclass
class LinkItem:
    """A clickable area that jumps to page ``target`` (0-based index) — TOC entries."""
    x: float
    y: float
    w: float
    h: float
    target: int = 0


PageItem = TextItem | LineItem | RectItem | ImageItem | LinkItem


@dataclass
class Page:
    """One positioned page.  ``kind``: cover, inner_cover, intro, toc, colophon, section,
    body, blank.  ``folio`` is the printed page number (None on unnumbered pages).
    ``landscape`` pages have width > height; their content is still in page coordinates."""
    index: int
    width: float
    height: float
    kind: str = "body"
    folio: int | None = None
    landscape: bool = False
    items: list[PageItem] = field(default_factory=list)
    doc_id: str | None = None
    section_id: str | None = None

    def texts(self):
        return [it for it in self.items if isinstance(it, TextItem)]


@dataclass
class OutlineEntry:
    """A bookmark: ``level`` 0 for sections, 1 for documents."""
    title: str
    level: int
    page: int       # 0-based page index
    y: float = 0.0  # top of the target on that page


@dataclass(frozen=True)
class LayoutWarning:
    """Something the user should look at after a layout (an overflow, a picture too
    coarse to print, a 目录 that did not settle) and where: the document and the page
    index in the issue, or None for what concerns no one page.  ``str()`` is the text.
    ``code`` is the stable rule id the 印前检查 files it under (e.g. ``GLYPH_MISSING``,
    ``IMAGE_LOW_RES``); ``block_id`` the model block it concerns, when one does."""
    text: str
    doc_id: str | None = None
    page: int | None = None
    code: str = ""
    block_id: str | None = None

    def __str__(self) -> str:
        return self.text


def page_label(laid_out: "LaidOutIssue", page: int | None) -> str:
    """How the user finds a page: 第 N 页 by its printed folio, 第 N 面 for an unnumbered
    one (counting every page from the cover); empty for no page."""
    if page is None or not 0 <= page < len(laid_out.pages):
        return ""
    folio = laid_out.pages[page].folio
    return f"第 {folio} 页" if folio is not None else f"第 {page + 1} 面"


def where_text(laid_out: "LaidOutIssue", warning: LayoutWarning) -> str:
    """（第 N 页） after a warning's text, or empty for a warning on no page."""
    label = page_label(laid_out, warning.page)
    return f"（{label}）" if label else ""


@dataclass
class LaidOutIssue:
    """The layout of a whole issue: pages, bookmarks, where each document starts,
    and the warnings the user should see (overflows, substitutions, TOC not settled)."""
    pages: list[Page] = field(default_factory=list)
    outline: list[OutlineEntry] = field(default_factory=list)
    doc_first_page: dict[str, int] = field(default_factory=dict)
    warnings: list[LayoutWarning] = field(default_factory=list)
    title: str = ""
    subject: str = ""
