"""Headings of the body: paragraphs in heading styles or numbered 一、（一）1.（1） on a
line of their own become Heading blocks (layer: import).

一、 and （一） on a short line are headings.  A typed 1. or （1） is as often an item of
a list (1．项目申报书（含建设内容、技术路线、投资估算）；) as a heading, and the evidence
tells them apart: a heading of those levels is short, ends in no clause mark (，、；) and
is followed by its text (or by its own sub-headings), while list items are longer
sentences that follow one another.  Siblings share their shape: when one of a run of
1. 2. 3. lines reads as an item, all of them are items.
"""
from __future__ import annotations

from editor.docx_import.context import Context
from editor.docx_import.patterns import heading_level, heading_like
from editor.model import Document, Heading, ListItem, Paragraph

TYPED_LEVELS = (3, 4)           # 1. and （1）: headings only on evidence
MAX_PLAIN_LENGTH = 30           # a longer 1. line in the body's face is an item
_CLAUSE_END = ("；", ";", "，", ",", "、")


def mark_headings(ctx: Context, doc: Document) -> None:
    """Turn the heading paragraphs of every block list of ``doc`` into Heading blocks."""
    for _where, blocks in doc.block_lists():
        levels: list[int | None] = []
        explicit: list[bool] = []
        for b in blocks:
            level, styled = _candidate(ctx, doc, b)
            levels.append(level)
            explicit.append(styled)
        for n in _list_items(blocks, levels, explicit):
            levels[n] = None
            ctx.note("info", "以“1.”或“（1）”编号的段落按列表项排印，未作标题；"
                     "如是标题，请在页面上右键设为标题", "typed list items")
        for n, (b, level) in enumerate(zip(blocks, levels)):
            if level and not isinstance(b, Heading):
                blocks[n] = Heading(id=b.id, runs=b.runs, role="body", label=b.label,
                                    style=b.style, style_name=b.style_name, level=level)


def _candidate(ctx: Context, doc: Document, b) -> tuple[int | None, bool]:
    """(level, set by a style or already a heading) of a block, (None, False) for text."""
    if isinstance(b, Heading):
        return b.level, True
    if not isinstance(b, Paragraph) or b.role != "body":
        return None, False
    if doc.kind == "doc_list" and isinstance(b, ListItem):
        return None, False
    info = ctx.info.get(b.id)
    outline = info.outline if info else None
    text = b.display_text.strip()
    by_text = heading_level(text)
    if outline:
        return by_text or min(outline, 4), True
    if doc.kind in ("other", "article") and (not doc.title or "title" in doc.uncertain) \
            and (by_text or 9) > 2:
        return None, False      # an unknown document: only 一、（一） labels make headings
    if by_text and heading_like(text) and (not text.endswith("。") or heading_look(b)):
        return by_text, False
    return None, False


def _list_items(blocks: list, levels: list, explicit: list) -> set[int]:
    """Indices of typed 1. /（1） lines that are list items, not headings: one whose shape
    is an item's, or that its own text does not follow — and then all its siblings."""
    items: set[int] = set()
    for n, level in enumerate(levels):
        if level in TYPED_LEVELS and not explicit[n] and \
                (_item_shape(blocks[n]) or not _text_follows(levels, n)):
            items.add(n)
    for n in sorted(items):
        items.update(_siblings(levels, explicit, n))
    return items


def _item_shape(b: Paragraph) -> bool:
    """Ends like a clause of a sentence, or too long for a heading in the body's face."""
    text = b.display_text.strip()
    return text.endswith(_CLAUSE_END) or (len(text) > MAX_PLAIN_LENGTH and not heading_look(b))


def _text_follows(levels: list, n: int) -> bool:
    """The block after ``n`` is text, a table or a picture, or a deeper heading — not the
    next item of the same level, a higher heading or the end."""
    if n + 1 >= len(levels):
        return False
    after = levels[n + 1]
    return after is None or after > levels[n]


def _siblings(levels: list, explicit: list, n: int) -> list[int]:
    """The typed lines of the level of ``n`` under the same parent (up to the nearest
    higher heading on either side)."""
    level, out = levels[n], []
    for step in (-1, 1):
        k = n + step
        while 0 <= k < len(levels) and (levels[k] is None or levels[k] >= level):
            if levels[k] == level and not explicit[k]:
                out.append(k)
            k += step
    return out


def heading_look(b: Paragraph) -> bool:
    """Set apart from the body: bold, or in 黑体 / 楷体 (a numbered sentence in the body's
    font is a numbered paragraph, not a heading)."""
    visible = [r for r in b.runs if r.text.strip()]
    return bool(visible) and (all(r.bold for r in visible) or
                              all(r.role in ("hei", "kai") for r in visible))
