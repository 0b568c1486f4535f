"""The visible stand-in for a character no installed face can draw (layer: fonts, no I/O).

Geometry only: a frame over the character's slot and its code point in hexadecimal
(U+E000 → ``E0`` over ``00``), the digits drawn as seven-segment strokes, so the
placeholder is graphics — never text a reader could copy, search or take for a glyph, and
never the empty .notdef box a missing glyph silently prints as.  The PDF writer and the Qt
painter draw the same lines.  Coordinates are those of the page items: points, origin
top-left, y down, ``baseline`` the text item's y.
"""
from __future__ import annotations

from dataclasses import dataclass

# segments: a top, b top right, c bottom right, d bottom, e bottom left, f top left, g middle
_SEGMENTS = {"0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg", "5": "acdfg",
             "6": "acdefg", "7": "abc", "8": "abcdefg", "9": "abcdfg", "A": "abcefg",
             "B": "cdefg", "C": "adef", "D": "bcdeg", "E": "adefg", "F": "aefg"}


@dataclass(frozen=True)
class Placeholder:
    """A frame (x, y, w, h) and the strokes (x1, y1, x2, y2) of the code, ``width`` thick."""
    frame: tuple[float, float, float, float]
    strokes: tuple[tuple[float, float, float, float], ...]
    width: float


def _digit(d: str, x: float, y: float, w: float, h: float) -> list[tuple[float, float, float, float]]:
    mid = y + h / 2
    ends = {"a": (x, y, x + w, y), "b": (x + w, y, x + w, mid), "c": (x + w, mid, x + w, y + h),
            "d": (x, y + h, x + w, y + h), "e": (x, mid, x, y + h), "f": (x, y, x, mid),
            "g": (x, mid, x + w, mid)}
    return [ends[s] for s in _SEGMENTS[d]]


def placeholder(ch: str, x: float, baseline: float, size: float,
                advance: float | None = None) -> Placeholder:
    """The placeholder of ``ch`` whose slot starts at ``x`` on ``baseline``, set at
    ``size`` pt and ``advance`` pt wide (default: one em)."""
    width = advance if advance and advance > 0 else size
    pad = size * 0.06
    frame = (x + pad, baseline - size * 0.84, max(width - 2 * pad, size * 0.3), size * 0.96)
    code = f"{ord(ch):04X}"
    cols = (len(code) + 1) // 2
    fx, fy, fw, fh = frame
    inner_x, inner_y = fx + fw * 0.14, fy + fh * 0.12
    cell_w, cell_h = fw * 0.72 / cols, fh * 0.76 / 2
    strokes: list[tuple[float, float, float, float]] = []
    for k, d in enumerate(code):
        row, col = divmod(k, cols)
        strokes += _digit(d, inner_x + col * cell_w + cell_w * 0.18, inner_y + row * cell_h
                          + cell_h * 0.1, cell_w * 0.64, cell_h * 0.8)
    return Placeholder(frame, tuple(strokes), max(size * 0.04, 0.3))


def placeholders(text: str, xs: list[float], baseline: float, size: float, width: float = 0.0,
                 scale_x: float = 1.0) -> list[Placeholder]:
    """The placeholders of a run of missing characters at ``xs`` (a text item's ``text``,
    ``xs``, ``y``, ``size``, ``width`` and ``scale_x``): each as wide as its slot, at most
    one em."""
    out = []
    for k, ch in enumerate(text):
        end = xs[k + 1] if k + 1 < len(xs) else xs[0] + (width or size * len(xs))
        out.append(placeholder(ch, xs[k], baseline, size, min(end - xs[k], size * scale_x)))
    return out
