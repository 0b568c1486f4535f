"""Indents typed as spaces at the start of body paragraphs (layer: import).

Senders indent a paragraph by typing 　　, four or eight blanks or a tab; the gazette
sets its own first-line indent (2 字), so the typed one goes.  Up to four characters of
any kind go, and in Chinese text up to 4 字 of them (eight blanks).  A deeper lead places
a line (far right) or nests it (a sub-item, a code listing) and stays — unless it is the
document's own way of indenting, the same lead (up to 8 字) on most of its led
paragraphs.  Comment anchors in a paragraph move with its text.
"""
from __future__ import annotations

import re
from collections import Counter

from editor.docx_import.context import Context
from editor.model import Document, Paragraph

# Widths in 字 of the characters senders type to indent a paragraph.
_INDENT_WIDTH = {"\u3000": 1.0, " ": 0.5, "\t": 2.0}
_SPACES = "".join(_INDENT_WIDTH)
MAX_TYPED_INDENT = 4.0          # 字: a typed indent in Chinese text, wherever it stands
MAX_HOUSE_INDENT = 8.0          # 字: a deeper lead, when the document indents so throughout
_HAN = re.compile(r"[\u3400-\u9fff]")


def typed_indents(ctx: Context, doc: Document) -> None:
    """Drop the first-line indents typed as spaces from the body paragraphs of ``doc``."""
    led = [(b, lead, width) for _where, blocks in doc.block_lists() for b in blocks
           for lead, width in [_lead(b)] if lead]
    house = _house_width([(b, width) for b, _lead, width in led])
    for b, lead, width in led:
        chinese = bool(_HAN.search(b.text))
        if lead <= 4 or (chinese and (width <= MAX_TYPED_INDENT or width == house)):
            _strip(ctx, b, lead)


def _lead(b) -> tuple[int, float]:
    """(characters, width in 字) of the spaces opening a left-aligned body paragraph
    with text after them; (0, 0) for any other block."""
    if not isinstance(b, Paragraph) or b.label or not b.runs \
            or b.style.align in ("center", "right", "distribute"):
        return 0, 0.0
    lead = len(b.text) - len(b.text.lstrip(_SPACES))
    if not lead or not b.text[lead:].strip():
        return 0, 0.0
    return lead, sum(_INDENT_WIDTH[c] for c in b.text[:lead])


def _house_width(led: list[tuple[Paragraph, float]]) -> float | None:
    """The lead (up to 8 字) most Chinese paragraphs with a lead share, at least three."""
    widths = Counter(width for b, width in led if _HAN.search(b.text))
    if not widths:
        return None
    width, count = widths.most_common(1)[0]
    if count >= 3 and 2 * count > sum(widths.values()) and width <= MAX_HOUSE_INDENT:
        return width
    return None


def _strip(ctx: Context, b: Paragraph, lead: int) -> None:
    left = lead
    while left and b.runs:
        cut = min(left, len(b.runs[0].text) - len(b.runs[0].text.lstrip(_SPACES)))
        b.runs[0].text = b.runs[0].text[cut:]
        left -= cut
        if b.runs[0].text:
            break
        b.runs.pop(0)
    for anchor in ctx.anchors.values():
        if anchor[0] == b.id:
            anchor[1] = max(0, anchor[1] - lead)
            if anchor[2] is not None:
                anchor[2] = max(0, anchor[2] - lead)
