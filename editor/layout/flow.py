"""Flowables: the contract between the paginator and what it places (layer: layout).

The paginator (editor.layout.paginate) walks a document's blocks as a list of flowables and
asks each to ``place`` itself into the current page's text frame.  A flowable that does not
fit returns what it placed and a *rest* flowable that continues on the next page
(a split is a state object, as in WeasyPrint/rinohtype), so widow rules, repeated table
headers and continuing merged cells are testable without a paginator.

Implementations:
- ``editor.layout.paragraph.ParagraphFlowable``  (text composed by editor.layout.compose)
- ``editor.layout.table.TableFlowable``           (tables; cells use editor.layout.compose)
- ``editor.layout.paginate`` has the small ones (images, rules, vertical space).

Coordinates are page coordinates (points, origin top-left, y down) as in
``editor.layout.items``; ``Frame`` says where the text block is on the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from editor.layout.items import PageItem, Source


@dataclass
class Span:
    """Input text for composition: one style, one source range.

    ``source`` names the block and the offset of this span's first character within the
    block's display text (label included); the composer derives each line's range from it.
    """
    text: str
    role: str = "fangsong"
    size: float = 16.0
    color: str = "000000"
    bold: bool = False
    underline: bool = False
    strike: bool = False
    scale_x: float = 1.0
    source: Source | None = None
    rise: float = 0.0               # baseline shift up (superscript) or down, in points
    note: str = ""                  # a note's reference mark: the note's id (Run.note)
    emphasis: bool = False          # 着重号: a dot under each character (Run.emphasis)
    # a picture set in the line like a character (Run.picture): (data, content type,
    # width, height as placed); the span's text is one U+FFFC, its box one 字 high
    picture: tuple | None = None


OBJECT = "\ufffc"      # the text of a picture span


def picture_box(span: Span, room: float | None = None) -> tuple[float, float]:
    """(width, height) a picture span is drawn at: one 字 (the span's size) high, its
    aspect kept, scaled down to fit ``room`` wide less a glyph's side bearings."""
    _data, _kind, w, h = span.picture
    height = span.size
    width = height * (w / h) if w > 0 and h > 0 else height
    if room is not None:
        k = min(1.0, max(room - SIDE_BEARING * span.size, 0.1) / width)
        width, height = width * k, height * k
    return width, height


SIDE_BEARING = 0.08     # em of room a picture in a line keeps from its neighbours


def picture_span(picture, span: Span) -> Span:
    """``span`` (one U+FFFC in the text's style) carrying the model ``picture``."""
    from dataclasses import replace
    return replace(span, text=OBJECT, picture=(picture.data, picture.content_type,
                                               picture.width, picture.height))


@dataclass
class ParaFormat:
    """Resolved paragraph format (template defaults overridden by the document).

    ``line_pitch``: baseline-to-baseline distance in points; None = 1.3 × the largest size.
    ``snap_to_grid``: put every baseline on a multiple of ``Frame.grid_pitch`` below the
    frame top (GB/T 9704 22-line grid).
    ``punct``: punctuation compression style: "quanjiao" (全角), "kaiming" (开明),
    "line_end_half" (行末半角).
    """
    align: str = "justify"            # justify | left | center | right | distribute
    first_indent: float = 0.0         # negative = hanging indent
    left_indent: float = 0.0
    right_indent: float = 0.0
    line_pitch: float | None = None
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    keep_together: bool = False
    widow_control: bool = True
    snap_to_grid: bool = False
    punct: str = "kaiming"
    min_last_line_chars: int = 2
    page_break_before: bool = False
    # GB/T 9704 character grid (Word's 文档网格 "chars per line"): when set, every wide
    # character advances by whole multiples of this pitch (15.79 pt = 442.2 pt / 28).
    char_pitch: float | None = None
    # break only between words (editor.layout.words): 目录 entries and titles
    keep_words: bool = False
    # space_before given up at a page foot when the whole paragraph then fits (附件说明:
    # its blank line is not worth a page of its own)
    space_before_optional: bool = False
    # a URL may break between its letters when its own breaks leave the line loose
    # (off in table cells: a cell line is set at natural spacing instead, and a URL
    # there breaks only after / . - _ ?)
    url_letter_breaks: bool = True


@dataclass
class Frame:
    """The text block of one page, in page coordinates."""
    x: float
    y: float
    width: float
    height: float
    grid_pitch: float | None = None

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass
class Placement:
    """Result of placing a flowable.

    ``items``: what was placed (page coordinates); ``y_end``: the y where the next flowable
    may start (space after included); ``rest``: the flowable that continues on the next
    page, or None when everything was placed.  Placing nothing (items empty, rest is the
    flowable itself) asks the paginator for a new page; a flowable placed first on an
    empty page must place something (guaranteed progress), overflowing with a warning if
    it really cannot fit.
    """
    items: list[PageItem] = field(default_factory=list)
    y_end: float = 0.0
    rest: "Flowable | None" = None
    warnings: list = field(default_factory=list)     # str or LayoutWarning (with a code)


class Flowable(Protocol):
    keep_with_next: bool
    page_break_before: bool

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        """Place as much as fits between ``y`` and ``frame.bottom``."""
