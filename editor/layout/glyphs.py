"""What the fonts could not do as asked, told after a layout (layer: layout).

- ``GLYPH_MISSING``: a character no installed face has (the painters draw a framed
  placeholder with its code there): one warning per character and document, with the
  first page it is on and how often it occurs.
- ``FONT_SUBSTITUTED``: an office font the documents name (仿宋_GB2312, 方正小标宋简体 …)
  is not installed and another face stands in: once per role used.  Informational
  (``INFO_CODES``): the issue prints correctly, in another face.
"""
from __future__ import annotations

from editor.fonts.measure import MISSING_FACE
from editor.layout.items import LaidOutIssue, LayoutWarning, TextItem

INFO_CODES = frozenset({"FONT_SUBSTITUTED"})
ROLE_LABELS = {"biaosong": "小标宋", "song": "宋体", "fangsong": "仿宋", "kai": "楷体",
               "hei": "黑体", "latin": "西文"}


def _doc_title(issue, doc_id: str | None) -> str:
    doc = issue.find_document(doc_id) if doc_id and issue is not None else None
    title = doc.toc_title if doc is not None else ""
    return f"《{title}》" if title else ("本文" if doc_id else "整期公共页面（封面、目录、书眉等）")


def missing_glyph_warnings(issue, laid_out: LaidOutIssue) -> list[LayoutWarning]:
    """One GLYPH_MISSING warning per (character, document), at its first page."""
    first: dict[tuple[str, str | None], tuple[int, str | None]] = {}
    count: dict[tuple[str, str | None], int] = {}
    for page in laid_out.pages:
        for item in page.items:
            if not isinstance(item, TextItem) or item.face != MISSING_FACE:
                continue
            doc_id = item.source.doc_id if item.source else page.doc_id
            for ch in item.text:
                key = (ch, doc_id)
                count[key] = count.get(key, 0) + 1
                if key not in first:
                    first[key] = (page.index, item.source.block_id if item.source else None)
    out = []
    for (ch, doc_id), (page, block) in first.items():
        times = count[(ch, doc_id)]
        more = f"共 {times} 处，" if times > 1 else ""
        out.append(LayoutWarning(
            f"缺字：{_doc_title(issue, doc_id)}中的“{ch}”（U+{ord(ch):04X}）没有任何已安装的字体能显示，"
            f"{more}页面上以方框内的编码标出；请安装含此字的字体，或核对原文",
            doc_id=doc_id, page=page, code="GLYPH_MISSING", block_id=block))
    return out


def substitutions(laid_out: LaidOutIssue, measurer) -> list[tuple[str, str, str]]:
    """(role label, office font wanted, face used) for each role the pages use whose
    office font is not installed; empty for a measurer that is not a FontBook."""
    from editor.fonts import FontBook
    if not isinstance(measurer, FontBook):
        return []
    used = {item.role for page in laid_out.pages for item in page.items
            if isinstance(item, TextItem) and item.face != MISSING_FACE}
    out = []
    for role, label in ROLE_LABELS.items():
        found = measurer.substitute(role) if role in used else None
        if found:
            out.append((label, *found))
    return out


def substitution_warnings(laid_out: LaidOutIssue, measurer) -> list[LayoutWarning]:
    """One FONT_SUBSTITUTED note per role the pages use whose office font is missing."""
    return [LayoutWarning(f"字体替代：{wanted}{'' if wanted == label else f'（{label}）'}未安装，"
                          f"以 {face} 代替", code="FONT_SUBSTITUTED")
            for label, wanted, face in substitutions(laid_out, measurer)]


def font_warnings(issue, laid_out: LaidOutIssue, measurer) -> list[LayoutWarning]:
    """Missing glyphs first, then the substituted office fonts."""
    return missing_glyph_warnings(issue, laid_out) + substitution_warnings(laid_out, measurer)
