"""Paragraph composition: styled spans → justified lines of positioned glyphs (layer: layout).

``compose(spans, fmt, width, measurer)`` breaks a paragraph into ``ComposedLine``s following
TYPOGRAPHY.md: break opportunities and prohibitions from ``editor.layout.linebreak``,
punctuation compression and Han–Latin ¼ em gaps (``editor.layout.prepare``), 先挤进，后推出
(squeeze a prohibited mark onto the line first; otherwise push characters down and
stretch), justification in the clreq squeeze/stretch order (``editor.layout.justify``),
and no 孤字 on the last line.
A "\n" in the text is a forced line break (Word's w:br): the line before it is not
stretched, like a paragraph's last line (also when spaces typed after the break were
moved onto it); a line after a break that starts with two or more typed spaces or a tab
(text pasted with its paragraphs as line breaks) gets the paragraph's first-line indent.

Lines are positioned relative to the frame's left edge; ``ComposedLine.to_items(x, baseline)``
turns one into ``TextItem``s (one per run of the same face and style) carrying their source
range.  Compositions are cached: composing an unchanged paragraph again is a dictionary hit
(key: spans, format, width and measurer identity); the returned list is shared, so treat
it as read-only.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from editor.fonts.measure import Measurer
from editor.layout import linebreak as lb
from editor.layout.flow import ParaFormat, Span, picture_box
from editor.layout.items import ImageItem, Source, TextItem
from editor.layout.justify import line_geometry
from editor.layout.prepare import Prepared, clear_measure_cache, prepare

EPS = 0.01
_CACHE: dict = {}
_CACHE_MAX = 50000
cache_stats = {"hits": 0, "misses": 0}


@dataclass
class ComposedLine:
    """One composed line.  ``offset``: x of the line's first slot relative to the frame's
    left edge (indents and alignment included); ``width``: the set width of the line;
    ``avail``: the measure it was set in; ``start``/``end``: offsets into the paragraph's
    concatenated text."""
    start: int
    end: int
    offset: float
    width: float
    avail: float
    ascent: float
    descent: float
    pitch: float
    is_last: bool
    is_first: bool
    size: float
    para: Prepared = field(repr=False, compare=False, default=None)
    xs: list[float] = field(repr=False, compare=False, default_factory=list)
    ends: list[float] = field(repr=False, compare=False, default_factory=list)
    starts: list[float] = field(repr=False, compare=False, default_factory=list)

    @property
    def n_chars(self) -> int:
        return self.end - self.start

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    def to_items(self, x: float, baseline: float) -> list[TextItem]:
        """TextItems for this line with the frame's left edge at ``x`` and its baseline at
        ``baseline`` (page coordinates); trailing spaces are not drawn."""
        return _items_for(self, x, baseline)


def compose(spans: list[Span], fmt: ParaFormat, width: float,
            measurer: Measurer) -> list[ComposedLine]:
    """Break and justify a paragraph in a frame ``width`` points wide (indents inside)."""
    key = (tuple(_span_key(s) for s in spans), tuple(vars(fmt).values()), round(width, 3),
           id(measurer))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is measurer:
        cache_stats["hits"] += 1
        return hit[1]
    cache_stats["misses"] += 1
    p = prepare(spans, fmt.punct, measurer, fmt.char_pitch)
    if fmt.keep_words:
        _words_only(p)
    lines = _compose(p, fmt, width, measurer)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = (measurer, lines)
    return lines


def clear_cache() -> None:
    """Forget every cached composition and measurement (e.g. after fonts changed)."""
    _CACHE.clear()
    clear_measure_cache()
    cache_stats["hits"] = cache_stats["misses"] = 0


def _span_key(s: Span) -> tuple:
    return (s.text, s.role, s.size, s.color, s.bold, s.underline, s.strike, s.scale_x,
            s.source, s.rise, s.note, s.emphasis, s.picture)


# --- breaking -------------------------------------------------------------------------

def _words_only(p: Prepared) -> None:
    """Allow breaks only between words (and where one segment of Han text ends), so a
    目录 entry never tears 毕业|生, nor a number range or a short bracketed unit
    (（2025—|2027年）, ``words.kept_whole``); a word wider than the line still breaks
    (emergency)."""
    from editor.layout.words import kept_whole, word_bounds
    bounds, kept = set(), set()
    for a, b in _han_runs(p.text):
        bounds.update(a + i for i in word_bounds(p.text[a:b]))
        kept.update(a + i for i in kept_whole(p.text[a:b]))
    for i in range(1, len(p.text)):
        if p.ok[i] and (i in kept or p.cls[i] == lb.HAN and p.cls[i - 1] == lb.HAN
                        and i not in bounds):
            p.ok[i] = False
    p.breaks = [i for i, v in enumerate(p.ok) if v]


def _han_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of text between line breaks ("\n")."""
    out, a = [], 0
    for k, ch in enumerate(text):
        if ch == "\n":
            out.append((a, k))
            a = k + 1
    out.append((a, len(text)))
    return [r for r in out if r[1] > r[0]]


