"""Paragraph content -> model runs: text, tabs, breaks, fields, revisions, symbols (layer: import).

``RunCollector`` walks the inline content of one w:p (runs inside hyperlinks, smart tags,
content controls, w:ins and moveTo kept; w:del and moveFrom dropped; field codes skipped,
field results kept) and produces merged ``Run`` objects with their resolved formatting,
plus the inline objects (images, text boxes) found on the way.
"""
from __future__ import annotations

import math

from editor.docx_import.styles import run_props
from editor.docx_import.xmlutil import (M_NS, MC_NS, R_NS, V_NS, W_NS, alternate_branch, local,
                                        ns, w)
from editor.fonts.names import role_for_font_name
from editor.model import Run

_SKIP_INLINE = {"proofErr", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd",
                "lastRenderedPageBreak", "rPr", "pPr", "annotationRef", "separator",
                "continuationSeparator", "footnoteRef", "endnoteRef", "customXmlInsRangeStart",
                "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
                "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                "sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr", "dayLong", "dayShort",
                "monthLong", "monthShort", "yearLong", "yearShort", "pgNum", "commentReference",
                "rsid", "id"}
_CONTAINERS = {"hyperlink", "smartTag", "customXml", "ins", "moveTo", "sdtContent", "fldSimple",
               "dir", "bdo", "r"}
