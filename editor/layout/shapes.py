"""Small flowables: vertical space, rules, page breaks, images and the 版头 (layer: layout).

They implement the ``Flowable`` protocol of ``editor.layout.flow`` next to
``ParagraphFlowable`` (text) and ``TableFlowable`` (tables): each places itself in a
``Frame`` from ``y`` and returns a ``Placement``.  Text here is always composed by
``editor.layout.compose`` — these classes only position composed lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from editor.fonts.measure import Measurer
from editor.layout.compose import compose
from editor.layout.flow import Frame, Placement, Span
from editor.layout.items import ImageItem, LayoutWarning, LineItem, Source

EPS = 0.01


@dataclass
class Spacer:
    """Vertical space; dropped at the top of a page."""
    height: float
    keep_with_next: bool = False
    page_break_before: bool = False

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        if first_on_page:
            return Placement(items=[], y_end=y)
        return Placement(items=[], y_end=min(y + self.height, frame.bottom))


@dataclass
class PageBreak:
    """Ends the page (a new page starts unless the current one is still empty).
    ``landscape`` is unused here; the paginator reads ``.landscape`` of the next
    flowable to turn pages."""
    keep_with_next: bool = False
    page_break_before: bool = True

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        return Placement(items=[], y_end=y)


@dataclass
class ColumnsBegin:
    """Marker: from here to the end of the document, set in ``columns`` columns with
    ``gap`` points between them (a two-column 大事记); the paginator handles it."""
    columns: int = 2
    gap: float = 32.0
    keep_with_next: bool = False
    page_break_before: bool = False

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        return Placement(items=[], y_end=y)


@dataclass
class Rule:
    """A horizontal rule across the frame, ``gap_before`` below ``y``."""
    width: float = 0.5
    color: str = "000000"
    gap_before: float = 0.0
    gap_after: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        ry = y + self.gap_before + self.width / 2
        if ry > frame.bottom + EPS and not first_on_page:
            return Placement(items=[], y_end=y, rest=self)
        item = LineItem(frame.x, ry, frame.x + frame.width, ry, self.width, self.color)
        return Placement(items=[item], y_end=ry + self.width / 2 + self.gap_after)


LOW_PPI = 200          # below this an image prints visibly soft (print shops ask for 300)


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels of a raster image, read from its header; None for a
    vector picture or data no decoder knows."""
    import io

    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format in ("WMF", "EMF", "EPS"):      # vector: no pixels to count
                return None
            return im.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None         # a picture imported before large ones were downsampled


def effective_ppi(data: bytes, width_pt: float, height_pt: float) -> float | None:
    """Pixels per inch of the image as printed at ``width_pt`` × ``height_pt`` (the lower
    of the two directions); None when that cannot be told."""
    return ppi(pixel_size(data), width_pt, height_pt)


def ppi(size: tuple[int, int] | None, width_pt: float, height_pt: float) -> float | None:
    """Pixels per inch of a picture of ``size`` pixels printed ``width_pt`` × ``height_pt``."""
    if size is None or width_pt <= 0 or height_pt <= 0:
        return None
    return min(size[0] / (width_pt / 72), size[1] / (height_pt / 72))


def low_res_message(name: str, dots: float) -> str:
    """What the editor is told of a picture printing at ``dots`` ppi."""
    what = f"“{name}”" if name else ""
    return (f"图片{what}分辨率偏低（印出来约 {dots:.0f} ppi，印刷建议不低于 300 ppi），"
            "请向来文单位要清晰的原图")


def fit_image(w: float, h: float, max_w: float, max_h: float) -> tuple[float, float]:
    """A picture's (width, height) scaled down (never up), keeping its aspect ratio, to
    fit ``max_w`` × ``max_h``.  A missing width takes ``max_w``, a missing height 3/4 of
    the width (pictures whose size the docx does not tell)."""
    w = w or max_w
    h = h or w * 0.75
    scale = min(1.0, max_w / w, max_h / h)
    return w * scale, h * scale


