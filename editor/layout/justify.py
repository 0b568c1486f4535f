"""Line geometry: squeeze or stretch one line to its measure (layer: layout).

Transforms a line ``text[s:e]`` of a ``Prepared`` paragraph into the x of every glyph
origin relative to the line start.  Squeeze order (clreq / TYPOGRAPHY.md): line-end mark
→ Latin word spaces (to ¼ em) → interpuncts → brackets (outer side) → ，、；： (the
fewest needed, nearest the line end, each to ½ em) → Han–Latin gaps (to ⅛ em).  Stretch order: Latin word spaces (to ½ em) → (Han–Latin gaps are
already at their ¼ em maximum) → even inter-character spacing, never inside a
``——``/``……`` pair or a Latin word (a line of Latin words only widens its word spaces
further); a line of names typed with 　　 between them widens those separators instead.
"""
from __future__ import annotations

from editor.layout import linebreak as lb
from editor.layout.prepare import COMMAS, Prepared

EPS = 1e-6


def line_geometry(p: Prepared, s: int, e: int, avail: float, justified: bool
                  ) -> tuple[list[float], list[float], list[float], float]:
    """(glyph origins, slot starts, slot ends, set width) for text[s:e]; a slot is the
    character's set advance (a Han–Latin gap lies between two slots).

    The line is squeezed whenever its natural width exceeds ``avail``, and stretched to
    ``avail`` when ``justified``.
    """
    n = e - s
    if n == 0:
        return [], [], [], 0.0
    ve = p.trimmed_end(s, e)
    natural = p.natural(s, e)
    width = p.adv[s:e]
    gaps = [0.0] + p.gap[s + 1:e]
    left = [0.0] * n                          # extra squeeze of an empty left half
    last = ve - 1 - s
    width[last] -= p.endtrim[ve - 1]
    for k in range(ve - s, n):
        width[k] = 0.0                         # trailing spaces hang invisibly
    slack = avail - natural
    if slack < -EPS:
        _squeeze(p, s, ve, -slack, width, gaps, left)
    elif justified and slack > EPS:
        _stretch(p, s, ve, slack, width, gaps)
    xs, starts, ends = [], [], []
    x = 0.0
    for i in range(n):
        x += gaps[i]
        starts.append(x)
        xs.append(x + p.shift[s + i] - left[i])
        x += width[i]
        ends.append(x)
    if p.pad and any(p.pad[s:ve]):
        _place_in_slots(p, s, ve, xs)
    return xs, starts, ends, ends[ve - s - 1]


def _place_in_slots(p: Prepared, s: int, ve: int, xs: list[float]) -> None:
    """Glyphs narrower than their slot (a dash or an ellipsis of a font whose glyph is
    under 1 em, or on a character grid): each run of them is drawn joined and centred in
    its slots, flush with the left edge when the run starts the line, with the right
    edge when it ends it."""
    k = s
    while k < ve:
        if not p.pad[k]:
            k += 1
            continue
        j = k
        while j < ve and p.text[j] in lb.PAIRED and p.cls[j] == p.cls[k]:
            j += 1
        total = sum(p.pad[k:j])
        lead = 0.0 if k == s else total if j == ve else total / 2
        before = 0.0
        for i in range(k, j):
            xs[i - s] += lead - before
            before += p.pad[i]
        k = j


def _squeeze(p, s, ve, need, width, gaps, left) -> None:
    last = ve - 1
    buckets = [
        [("r", last, p.rblank[last])] if p.quanjiao_end else [],
        [("w", k, p.spsq[k]) for k in range(s, last) if p.spsq[k] > 0],
        [(side, k, amt) for k in range(s, ve) if p.cls[k] == lb.MIDDLE
         for side, amt in (("l", p.lsq[k]), ("r", p.rsq[k] if k < last else 0.0))],
        [("l", k, p.lsq[k]) for k in range(s, ve) if p.cls[k] == lb.OPEN]
        + [("r", k, p.rsq[k]) for k in range(s, last) if p.cls[k] == lb.CLOSE],
        [("r", k, p.rsq[k]) for k in range(s, last) if p.text[k] in COMMAS],
        [("g", k, p.gsq[k]) for k in range(s + 1, ve)],
    ]
    for n, bucket in enumerate(buckets):
        bucket = [b for b in bucket if b[2] > EPS]
        if n == COMMA_BUCKET:
            bucket = _fewest(bucket, need)
        total = sum(b[2] for b in bucket)
        if total <= EPS:
            continue
        frac = min(1.0, need / total)
        for side, k, amt in bucket:
            d = amt * frac
            i = k - s
            if side == "g":
                gaps[i] -= d
            else:
                width[i] -= d
                if side == "l":
                    left[i] += d
        need -= total * frac
        if need <= EPS:
            return


COMMA_BUCKET = 4        # ，、；： in the squeeze order of ``_squeeze``


def _fewest(bucket: list, need: float) -> list:
    """The marks of ``bucket`` nearest the line end that together give ``need``: a
    squeezed line halves one or two ，、；： (as a compositor would) instead of
    narrowing every mark of the line a little, so the other marks keep their full 字."""
    out, got = [], 0.0
    for b in reversed(bucket):
        if got >= need - EPS:
            break
        out.append(b)
        got += b[2]
    return out


def _stretch(p, s, ve, slack, width, gaps) -> None:
    spaces = [k for k in range(s, ve - 1) if p.cls[k] == lb.SPACE]
    if spaces:
        room = sum(max(0.0, 0.5 * p.em[k] - width[k - s]) for k in spaces)
        if room > EPS:
            frac = min(1.0, slack / room)
            for k in spaces:
                width[k - s] += max(0.0, 0.5 * p.em[k] - width[k - s]) * frac
            slack -= room * frac
    if slack <= EPS:
        return
    seps = [k for k in range(s + 2, ve) if p.text[k - 1] == p.text[k - 2] == "\u3000"
            and p.text[k] != "\u3000"]
    if seps:                                  # a list typed with 　　 between its names:
        for k in seps:                        # widen the separators, not the names
            gaps[k - s] += slack / len(seps)
        return
    pos = [k for k in range(s + 1, ve) if p.spacing_ok[k]]
    if not pos and spaces:                    # a Latin-only line: widen the word spaces
        for k in spaces:
            width[k - s] += slack / len(spaces)
        return
    pos = pos or list(range(s + 1, ve))       # one long word: letter-space it
    for k in pos:
        gaps[k - s] += slack / len(pos)