def _compose(p: Prepared, fmt: ParaFormat, width: float, m: Measurer) -> list[ComposedLine]:
    n = len(p.text)
    if n == 0:
        return [_make_line(p, fmt, width, 0, 0, True, True, m)]
    breaks = []
    indented = {0}
    # (only a justified line is spread; a ragged one may keep a URL's own breaks)
    urls = lb.url_ranges(p.text) if fmt.align == "justify" and fmt.url_letter_breaks and (
        "/" in p.text or "@" in p.text) else []
    s = 0
    while s < n:
        avail = _avail(fmt, width, len(breaks) in indented)
        e = _choose_break(p, s, avail, p.next_hard(s), urls)
        breaks.append((s, e))
        s = e
        forced = p.text[e - 1] == "\n"
        typed = 0
        while s < n and (p.text[s] == " " or (forced and p.text[s] == "\t")) and s > 0:
            # a space at a line start is dropped onto the previous line's end
            typed += 4 if p.text[s] == "\t" else 1
            breaks[-1] = (breaks[-1][0], s + 1)
            s += 1
        if forced and typed >= 2:
            # spaces typed after a line break to indent a pasted paragraph: the line
            # gets the paragraph's first-line indent instead
            indented.add(len(breaks))
    _avoid_lone_last(p, fmt, width, breaks, indented)
    return [_make_line(p, fmt, width, a, b, i == len(breaks) - 1, i in indented, m)
            for i, (a, b) in enumerate(breaks)]


def _forced(p: Prepared, s: int, e: int) -> bool:
    """Does the line text[s:e] end in a forced break ("\\n", spaces after it included)?"""
    while e > s and p.text[e - 1] in " \t":
        e -= 1
    return e > s and p.text[e - 1] == "\n"


def _avail(fmt: ParaFormat, width: float, first: bool) -> float:
    w = width - fmt.left_indent - fmt.right_indent
    if first:
        w -= fmt.first_indent
    return max(w, 1.0)


def _choose_break(p: Prepared, s: int, avail: float, limit: int,
                  urls: list[tuple[int, int]] = ()) -> int:
    """End (exclusive) of the line starting at ``s``: 先挤进，后推出.  ``limit`` is the
    end of the segment (a forced line break or the text end); ``urls``: the URL and
    e-mail ranges of the text, which may break between any two of their letters when
    their own breaks (after ``/ . - …``) would leave the line loose."""
    e = _max_fit(p, s, avail)
    if e >= limit:
        return limit
    if p.ok[e] and e > s:
        return e
    # 先挤进: squeeze the line to pull the following unbreakable piece in
    nxt = p.next_break(e)
    if nxt - e <= 4 and p.natural(s, nxt) - p.shrink(s, nxt) <= avail + EPS:
        return nxt
    # 后推出: push characters down to the previous break opportunity
    prev = p.prev_break(e, s)
    if prev > s:
        return _inside_url(p, s, e, prev, avail, urls) or prev
    # one unbreakable piece wider than the line: emergency break where it fits
    return max(e, s + 1) if nxt - s > 1 and p.natural(s, nxt) > avail + EPS else nxt


