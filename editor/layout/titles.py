"""Balanced multi-line titles: title text → spans with forced breaks (layer: layout).

GB/T 9704 asks that a title running over several lines be broken at word boundaries and
shaped as a trapezoid or diamond — not filled line by line so that a word (文|物) is torn
and the last line is a stub.  ``balanced_title_spans`` picks the break points among the
word boundaries of the title (``editor.layout.words``: jieba), preferring phrase
boundaries (after 关于, 印发, 的, 和, punctuation) to breaks inside a phrase (文物保护|单位,
持续|改进), keeping every line within the measure and the lines' lengths as even as
possible (upper lines not shorter than lower ones by more than a character).
A title keeps the author's own line breaks when the lines fit.  The breaks are forced
line ends (``\\n``) that the composer honours; each line is its own
span with its own source offset, so the source ranges stay those of the title text.
"""
from __future__ import annotations

import itertools

from editor.fonts.measure import Measurer
from editor.layout import linebreak as lb
from editor.layout.flow import Span
from editor.layout.items import Source
from editor.layout.words import break_cost, word_bounds

def _candidates(text: str) -> list[int]:
    """Break positions at word boundaries (``editor.layout.words``) where the line
    breaker allows a break (no 避头尾 violation, no torn number)."""
    ok = lb.break_before(text)
    return [i for i in word_bounds(text) if 2 <= i <= len(text) - 2 and ok[i]
            and break_cost(text, i) < 100.0]


def _width(text: str, role: str, size: float, m: Measurer) -> float:
    return sum(m.advance(ch, role, size) for ch in text)


_OPEN, _CLOSE = "“《（〔", "”》）〕"


def _inside_pairs(text: str) -> list[bool]:
    """``inside[i]``: a break before ``text[i]`` falls inside “…”, 《…》, （…） or 〔…〕."""
    depth, out = 0, []
    for ch in text:
        out.append(depth > 0)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    out.append(False)
    return out


