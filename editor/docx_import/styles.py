"""Style cascade: docDefaults -> style chain -> numbering -> direct formatting (layer: import).

``StyleSheet`` turns w:rPr / w:pPr elements into plain property dicts, resolves named
styles through their ``basedOn`` chain (cached) and merges the levels, so every run gets
its effective East Asian/Latin font, size, bold, colour ... and every paragraph its
alignment, indents and spacing — the values python-docx leaves as None when inherited.
"""
from __future__ import annotations

from editor.docx_import.xmlutil import (A_NS, VAL, child, local, number, on_off,
                                        twips_to_pt, w, wval)

_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right",
          "end": "right", "both": "justify", "distribute": "distribute",
          "mediumKashida": "justify", "highKashida": "justify", "lowKashida": "justify",
          "thaiDistribute": "distribute"}


class Theme:
    """Major/minor fonts of theme1.xml for asciiTheme/eastAsiaTheme references."""

    def __init__(self, root=None):
        self.fonts: dict[str, str] = {}
        if root is None:
            return
        a = "{%s}" % A_NS
        for kind in ("major", "minor"):
            el = root.find(f".//{a}{kind}Font")
            if el is None:
                continue
            latin, ea = el.find(a + "latin"), el.find(a + "ea")
            self.fonts[kind + "Latin"] = latin.get("typeface", "") if latin is not None else ""
            east = ea.get("typeface", "") if ea is not None else ""
            if not east:
                for f in el.findall(a + "font"):
                    if f.get("script") == "Hans":
                        east = f.get("typeface", "")
            self.fonts[kind + "EastAsia"] = east

    def font(self, ref: str | None) -> str | None:
        if not ref:
            return None
        if ref.endswith("EastAsia"):
            return self.fonts.get(ref) or None
        kind = "major" if ref.startswith("major") else "minor"
        return self.fonts.get(kind + "Latin") or None


def _named(props):
    """(local name, element) for each child of a w:rPr / w:pPr; nothing for None."""
    return ((local(el.tag), el) for el in (props if props is not None else ()))


def run_props(rpr, theme: Theme) -> dict:
    """The properties set by one w:rPr (only what it sets)."""
    out: dict = {}
    for name, el in _named(rpr):
        if name == "rFonts":
            ea = el.get(w("eastAsia")) or theme.font(el.get(w("eastAsiaTheme")))
            latin = (el.get(w("ascii")) or el.get(w("hAnsi"))
                     or theme.font(el.get(w("asciiTheme")) or el.get(w("hAnsiTheme"))))
            if ea:
                out["font_ea"] = ea
            if latin:
                out["font_latin"] = latin
        elif name in ("sz",):
            value = number(el.get(VAL))
            if value and value > 0:
                out["size"] = min(value, 3276) / 2.0      # Word's largest size, 1638 pt
        elif name in ("b", "i", "strike", "vanish", "caps", "dstrike"):
            out[{"dstrike": "strike"}.get(name, name)] = on_off(el)
        elif name == "u":
            out["underline"] = (el.get(VAL) or "single") != "none"
        elif name == "color":
            val = el.get(VAL)
            out["color"] = None if not val or val == "auto" else val.upper()
        elif name == "em":                  # 着重号: dot, comma, circle, underDot
            out["em"] = (el.get(VAL) or "none") != "none"
        elif name == "vertAlign":
            val = el.get(VAL)
            out["vert"] = val if val in ("superscript", "subscript") else None
        elif name == "rStyle":
            out["rstyle"] = el.get(VAL)
    return out


def para_props(ppr) -> dict:
    """The properties set by one w:pPr (only what it sets)."""
    out: dict = {}
    for name, el in _named(ppr):
        if name == "jc":
            out["align"] = _ALIGN.get(el.get(VAL), None)
        elif name == "ind":
            _indent(el, out)
        elif name == "spacing":
            _spacing(el, out)
        elif name in ("keepNext", "keepLines", "pageBreakBefore", "widowControl"):
            key = {"keepNext": "keep_with_next", "keepLines": "keep_together",
                   "pageBreakBefore": "page_break_before", "widowControl": "widow_control"}[name]
            out[key] = on_off(el)
        elif name == "numPr":
            num_id, ilvl = wval(child(el, "numId")), wval(child(el, "ilvl"))
            if num_id is not None:
                out["num_id"] = num_id
            if ilvl is not None:
                out["ilvl"] = int(number(ilvl, 0))
        elif name == "outlineLvl":
            out["outline"] = int(number(el.get(VAL), 9))
        elif name == "pStyle":
            out["pstyle"] = el.get(VAL)
    return out


