"""What the layout tells the editor about a document's text (layer: layout).

``halfwidth_warnings(doc, pages)`` finds ASCII punctuation set between Chinese characters
(``落实,确保`` ``完成;下一步`` ``(一)``): the gazette sets these full width, but the layout
never changes the text — it says so at build time, as a ``LayoutWarning`` with code
``PUNCT_HALFWIDTH`` naming the block and the page where it prints, and the editor fixes
it (校对 › 标点检查 does it in one undoable step).  Numbers (3,000 · 10:30), Latin words
and URLs are not touched: a mark counts only with a Chinese character on both sides
(a bracket: on its outer side and a Chinese character or digit inside).
"""
from __future__ import annotations

import re

from editor import model
from editor.layout.items import LayoutWarning, TextItem

CODE = "PUNCT_HALFWIDTH"
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_MARKS = re.compile(rf"(?<={_HAN})\s?[,;:?!]\s?(?={_HAN})"
                    rf"|(?<={_HAN})\([^()\s]{{1,12}}\)|\([^()\s]{{1,12}}\)(?={_HAN})")
_EXAMPLES = 3


def halfwidth_marks(text: str) -> list[str]:
    """The ASCII marks (with their bracket content) set among Chinese text."""
    out = []
    for m in _MARKS.finditer(text):
        found = m.group(0).strip()
        if found.startswith("(") and not re.search(rf"{_HAN}|\d", found):
            continue                    # (a) (Ⅱ): a Latin label, not a slip
        out.append(found)
    return out


def block_texts(doc: model.Document) -> list[tuple[str, str]]:
    """(block id, display text) of every text of ``doc`` the layout prints."""
    out = [("title", doc.title), ("recipients", doc.recipients)]
    out += list(_walk(doc.body))
    for att in doc.attachments:
        out.append((att.id + "/title", att.title))
        out += list(_walk(att.blocks))
    out += [("attachment_note", "\n".join(doc.attachment_note))]
    return [(bid, text) for bid, text in out if text]


def _walk(blocks, prefix: str = ""):
    for b in blocks:
        if isinstance(b, model.Paragraph):
            yield prefix + b.id, b.display_text
        elif isinstance(b, model.Table):
            for row in b.rows:
                for cell in row.cells:      # cell text carries table/cell/paragraph ids
                    yield from _walk(cell.blocks, f"{b.id}/{cell.id}/")


def first_pages(pages) -> dict[str, int]:
    """Block id → index of the first page (of ``pages``, each with ``.items``) that
    prints something of the block."""
    out: dict[str, int] = {}
    for k, page in enumerate(pages):
        for it in page.items:
            src = getattr(it, "source", None)
            if isinstance(it, TextItem) and src is not None and src.block_id not in out:
                out[src.block_id] = k
    return out


def halfwidth_warnings(doc: model.Document, pages) -> list[LayoutWarning]:
    """One ``PUNCT_HALFWIDTH`` warning per block with ASCII marks among Chinese text."""
    where = first_pages(pages)
    out = []
    for bid, text in block_texts(doc):
        found = halfwidth_marks(text)
        if not found:
            continue
        shown = "、".join(f"“{f}”" for f in found[:_EXAMPLES])
        more = f"等 {len(found)} 处" if len(found) > _EXAMPLES else ""
        out.append(LayoutWarning(
            f"中文里用了半角标点{shown}{more}，排版未改动，请改为全角（校对 › 标点检查）",
            doc_id=doc.id, page=where.get(bid), code=CODE, block_id=bid))
    return out
