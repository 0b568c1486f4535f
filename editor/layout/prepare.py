"""Width-independent preparation of a paragraph for composition (layer: layout).

Transforms styled ``Span``s into flat per-character arrays: class, face, natural advance
after punctuation compression, the empty halves of full-width marks that may still be
squeezed, Han–Latin gaps, break opportunities, and prefix sums so the composer measures
any candidate line in O(1).

Punctuation model (clreq §3.1, GB/T 15834): a full-width mark is 1 em with ink on one
half.  Opening marks （《“ have ink on the right (empty left half); closing marks ）》”
and 。，、；：？！ have ink on the left (empty right half); the interpunct · has a quarter em
empty on each side.  Compression removes empty halves; when an opening mark loses its left
half the glyph is drawn shifted left (``shift``) so the ink stays where it belongs.

Styles (``ParaFormat.punct``):
- ``quanjiao`` (全角): marks full width; two adjacent marks take 1.5 em; a line-end mark
  keeps its full em unless the line must be squeezed.
- ``line_end_half`` (行末半角): as quanjiao, and a mark at line end loses its empty half.
- ``kaiming`` (开明, "句末点号全身，句内点号半身"): 。？！ full width, ，、；： half width,
  brackets and quotes full width (compressed when adjacent); line end as above.
"""
from __future__ import annotations

import bisect
import math
import weakref
from itertools import accumulate
from operator import add
from dataclasses import dataclass, field

from editor.fonts.measure import Measurer
from editor.layout import linebreak as lb
from editor.layout.flow import SIDE_BEARING, Span, picture_box

_MEASURE_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
COMMAS = set("，、；：")
_PUNCT = frozenset((lb.OPEN, lb.CLOSE, lb.PERIOD, lb.MIDDLE))


@dataclass
class Prepared:
    text: str
    spans: list[Span]
    span_of: list[int]
    span_start: list[int]
    cls: list[int]
    face: list[str]
    adv: list[float]          # natural advance after static compression
    shift: list[float]        # glyph origin relative to its slot (<= 0)
    lsq: list[float]          # squeezable empty left half still present
    rsq: list[float]          # squeezable empty right half (in-line squeeze)
    rblank: list[float]       # empty right half remaining (for line-end handling)
    endtrim: list[float]      # removed automatically when the char ends a line
    gap: list[float]          # Han–Latin gap before the char
    gsq: list[float]          # how much of that gap may be squeezed
    spsq: list[float]         # squeezable part of a space
    ok: list[bool]            # break allowed before the char
    spacing_ok: list[bool]    # inter-character stretch allowed before the char
    em: list[float]
    pad: list[float] = field(default_factory=list)   # slot wider than the glyph (dashes)
    cum: list[float] = field(default_factory=list)
    sqcum: list[float] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    hard: list[int] = field(default_factory=list)
    quanjiao_end: bool = False

    def trimmed_end(self, s: int, e: int) -> int:
        """``e`` moved back over trailing spaces (they hang invisibly at the line end; an
        ideographic space too: a list of names 李喆　王昇　… broken after one was set a
        字 short of the measure)."""
        while e > s + 1 and self.text[e - 1] in " \n\u3000":
            e -= 1
        return e

    def natural(self, s: int, e: int) -> float:
        """Width of text[s:e] as a line: no gap at its start, line-end trims applied."""
        e = self.trimmed_end(s, e)
        return self.cum[e] - self.cum[s] - self.gap[s] - self.endtrim[e - 1]

    def shrink(self, s: int, e: int) -> float:
        """The most the line text[s:e] can be squeezed."""
        e = self.trimmed_end(s, e)
        total = self.sqcum[e] - self.sqcum[s] - self.gsq[s] - self.rsq[e - 1]
        if self.quanjiao_end:
            total += self.rblank[e - 1]
        return total

    def next_hard(self, s: int) -> int:
        """End of the segment starting at ``s``: just after the next forced line break
        ("\n", e.g. from Word's w:br), or the text end."""
        i = bisect.bisect_right(self.hard, s)
        return self.hard[i] if i < len(self.hard) else len(self.text)

    def next_break(self, e: int) -> int:
        """The first break opportunity after position ``e`` (or the text end)."""
        i = bisect.bisect_right(self.breaks, e)
        return self.breaks[i] if i < len(self.breaks) else len(self.text)

    def prev_break(self, e: int, s: int) -> int:
        """The last break opportunity at or before ``e`` and after ``s`` (``s`` if none)."""
        i = bisect.bisect_right(self.breaks, e) - 1
        return self.breaks[i] if i >= 0 and self.breaks[i] > s else s

    def run_key(self, i: int) -> tuple:
        return (self.span_of[i], self.face[i])

    def metrics(self, s: int, e: int, m: Measurer) -> tuple[float, float, float]:
        """(ascent, descent, largest size) of the spans present in text[s:e]."""
        if s == e:
            span = self.spans[0] if self.spans else Span("")
            return _vertical(m, span.role, span.size) + (span.size,)
        first, last = self.span_of[s], self.span_of[e - 1]
        if first == last:
            span = self.spans[first]
            return _vertical(m, span.role, span.size) + (span.size,)
        found = [_vertical(m, x.role, x.size) + (x.size,)
                 for x in self.spans[first:last + 1]]
        return tuple(max(v[k] for v in found) for k in range(3))