def _indent(el, out: dict) -> None:
    for attrs, key in ((("left", "start"), "left_indent"), (("right", "end"), "right_indent")):
        for a in attrs:
            if el.get(w(a)) is not None:
                out[key] = twips_to_pt(el.get(w(a)), 0.0)
                break
        chars = el.get(w(attrs[0] + "Chars")) or el.get(w(attrs[1] + "Chars"))
        if chars is not None and number(chars):
            out[key + "_chars"] = number(chars) / 100.0
    if el.get(w("hanging")) is not None:
        out["first_indent"] = -(twips_to_pt(el.get(w("hanging")), 0.0) or 0.0) or 0.0
        out.pop("first_indent_chars", None)
    elif el.get(w("firstLine")) is not None:
        out["first_indent"] = twips_to_pt(el.get(w("firstLine")), 0.0)
        out.pop("first_indent_chars", None)
    hanging_chars, first_chars = el.get(w("hangingChars")), el.get(w("firstLineChars"))
    if hanging_chars is not None and number(hanging_chars):
        out["first_indent_chars"] = -number(hanging_chars) / 100.0
    elif first_chars is not None and number(first_chars):
        out["first_indent_chars"] = number(first_chars) / 100.0


def _spacing(el, out: dict) -> None:
    for side in ("before", "after"):
        if el.get(w(side)) is not None:
            out["space_" + side] = twips_to_pt(el.get(w(side)), 0.0)
        lines = el.get(w(side + "Lines"))
        if lines is not None and number(lines):
            out["space_" + side] = number(lines) / 100.0 * 12.0
    line = number(el.get(w("line")))
    if line:
        rule = el.get(w("lineRule"), "auto")
        if rule == "auto":
            out["line_multiple"], out["line_pitch"] = line / 240.0, None
        else:
            out["line_pitch"], out["line_multiple"] = line / 20.0, None


def merge_ppr(*layers: dict) -> dict:
    """Merge paragraph property layers, later wins; an explicit length in points set by a
    later layer cancels a character-unit value (…Chars) inherited from an earlier one."""
    out: dict = {}
    for layer in layers:
        for key in ("first_indent", "left_indent", "right_indent"):
            if key in layer and key + "_chars" not in layer:
                out.pop(key + "_chars", None)
        out.update(layer)
    return out


class StyleSheet:
    """styles.xml resolved: effective run/paragraph property dicts per style id."""

    def __init__(self, root=None, theme: Theme | None = None):
        self.theme = theme or Theme()
        self.styles: dict[str, object] = {}
        self.names: dict[str, str] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.default_table: str | None = None
        self.doc_rpr: dict = {}
        self.doc_ppr: dict = {}
        self._cache: dict[tuple[str, str], tuple[dict, dict]] = {}
        if root is not None:
            self._load(root)

    def _load(self, root) -> None:
        defaults = child(root, "docDefaults")
        if defaults is not None:
            self.doc_rpr = run_props(child(child(defaults, "rPrDefault"), "rPr"), self.theme)
            self.doc_ppr = para_props(child(child(defaults, "pPrDefault"), "pPr"))
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            self.styles[sid] = st
            self.names[sid] = wval(child(st, "name"), default=sid)
            if st.get(w("default")) in ("1", "true", "on"):
                kind = st.get(w("type"), "paragraph")
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "character":
                    self.default_char = sid
                elif kind == "table":
                    self.default_table = sid

    def name(self, sid: str | None) -> str | None:
        return self.names.get(sid, sid) if sid else None

    def chain(self, sid: str | None) -> tuple[dict, dict]:
        """(run props, para props) of a style with its basedOn ancestors merged."""
        if not sid or sid not in self.styles:
            return {}, {}
        key = ("s", sid)
        if key in self._cache:
            return self._cache[key]
        self._cache[key] = ({}, {})            # guards against basedOn cycles
        st = self.styles[sid]
        rpr, ppr = self.chain(wval(child(st, "basedOn")))
        rpr = {**rpr, **run_props(child(st, "rPr"), self.theme)}
        ppr = merge_ppr(ppr, para_props(child(st, "pPr")))
        rpr.pop("rstyle", None)
        ppr.pop("pstyle", None)
        self._cache[key] = (rpr, ppr)
        return rpr, ppr

    def paragraph(self, pstyle: str | None) -> tuple[dict, dict]:
        """docDefaults merged with a paragraph style (or the default paragraph style)."""
        sid = pstyle if pstyle in self.styles else self.default_para
        key = ("p", sid or "")
        if key not in self._cache:
            rpr, ppr = self.chain(sid)
            self._cache[key] = ({**self.doc_rpr, **rpr}, merge_ppr(self.doc_ppr, ppr))
        return self._cache[key]

    def outline_level(self, sid: str | None) -> int | None:
        """Heading level 1..9 of a paragraph style (outlineLvl or a 'heading N' name)."""
        if not sid:
            return None
        _, ppr = self.chain(sid)
        if "outline" in ppr and ppr["outline"] < 9:
            return ppr["outline"] + 1
        name = (self.names.get(sid) or sid).lower().replace(" ", "")
        for prefix in ("heading", "标题"):
            rest = name[len(prefix):]
            if name.startswith(prefix) and rest.isdecimal() and len(rest) <= 2:
                return int(rest)
        return None
