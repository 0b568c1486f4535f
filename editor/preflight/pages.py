"""Page rules of the 印前检查: what the laid-out pages show (layer: preflight, no Qt).

Two sources.  The layout's own warnings (``LaidOutIssue.warnings``) are filed under their
``code``.  And the pages are measured here, whatever the layout did: every character
against its face's cmap (GLYPH_MISSING), item boxes against each other (OVERLAP) and
against the type area (OUTSIDE_TYPE_AREA), a heading as the last line of a page
(HEADING_STRANDED), one line of a paragraph alone at a page foot or head (ORPHAN_WIDOW),
a table row whose part on a page is one line (ROW_FRAGMENT), 目录 page numbers against
the pages they link to (TOC_UNSETTLED), a page with nothing on it (BLANK_PAGE_UNEXPECTED),
a picture printed under 90 % of the width the sender gave it (IMAGE_SCALED), a picture
set in a line printing below 200 ppi (IMAGE_LOW_RES: the layout tells it of the others),
body text in a colour (TEXT_COLOURED) and the office fonts a fallback face stands in for (FONT_SUBSTITUTED).  A finding the
layout warned about already is not reported twice.
"""
from __future__ import annotations

import re
from collections import defaultdict

from editor import model
from editor.fonts.measure import MISSING_FACE
from editor.layout import linebreak as lb
from editor.layout.items import ImageItem, LaidOutIssue, LineItem, LinkItem, Page, TextItem
from editor.model.address import BlockAddress
from editor.preflight.findings import Finding

ASCENT, DESCENT = 0.88, 0.12     # ideographic em box around the baseline, in font sizes
OVERLAP_MIN = 2.0                # pt both ways before two boxes count as overlapping
MM = 72 / 25.4                   # points in a millimetre
AREA_SLACK = 3.0                 # pt a glyph box may reach past the type area
HEADING_ROLES = ("attachment_label", "attachment_title")
_CODEPOINT = re.compile(r"（U\+([0-9A-F]{4,6})）")
MAX_HEADING_LINES = 4            # a "heading" this long on one page is body text
ROLE_ZH = {"biaosong": "小标宋", "song": "宋体", "fangsong": "仿宋", "kai": "楷体",
           "hei": "黑体", "latin": "西文"}
_CODE_BY_TEXT = (("目录页码", "TOC_UNSETTLED"), ("分辨率偏低", "IMAGE_LOW_RES"),
                 ("没有字形", "GLYPH_MISSING"), ("缺字", "GLYPH_MISSING"))