def _vertical(m: Measurer, role: str, size: float) -> tuple[float, float]:
    """(ascent, descent) of a role at a size, memoised per measurer."""
    memo = _measure_cache(m, "vertical")
    key = (role, size)
    got = memo.get(key)
    if got is None:
        got = memo[key] = (m.ascent(role, size), m.descent(role, size))
    return got


def prepare(spans: list[Span], punct: str, m: Measurer,
            char_pitch: float | None = None) -> Prepared:
    text = "".join(s.text for s in spans)
    n = len(text)
    span_of, span_start, face, adv, em, pad = [], [], [], [], [], []
    adv_cache = _measure_cache(m, char_pitch)
    for k, sp in enumerate(spans):
        span_start.append(len(span_of))
        if not sp.text:
            continue
        style = (sp.role, sp.size, sp.scale_x)
        pitch = None if sp.note else char_pitch        # a note mark takes no grid cell
        if sp.picture is not None:      # a picture in the line: a box like a character
            got = [(_picture_slot(sp, pitch), 0.0, "")] * len(sp.text)
            span_of += [k] * len(got)
            em += [sp.size] * len(got)
            adv += [a[0] for a in got]
            pad += [0.0] * len(got)
            face += [""] * len(got)
            continue
        cache = adv_cache if pitch == char_pitch else _measure_cache(m, None)
        memo = cache.get(style)
        if memo is None:
            memo = cache[style] = {}
        # (slot, pad, face) per character: memoised per style, measured on first sight
        got = [memo.get(ch) or _measured(memo, m, ch, sp, pitch) for ch in sp.text]
        count = len(got)
        span_of += [k] * count
        em += [sp.size] * count
        adv += [a[0] for a in got]
        pad += [a[1] for a in got]
        face += [a[2] for a in got]
    cls = lb.classes(text)
    p = Prepared(text=text, spans=spans, span_of=span_of, span_start=span_start, cls=cls,
                 face=face, adv=adv, shift=[0.0] * n, lsq=[0.0] * n, rsq=[0.0] * n,
                 rblank=[0.0] * n, endtrim=[0.0] * n, gap=[0.0] * n, gsq=[0.0] * n,
                 spsq=[0.0] * n, ok=lb.break_before(text, cls), spacing_ok=[True] * n,
                 em=em, pad=pad, quanjiao_end=(punct == "quanjiao"))
    _blanks(p, punct)
    _gaps_and_spaces(p)
    if any(sp.note for sp in spans):
        _glue_marks(p)
    _sums(p)
    return p


def _glue_marks(p: Prepared) -> None:
    """A note's reference mark stays with the character it follows (never starts a line,
    no stretch or Han–Latin gap between them or inside it), and sets no gap before the
    text after it; whether a line may break after it is the next character's rule."""
    for i in range(len(p.text)):
        if p.spans[p.span_of[i]].note:
            p.ok[i] = p.spacing_ok[i] = False
            p.gap[i] = p.gsq[i] = 0.0
            if i + 1 < len(p.text):
                p.gap[i + 1] = p.gsq[i + 1] = 0.0


def clear_measure_cache() -> None:
    _MEASURE_CACHE.clear()


def _measure_cache(m: Measurer, char_pitch: float | None) -> dict:
    """A per-measurer memo of (advance, face) by character, role, size and scaling, kept
    as long as the measurer lives (so repeated compositions skip font lookups)."""
    try:
        per_pitch = _MEASURE_CACHE.setdefault(m, {})
    except TypeError:                       # not weak-referenceable: cache per call
        return {}
    return per_pitch.setdefault(char_pitch, {})


def _measured(memo: dict, m: Measurer, ch: str, sp: Span,
              char_pitch: float | None) -> tuple[float, float, str]:
    """(slot, pad, face) of ``ch`` in the span's style, remembered in ``memo``."""
    memo[ch] = got = _advance(m, ch, sp, char_pitch) + (m.face_for(ch, sp.role),)
    return got


def _picture_slot(sp: Span, char_pitch: float | None) -> float:
    """The advance of a picture in the line: its width one 字 high with side bearings,
    whole grid cells on a character grid (as a Han character)."""
    slot = picture_box(sp)[0] + SIDE_BEARING * sp.size
    if char_pitch:
        slot = max(1, math.ceil(slot / char_pitch - 0.1)) * char_pitch
    return slot


