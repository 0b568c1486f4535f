"""Booklet imposition for saddle-stitch printing (layer: render, no Qt).

Input: the finished issue PDF (trim-size pages, no bleed).  Output: a PDF of sheet sides
for a duplex printer: two pages side by side on each side, in saddle-stitch order, so that
folding the stack in the middle and stapling gives the issue in reading order.

For N pages (padded to a multiple of 4), sheet s (0 = outermost) carries
front: left = N − 2s, right = 1 + 2s;  back: left = 2 + 2s, right = N − 1 − 2s.
Padding pages are blank and unnumbered; they go before the back cover when the issue has
one (a printer keeps the back cover last), else at the end.  Optional creep compensation
shifts the pages of inner sheets toward the spine.

The pages are placed as Form XObjects (pikepdf), so fonts and images are embedded once
however many times the pages are reused.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

MM = 72 / 25.4
SHEETS = {  # sheet (landscape) size in points, per sheet name
    "A3": (420 * MM, 297 * MM),
    "A4": (297 * MM, 210 * MM),
}
BACK_COVER_KINDS = ("back_cover", "back")


def ends_with_back_cover(pages) -> bool:
    """True when the last of ``pages`` is a back cover (padding goes before it)."""
    return bool(pages) and pages[-1].kind in BACK_COVER_KINDS


@dataclass
class BookletOptions:
    sheet: str = "A3"          # A3: A4 pages at full size; A4: A5-reduced internal proofs
    creep_mm: float = 0.0      # total shift of the innermost sheet's pages toward the spine
    back_cover: bool = False   # the last page is a back cover: pad before it


def booklet_order(n_pages: int, back_cover: bool = False) -> list[tuple[int | None, int | None]]:
    """Sheet sides in print order as (left, right) 0-based page indexes; None = blank.

    Front and back sides alternate: side 0 is sheet 0 front, side 1 sheet 0 back, ….
    """
    total = (n_pages + 3) // 4 * 4
    pad = total - n_pages
    order: list[int | None] = list(range(n_pages))
    if back_cover and n_pages >= 2:
        order = order[:-1] + [None] * pad + order[-1:]
    else:
        order = order + [None] * pad
    sides = []
    for s in range(total // 4):
        sides.append((order[total - 1 - 2 * s], order[2 * s]))        # front
        sides.append((order[1 + 2 * s], order[total - 2 - 2 * s]))    # back
    return sides


@dataclass
class Placement:
    """One page on a sheet side, scaled by ``scale``, its top-left corner at (x, y) from
    the sheet's top-left, in points; ``w``×``h`` is the space it takes there."""
    index: int
    slot: int                  # 0 left half, 1 right half
    x: float
    y: float
    w: float
    h: float
    scale: float


def booklet_plan(page_sizes: list[tuple[float, float]], options: BookletOptions | None = None
                 ) -> list[list[Placement]]:
    """The imposition, once for the PDF and for Qt printing: for every sheet side in print
    order, where each page goes.  ``page_sizes`` are the pages' portrait (trim) sizes.
    A page is scaled into its half of the sheet and centred on the height, its spine edge
    at the sheet's centre; creep moves the pages of inner sheets toward the spine (the
    innermost by ``creep_mm``, the outer ones proportionally less)."""
    opts = options or BookletOptions()
    sheet_w, sheet_h = SHEETS[opts.sheet]
    sides = booklet_order(len(page_sizes), opts.back_cover)
    n_sheets = len(sides) // 2
    half = sheet_w / 2
    plan = []
    for side_no, (left, right) in enumerate(sides):
        sheet = side_no // 2
        creep = opts.creep_mm * MM * (sheet / (n_sheets - 1) if n_sheets > 1 else 0.0)
        places = []
        for slot, index in ((0, left), (1, right)):
            if index is None:
                continue
            w, h = page_sizes[index]
            scale = min(half / w, sheet_h / h)
            pw, ph = w * scale, h * scale
            x = half - pw + creep if slot == 0 else half - creep
            places.append(Placement(index, slot, x, (sheet_h - ph) / 2, pw, ph, scale))
        plan.append(places)
    return plan


def impose_booklet(src: str | Path, dst: str | Path, options: BookletOptions | None = None) -> int:
    """Write the booklet; returns the number of sheet sides."""
    opts = options or BookletOptions()
    sheet_w, sheet_h = SHEETS[opts.sheet]
    with pikepdf.open(src) as source, pikepdf.new() as out:
        boxes = [[float(v) for v in page.trimbox] for page in source.pages]
        plan = booklet_plan([(b[2] - b[0], b[3] - b[1]) for b in boxes], opts)
        forms = {}
        for places in plan:
            out.add_blank_page(page_size=(sheet_w, sheet_h))
            page = out.pages[-1]
            for place in places:
                if place.index not in forms:
                    forms[place.index] = out.copy_foreign(
                        source.pages[place.index].as_form_xobject())
                _place(page, forms[place.index], boxes[place.index], place, sheet_h)
        out.save(dst, deterministic_id=True)
    return len(plan)


def _place(page, form, box: list[float], place: Placement, sheet_h: float) -> None:
    """Draw the page's form where the plan puts it (PDF space: y upward), clipped to it."""
    x, y = place.x, sheet_h - place.y - place.h
    name = pikepdf.Name(f"/Pg{place.index + 1}")
    page.add_resource(form, pikepdf.Name.XObject, name, prefix="", replace_existing=True)
    clip = f"{x:.3f} {y:.3f} {place.w:.3f} {place.h:.3f} re W n"
    k = place.scale
    matrix = f"{k:.6f} 0 0 {k:.6f} {x - box[0] * k:.3f} {y - box[1] * k:.3f} cm"
    page.contents_add(f"q {clip} {matrix} {name} Do Q\n".encode("ascii"))