class PageContext:
    """What the page rules share: the issue, its pages, the template and the fonts."""

    def __init__(self, issue: model.Issue, laid_out: LaidOutIssue, template, fontbook):
        self.issue = issue
        self.laid_out = laid_out
        self.template = template
        self.fontbook = fontbook
        self.docs = {d.id: d for d in issue.documents()}
        self.headings: set[tuple[str, str]] = set()
        self.paragraphs: set[tuple[str, str]] = set()
        self.rows: dict[tuple[str, str], tuple[str, int]] = {}    # (doc, cell) → (table, row)
        self.images: dict[tuple[str, str], model.Image] = {}      # (doc, image id) → picture
        # a picture set in a line (Run.picture): (doc, paragraph id, offset) → picture
        self.inline: dict[tuple[str, str, int], model.Image] = {}
        self.levels: dict[tuple[str, str], int] = {}              # (doc, heading) → level
        for doc in self.docs.values():
            self._index(doc)

    def _index(self, doc: model.Document) -> None:
        self.headings.add((doc.id, "title"))
        for att in doc.attachments:
            self.headings |= {(doc.id, f"{att.id}/label"), (doc.id, f"{att.id}/title")}
        for block in doc.all_blocks():
            self._index_inline(doc.id, block)
            if isinstance(block, model.Heading) or (isinstance(block, model.Paragraph)
                                                    and block.role in HEADING_ROLES):
                self.headings.add((doc.id, block.id))
                if isinstance(block, model.Heading):
                    self.levels[(doc.id, block.id)] = block.level
            elif isinstance(block, model.Paragraph):
                self.paragraphs.add((doc.id, block.id))
            elif isinstance(block, model.Image):
                self.images[(doc.id, block.id)] = block
            elif isinstance(block, model.Table):
                skip = block.header_rows
                for r, row in enumerate(block.rows):
                    for cell in row.cells:
                        self.images.update(((doc.id, b.id), b) for b in cell.blocks
                                           if isinstance(b, model.Image))
                        # a cell merged down over rows (a group label: 长青街道) is shown
                        # again on each page its rows reach; it is no row's fragment
                        own = r >= skip and cell.row_span <= 1
                        self.rows[(doc.id, cell.id)] = (block.id, r if own else -1)

    def _index_inline(self, doc_id: str, block) -> None:
        """The pictures set in the lines of ``block`` (and of its cells) by their place,
        as the layout's ``Source`` of their ImageItem names it."""
        if isinstance(block, model.Table):
            for row in block.rows:
                for cell in row.cells:
                    for b in cell.blocks:
                        self._index_inline(doc_id, b)
        elif isinstance(block, model.Paragraph):
            offset = len(block.label)
            for run in block.runs:
                if run.picture is not None:
                    self.inline[(doc_id, block.id, offset)] = run.picture
                offset += len(run.text)

    def picture(self, it: ImageItem) -> model.Image | None:
        """The model picture an ImageItem prints: a picture block, or one set in a line."""
        return self.images.get(self._key(it)[:2]) or self.in_line(it) if it.source else None

    def in_line(self, it: ImageItem) -> model.Image | None:
        """The picture set in a line (Run.picture) that ``it`` prints, or None."""
        return self.inline.get(self._key(it)) if it.source else None

    @staticmethod
    def _key(it: ImageItem) -> tuple[str, str, int]:
        src = it.source
        return src.doc_id, BlockAddress.parse(src.block_id).parts[-1], src.start

    def finding(self, rule: str, message: str, page: Page | None, doc_id=None, **kw) -> Finding:
        doc = self.docs.get(doc_id) if doc_id else None
        return Finding(rule, message, doc_id=doc_id, document=doc.toc_title if doc else "",
                       page=page.index if page else None,
                       folio=page.folio if page else None, **kw)


def text_box(t: TextItem) -> tuple[float, float, float, float]:
    right = max(t.x + t.width, (t.xs[-1] if t.xs else t.x))
    return (t.x, t.y - ASCENT * t.size, right, t.y + DESCENT * t.size)


def item_box(it) -> tuple[float, float, float, float]:
    if isinstance(it, TextItem):
        return text_box(it)
    return (it.x, it.y, it.x + it.w, it.y + it.h)


def _ink_box(it) -> tuple[float, float, float, float]:
    """An item's box without the blank half of an opening mark that starts it or a
    closing mark that ends it (set half-width at a line's edge, it may hang there)."""
    x0, y0, x1, y1 = item_box(it)
    if isinstance(it, TextItem) and it.text:
        if lb.char_class(it.text[0]) == lb.OPEN:
            x0 += 0.5 * it.size
        if lb.char_class(it.text[-1]) in (lb.CLOSE, lb.PERIOD, lb.MIDDLE):
            x1 -= 0.5 * it.size
    return x0, y0, x1, y1


def _content(page: Page) -> list:
    """Text and picture items of a page, without blank text."""
    return [it for it in page.items if isinstance(it, ImageItem)
            or (isinstance(it, TextItem) and it.text.strip())]


def _lines(page: Page) -> list[tuple[float, list[TextItem]]]:
    """Document text of a page grouped by baseline, top to bottom."""
    by_y: dict[float, list[TextItem]] = defaultdict(list)
    for t in page.texts():
        if t.source is not None and t.text.strip():
            by_y[round(t.y, 1)].append(t)
    return sorted(by_y.items())


# ---------------------------------------------------------------------------- the rules