def _advance(m: Measurer, ch: str, sp: Span,
             char_pitch: float | None) -> tuple[float, float]:
    """(slot, pad) of ``ch``: the advance it takes on the line and how much wider that
    is than its glyph.  A dash or an ellipsis is never narrower than its full width
    (GB/T 15834: 一字线 one 字, 破折号 and 省略号 two), whatever the font's glyph or the
    measurer says; on a character grid wide characters take whole grid cells (never an
    ASCII letter or digit: a broad W or m of a Latin word keeps its own width)."""
    if ch == "\n":
        return 0.0, 0.0
    glyph = m.advance(ch, sp.role, sp.size) * sp.scale_x
    slot = glyph
    if ch in lb.DASHES or ch in lb.ELLIPSES:
        slot = max(glyph, sp.size * sp.scale_x * (2 if ch == "⸺" else 1))
    if char_pitch and slot >= 0.75 * sp.size and not ch.isascii():
        cells = max(1, math.ceil(slot / char_pitch - 0.1))
        slot = cells * char_pitch
    pad = slot - glyph if slot > glyph and ch in lb.PAIRED else 0.0
    return slot, pad


def _blanks(p: Prepared, punct: str) -> None:
    """Empty halves of full-width marks, static compression, line-end trims."""
    n = len(p.text)
    lblank = [0.0] * n
    marks = [i for i, c in enumerate(p.cls) if c in _PUNCT]
    if not marks:
        return
    for i in marks:
        ch, c = p.text[i], p.cls[i]
        if p.adv[i] < 0.75 * p.em[i]:
            continue
        half = p.adv[i] / 2
        if c == lb.OPEN:
            lblank[i] = half
        elif c == lb.MIDDLE:
            lblank[i] = p.rblank[i] = half / 2
        else:
            p.rblank[i] = half
        if punct == "kaiming" and ch in COMMAS:
            _remove(p, lblank, i, 0.0, p.rblank[i])
    for i in marks:                           # adjacent marks take 1.5 em
        if i and p.cls[i - 1] in _PUNCT:
            if p.rblank[i - 1] > 0 and p.cls[i - 1] != lb.MIDDLE:
                _remove(p, lblank, i - 1, 0.0, p.rblank[i - 1])
            elif lblank[i] > 0 and p.cls[i] != lb.MIDDLE:
                _remove(p, lblank, i, lblank[i], 0.0)
    for i in marks:
        ch, c = p.text[i], p.cls[i]
        if c == lb.OPEN or c == lb.MIDDLE:
            p.lsq[i] = lblank[i]
        if c == lb.CLOSE or c == lb.MIDDLE or ch in COMMAS:
            p.rsq[i] = p.rblank[i]
        if punct != "quanjiao":
            p.endtrim[i] = p.rblank[i]


def _remove(p: Prepared, lblank: list[float], i: int, left: float, right: float) -> None:
    p.adv[i] -= left + right
    p.shift[i] -= left
    lblank[i] -= left
    p.rblank[i] -= right


def _gaps_and_spaces(p: Prepared) -> None:
    text, cls = p.text, p.cls
    han, space = lb.HAN, lb.SPACE
    words = (lb.LATIN, lb.DIGIT)
    paired = lb.PAIRED
    if text:
        p.spacing_ok[0] = False
    a = cls[0] if text else han
    for i in range(len(text)):
        c = cls[i]
        if c == space and text[i] == " ":
            p.spsq[i] = max(0.0, p.adv[i] - 0.25 * p.em[i])
        if i == 0 or (c == han and a == han):
            a = c
            continue                          # Han after Han: no gap, stretch allowed
        if lb.needs_cjk_latin_gap(a, c):
            size = p.em[i] if c == han else p.em[i - 1]
            p.gap[i] = 0.25 * size
            p.gsq[i] = 0.125 * size
        # no stretch inside a Latin word, number, code or URL (10.5%, BHFW-JSKZ, https://)
        word = (a in words and c in words) or (text[i - 1].isascii() and text[i].isascii())
        pair = text[i - 1] in paired and text[i] in paired
        p.spacing_ok[i] = not (word or pair or c == space or a == space)
        a = c


def _sums(p: Prepared) -> None:
    """Prefix sums of advances (+ gaps) and of what may be squeezed; the break and forced
    break positions.  (The sums add in the same order as a plain loop would.)"""
    p.cum = list(accumulate(map(add, p.adv, p.gap), initial=0.0))
    p.sqcum = list(accumulate(map(_add4, p.lsq, p.rsq, p.gsq, p.spsq), initial=0.0))
    p.breaks = [i for i, v in enumerate(p.ok) if v]
    p.hard = [i + 1 for i, ch in enumerate(p.text) if ch == "\n"] if "\n" in p.text else []


def _add4(a: float, b: float, c: float, d: float) -> float:
    return a + b + c + d