def _inside_url(p: Prepared, s: int, e: int, prev: int, avail: float,
                urls: list[tuple[int, int]]) -> int | None:
    """A break inside a URL at ``e`` or before it, when the line would otherwise end at
    ``prev`` more than ¼ em loose per stretch point (a URL's pieces between its slashes
    are long and cannot be letter-spaced, so the Chinese text before it was spread
    wide: ``务 服 务 网 （ https://…/``).  None when the line is tight enough, has no
    text to spread (a cell holding only a URL's pieces) or no URL is being broken."""
    url = next(((a, b) for a, b in urls if a < e < b), None)
    if url is None:
        return None
    points = sum(1 for k in range(s + 1, p.trimmed_end(s, prev)) if p.spacing_ok[k])
    slack = avail - p.natural(s, prev)
    if points == 0 or slack <= 0.25 * p.em[s] * points:
        return None
    for b in range(e, prev, -1):
        if b - url[0] > 3 and p.text[b].isalnum() and p.text[b - 1].isalnum() \
                and p.natural(s, b) <= avail + EPS:
            return b
    return None


def _max_fit(p: Prepared, s: int, avail: float) -> int:
    """The largest end ``e`` with natural width (line-end trims included) ≤ ``avail``."""
    base = p.cum[s] + p.gap[s]
    e = bisect.bisect_right(p.cum, base + avail + EPS, lo=s + 1) - 1
    n = len(p.text)
    e = min(e, n)
    # the line-end trim of the last mark may let one more character fit
    while e < n and p.natural(s, e + 1) <= avail + EPS:
        e += 1
    while e > s + 1 and p.natural(s, e) > avail + EPS:
        e -= 1
    return max(e, s + 1)


def _avoid_lone_last(p: Prepared, fmt: ParaFormat, width: float, breaks: list,
                     indented: set) -> None:
    """No 孤字: the last line keeps at least ``fmt.min_last_line_chars`` characters, by
    squeezing it into the line above or by pushing characters down from that line."""
    need = fmt.min_last_line_chars
    if len(breaks) < 2 or need < 2:
        return
    s_last, n = breaks[-1]
    if _visible(p, s_last, n) >= need or _forced(p, 0, s_last):
        return
    s_prev = breaks[-2][0]
    avail = _avail(fmt, width, len(breaks) - 2 in indented)
    if p.natural(s_prev, n) - p.shrink(s_prev, n) <= avail + EPS:
        breaks[-2:] = [(s_prev, n)]
        return
    b = s_last
    avail_last = _avail(fmt, width, False)
    while b > s_prev + 1:
        b = p.prev_break(b - 1, s_prev)
        if b <= s_prev or p.natural(b, n) - p.shrink(b, n) > avail_last + EPS:
            return
        if _visible(p, b, n) >= need:
            if _visible(p, s_prev, b) >= need:
                breaks[-2:] = [(s_prev, b), (b, n)]
            return


def _visible(p: Prepared, a: int, b: int) -> int:
    """Characters in text[a:b] that count for 孤字: not spaces, not punctuation."""
    return sum(1 for k in range(a, b) if p.cls[k] not in _NOT_COUNTED)


_NOT_COUNTED = {lb.SPACE, lb.OPEN, lb.CLOSE, lb.PERIOD, lb.MIDDLE, lb.DASH, lb.ELLIPSIS}


# --- lines ------------------------------------------------------------------------------