def layout_warnings(ctx: PageContext) -> list[Finding]:
    """Every warning of the layout, under its code."""
    out = []
    for w in ctx.laid_out.warnings:
        code = w.code or next((c for key, c in _CODE_BY_TEXT if key in w.text), "LAYOUT_OTHER")
        page = ctx.laid_out.pages[w.page] if w.page is not None and \
            0 <= w.page < len(ctx.laid_out.pages) else None
        text = w.text
        if w.doc_id and text.startswith("《") and "》：" in text:
            # the layout names the document (《标题》：…) for the build's output; a finding
            # carries its document, and the list and the CLI name it once themselves
            text = text.split("》：", 1)[1]
        out.append(ctx.finding(code, text, page, w.doc_id, block_id=w.block_id))
        m = _CODEPOINT.search(w.text) if code == "GLYPH_MISSING" else None
        if m:
            out[-1].text = chr(int(m.group(1), 16))      # the character the warning names
    return out


def glyphs_missing(ctx: PageContext) -> list[Finding]:
    """Characters set in a face that has no glyph for them (they print as empty boxes)."""
    out = []
    if ctx.fontbook is None:
        return out
    for page in ctx.laid_out.pages:
        found: dict[tuple, list] = {}
        for t in page.texts():
            if t.face == MISSING_FACE:          # the layout's placeholder: no face has these
                has = {}
            else:
                try:
                    has = ctx.fontbook.metrics(ctx.fontbook.record(t.face).key).advances
                except (KeyError, OSError):
                    continue
            for i, ch in enumerate(t.text):
                if ch.isprintable() and not ch.isspace() and ord(ch) not in has:
                    src = t.source
                    key = (src.doc_id, src.block_id) if src else (None, None)
                    found.setdefault(key, []).append((ch, t, i))
        for (doc_id, block_id), hits in found.items():
            chars = "".join(dict.fromkeys(ch for ch, _, _ in hits))
            t, i = hits[0][1], hits[0][2]
            start = t.source.start + i if t.source else 0
            out.append(ctx.finding(
                "GLYPH_MISSING", f"“{chars}”在所有字体中都没有字形，印出来会是空框或缺字",
                page, doc_id, block_id=block_id, start=start, end=start + 1, text=chars,
                box=text_box(t)))
    return out


def overlaps(ctx: PageContext) -> list[Finding]:
    out = []
    for page in ctx.laid_out.pages:
        boxes = sorted(((item_box(it), it) for it in _content(page)), key=lambda b: b[0][1])
        reported = set()
        for i, (a, ia) in enumerate(boxes):
            for b, ib in boxes[i + 1:]:
                if b[1] >= a[3] - OVERLAP_MIN:
                    break
                if min(a[2], b[2]) - max(a[0], b[0]) <= OVERLAP_MIN or \
                        min(a[3], b[3]) - max(a[1], b[1]) <= OVERLAP_MIN:
                    continue
                if _same_line(ia, ib):
                    continue
                which = _describe(ia), _describe(ib)
                if which in reported:
                    continue
                reported.add(which)
                src = getattr(ia, "source", None) or getattr(ib, "source", None)
                out.append(ctx.finding(
                    "OVERLAP", f"{which[0]}与{which[1]}重叠", page,
                    src.doc_id if src else page.doc_id, block_id=src.block_id if src else None,
                    text=_snippet(ia) or _snippet(ib),
                    box=(max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))))
    return out


def rules_through_text(ctx: PageContext) -> list[Finding]:
    """A horizontal rule (a table's top border, a separator) drawn through the glyphs of
    document text: a table set right at the baseline of the paragraph above strikes the
    foot of its characters (the boxes of OVERLAP never meet a line)."""
    out = []
    for page in ctx.laid_out.pages:
        rules = [it for it in page.items if isinstance(it, LineItem)
                 and abs(it.y1 - it.y2) < 0.01 and abs(it.x2 - it.x1) > 2 * OVERLAP_MIN]
        if not rules:
            continue
        seen = set()
        for t in page.texts():
            if t.source is None or not t.text.strip():
                continue
            x0, _top, x1, _bottom = text_box(t)
            ink_top, ink_foot = t.y - 0.8 * t.size, t.y + 0.08 * t.size     # Han glyph ink
            for r in rules:
                left, right = min(r.x1, r.x2), max(r.x1, r.x2)
                if ink_top + 0.5 < r.y1 < ink_foot - 0.5 and \
                        min(x1, right) - max(x0, left) > OVERLAP_MIN:
                    key = (t.source.doc_id, t.source.block_id, round(t.y))
                    if key not in seen:
                        seen.add(key)
                        out.append(ctx.finding(
                            "OVERLAP", f"线条穿过文字“{t.text.strip()[:10]}”", page,
                            t.source.doc_id, block_id=t.source.block_id, text=_snippet(t),
                            box=(max(x0, left), r.y1 - 0.5, min(x1, right), r.y1 + 0.5)))
                    break
    return out


