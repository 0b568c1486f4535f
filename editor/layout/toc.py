"""目录: issue sections and document page numbers → TOC pages (layer: layout).

``toc_entries(issue, template)`` lists what the 目录 shows, in issue order: a section
heading, then its documents (title, and the doc number if the template says); a section
holding a single document whose title starts with the section's name (上级政府文件目录,
大事记) is one entry at section level.  ``layout_toc(entries, numbers, …)`` sets them:
titles composed with a hanging indent for continuation lines, a fine dot leader from the
end of the title's last line up to half a character before the right-aligned number; the
leader dots sit on a common pitch from the frame's left edge so they line up from entry to
entry.  It returns the page items and, per page, the clickable areas with the document
they point to (the assembler turns them into ``LinkItem``s once page indexes are known).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from editor.fonts.measure import Measurer
from editor.layout.compose import compose
from editor.layout.words import better_break, break_cost, kept_whole, word_bounds
from editor.layout.template import Template
from editor import model


@dataclass
class TocEntry:
    level: int                 # 0 section line, 1 document under a section
    title: str
    doc_id: str | None = None  # None: a section heading without a page number
    doc_number: str = ""
    section_id: str = ""


@dataclass
class TocPage:
    items: list
    links: list                # (x, y, w, h, doc_id)


def toc_entries(issue: model.Issue) -> list[TocEntry]:
    """What the 目录 and the bookmarks list.  Documents of one title (two 常务会议纪要, two
    通知 of one name) carry their 文号 or 期号 after it, so each line says which it is."""
    out: list[TocEntry] = []
    seen = Counter(doc.toc_title for doc in issue.documents())
    for section in issue.sections:
        docs = section.documents
        if not docs:
            continue
        if len(docs) == 1 and section.title and docs[0].title.startswith(section.title):
            out.append(TocEntry(0, section.title, docs[0].id, docs[0].doc_number, section.id))
            continue
        if section.title:
            out.append(TocEntry(0, section.title, None, "", section.id))
        for doc in docs:
            title = doc.toc_title
            if seen[title] > 1 and doc.doc_number and doc.doc_number not in title:
                title = f"{title}（{doc.doc_number}）"     # two 常务会议纪要 told apart
            out.append(TocEntry(1, title, doc.id, "" if title != doc.toc_title
                                else doc.doc_number, section.id))
    return out


class TocSetter:
    def __init__(self, template: Template, measurer: Measurer):
        self.t = template
        self.m = measurer
        self.cfg = template.section("toc")
        self.frame = template.frame(1)

    def _number_text(self, n: int | None) -> str:
        if n is None:
            return ""
        return str(self.cfg["number_format"]).format(n=n)

    def entry_lines(self, entry: TocEntry, number: int | None):
        """(items, height) of one entry set from y = 0 (shifted by the caller)."""
        style = "toc_section" if entry.level == 0 else "toc_entry"
        st = self.t.style(style)
        em = st.size
        t = self.t
        indent = 0.0 if entry.level == 0 else t.length(self.cfg["entry_indent"], em)
        hang = t.length(self.cfg["hanging_indent"], em)
        num_w = t.length(self.cfg["number_width"], em)
        gap = t.length(self.cfg["leader_gap"], em)
        title = entry.title
        if self.cfg["show_doc_number"] and entry.doc_number and entry.level == 1:
            title = f"{title}（{entry.doc_number}）"
        has_number = entry.doc_id is not None
        right = num_w + gap if has_number else 0.0
        fmt = st.fmt(align="left", left_indent=indent + hang, first_indent=-hang,
                     right_indent=right + (gap if has_number else 0.0), keep_words=True)
        lines = self._phrase_lines(title, st, fmt)
        items, y = [], 0.0
        pitch = fmt.line_pitch or st.size * 1.5
        baseline = 0.0
        for ln in lines:
            baseline = y + (pitch + ln.ascent - ln.descent) / 2
            items.extend(ln.to_items(self.frame.x, baseline))
            y += pitch
        if has_number and lines:
            last = lines[-1]
            end = self.frame.x + last.offset + last.width + gap
            num = self._number(st, self._number_text(number), baseline)
            # the leader runs up to the number (its column when the number is unknown)
            stop = min((it.x for it in num), default=self.frame.x + self.frame.width - num_w)
            items.extend(self._leader(st, end, stop - gap, baseline))
            items.extend(num)
        return items, y

    def _phrase_lines(self, title: str, st, fmt):
        """The entry's lines broken between words, each break moved back a little when
        that ends a phrase instead of tearing one (文物保护|单位 → 文物|保护单位 is not
        chosen; …区级|文物保护单位… is).  The breaks are found one at a time, the rest
        set again after each, so a break moved back never makes a later line overflow
        (and wrap into a stub line of its own)."""
        lines = compose([st.span(title)], fmt, self.frame.width, self.m)
        if len(lines) < 2 or "\n" in title:
            return lines
        return self._no_stub(title, *self._moved_breaks(title, st, fmt, lines), st, fmt)

    def _moved_breaks(self, title: str, st, fmt, lines):
        """(lines, the text they were set from) with the phrase breaks moved back."""
        cuts, moved, out = [], False, lines
        while True:
            rest_at = sum(len(title[a:b]) + 1 for a, b in zip([0] + cuts[:-1], cuts))
            rest = [ln for ln in out if ln.start >= rest_at]
            if len(rest) < 2:
                break
            natural = rest[1].start - len(cuts)            # an offset into the title
            cut = better_break(title, natural, (cuts[-1] if cuts else 0) + 4)
            moved = moved or cut != natural
            cuts.append(cut)
            parts = [title[a:b] for a, b in zip([0] + cuts, cuts + [len(title)])]
            out = compose([st.span("\n".join(parts))], fmt, self.frame.width, self.m)
        return (out, "\n".join(parts)) if moved else (lines, title)

    def _no_stub(self, title: str, lines, text: str, st, fmt):
        """No last line of fewer than ``[toc] min_last_line`` characters before the
        leader (…参保缴费的|通知 left 通知 alone on a line): the last break moves back
        to the word boundary nearest that many characters from the end, keeping the
        line above at least as long (jieba's words, the cheapest phrase break)."""
        least = int(self.cfg["min_last_line"])
        starts = [ln.start - text.count("\n", 0, ln.start) for ln in lines]
        if len(starts) < 2 or len(title) - starts[-1] >= least:
            return lines
        lo, hi = starts[-2] + least, len(title) - least
        kept = kept_whole(title)
        bounds = [j for j in word_bounds(title) if lo <= j <= hi and break_cost(title, j) < 100
                  and j not in kept]
        if not bounds:
            return lines
        cut = min(bounds, key=lambda j: break_cost(title, j) + 0.5 * (hi - j))
        cuts = starts[1:-1] + [cut]
        parts = [title[a:b] for a, b in zip([0] + cuts, cuts + [len(title)])]
        out = compose([st.span("\n".join(parts))], fmt, self.frame.width, self.m)
        return out if len(out) == len(lines) else lines

    def _leader(self, st, x0: float, x1: float, baseline: float) -> list:
        dot = str(self.cfg["leader"])
        lead_st = self.t.style("toc_entry")    # one leader for every level
        pitch = self.m.advance(dot, lead_st.role, lead_st.size) or lead_st.size / 2
        start = self.frame.x + math.ceil((x0 - self.frame.x) / pitch - 1e-6) * pitch
        n = int((x1 - start) // pitch)
        if n < 1:
            return []
        fmt = lead_st.fmt(align="left", first_indent=0.0, left_indent=0.0, right_indent=0.0,
                          char_pitch=None)
        lines = compose([lead_st.span(dot * n)], fmt, n * pitch + 1.0, self.m)
        return lines[0].to_items(start, baseline) if lines else []

    def _number(self, st, text: str, baseline: float) -> list:
        if not text:
            return []
        fmt = st.fmt(align="right", first_indent=0.0, left_indent=0.0, right_indent=0.0,
                     char_pitch=None)
        lines = compose([st.span(text)], fmt, self.frame.width, self.m)
        return lines[0].to_items(self.frame.x, baseline) if lines else []

    def header(self, title: str, period: str) -> tuple[list, float]:
        from editor.layout.frontmatter import Stack
        s = Stack(self.t, self.m, self.frame, self.frame.y)
        s.add(period, "toc_period", first=True)
        s.add(str(self.cfg["title"]), "toc_title", first=not period)
        return s.items, s.y

    def layout(self, entries: list[TocEntry], numbers: dict[str, int], period: str
               ) -> list[TocPage]:
        pages: list[TocPage] = []
        items, y = self.header("目录", period)
        links: list = []
        bottom = self.frame.bottom
        k = 0
        while k < len(entries):
            entry = entries[k]
            st = self.t.style("toc_section" if entry.level == 0 else "toc_entry")
            e_items, h = self.entry_lines(entry, numbers.get(entry.doc_id or ""))
            before = st.space_before if entry.level == 0 else 0.0
            need = before + h
            if entry.level == 0 and entry.doc_id is None and k + 1 < len(entries):
                need += self.entry_lines(entries[k + 1], 0)[1]   # keep with first entry
            if y + need > bottom and items and y > self.frame.y + 1:
                pages.append(TocPage(items, links))
                items, links, y = [], [], self.frame.y
                before = 0.0
            y += before
            items.extend(_moved(e_items, y))
            if entry.doc_id:
                links.append((self.frame.x, y, self.frame.width, h, entry.doc_id))
            y += h + st.space_after
            k += 1
        pages.append(TocPage(items, links))
        return pages


def _moved(items: list, dy: float) -> list:
    from dataclasses import replace
    out = []
    for it in items:
        out.append(replace(it, y=it.y + dy))
    return out


def layout_toc(entries: list[TocEntry], numbers: dict[str, int], template: Template,
               measurer: Measurer, period: str = "") -> list[TocPage]:
    """The 目录 pages for ``entries`` with page ``numbers`` (doc id → folio)."""
    return TocSetter(template, measurer).layout(entries, numbers, period)
