"""Front matter: issue metadata → cover, inner cover, 简介 and colophon pages (layer: layout).

Each function returns the page items of one unnumbered page (lists of lists when a page
could overflow, e.g. a long 简介).  All text is composed by ``editor.layout.compose`` in
the template's styles (cover_title, cover_pinyin, cover_period, cover_note, slogan,
intro_title, intro_body, colophon_title, colophon_item); positions come from the template
([cover]) and the page geometry.  The 目录 is in ``editor.layout.toc``.
"""
from __future__ import annotations

from editor.fonts.measure import Measurer
from editor.layout.compose import compose
from editor.layout.flow import Frame
from editor.layout.items import LineItem, RectItem, TextItem
from editor.layout.linebreak import OPENING
from editor.layout.template import Template
from editor import model


class Stack:
    """Sets paragraphs one under the other in a frame, from ``y`` down."""

    def __init__(self, template: Template, measurer: Measurer, frame: Frame, y: float):
        self.t, self.m, self.frame, self.y = template, measurer, frame, y
        self.items: list = []

    def add(self, text: str, style: str, first: bool = False, **fmt) -> float:
        """Compose ``text`` in ``style`` at the current y; returns the new y."""
        if not text:
            return self.y
        st = self.t.style(style)
        f = st.fmt(**fmt)
        if not first:
            self.y += f.space_before
        for ln in compose([st.span(text)], f, self.frame.width, self.m):
            top = self.y
            items = ln.to_items(self.frame.x, top + (ln.pitch + ln.ascent - ln.descent) / 2)
            if f.align == "center":
                _centre_on_ink(items, st.role, self.m)
            self.items.extend(items)
            self.y = top + ln.pitch
        self.y += f.space_after
        return self.y

    def rule(self, width: float, color: str, gap: float = 0.0) -> None:
        self.y += gap
        self.items.append(LineItem(self.frame.x, self.y, self.frame.x + self.frame.width,
                                   self.y, width, color))
        self.y += width + gap


def _centre_on_ink(items: list, role: str, m: Measurer) -> None:
    """A centred line starting with an opening mark (《 （ “): the mark's empty left half
    is compressed away, so the ink, not the empty half-em, is centred — the whole line
    moves left by a quarter of the mark's advance."""
    first = next((it for it in items if isinstance(it, TextItem) and it.text), None)
    if first is None or first.text[0] not in OPENING:
        return
    advance = m.advance(first.text[0], role, first.size) * first.scale_x
    if advance < 0.75 * first.size:
        return
    dx = -advance / 4
    for it in items:
        if isinstance(it, TextItem):
            it.x += dx
            it.xs = [x + dx for x in it.xs]


def _frame(t: Template) -> Frame:
    return t.frame(1)


def cover_page(issue: model.Issue, t: Template, m: Measurer) -> list:
    """封面: gazette name between red bands, pinyin, month of publication, 总第N期."""
    meta = issue.meta
    cover = t.section("cover")
    color = str(cover["band_color"])
    frame = _frame(t)
    top = t.length(cover["title_top"])
    s = Stack(t, m, frame, top)
    s.items.append(RectItem(0, top - 16 * 72 / 25.4, t.width, 6 * 72 / 25.4, fill=color))
    s.y = top
    s.add(meta.title, "cover_title", first=True)
    s.add(meta.title_pinyin, "cover_pinyin")
    s.rule(1.5, color, gap=10)
    s.y += t.length("40mm")
    s.add(meta.published, "cover_period")
    label = f"（{meta.issue_label}）" if meta.issue_label else ""
    s.add(label, "cover_period")
    note = meta.intro_note if "intro" not in t.get("front", "order") else ""
    if note:
        s.y = t.height - t.length(cover["note_bottom"])
        s.add(note, "cover_note", first=True)
    s.items.append(RectItem(0, t.height - 22 * 72 / 25.4, t.width, 6 * 72 / 25.4, fill=color))
    return s.items


def inner_cover_page(issue: model.Issue, t: Template, m: Measurer) -> list:
    """扉页: gazette name and the slogans (传达政令 …) one under the other."""
    frame = _frame(t)
    s = Stack(t, m, frame, frame.y + t.length("10mm"))
    s.add(issue.meta.title, "intro_title", first=True)
    s.y += t.length("15mm")
    for slogan in issue.meta.slogans:
        s.add(slogan, "slogan", first=True)
    return s.items


def intro_page(issue: model.Issue, t: Template, m: Measurer) -> list:
    """简介: title, paragraphs, and the note (内部资料 免费交流) near the page bottom."""
    meta = issue.meta
    frame = _frame(t)
    s = Stack(t, m, frame, frame.y)
    s.add(meta.intro_title or f"《{meta.title}》简介", "intro_title", first=True)
    for para in meta.intro_paragraphs:
        s.add(para, "intro_body")
    if meta.intro_note:
        s.y = max(s.y + t.length("10mm"), frame.bottom - t.length("15mm"))
        s.add(meta.intro_note, "cover_note", first=True)
    return s.items


def _colophon_label(label: str) -> str:
    """Spread a 2- or 3-character label over 4 字 (主办 → 主　　办)."""
    if len(label) == 2:
        return label[0] + "　　" + label[1]
    if len(label) == 3:
        return label[0] + " " + label[1] + " " + label[2]
    return label


def colophon_page(issue: model.Issue, t: Template, m: Measurer) -> list:
    """版权页: name, pinyin, period and 总第N期, then 主办 / 编辑出版 / 电话 / 地址 / 邮编."""
    meta = issue.meta
    frame = _frame(t)
    s = Stack(t, m, frame, frame.y + t.length("20mm"))
    s.add(meta.title, "colophon_title", first=True)
    s.add(meta.title_pinyin, "cover_pinyin")
    s.y += t.length("8mm")
    s.add(meta.period, "cover_period")
    if meta.issue_label:
        s.add(f"（{meta.issue_label}）", "cover_period")
    s.y = max(s.y + t.length("20mm"), frame.bottom - t.length("10mm") * (len(meta.colophon) + 1))
    s.rule(0.75, "000000", gap=4)
    for label, value in meta.colophon.items():
        s.add(f"{_colophon_label(label)}：{value}", "colophon_item", first=True)
    s.rule(0.75, "000000", gap=4)
    return s.items


def front_page_wanted(name: str, meta: model.IssueMeta) -> bool:
    """Is there anything to put on this front page?  A new issue whose 简介, slogans or
    colophon are not filled in yet gets no empty 《》简介 page, no blank 扉页 and no
    colophon made of two rules; the pages appear once the editor fills them in."""
    if name == "inner_cover":
        return bool(meta.title or meta.slogans)
    if name == "intro":
        return bool(meta.intro_paragraphs or meta.intro_note)
    if name == "colophon":
        return bool(meta.colophon)
    return True


FRONT_PAGES = {
    "cover": cover_page,
    "inner_cover": inner_cover_page,
    "intro": intro_page,
    "colophon": colophon_page,
}