def _same_line(a, b) -> bool:
    """Two runs of one line (justification may let their boxes touch)."""
    return isinstance(a, TextItem) and isinstance(b, TextItem) and abs(a.y - b.y) < 0.5 \
        and (a.source is None) == (b.source is None) and \
        (a.source is None or a.source.block_id == b.source.block_id)


def _describe(it) -> str:
    if isinstance(it, ImageItem):
        return "图片"
    return f"文字“{it.text.strip()[:10]}”"


def _snippet(it) -> str:
    return it.text.strip()[:20] if isinstance(it, TextItem) else ""


def outside_type_area(ctx: PageContext) -> list[Finding]:
    """Document text and pictures beyond the 版心 of a body page."""
    out = []
    if ctx.template is None:
        return out
    for page in ctx.laid_out.pages:
        if page.kind != "body":
            continue
        # a landscape page is laid out in the recto frame whatever its folio (the
        # paginator does not mirror it; its head faces the same edge on both sides)
        f = ctx.template.frame(1 if page.landscape else (page.folio or 1) % 2,
                               page.landscape)
        left, top, right, bottom = f.x, f.y, f.x + f.width, f.y + f.height
        seen = set()
        for it in _content(page):
            src = getattr(it, "source", None)
            if src is None:
                continue                          # running heads, folios, banners
            x0, y0, x1, y1 = _ink_box(it)
            over = max(left - x0, x1 - right, top - y0, y1 - bottom)
            if over <= AREA_SLACK or (src.block_id, round(it.y)) in seen:
                continue
            seen.add((src.block_id, round(it.y)))
            out.append(ctx.finding(
                "OUTSIDE_TYPE_AREA", f"{_describe(it)}超出版心 {over:.0f} 点", page, src.doc_id,
                block_id=src.block_id, start=src.start, end=src.end, text=_snippet(it),
                box=(x0, y0, x1, y1)))
    return out


def stranded_headings(ctx: PageContext) -> list[Finding]:
    """A heading (or a title) as the last line of a page its document continues after."""
    out = []
    pages = ctx.laid_out.pages
    for page, nxt in zip(pages, pages[1:]):
        if page.kind != "body" or nxt.doc_id != page.doc_id or nxt.kind != "body":
            continue
        lines = _lines(page)
        if not lines:
            continue
        last = lines[-1][1][0].source
        if (last.doc_id, last.block_id) not in ctx.headings:
            continue
        own = sum(1 for _, ts in lines if ts[0].source.block_id == last.block_id)
        if own >= MAX_HEADING_LINES:
            continue                      # a paragraph the import took for a heading
        if _sibling_follows(ctx, last, _lines(nxt)):
            continue                      # 1.…a at the foot, 2.…b at the top: no text to keep
        text = "".join(t.text for t in lines[-1][1]).strip()
        out.append(ctx.finding("HEADING_STRANDED", f"标题“{text[:20]}”落在页末，正文在下一页",
                               page, last.doc_id, block_id=last.block_id, start=last.start,
                               end=last.end, text=text, box=text_box(lines[-1][1][0])))
    return out


def _sibling_follows(ctx: PageContext, last, next_lines) -> bool:
    """The next page opens with a heading of the level of the heading ``last`` or a
    higher one: ``last`` has no text of its own to be stranded from."""
    if not next_lines:
        return False
    first = next_lines[0][1][0].source
    a = ctx.levels.get((last.doc_id, last.block_id))
    b = ctx.levels.get((first.doc_id, first.block_id))
    return a is not None and b is not None and b <= a


