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


def impose_booklet(src: str | Path, dst: str | Path, options: BookletOptions | None = None) -> int:
    """Write the booklet; returns the number of sheet sides."""
    opts = options or BookletOptions()
    sheet_w, sheet_h = SHEETS[opts.sheet]
    with pikepdf.open(src) as source, pikepdf.new() as out:
        sides = booklet_order(len(source.pages), opts.back_cover)
        n_sheets = len(sides) // 2
        forms = {}
        for side_no, (left, right) in enumerate(sides):
            out.add_blank_page(page_size=(sheet_w, sheet_h))
            page = out.pages[-1]
            sheet = side_no // 2
            creep = opts.creep_mm * MM * (sheet / (n_sheets - 1) if n_sheets > 1 else 0.0)
            for slot, index in ((0, left), (1, right)):
                if index is None:
                    continue
                if index not in forms:
                    forms[index] = out.copy_foreign(source.pages[index].as_form_xobject())
                _place(page, forms[index], source.pages[index], index, slot, sheet_w, sheet_h, creep)
        out.save(dst, deterministic_id=True)
    return len(sides)


def _place(page, form, src_page, index: int, slot: int, sheet_w: float, sheet_h: float,
           creep: float) -> None:
    """Scale the page into its half of the sheet, centred, shifted toward the spine by creep."""
    box = [float(v) for v in src_page.trimbox]
    w, h = box[2] - box[0], box[3] - box[1]
    half = sheet_w / 2
    scale = min(half / w, sheet_h / h)
    pw, ph = w * scale, h * scale
    y = (sheet_h - ph) / 2
    # Left page: its spine edge is its right edge, at the sheet centre; right page mirrored.
    x = half - pw + creep if slot == 0 else half - creep
    name = pikepdf.Name(f"/Pg{index + 1}")
    page.add_resource(form, pikepdf.Name.XObject, name, prefix="", replace_existing=True)
    clip = f"{x:.3f} {y:.3f} {pw:.3f} {ph:.3f} re W n"
    matrix = f"{scale:.6f} 0 0 {scale:.6f} {x - box[0] * scale:.3f} {y - box[1] * scale:.3f} cm"
    page.contents_add(f"q {clip} {matrix} {name} Do Q\n".encode("ascii"))