def balanced_breaks(text: str, role: str, size: float, width: float, m: Measurer,
                    max_lines: int = 4) -> list[int] | None:
    """Break positions (indexes into ``text``) for a balanced title, or None when the
    title fits on one line or no good breaks exist."""
    # as the composer sets it: a quarter 字 between Han and a Latin letter or digit
    # (2025年3月18日 carries six), so a line measured to fit is not wrapped again
    cls = lb.classes(text)
    prefix = [0.0]
    for i, ch in enumerate(text):
        gap = 0.25 * size if i and lb.needs_cjk_latin_gap(cls[i - 1], cls[i]) else 0.0
        prefix.append(prefix[-1] + gap + m.advance(ch, role, size))
    total = prefix[-1]
    if total <= width:
        return None
    cands = _candidates(text)
    inside = _inside_pairs(text)
    n_min = int(total // width) + 1
    for n in range(n_min, max_lines + 1):
        best, best_cost = None, None
        for cut in itertools.combinations(cands, n - 1):
            bounds = (0,) + cut + (len(text),)
            widths = [prefix[b] - prefix[a] for a, b in zip(bounds, bounds[1:])]
            if max(widths) > width:
                continue
            cost = max(widths) - min(widths)
            # trapezoid: a lower line longer than the one above costs extra
            cost += sum(max(0.0, b - a - size) for a, b in zip(widths, widths[1:])) * 0.5
            # a break inside a phrase (文物保护|单位 is a word boundary, not a good one)
            cost += sum(break_cost(text, c) for c in cut) * size
            # or inside a quoted name or a bracket (“我们的|节日”, 《…|办法》)
            cost += sum(6.0 for c in cut if inside[c]) * size
            if best_cost is None or cost < best_cost:
                best, best_cost = list(cut), cost
        if best is not None:
            return best
        if len(cands) > 40:
            break
    return _long_title_breaks(text, prefix, cands, inside, size, width, n_min)


def _tears_number(text: str, i: int) -> bool:
    """A break inside a number range or date (2025—|2027年, 3月|18日)."""
    a, b = text[i - 1], text[i]
    return (a in lb.DASHES and b.isdigit()) or (a.isdigit() and b in lb.DASHES) or \
        (a in "年月" and b.isdigit() and text[i - 2:i - 1].isdigit())


def _long_title_breaks(text: str, prefix: list[float], cands: list[int], inside: list[bool],
                       size: float, width: float, n_min: int) -> list[int] | None:
    """Breaks for a title too long for the balanced search (more than ``max_lines``
    lines, or too many word boundaries to try every set): the fewest lines (``n_min``
    or one more) whose breaks are word boundaries, each line within the measure, chosen
    by dynamic programming for a trapezoid of lines (squared difference from each line's
    share, upper lines a character longer, in characters), phrase boundaries
    (``break_cost``, a quotation or bracket not opened across a break) and no number
    range or date torn — an 87-character 印发 title was otherwise filled line by line
    and torn inside its words (深|化, 法|治化)."""
    total = prefix[-1]
    points = [0] + [c for c in cands if 0 < c < len(text)] + [len(text)]
    # what a break at each point costs (None: never), and the earliest point a line
    # ending at each point may start from (within the measure)
    cost_at = [None if 0 < j < len(points) - 1 and _tears_number(text, points[j]) else
               (2 * break_cost(text, points[j]) + (12.0 if inside[points[j]] else 0.0)
                if 0 < j < len(points) - 1 else 0.0) for j in range(len(points))]
    first = [0] * len(points)
    lo = 0
    for j in range(len(points)):
        while prefix[points[j]] - prefix[points[lo]] > width:
            lo += 1
        first[j] = lo
    for n in (n_min, n_min + 1):
        mean = total / n
        # best[k][j]: least cost of k lines ending at points[j]
        best = [[None] * len(points) for _ in range(n + 1)]
        back = [[0] * len(points) for _ in range(n + 1)]
        best[0][0] = 0.0
        for k in range(1, n + 1):
            # a trapezoid: each line a character longer than the one below
            goal = min(width, mean + size * ((n - 1) / 2 - (k - 1)))
            for j in range(1, len(points)):
                if cost_at[j] is None:
                    continue
                for i in range(first[j], j):
                    if best[k - 1][i] is None:
                        continue
                    w = prefix[points[j]] - prefix[points[i]]
                    c = best[k - 1][i] + ((w - goal) / size) ** 2 + cost_at[j]
                    if best[k][j] is None or c < best[k][j]:
                        best[k][j], back[k][j] = c, i
        if best[n][-1] is not None:
            out, j = [], len(points) - 1
            for k in range(n, 0, -1):
                j = back[k][j]
                out.append(points[j])
            return sorted(p for p in out if p)
    return None


def balanced_title_spans(text: str, make_span, doc_id: str, block_id: str, role: str,
                         size: float, width: float, m: Measurer) -> list[Span]:
    """Spans for ``text``: one per line with forced breaks when a balanced break exists,
    else a single span.  ``make_span(text, source)`` builds a span in the title style.

    The author's own line breaks (w:br in the .docx) are kept when every line they make
    fits the measure; otherwise the title is balanced afresh without them."""
    if "\n" in text and all(_width(p, role, size, m) <= width for p in text.split("\n")):
        return [make_span(text, Source(doc_id, block_id, 0, len(text)))]
    index = [k for k, ch in enumerate(text) if ch != "\n"]      # joined → original
    joined = "".join(text[k] for k in index)
    breaks = balanced_breaks(joined, role, size, width, m)
    if not breaks:
        return [make_span(text, Source(doc_id, block_id, 0, len(text)))]
    spans = []
    bounds = [0] + breaks + [len(joined)]
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        # one span per run of consecutive original offsets (a dropped \n splits a run)
        runs = [a] + [j for j in range(a + 1, b) if index[j] != index[j - 1] + 1] + [b]
        for r0, r1 in zip(runs, runs[1:]):
            spans.append(make_span(joined[r0:r1], Source(doc_id, block_id, index[r0],
                                                         index[r1 - 1] + 1)))
        if k < len(bounds) - 2:
            last = spans[-1]
            spans[-1] = make_span(last.text + "\n", last.source)
    return spans