def orphans_and_widows(ctx: PageContext) -> list[Finding]:
    """One line of a paragraph alone at the foot of a page or the head of the next."""
    out = []
    pages = ctx.laid_out.pages
    for page, nxt in zip(pages, pages[1:]):
        a, b = _lines(page), _lines(nxt)
        if not a or not b:
            continue
        src_a, src_b = a[-1][1][0].source, b[0][1][0].source
        if (src_a.doc_id, src_a.block_id) != (src_b.doc_id, src_b.block_id) or \
                (src_a.doc_id, src_a.block_id) not in ctx.paragraphs:
            continue
        key = (src_a.doc_id, src_a.block_id)
        n_here = sum(1 for _, ts in a if (ts[0].source.doc_id, ts[0].source.block_id) == key)
        n_next = sum(1 for _, ts in b if (ts[0].source.doc_id, ts[0].source.block_id) == key)
        for alone, where, lines, pg in ((n_here == 1, "页末", a[-1][1], page),
                                        (n_next == 1, "页首", b[0][1], nxt)):
            if alone:
                text = "".join(t.text for t in lines).strip()
                out.append(ctx.finding(
                    "ORPHAN_WIDOW", f"段落只有一行落在{where}：“{text[:20]}”", pg, key[0],
                    block_id=key[1], start=lines[0].source.start, end=lines[-1].source.end,
                    text=text, box=text_box(lines[0])))
    return out


def row_fragments(ctx: PageContext) -> list[Finding]:
    """A table row split over pages whose part on one page is a single line."""
    parts: dict[tuple, dict[int, list[TextItem]]] = defaultdict(dict)
    for page in ctx.laid_out.pages:
        for t in page.texts():
            src = t.source
            address = BlockAddress.parse(src.block_id) if src is not None else None
            if address is None or not address.in_table or not t.text.strip():
                continue
            row = ctx.rows.get((src.doc_id, address.cell_id))
            if row is None or row[1] < 0:
                continue
            parts[(src.doc_id,) + row].setdefault(page.index, []).append(t)
    out = []
    for (doc_id, table_id, r), by_page in parts.items():
        if len(by_page) < 2:
            continue
        for index, items in by_page.items():
            top = min(t.y - ASCENT * t.size for t in items)
            bottom = max(t.y + DESCENT * t.size for t in items)
            if bottom - top > 1.6 * max(t.size for t in items):
                continue
            text = " ".join(t.text.strip() for t in items)
            page = ctx.laid_out.pages[index]
            out.append(ctx.finding(
                "ROW_FRAGMENT", f"表格第 {r + 1} 行跨页，本页只排了一行：“{text[:20]}”", page,
                doc_id, block_id=table_id, text=text, box=text_box(items[0])))
    return out


COLOUR_NAMES = {"FF0000": "红色", "C00000": "深红色", "0070C0": "蓝色", "0000FF": "蓝色",
                "0563C1": "蓝色", "0000FF": "蓝色",
                "00B050": "绿色", "FFFF00": "黄色", "7030A0": "紫色", "FFC000": "橙色"}


def _grey(colour: str) -> bool:
    """Black, a grey or a colour too dull to read as one in print (#353833, #5F5F5F)."""
    try:
        r, g, b = (int(colour[k:k + 2], 16) for k in (0, 2, 4))
    except ValueError:
        return True
    return max(r, g, b) - min(r, g, b) < 0x40


