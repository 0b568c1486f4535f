"""Where source text sits on the proof pages, and what text lies under a PDF position
(layer: proof, no I/O).

A ``ProofMap`` is the positioned text of one build: per page its size and the TextItems
that carry a ``Source``.  It is what the proof export draws annotations from and what the
proof import maps a reader's marks back with.  It serialises to compact JSON, so the proof
PDF carries its own map (an embedded file) and the import never depends on rebuilding the
identical layout; ``build_id`` hashes the positioned text, so a map and a rebuilt layout can
be compared.

Coordinates are page coordinates (points, origin top-left, y down, baseline y) as in
``editor.layout.items``; PDF coordinates (origin bottom-left) are converted at the edges.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field

from editor.fonts.measure import is_wide
from editor.layout.items import LaidOutIssue, Source, TextItem

ASCENT = 0.88       # ideographic em box above the baseline, in font sizes
DESCENT = 0.12      # and below it
MAP_VERSION = 1


@dataclass
class PageMap:
    """One page of a build.  A ``landscape`` page (width > height) is printed turned on
    a portrait sheet (see editor.render.pdf), which ``PdfSpace`` accounts for."""
    width: float
    height: float
    items: list[TextItem] = field(default_factory=list)
    doc_id: str | None = None
    landscape: bool = False

    @property
    def sheet_size(self) -> tuple[float, float]:
        return (self.height, self.width) if self.landscape else (self.width, self.height)


@dataclass
class ProofMap:
    build: str
    pages: list[PageMap] = field(default_factory=list)
    _blocks: dict | None = field(default=None, repr=False, compare=False)

    def block_items(self, doc_id: str, block_id: str) -> list[tuple[int, TextItem]]:
        """(page index, item) of every item showing text of a block, in page order
        (an index built on first use; the pages are not changed afterwards)."""
        return self._index().get((doc_id, block_id), [])

    def shown_blocks(self) -> list[tuple[str, str]]:
        """(doc id, block id) of every block with text on the pages, in the order they
        first appear."""
        return list(self._index())

    def _index(self) -> dict[tuple[str, str], list[tuple[int, TextItem]]]:
        if self._blocks is None:
            index: dict[tuple[str, str], list[tuple[int, TextItem]]] = {}
            for n, page in enumerate(self.pages):
                for item in page.items:
                    s = item.source
                    index.setdefault((s.doc_id, s.block_id), []).append((n, item))
            self._blocks = index
        return self._blocks

    @classmethod
    def from_layout(cls, laid_out: LaidOutIssue) -> "ProofMap":
        pages = [PageMap(p.width, p.height, [t for t in p.texts() if t.source is not None],
                         p.doc_id, p.landscape) for p in laid_out.pages]
        return cls(build_id(laid_out), pages)

    def to_json(self) -> bytes:
        pages = [{"w": p.width, "h": p.height, "doc": p.doc_id, "land": p.landscape,
                  "items": [_item_row(t) for t in p.items]} for p in self.pages]
        data = {"version": MAP_VERSION, "build": self.build, "pages": pages}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes | str) -> "ProofMap":
        data = json.loads(raw)
        pages = [PageMap(p["w"], p["h"], [_row_item(r) for r in p["items"]], p.get("doc"),
                         bool(p.get("land"))) for p in data["pages"]]
        return cls(data["build"], pages)


def _item_row(t: TextItem) -> list:
    s = t.source
    return [round(t.x, 3), round(t.y, 3), round(t.size, 3), t.text,
            [round(x, 3) for x in t.xs], round(t.width, 3), s.doc_id, s.block_id, s.start, s.end]


def _row_item(r: list) -> TextItem:
    x, y, size, text, xs, width, doc, block, start, end = r
    return TextItem(x=x, y=y, text=text, face="", size=size, xs=xs, width=width,
                    source=Source(doc, block, start, end))


def build_id(laid_out: LaidOutIssue) -> str:
    """A short hash of the positioned text of a build (text, positions, sizes, sources)."""
    h = hashlib.sha256()
    for page in laid_out.pages:
        h.update(f"P{page.index}:{page.width:.2f}x{page.height:.2f}\n".encode())
        for t in page.texts():
            s = t.source
            src = f"{s.doc_id}|{s.block_id}|{s.start}|{s.end}" if s else "-"
            h.update(f"{t.text}\t{t.x:.2f}\t{t.y:.2f}\t{t.size:.2f}\t{src}\n".encode())
    return h.hexdigest()[:16]


# ---------------------------------------------------------------------------- source -> boxes

@dataclass(frozen=True)
class Box:
    """A rectangle in page coordinates (top-left origin): x0 < x1, top < bottom."""
    x0: float
    top: float
    x1: float
    bottom: float


class PdfSpace:
    """Maps page coordinates to a PDF sheet's user space and back.

    Portrait pages sit in the trim box (y flipped).  A landscape page is drawn turned a
    quarter on a portrait sheet, its top toward the binding (left) edge, so page (x, y)
    lands at sheet (trim left + y, trim bottom + x)."""

    def __init__(self, trim_left: float, trim_bottom: float, trim_top: float,
                 landscape: bool = False):
        self.left, self.bottom, self.top, self.landscape = (trim_left, trim_bottom,
                                                            trim_top, landscape)

    @classmethod
    def of(cls, pdf_page, page_map: "PageMap") -> "PdfSpace":
        box = pdf_page.trimbox
        return cls(float(box.left), float(box.bottom), float(box.top), page_map.landscape)

    def to_pdf(self, x: float, y: float) -> tuple[float, float]:
        if self.landscape:
            return self.left + y, self.bottom + x
        return self.left + x, self.top - y

    def from_pdf(self, px: float, py: float) -> tuple[float, float]:
        if self.landscape:
            return py - self.bottom, px - self.left
        return px - self.left, self.top - py

    def quad(self, box: "Box") -> list[float]:
        """QuadPoints of ``box`` in text orientation: upper-left, upper-right,
        lower-left, lower-right."""
        out: list[float] = []
        for x, y in ((box.x0, box.top), (box.x1, box.top), (box.x0, box.bottom),
                     (box.x1, box.bottom)):
            out += self.to_pdf(x, y)
        return out

    def rect(self, box: "Box") -> list[float]:
        q = self.quad(box)
        xs, ys = q[0::2], q[1::2]
        return [min(xs), min(ys), max(xs), max(ys)]

    def box(self, px0: float, py0: float, px1: float, py1: float) -> "Box":
        """The page-space box of a PDF-space rectangle."""
        (ax, ay), (bx, by) = self.from_pdf(px0, py0), self.from_pdf(px1, py1)
        return Box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def char_right(item: TextItem, k: int) -> float:
    """Right edge of character ``k`` of ``item`` (the next character's x, or the run end)."""
    return item.xs[k + 1] if k + 1 < len(item.xs) else item.x + item.width


def item_box(item: TextItem, k0: int = 0, k1: int | None = None) -> Box:
    """The box of characters k0..k1 (exclusive) of ``item``."""
    k1 = len(item.text) if k1 is None else k1
    return Box(item.xs[k0], item.y - item.size * ASCENT, char_right(item, k1 - 1),
               item.y + item.size * DESCENT)


def _aligned(item: TextItem) -> bool:
    s = item.source
    return len(item.text) == s.end - s.start == len(item.xs)


def boxes_for(pmap: ProofMap, doc_id: str, block_id: str, start: int,
              end: int) -> list[tuple[int, Box]]:
    """(page index, box) for every piece of text that shows characters start..end of the
    block, one box per text item, in reading order."""
    out = []
    for index, item in pmap.block_items(doc_id, block_id):
        s = item.source
        if _aligned(item):
            k0, k1 = max(start, s.start) - s.start, min(end, s.end) - s.start
            if k0 < k1:
                out.append((index, item_box(item, k0, k1)))
    return out


def insertion_point(pmap: ProofMap, doc_id: str, block_id: str,
                    pos: int) -> tuple[int, float, TextItem] | None:
    """(page index, x, item) where an insertion before character ``pos`` of the block goes
    (after the last character when ``pos`` is the block's end)."""
    last = None
    for index, item in pmap.block_items(doc_id, block_id):
        s = item.source
        if not _aligned(item):
            continue
        if s.start <= pos < s.end:
            return index, item.xs[pos - s.start], item
        if s.end == pos:
            last = (index, item.x + item.width, item)
    return last


# ---------------------------------------------------------------------------- boxes -> source

@dataclass(frozen=True)
class Hit:
    """One character on a page: the item it belongs to and its index in the item."""
    item: TextItem
    k: int

    @property
    def doc_id(self) -> str:
        return self.item.source.doc_id

    @property
    def block_id(self) -> str:
        return self.item.source.block_id

    @property
    def offset(self) -> int:
        return self.item.source.start + self.k


def _v_overlap(item: TextItem, top: float, bottom: float) -> float:
    """Share of the item's line height that lies between top and bottom."""
    t, b = item.y - item.size * ASCENT, item.y + item.size * DESCENT
    return max(0.0, min(b, bottom) - max(t, top)) / (b - t)


def _glyph_estimate(ch: str, size: float) -> float:
    """A glyph's likely width: an em for CJK and for the ambiguous-width marks that CJK
    fonts set full width (“ ” — …), half an em otherwise."""
    if is_wide(ch) or unicodedata.east_asian_width(ch) == "A":
        return size
    return size / 2


def chars_in_box(page: PageMap, box: Box, min_overlap: float = 0.5) -> list[Hit]:
    """Characters a reader's box covers, on lines it covers for at least ``min_overlap`` of
    their height.  Readers draw boxes from glyph origins over glyph widths, and a glyph
    may be narrower than its slot (letter-spacing) or wider (compressed punctuation), so a
    character counts when the box starts at or before its origin (within 40 % of its
    width) and reaches clearly past it (30 % of its width, at most 2 pt) and past the
    middle of its estimated glyph."""
    hits = []
    for item in page.items:
        if not _aligned(item) or _v_overlap(item, box.top, box.bottom) < min_overlap:
            continue
        ks = []
        for k, ch in enumerate(item.text):
            origin = item.xs[k]
            width = min(char_right(item, k) - origin, _glyph_estimate(ch, item.size))
            if (box.x0 - 0.4 * width <= origin <= box.x1 - min(2.0, 0.3 * width)
                    and origin + width / 2 <= box.x1 - 0.1 * width):
                ks.append(k)
        if len(ks) >= 2 and _ends_on_viewer_box(item, ks[-2], ks[-1], box.x1):
            ks.pop()
        hits += [Hit(item, k) for k in ks]
    return hits


def viewer_box(item: TextItem, k: int) -> tuple[float, float]:
    """Where a PDF viewer shows character ``k``: from its origin over the glyph's full
    advance, which for compressed punctuation (half an em in its slot) reaches well into
    the next character."""
    origin = item.xs[k]
    return origin, origin + max(_glyph_estimate(item.text[k], item.size),
                                char_right(item, k) - origin)


def _ends_on_viewer_box(item: TextItem, before: int, last: int, x1: float) -> bool:
    """A box ending where the viewer shows the end of compressed punctuation ``before``
    (its full-width glyph box) selected that mark, not the first half of the next
    character, which a reader covering it would have reached past its own middle."""
    if last != before + 1:
        return False
    b0, b1 = viewer_box(item, before)
    compressed = char_right(item, before) - b0 < (b1 - b0) - 0.5
    l0, l1 = viewer_box(item, last)
    return compressed and abs(x1 - b1) <= 1.0 and x1 < (l0 + l1) / 2 + 0.1 * (l1 - l0)


def char_under_point(page: PageMap, x: float, y: float) -> Hit | None:
    """The character a reader pointed at (a sticky note's corner): among those whose
    viewer box holds (x, y), the one whose box centre is nearest (compressed punctuation
    shares its box with the next character's); None when no box holds the point."""
    best, best_d = None, None
    for item in line_items_at(page, y):
        for k in range(len(item.text)):
            b0, b1 = viewer_box(item, k)
            if b0 <= x <= b1:
                d = abs(x - (b0 + b1) / 2)
                if best_d is None or d < best_d:
                    best, best_d = Hit(item, k), d
    return best


def line_items_at(page: PageMap, y: float, slack: float = 0.0) -> list[TextItem]:
    """Items whose line box (grown by ``slack``) contains the height ``y``."""
    return [it for it in page.items if _aligned(it)
            and it.y - it.size * ASCENT - slack <= y <= it.y + it.size * DESCENT + slack]


def nearest_char(page: PageMap, x: float, y: float, reach: float = 24.0) -> Hit | None:
    """The character nearest to (x, y), within ``reach`` points; None when none is near."""
    best, best_d = None, reach
    for item in line_items_at(page, y, slack=reach):
        line_dy = max(0.0, item.y - item.size * ASCENT - y, y - item.y - item.size * DESCENT)
        for k in range(len(item.text)):
            x0, x1 = item.xs[k], char_right(item, k)
            dx = max(0.0, x0 - x, x - x1)
            d = (dx * dx + line_dy * line_dy) ** 0.5
            if d < best_d or (d == best_d == 0.0 and best is None):
                best, best_d = Hit(item, k), d
    return best


def caret_offset(page: PageMap, x: float, y_top: float, y_bottom: float) -> Hit | None:
    """The character before which a caret at ``x`` spanning y_top..y_bottom inserts;
    Hit.k == len(item.text) means after the item's last character."""
    candidates = [it for it in page.items if _aligned(it)
                  and _v_overlap(it, y_top, y_bottom) > 0.2]
    if not candidates:
        candidates = line_items_at(page, (y_top + y_bottom) / 2, slack=4.0)
    if not candidates:
        return None
    item = min(candidates, key=lambda it: max(0.0, it.xs[0] - x, x - it.x - it.width))
    if max(0.0, item.xs[0] - x, x - item.x - item.width) > item.size:
        return None
    for k in range(len(item.text)):
        if x < (item.xs[k] + char_right(item, k)) / 2:
            return Hit(item, k)
    return Hit(item, len(item.text))
