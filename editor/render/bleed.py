"""Bleed for page items that touch the trim edge (layer: render, no Qt).

A colour field or rule drawn up to the edge of the page (the cover's red bands) must run
on past the trim by the bleed, or a slightly off cut leaves a white hairline.  Given the
page size, ``extend_to_bleed`` returns the item grown by the bleed on every side where it
reaches the trim edge (a copy; the laid-out page is not changed), or the item itself.
Images are left alone: stretching them would distort them.
"""
from __future__ import annotations

from dataclasses import replace

from editor.layout.items import LineItem, RectItem

TOUCH = 0.5      # pt: an item this close to the trim edge touches it


def _grow(lo: float, hi: float, size: float, amount: float) -> tuple[float, float]:
    """New (lo, hi) along one axis: pushed out by ``amount`` where it reaches 0 or size."""
    new_lo = lo - amount if lo <= TOUCH else lo
    new_hi = hi + amount if hi >= size - TOUCH else hi
    return new_lo, new_hi


def extend_to_bleed(item, width: float, height: float, amount: float):
    """``item`` grown into the bleed where it touches the trim edge of a width×height page."""
    if isinstance(item, RectItem) and item.fill:
        x0, x1 = _grow(item.x, item.x + item.w, width, amount)
        y0, y1 = _grow(item.y, item.y + item.h, height, amount)
        if (x0, x1, y0, y1) == (item.x, item.x + item.w, item.y, item.y + item.h):
            return item
        return replace(item, x=x0, y=y0, w=x1 - x0, h=y1 - y0)
    if isinstance(item, LineItem):
        if abs(item.y1 - item.y2) < 1e-6:             # horizontal rule
            lo, hi = sorted((item.x1, item.x2))
            a, b = _grow(lo, hi, width, amount)
            return item if (a, b) == (lo, hi) else replace(item, x1=a, x2=b)
        if abs(item.x1 - item.x2) < 1e-6:             # vertical rule
            lo, hi = sorted((item.y1, item.y2))
            a, b = _grow(lo, hi, height, amount)
            return item if (a, b) == (lo, hi) else replace(item, y1=a, y2=b)
    return item