def coloured_text(ctx: PageContext) -> list[Finding]:
    """Body text, headings and table cells in a colour: the gazette prints its text
    black (red is the 红头's), so red or blue words in a paragraph are mostly the
    sender's marking left in the draft, or a hyperlink's blue.  Said once per document
    and colour, at its first place, with how many paragraphs or cells carry it."""
    first: dict[tuple, tuple] = {}
    blocks: dict[tuple, set] = defaultdict(set)
    for page in ctx.laid_out.pages:
        if page.kind != "body":
            continue
        for t in page.texts():
            src, colour = t.source, (t.color or "000000").upper()
            if src is None or _grey(colour) or not t.text.strip():
                continue
            key = (src.doc_id, src.block_id)
            address = BlockAddress.parse(src.block_id)
            if not (key in ctx.paragraphs or key in ctx.headings
                    or (address is not None and address.in_table)):
                continue
            blocks[(src.doc_id, colour)].add(src.block_id)
            first.setdefault((src.doc_id, colour), (page, t))
    out = []
    for (doc_id, colour), (page, t) in first.items():
        src = t.source
        text = "".join(u.text for u in page.texts() if u.source is not None
                       and (u.source.doc_id, u.source.block_id) == (doc_id, src.block_id)
                       and (u.color or "").upper() == colour).strip()
        n = len(blocks[(doc_id, colour)])
        more = f"等 {n} 处" if n > 1 else ""
        name = COLOUR_NAMES.get(colour, f"彩色（#{colour}）")
        out.append(ctx.finding(
            "TEXT_COLOURED", f"正文中有{name}文字：“{text[:20]}”{more}，公报正文通常印黑色，"
            "请确认（来文单位的修改标记、超链接等）", page, doc_id, block_id=src.block_id,
            start=src.start, end=src.end, text=text, box=text_box(t)))
    return out


SCALED_BELOW = 0.9               # a picture printed under 90 % of its placed width is told


def pictures_scaled(ctx: PageContext) -> list[Finding]:
    """A picture printed smaller than the sender placed it (wider than the 版心, or too
    tall for a page): its details may now be too small to read."""
    out = []
    for page in ctx.laid_out.pages:
        for it in page.items:
            if not isinstance(it, ImageItem) or it.source is None:
                continue
            image = ctx.picture(it)
            if image is None or image.width <= 0 or it.w >= SCALED_BELOW * image.width:
                continue
            name = f"“{image.name}”" if image.name else ""
            out.append(ctx.finding(
                "IMAGE_SCALED", f"图片{name}原宽 {image.width / MM:.0f} 毫米，排入版心时缩小为 "
                f"{it.w / MM:.0f} 毫米（{it.w / image.width:.0%}），请看图中文字是否仍然清楚",
                page, it.source.doc_id, block_id=it.source.block_id,
                box=(it.x, it.y, it.x + it.w, it.y + it.h)))
    return out


def toc_numbers(ctx: PageContext) -> list[Finding]:
    """Each 目录 entry's page number against the folio of the page it links to."""
    out = []
    pages = ctx.laid_out.pages
    for page in pages:
        if page.kind != "toc":
            continue
        texts = page.texts()
        for link in (it for it in page.items if isinstance(it, LinkItem)):
            inside = [t for t in texts if link.y - 2 <= t.y <= link.y + link.h + 2
                      and link.x - 2 <= t.x <= link.x + link.w + 2]
            numbers = [t for t in inside if t.text.strip().isdigit()]
            if not numbers or not 0 <= link.target < len(pages):
                continue
            shown = int(max(numbers, key=lambda t: t.x).text.strip())
            actual = pages[link.target].folio
            if actual is not None and shown != actual:
                title = "".join(t.text for t in inside if t not in numbers
                                and not set(t.text) <= set("·. ")).strip()
                out.append(ctx.finding(
                    "TOC_UNSETTLED", f"目录中“{title[:20]}”标为第 {shown} 页，实际在第 {actual} 页",
                    page, pages[link.target].doc_id, text=title,
                    box=(link.x, link.y, link.x + link.w, link.y + link.h)))
    return out


def blank_pages(ctx: PageContext) -> list[Finding]:
    """A page that should carry something but shows only running heads and folios."""
    out = []
    for page in ctx.laid_out.pages:
        if page.kind == "blank":
            continue
        has = any(isinstance(it, ImageItem) or (isinstance(it, TextItem) and it.text.strip()
                  and (it.source is not None or page.kind != "body")) for it in page.items)
        if not has and page.kind in ("cover", "inner_cover"):     # a new, empty issue
            out.append(ctx.finding("BLANK_PAGE_UNEXPECTED",
                                   f"{'封面' if page.kind == 'cover' else '扉页'}没有内容："
                                   "请在“本期信息”中填写刊名、期次和总期数", page, None))
        elif not has:
            out.append(ctx.finding("BLANK_PAGE_UNEXPECTED", "此页没有内容（只有书眉或页码）",
                                   page, page.doc_id))
    return out