_SYMBOL_FONTS = ("symbol",)
# Characters of the symbol fonts senders pick from Word's 插入 › 符号 (the code's low byte
# → Unicode): form checkboxes, bullets, arrows, circled numbers, Greek and maths signs.
# Read as plain codes they printed as letters (勾选¨是R否 for 勾选□是☑否).  Where Chinese
# forms write a GB 2312 sign for the same thing, that sign (✓ → √, ✗ → ×, ❑ → □, ➢ → ▶),
# since office fonts have it; ☑ ☒ have none and stay themselves.
_GREEK = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
_SYMBOL_CHARS = {
    "symbol": {**{0x41 + k: ch for k, ch in enumerate(_GREEK)},
               **{0x61 + k: ch for k, ch in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")},
               0xA3: "≤", 0xA5: "∞", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°",
               0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBB: "≈",
               0xBC: "…", 0xD6: "√", 0xD7: "⋅"},
    "wingdings": {0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "□", 0x75: "◆", 0x76: "❖",
                  0xA1: "○", 0xA7: "▪", 0xA8: "□", 0xAB: "★", 0xD8: "▶", 0xE8: "→",
                  0xFB: "×", 0xFC: "√", 0xFD: "☒", 0xFE: "☑",
                  **{0x80 + k: chr(0x24EA if k == 0 else 0x245F + k) for k in range(11)}},
    "wingdings 2": {0x4F: "×", 0x50: "√", 0x52: "☑", 0x54: "☒", 0xA3: "□"},
}
_PICTURE_FONTS = ("wingdings", "webdings")     # codes that are pictures, not letters


class RunCollector:
    """Collect the runs of one paragraph (or a text-box paragraph) in order."""

    def __init__(self, ctx, para_rpr: dict, block_id: str):
        self.ctx = ctx
        self.para_rpr = para_rpr
        self.block_id = block_id
        self.runs: list[Run] = []
        self.inline: list[tuple[int, object]] = []   # (text offset, element) images/boxes
        self.page_breaks: list[int] = []
        self.fields: list[str] = []                  # stack: "instr" | "result"
        self.length = 0
        self._rpr_cache: dict = {}
        self.in_note = False                         # walking a footnote's own text
        self._custom_mark = False                    # the next w:t is a note's own mark

    # -- walking -------------------------------------------------------------------------
    def walk(self, parent) -> None:
        for el in parent:
            name = local(el.tag)
            space = ns(el.tag)
            if not name:
                continue
            if space == W_NS:
                self._w_element(el, name)
            elif space == MC_NS and name == "AlternateContent":
                self._alternate(el)
            elif space == M_NS and name in ("oMath", "oMathPara"):
                self._math(el)
            else:
                self.ctx.note("info", "段落中有无法识别的内容，已忽略", f"inline {el.tag}")

    def _w_element(self, el, name: str) -> None:
        if name == "r":
            self._run(el)
        elif name in ("del", "moveFrom"):
            self.ctx.note("info", "修订中删除的文字未导入（按接受修订处理）", "w:del dropped")
        elif name == "sdt":
            content = el.find(w("sdtContent"))
            if content is not None:
                self.walk(content)
        elif name in _CONTAINERS:
            self.walk(el)
        elif name == "ruby":
            # 注音: the annotated characters print, their pinyin does not (厂 was lost
            # with its chǎng, the whole w:ruby ignored)
            base = el.find(w("rubyBase"))
            if base is not None:
                self.walk(base)
            self.ctx.note("info", "拼音注音未导入，只保留被注音的文字", "w:ruby")
        elif name == "commentRangeStart":
            self._comment_mark(el.get(w("id")), start=True)
        elif name == "commentRangeEnd":
            self._comment_mark(el.get(w("id")), start=False)
        elif name in _SKIP_INLINE:
            return
        else:
            self.ctx.note("info", "段落中有无法识别的内容，已忽略", f"inline w:{name}")

    def _alternate(self, el) -> None:
        target = alternate_branch(el)
        if target is not None:
            self.walk(target)

    def _math(self, el) -> None:
        text = "".join(t.text or "" for t in el.iter("{%s}t" % M_NS))
        if text:
            self._add(text, self.para_rpr)
            self.ctx.note("info", "公式按纯文字导入", "OMML as text")

    def _comment_mark(self, cid: str | None, start: bool) -> None:
        if cid is None:
            return
        anchor = self.ctx.anchors.setdefault(cid, [self.block_id, self.length, None])
        if start:
            anchor[0], anchor[1] = self.block_id, self.length
        elif anchor[0] == self.block_id:
            anchor[2] = self.length

    # -- one run -------------------------------------------------------------------------
    def _run(self, r) -> None:
        props = self._props(r.find(w("rPr")))
        hidden = props.get("vanish")
        self._custom_mark = False
        for el in r:
            name = local(el.tag)
            space = ns(el.tag)
            if space == MC_NS and name == "AlternateContent":
                self._alternate_in_run(el)
                continue
            if space != W_NS:
                continue
            if name == "fldChar":
                self._field_char(el.get(w("fldCharType")))
            elif name == "instrText" or name == "delInstrText":
                continue
            elif self.fields and self.fields[-1] == "instr":
                continue
            elif name == "t" and self._custom_mark:
                self._custom_mark = False       # a note's own mark (*): the layout sets marks
                self.ctx.note("info", "脚注的自定义注码已改为模板的注码", "customMarkFollows")
            elif name == "t":
                if hidden:
                    self.ctx.note("info", "隐藏文字（w:vanish）未导入", "hidden run")
                elif el.text:
                    # w:caps: Word shows the letters as capitals (covid → COVID)
                    self._add(el.text.upper() if props.get("caps") else el.text, props)
            elif name in ("tab", "ptab"):
                if not hidden:
                    self._add("\t", props)
            elif name == "br":
                self._break(el.get(w("type")), props)
            elif name == "cr":
                self._add("\n", props)
            elif name == "noBreakHyphen":
                self._add("-", props)
            elif name == "sym":
                self._symbol(el, props)
            elif name in ("drawing", "pict", "object"):
                self.inline.append((self.length, el))
            elif name in ("footnoteReference", "endnoteReference"):
                self._footnote_ref(el, props, name)
            elif name == "commentReference":
                cid = el.get(w("id"))
                if cid is not None and cid not in self.ctx.anchors:
                    self.ctx.anchors[cid] = [self.block_id, self.length, self.length]
            elif name in ("softHyphen", "delText", "rPr") or name in _SKIP_INLINE:
                continue
            else:
                self.ctx.note("info", "文字中有无法识别的内容，已忽略", f"run w:{name}")

    def _alternate_in_run(self, el) -> None:
        target = alternate_branch(el)
        if target is None:
            return
        for c in target:
            if local(c.tag) in ("drawing", "pict", "object"):
                self.inline.append((self.length, c))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append("instr")
        elif kind == "separate" and self.fields:
            self.fields[-1] = "result"
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _break(self, kind: str | None, props: dict) -> None:
        if kind == "page":
            self.page_breaks.append(self.length)
        elif kind == "column":
            self.ctx.note("info", "分栏符已忽略", "column break")
        else:
            self._add("\n", props)

    def _symbol(self, el, props: dict) -> None:
        code = el.get(w("char"), "")
        font = (el.get(w("font")) or "").lower()
        try:
            value = int(code[:8], 16)
        except ValueError:
            return
        if not 0 < value <= 0x10FFFF:
            self.ctx.note("warning", "特殊符号的字符编码无效，已显示为 �", f"w:sym {code[:12]}")
            value = 0xFFFD
        low = value - 0xF000 if 0xF000 <= value <= 0xF0FF else value
        known = _SYMBOL_CHARS.get(font.strip(), {}).get(low) if low <= 0xFF else None
        if known is not None:
            self._add(known, props)
            return
        if 0xF000 <= value <= 0xF0FF:
            value -= 0xF000
            if font.startswith(_PICTURE_FONTS):
                # a picture character with no Unicode match here: marked, not a letter
                self.ctx.note("warning", f"特殊符号（{el.get(w('font'))} 字体 {code}）没有对应的"
                              "通用字符，已以〓标出，请核对原文", f"w:sym {font} {code}")
                value = ord("〓")
            elif not font.startswith(_SYMBOL_FONTS):
                self.ctx.note("info", "特殊符号字体中的符号可能显示不同", f"w:sym {font} {code}")
        self._add(chr(value), props)

    def _footnote_ref(self, el, props: dict, name: str) -> None:
        """A footnote/endnote reference: a text-less run naming the note (fn1, en1 … in
        reference order), so the note stays attached to this point of the text."""
        if self.in_note:
            self.ctx.note("info", "脚注中又有脚注引用，已忽略", f"w:{name} in a note")
            return
        kind = "en" if name == "endnoteReference" else "fn"
        number = 1 + sum(1 for ref in self.ctx.footnote_refs if ref[2].startswith(kind))
        note_id = f"{kind}{number}"
        self.ctx.footnote_refs.append((name, el.get(w("id")), note_id))
        self.runs.append(Run(text="", note=note_id))
        self._custom_mark = el.get(w("customMarkFollows")) in ("1", "true", "on")

    # -- formatting ----------------------------------------------------------------------
    def _props(self, rpr) -> dict:
        if rpr is None:
            return self.para_rpr
        direct = run_props(rpr, self.ctx.styles.theme)
        rstyle = direct.pop("rstyle", None)
        if rstyle:
            style_rpr, _ = self.ctx.styles.chain(rstyle)
            return {**self.para_rpr, **style_rpr, **direct}
        return {**self.para_rpr, **direct}

    def _add(self, text: str, props: dict) -> None:
        self.length += len(text)
        font = props.get("font_ea")
        latin = props.get("font_latin")
        color = props.get("color")
        role = role_for_font_name(font) or role_for_font_name(latin)
        run = Run(text=text, font=font, font_latin=latin, role=role, size=props.get("size"),
                  bold=bool(props.get("b")), italic=bool(props.get("i")),
                  underline=bool(props.get("underline")), strike=bool(props.get("strike")),
                  color=color if color not in ("000000",) else None, vert=props.get("vert"),
                  emphasis=bool(props.get("em")))
        if self.runs:
            last = self.runs[-1]
            if _same_format(last, run):
                last.text += text
                return
        self.runs.append(run)


def _same_format(a: Run, b: Run) -> bool:
    return (a.font, a.font_latin, a.size, a.bold, a.italic, a.underline, a.strike, a.color,
            a.vert, a.note, a.emphasis) == (b.font, b.font_latin, b.size, b.bold, b.italic,
                                            b.underline, b.strike, b.color, b.vert, b.note,
                                            b.emphasis)


def image_rel(el) -> tuple[str | None, float, float]:
    """(relationship id, width pt, height pt) of a w:drawing / w:pict image."""
    rid = None
    for blip in el.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
        rid = blip.get("{%s}embed" % R_NS) or blip.get("{%s}link" % R_NS)
        break
    if rid is None:
        for data in el.iter("{%s}imagedata" % V_NS):
            rid = data.get("{%s}id" % R_NS)
            break
    width = height = 0.0
    for ext in el.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"):
        width = _extent(ext.get("cx")) / 12700.0
        height = _extent(ext.get("cy")) / 12700.0
        break
    if not width:
        for shape in el.iter("{%s}shape" % V_NS):
            width, height = _vml_size(shape.get("style", ""))
            break
    return rid, width, height


MAX_EXTENT_PT = 14400.0      # 5 m: no picture placed in a document is larger


def _extent(text) -> float:
    """An EMU extent as a finite, non-negative number (NaN, inf, "abc", negative → 0: the
    picture then takes its size from the frame)."""
    value = _finite(text)
    return min(value, MAX_EXTENT_PT * 12700.0) if value > 0 else 0.0


def _finite(text) -> float:
    try:
        value = float(text or 0)
    except (TypeError, ValueError):
        return 0.0
    return value if math.isfinite(value) else 0.0


def _vml_size(style: str) -> tuple[float, float]:
    sizes = {}
    for part in style.split(";"):
        if ":" in part:
            key, value = part.split(":", 1)
            value = value.strip()
            factor = 1.0
            for unit, f in (("pt", 1.0), ("in", 72.0), ("cm", 72 / 2.54), ("mm", 72 / 25.4),
                            ("px", 0.75)):
                if value.endswith(unit):
                    value, factor = value[:-len(unit)], f
                    break
            value = _finite(value) * factor
            sizes[key.strip()] = value if 0 < value <= MAX_EXTENT_PT else 0.0
    return sizes.get("width", 0.0), sizes.get("height", 0.0)
