"""Running heads (书眉) and folios (页码) for a positioned page (layer: layout).

Given the template, a page's folio number, its orientation and the texts it should show,
``page_furniture`` returns the page items to add: the running head (even pages: gazette
name + period, odd pages: the section or the document title — the template's format
strings decide) with its fine rule, and the folio "— 1 —" in 4号宋体 7 mm below the 版心,
on the outer side indented 1 字 (GB/T 9704) or centred.  Composed lines are memoised per
text and parity, so renumbering an issue costs a dictionary lookup per page.
"""
from __future__ import annotations

from editor.fonts.measure import Measurer
from editor.layout.compose import compose
from editor.layout.items import LineItem
from editor.layout.template import Template


class Furniture:
    def __init__(self, template: Template, measurer: Measurer):
        self.t = template
        self.m = measurer
        self._memo: dict = {}

    def head_text(self, folio: int, values: dict) -> str:
        rh = self.t.section("running_head")
        fmt = rh["odd" if folio % 2 else "even"]
        try:
            return str(fmt).format(**values).strip()
        except (KeyError, IndexError, ValueError):
            return str(fmt)

    def running_head(self, folio: int, landscape: bool, values: dict) -> list:
        rh = self.t.section("running_head")
        if not rh["enabled"]:
            return []
        if landscape and not self.t.get("landscape", "running_head"):
            return []
        text = self.head_text(folio, values)
        if not text:
            return []
        key = ("head", text, folio % 2, landscape)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._make_head(text, folio, landscape)
        return hit

    def _make_head(self, text: str, folio: int, landscape: bool) -> list:
        rh = self.t.section("running_head")
        st = self.t.style("running_head")
        frame = self.t.frame(folio % 2, landscape)
        align = rh["align_odd" if folio % 2 else "align_even"]
        lines = compose([st.span(text)], st.fmt(align=align, first_indent=0.0),
                        frame.width, self.m)
        baseline = frame.y - self.t.length(rh["distance"])
        items = list(lines[0].to_items(frame.x, baseline)) if lines else []
        if rh["rule"]:
            ry = baseline + self.t.length(rh["rule_gap"])
            items.append(LineItem(frame.x, ry, frame.x + frame.width, ry,
                                  float(rh["rule_width"])))
        return items

    def section_page(self, title: str) -> list:
        """A section title page (栏目页): the title centred at the template's height."""
        st = self.t.style("section_page_title")
        frame = self.t.frame(1)
        lines = compose([st.span(title)], st.fmt(align="center", first_indent=0.0),
                        frame.width, self.m)
        y = self.t.length(self.t.get("section_page", "title_top"))
        items = []
        for ln in lines:
            items.extend(ln.to_items(frame.x, y + ln.ascent))
            y += ln.pitch
        ry = y + self.t.length(self.t.get("section_page", "rule_gap"))
        margin = frame.width / 4
        items.append(LineItem(frame.x + margin, ry, frame.x + frame.width - margin, ry,
                              1.0, st.color))
        return items

    def banner(self, text: str, folio: int) -> list:
        """The 栏目 name in the head margin of a section's first page, with a rule."""
        if not text:
            return []
        key = ("banner", text, folio % 2)
        hit = self._memo.get(key)
        if hit is None:
            st = self.t.style("section_banner")
            frame = self.t.frame(folio % 2)
            d = self.t.section("document")
            lines = compose([st.span(text)], st.fmt(first_indent=0.0), frame.width, self.m)
            baseline = frame.y - self.t.length(d["section_banner_distance"])
            hit = list(lines[0].to_items(frame.x, baseline)) if lines else []
            ry = baseline + self.t.length(d["section_banner_rule_gap"])
            hit.append(LineItem(frame.x, ry, frame.x + frame.width, ry,
                                self.t.length(d["section_banner_rule_width"]),
                                st.color))
            self._memo[key] = hit
        return hit

    def folio(self, folio: int, landscape: bool) -> list:
        fo = self.t.section("folio")
        if not fo["enabled"]:
            return []
        key = ("folio", folio, landscape)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._make_folio(folio, landscape)
        return hit

    def _make_folio(self, folio: int, landscape: bool) -> list:
        fo = self.t.section("folio")
        st = self.t.style("folio")
        frame = self.t.frame(folio % 2, landscape)
        text = str(fo["format"]).format(n=folio)
        indent = self.t.length(fo["indent"], st.size)
        if landscape:
            return self._landscape_folio(text, folio, frame, st)
        if fo["position"] == "center":
            fmt = st.fmt(align="center", first_indent=0.0)
        elif folio % 2:
            fmt = st.fmt(align="right", right_indent=indent, first_indent=0.0)
        else:
            fmt = st.fmt(align="left", left_indent=indent, first_indent=0.0)
        lines = compose([st.span(text)], fmt, frame.width, self.m)
        if not lines:
            return []
        baseline = frame.bottom + self.t.length(fo["distance"]) + lines[0].ascent
        return list(lines[0].to_items(frame.x, baseline))

    def _landscape_folio(self, text: str, folio: int, frame, st) -> list:
        """GB/T 9704 §8: a turned page keeps its folio where the portrait page has it,
        which on the turned page is its left side — bottom-left on odd pages, top-left on
        even ones (the PDF painter turns the page so its head faces the binding)."""
        fo = self.t.section("folio")
        lines = compose([st.span(text)], st.fmt(align="right", first_indent=0.0),
                        frame.x - self.t.length(fo["distance"]), self.m)
        if not lines:
            return []
        ln = lines[0]
        baseline = frame.bottom - ln.descent if folio % 2 else frame.y + ln.ascent
        return list(ln.to_items(0.0, baseline))