def fonts_substituted(ctx: PageContext) -> list[Finding]:
    """Roles used on the pages whose office font is missing here: the open fallback
    face stands in (the print looks unlike the official document)."""
    from editor.fonts.preferences import DEFAULT_PREFERENCES, FALLBACK_FOR_ROLE
    book = ctx.fontbook
    if book is None or not hasattr(book, "faces_for_role"):
        return []
    used: dict[str, Page] = {}
    for page in ctx.laid_out.pages:
        for t in page.texts():
            if t.role and t.role not in used:
                used[t.role] = page
    out = []
    for role, page in used.items():
        if role not in FALLBACK_FOR_ROLE or role == "latin":
            continue
        try:
            rec = book.record(book.faces_for_role(role)[0])
        except (KeyError, IndexError):
            continue
        if rec.matches(FALLBACK_FOR_ROLE[role]):
            office = DEFAULT_PREFERENCES[role][0]
            out.append(ctx.finding(
                "FONT_SUBSTITUTED",
                f"本机没有{office}，{ROLE_ZH.get(role, role)}文字用 {FALLBACK_FOR_ROLE[role]} 代替",
                None, text=f"{ROLE_ZH.get(role, role)}→{FALLBACK_FOR_ROLE[role]}"))
            out[-1].office = office
    return out


def inline_pictures_low_res(ctx: PageContext) -> list[Finding]:
    """A picture set in a line (one 字 high) printed below ``LOW_PPI``: the layout tells
    this of a picture in its own box; one in a line is measured here."""
    from editor.layout.shapes import LOW_PPI, effective_ppi, low_res_message
    out = []
    for page in ctx.laid_out.pages:
        for it in page.items:
            image = ctx.in_line(it) if isinstance(it, ImageItem) else None
            if image is None:
                continue
            dots = effective_ppi(image.data, it.w, it.h)
            if dots is not None and dots < LOW_PPI:
                out.append(ctx.finding(
                    "IMAGE_LOW_RES", low_res_message(image.name, dots), page,
                    it.source.doc_id, block_id=it.source.block_id,
                    box=(it.x, it.y, it.x + it.w, it.y + it.h)))
    return out


PAGE_RULES = (glyphs_missing, overlaps, rules_through_text, outside_type_area, stranded_headings,
              orphans_and_widows, row_fragments, pictures_scaled, inline_pictures_low_res,
              coloured_text, toc_numbers, blank_pages, fonts_substituted)


def check_pages(ctx: PageContext, known: set[tuple] = frozenset()) -> list[Finding]:
    """The layout's warnings (but those a document rule names already, place by place:
    ``known`` holds their (rule, document, block)), then what the measurements find that
    the warnings do not name."""
    warned = [f for f in layout_warnings(ctx) if (f.rule, f.doc_id, f.block_id) not in known]
    told = {(f.rule, f.page) for f in warned}
    rules_told = {f.rule for f in warned}
    out = list(warned)
    for rule in PAGE_RULES:
        for f in rule(ctx):
            if f.rule in rules_told and (f.page is None or (f.rule, f.page) in told):
                _enrich(warned, f)
            else:
                out.append(f)
    return out


def _enrich(warned: list[Finding], measured: Finding) -> None:
    """Give the layout's warning about the same thing the text, block and box measured
    (the warning keeps its message)."""
    for w in warned:
        if w.rule != measured.rule or w.page != measured.page or w.text or \
                w.doc_id not in (None, measured.doc_id):
            continue
        if w.page is None and measured.office and measured.office not in w.message:
            continue                     # FONT_SUBSTITUTED: the same office font
        w.text, w.box = measured.text, measured.box
        if w.block_id in (None, measured.block_id):
            w.block_id, w.start, w.end = measured.block_id, measured.start, measured.end
        return
