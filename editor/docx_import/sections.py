"""Word sections of the body: which top-level blocks lie in a landscape section (layer: import).

A section ends at a paragraph whose w:pPr holds a w:sectPr; the body's own final w:sectPr
is the last section's.  A section is landscape when its w:pgSz says w:orient="landscape"
or is wider than high.  Columns (w:cols w:num of 2 or more) are not followed (the
template decides the columns: a 大事记 in two in gazette16k); the import report says so.
"""
from __future__ import annotations

from editor.docx_import.body import walk_blocks
from editor.docx_import.xmlutil import w


def _landscape(sect) -> bool:
    size = sect.find(w("pgSz")) if sect is not None else None
    if size is None:
        return False
    if size.get(w("orient")) == "landscape":
        return True
    try:
        return int(size.get(w("w"), "0")) > int(size.get(w("h"), "0")) > 0
    except ValueError:
        return False


def walk_sections(ctx, body) -> list:
    """The body's blocks (as ``walk_blocks``); the ids of those in landscape sections are
    added to ``ctx.landscape``."""
    pending: list = []
    blocks: list = []
    for el in body:
        got = walk_blocks(ctx, [el])
        blocks.extend(got)
        pending.extend(got)
        ends = el.find(f".//{w('pPr')}/{w('sectPr')}")
        if ends is not None:
            _settle(ctx, pending, ends)
            pending = []
    _settle(ctx, pending, body.find(w("sectPr")))
    return blocks


def _settle(ctx, blocks: list, sect) -> None:
    if _landscape(sect):
        ctx.landscape.update(getattr(b, "id", "") for b in blocks)
    n = _columns(sect)
    if n > 1 and blocks:    # told, not followed: the gazette sets its own columns
        ctx.note("info", f"原文有分{n}栏排版的部分，公报按模板通栏排出（大事记按模板分栏），"
                 "如需分栏请核对", f"w:cols num={n}")


def _columns(sect) -> int:
    """The number of columns a section sets its text in (w:cols w:num; 1 when unset)."""
    cols = sect.find(w("cols")) if sect is not None else None
    if cols is None:
        return 1
    try:
        return max(1, int(cols.get(w("num"), "1")))
    except ValueError:
        return 1