@dataclass
class ImageFlowable:
    """An image in its own box in the flow: ``space_before`` below the text above (the
    line above hangs its descenders below its baseline, which is where that text ends),
    scaled down (never up) to fit the frame less ``reserve`` (room for a caption kept
    with it), centred, and moved whole to the next page when it does not fit.  The
    text after it starts on the next grid line below ``space_after``.  An image that
    prints below ``LOW_PPI`` brings a warning (the editor should ask for a better
    original before the issue goes to the printer)."""
    data: bytes
    content_type: str
    width: float
    height: float
    source: Source | None = None
    max_height_share: float = 1.0
    space_after: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    name: str = ""
    space_before: float = 0.0
    reserve: float = 0.0

    def size_in(self, frame: Frame) -> tuple[float, float]:
        room = frame.height * self.max_height_share - self.reserve - self.space_before
        return fit_image(self.width, self.height, frame.width,
                         max(room, frame.height * 0.25))

    @cached_property
    def _pixels(self) -> tuple[int, int] | None:
        """``pixel_size`` of the picture, read once (placing is tried many times)."""
        return pixel_size(self.data)

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        w, h = self.size_in(frame)
        if not first_on_page:
            y += self.space_before
        if y + h > frame.bottom + EPS and not first_on_page:
            return Placement(items=[], y_end=y, rest=self)
        item = ImageItem(frame.x + (frame.width - w) / 2, y, w, h, self.data,
                         self.content_type, self.source)
        return Placement(items=[item], y_end=y + h + self.space_after,
                         warnings=self.warnings(w, h))

    def warnings(self, w: float, h: float) -> list[LayoutWarning]:
        """IMAGE_LOW_RES when the picture prints at ``w`` × ``h`` below ``LOW_PPI``."""
        dots = ppi(self._pixels, w, h)
        if dots is None or dots >= LOW_PPI:
            return []
        return [LayoutWarning(
            low_res_message(self.name, dots), code="IMAGE_LOW_RES",
            block_id=self.source.block_id if self.source else None)]


MIN_ROW_SCALE = 0.5     # pictures side by side shrink together at most to half their size


@dataclass
class PictureRow:
    """Pictures the sender put side by side in one paragraph, set side by side: scaled
    together by one factor (never up) so that they and ``gap`` between them fit the
    frame width and the tallest fits the frame height less ``reserve`` (a caption kept
    with them); the row is centred, the pictures stand on a common foot, and the row
    moves whole to the next page when it does not fit.  ``fits`` tells whether the
    pictures can share a line at all (else the caller stacks them)."""
    pictures: list[ImageFlowable]
    gap: float = 16.0
    keep_with_next: bool = False
    page_break_before: bool = False
    reserve: float = 0.0

    def _natural(self, frame: Frame) -> list[tuple[float, float]]:
        return [fit_image(p.width, p.height, frame.width, frame.height)
                for p in self.pictures]

    def scale(self, frame: Frame) -> float:
        sizes = self._natural(frame)
        room_w = frame.width - self.gap * (len(sizes) - 1)
        first = self.pictures[0]
        room_h = frame.height * first.max_height_share - self.reserve - first.space_before
        tallest = max(h for _w, h in sizes)
        return min(1.0, room_w / sum(w for w, _h in sizes),
                   max(room_h, frame.height * 0.25) / tallest)

    def fits(self, frame: Frame) -> bool:
        return self.scale(frame) >= MIN_ROW_SCALE

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        k = self.scale(frame)
        sizes = [(w * k, h * k) for w, h in self._natural(frame)]
        first = self.pictures[0]
        if not first_on_page:
            y += first.space_before
        tallest = max(h for _w, h in sizes)
        if y + tallest > frame.bottom + EPS and not first_on_page:
            return Placement(items=[], y_end=y, rest=self)
        x = frame.x + (frame.width - sum(w for w, _h in sizes)
                       - self.gap * (len(sizes) - 1)) / 2
        items, warnings = [], []
        for pic, (w, h) in zip(self.pictures, sizes):
            items.append(ImageItem(x, y + tallest - h, w, h, pic.data, pic.content_type,
                                   pic.source))
            warnings.extend(pic.warnings(w, h))
            x += w + self.gap
        return Placement(items=items, y_end=y + tallest + self.pictures[-1].space_after,
                         warnings=warnings)