def _make_line(p: Prepared, fmt: ParaFormat, width: float, s: int, e: int, last: bool,
               first: bool, m: Measurer) -> ComposedLine:
    avail = _avail(fmt, width, first)
    forced = _forced(p, s, e)
    xs, starts, ends, set_width = line_geometry(p, s, e, avail,
                                                _justified(fmt, last or forced))
    offset = fmt.left_indent + (fmt.first_indent if first else 0.0)
    free = avail - set_width
    if fmt.align in ("center", "distribute") and free > EPS:
        # a distributed line that cannot spread (one character) is centred
        offset += free / 2
    elif fmt.align == "right" and free > 0:
        offset += free
    asc, desc, size = p.metrics(s, e, m)
    pitch = fmt.line_pitch if fmt.line_pitch else 1.3 * size
    return ComposedLine(start=s, end=e, offset=offset, width=set_width, avail=avail,
                        ascent=asc, descent=desc, pitch=pitch, is_last=last,
                        is_first=first, size=size, para=p, xs=xs, ends=ends, starts=starts)


def _justified(fmt: ParaFormat, last: bool) -> bool:
    """Stretch to the full measure?  Every line of a distributed paragraph; every line
    but the last (or one ending in a forced break) of a justified one."""
    if fmt.align == "distribute":
        return True
    return fmt.align == "justify" and not last


def _items_for(line: ComposedLine, x: float, baseline: float) -> list[TextItem | ImageItem]:
    p = line.para
    items: list[TextItem | ImageItem] = []
    end = line.end
    while end > line.start and p.text[end - 1].isspace():
        end -= 1
    i = line.start
    while i < end:
        j = i + 1
        key = p.run_key(i)
        while j < end and p.run_key(j) == key:
            j += 1
        if p.spans[p.span_of[i]].picture is not None:
            items.extend(_pictures(line, x, baseline, i, j))
        else:
            items.append(_item(line, x, baseline, i, j, end))
        i = j
    return items


def _pictures(line: ComposedLine, x: float, baseline: float, i: int, j: int) -> list:
    """A picture in the line: drawn in its character slot, centred in the 字 box
    (0.88 em above the baseline to 0.12 em below, as an ideograph's)."""
    p = line.para
    span = p.spans[p.span_of[i]]
    data, kind, _w, _h = span.picture
    x0 = x + line.offset
    out = []
    for k in range(i, j):
        left = x0 + line.xs[k - line.start]
        w, h = picture_box(span, p.adv[k])
        top = baseline - span.rise - 0.88 * span.size + (span.size - h) / 2
        out.append(ImageItem(left + (p.adv[k] - w) / 2, top, w, h, data, kind, span.source))
    return out


def _decorations(span: Span) -> tuple[bool, bool]:
    return span.underline, span.strike


def _item(line: ComposedLine, x: float, baseline: float, i: int, j: int,
          end: int) -> TextItem:
    p = line.para
    span = p.spans[p.span_of[i]]
    x0 = x + line.offset
    xs = [x0 + line.xs[k - line.start] for k in range(i, j)]
    right = x0 + line.ends[j - 1 - line.start]
    if j < end and (span.underline or span.strike) and \
            _decorations(p.spans[p.span_of[j]]) == _decorations(span):
        # the underline (strike) goes on into the next run: cover the gap between them
        right = x0 + line.starts[j - line.start]
    src = None
    if span.source is not None:
        base = span.source.start - p.span_start[p.span_of[i]]
        src = Source(span.source.doc_id, span.source.block_id, base + i, base + j)
    return TextItem(x=xs[0], y=baseline - span.rise, text=p.text[i:j], face=p.face[i],
                    size=span.size, xs=xs, width=right - xs[0], color=span.color,
                    role=span.role, bold=span.bold, underline=span.underline,
                    strike=span.strike, scale_x=span.scale_x, source=src, note=span.note,
                    emphasis=span.emphasis)