_AGENCY_END = ("局", "委", "办", "室", "府", "会", "厅", "部", "院", "处", "所", "队", "中心", "公司")


def joint_lines(lines: list[str]) -> tuple[list[str], int] | None:
    """A 联合发文 mark with 文件: (the agencies' names, index of the line that held 文件),
    for 文件 on a line of its own under two or more names, or typed after the last of
    names that each end like an agency (…局 / …委员会); None for any other mark."""
    plain = [ln.replace(" ", "").replace("\u3000", "") for ln in lines]
    if len(plain) >= 3 and plain[-1] == "文件":
        return plain[:-1], len(plain) - 1
    if len(plain) >= 2 and plain[-1].endswith("文件") and len(plain[-1]) > 2 and \
            not any(p.endswith("文件") for p in plain[:-1]) and \
            all(p.endswith(_AGENCY_END) for p in plain[:-2] + [plain[-2], plain[-1][:-2]]):
        return plain[:-1] + [plain[-1][:-2]], len(plain) - 1
    return None


@dataclass
class MastheadFlowable:
    """版头: issuer mark (red, centred, shrunk to the 版心 width), ``gap`` below it the
    doc number (centred), and the red rule ``rule_gap`` below the doc number's
    baseline.  Never split; starts ``top`` below the frame top on a fresh page.

    A joint mark (联合发文, GB/T 9704 7.2.4) sets the agencies' names one under another,
    spread to one width, and 文件 to their right, centred on them vertically; the group is
    centred in the 版心 and shrunk as one to fit it.

    A 纪要 head has ``office`` and/or ``date``: one line under the number (or ``gap``
    under the mark), the issuing office 1 字 in from the left and the date 1 字 in from
    the right (as the 版记's 印发 line), in the number's style; the rule goes under it."""
    doc_id: str
    mark_lines: list[str]
    mark_style: object            # TextStyle
    doc_number: str
    number_style: object          # TextStyle
    measurer: Measurer
    color: str = "D7000F"
    top: float = 0.0
    gap: float = 58.0
    rule_gap: float = 11.3
    rule_width: float = 2.0
    space_after: float = 29.0
    keep_with_next: bool = True
    page_break_before: bool = False
    office: str = ""
    date: str = ""
    _cache: dict = field(default_factory=dict, repr=False)

    def _natural(self, text: str, size: float) -> float:
        st = self.mark_style
        return sum(self.measurer.advance(ch, st.role, size) for ch in text) * st.scale_x

    def _mark_size(self, width: float) -> float:
        st = self.mark_style
        size = st.max_size or st.size
        joint = joint_lines(self.mark_lines)
        if joint:           # names, a 1 字 gap and 文件 side by side
            names = joint[0]
            natural = max(self._natural(t, size) for t in names) + self._natural("字文件", size)
            return size * min(1.0, width / natural * 0.999)
        for text in self.mark_lines:
            natural = self._natural(text, size)
            if natural > width:
                size = size * width / natural * 0.999
        return size

    def _lines(self, frame: Frame):
        """(mark lines as (line, x, baseline below the top), doc number lines)."""
        key = round(frame.width, 3)
        hit = self._cache.get(key)
        if hit is None:
            st = self.mark_style.with_size(self._mark_size(frame.width))
            joint = joint_lines(self.mark_lines)
            marks = self._joint(st, frame, joint) if joint else self._stacked(st, frame)
            number = []
            if self.doc_number:
                ns = self.number_style
                src = Source(self.doc_id, "doc_number", 0, len(self.doc_number))
                number = compose([ns.span(self.doc_number, src)],
                                 ns.fmt(first_indent=0.0, left_indent=0.0), frame.width,
                                 self.measurer)
            hit = self._cache[key] = (marks, number, self._office_line(frame))
        return hit

    def _office_line(self, frame: Frame) -> list:
        """The 纪要 head's office (left) and date (right) lines, 1 字 in from each side."""
        ns = self.number_style
        em = ns.char_pitch or ns.size
        out = []
        for part, text, align in (("signature", self.office, "left"),
                                  ("date", self.date, "right")):
            if text:
                src = Source(self.doc_id, part, 0, len(text))
                out.extend(compose([ns.span(text, src)],
                                   ns.fmt(align=align, first_indent=0.0, left_indent=em,
                                          right_indent=em), frame.width, self.measurer))
        return out

    def _fmt(self, st, **changes):
        return st.fmt(first_indent=0.0, line_pitch=st.line_pitch or st.size * 1.15, **changes)

    def _stacked(self, st, frame: Frame) -> list:
        out, offset, bottom = [], 0, 0.0
        for text in self.mark_lines:
            src = Source(self.doc_id, "issuer_mark", offset, offset + len(text))
            for ln in compose([st.span(text, src, color=self.color)], self._fmt(st),
                              frame.width, self.measurer):
                out.append((ln, 0.0, bottom + ln.ascent))
                bottom = bottom + ln.ascent + max(ln.pitch - ln.ascent, ln.descent)
            offset += len(text) + 1
        return out

    def _joint(self, st, frame: Frame, joint: tuple[list[str], int]) -> list:
        names, at = joint
        column = max(self._natural(t, st.size) for t in names)
        gap = self._natural("字", st.size)
        word = self._natural("文件", st.size)
        x0 = (frame.width - (column + gap + word)) / 2
        out, bottom, offset = [], 0.0, 0
        for k, text in enumerate(names):
            lead = len(self.mark_lines[k]) - len(self.mark_lines[k].lstrip())
            src = Source(self.doc_id, "issuer_mark", offset + lead, offset + lead + len(text))
            align = "distribute" if len(text) > 1 else "center"
            for ln in compose([st.span(text, src, color=self.color)],
                              self._fmt(st, align=align), column + 0.5, self.measurer):
                out.append((ln, x0, bottom + ln.ascent))
                bottom = bottom + ln.ascent + max(ln.pitch - ln.ascent, ln.descent)
            offset += len(self.mark_lines[k]) + 1
        end = len("\n".join(self.mark_lines[:at + 1]).rstrip())
        src = Source(self.doc_id, "issuer_mark", end - 2, end)
        ln = compose([st.span("文件", src, color=self.color)], self._fmt(st, align="left"),
                     word + 0.5, self.measurer)[0]
        first, last = out[0], out[-1]
        middle = ((first[2] - first[0].ascent) + (last[2] + last[0].descent)) / 2
        out.append((ln, x0 + column + gap, middle + (ln.ascent - ln.descent) / 2))
        return out

    def place(self, frame: Frame, y: float, first_on_page: bool) -> Placement:
        marks, number, office = self._lines(frame)
        items = []
        top = y + self.top if first_on_page else y
        bottom = top
        for ln, dx, base in marks:
            items.extend(ln.to_items(frame.x + dx, top + base))
            bottom = max(bottom, top + base + max(ln.pitch - ln.ascent, ln.descent))
        baseline = bottom
        if number:
            baseline = bottom + self.gap
            for ln in number:
                items.extend(ln.to_items(frame.x, baseline))
        if office:          # a 纪要's office and date: the next line, or where a number goes
            ns = self.number_style
            baseline += (ns.line_pitch or ns.size * 1.5) if number else self.gap
            for ln in office:
                items.extend(ln.to_items(frame.x, baseline))
        ry = baseline + self.rule_gap
        items.append(LineItem(frame.x, ry, frame.x + frame.width, ry, self.rule_width,
                              self.color))
        y_end = ry + self.rule_width / 2 + self.space_after
        if y_end > frame.bottom + EPS and not first_on_page:
            return Placement(items=[], y_end=y, rest=self)
        return Placement(items=items, y_end=y_end)


def text_width(text: str, role: str, size: float, measurer: Measurer) -> float:
    """Natural width of ``text`` (no compression), for right-indent arithmetic."""
    return sum(measurer.advance(ch, role, size) for ch in text)


def one_line(span: Span, fmt, width: float, measurer: Measurer):
    """Compose ``span`` and return its lines (helper for front matter and heads)."""
    return compose([span], fmt, width, measurer)
