"""List labels from numbering.xml: levels, lvlText patterns, restarts, overrides (layer: import).

``Numbering.label(num_id, ilvl)`` is called for each numbered paragraph in document order
and returns the label exactly as Word displays it ("一、", "（一）", "1.", "（1）", "1.2" …),
keeping one set of counters per abstract list so that separate w:num instances of the same
list continue, unless a w:startOverride restarts them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.docx_import.numfmt import format_number
from editor.docx_import.styles import para_props, run_props
from editor.docx_import.xmlutil import child, count, local, number, on_off, w, wval

_PLACEHOLDER = re.compile(r"%([1-9])")
MAX_START = 32767          # Word's largest start value (10^12 in upperRoman was 3.7 GB)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None         # lvlRestart: 0 = never, k = after level k (1-based)
    legal: bool = False                # isLgl: all placeholders decimal
    pstyle: str | None = None
    ppr: dict = field(default_factory=dict)
    rpr: dict = field(default_factory=dict)
    hidden: bool = False


def _level(el, theme, clamped: list) -> Level:
    lvl = Level()
    for c in el:
        name = local(c.tag)
        val = wval(c)
        if name == "start":
            lvl.start = _start(val, clamped)
        elif name == "numFmt":
            lvl.fmt = val or "decimal"
        elif name == "lvlText":
            lvl.text = val or ""
        elif name == "suff":
            lvl.suffix = val or "tab"
        elif name == "lvlRestart":
            lvl.restart = count(val, 0, 0, 9)
        elif name == "isLgl":
            lvl.legal = on_off(c)
        elif name == "pStyle":
            lvl.pstyle = val
        elif name == "pPr":
            lvl.ppr = para_props(c)
        elif name == "rPr":
            lvl.rpr = run_props(c, theme)
            lvl.hidden = bool(lvl.rpr.get("vanish"))
    return lvl


class Numbering:
    """numbering.xml resolved, with the running counters of one import."""

    def __init__(self, root=None, theme=None, styles=None, unknown=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}          # abstractNumId -> numStyleLink style id
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[tuple[str, int]] = set()
        self.styles = styles
        self.unknown = unknown or (lambda fmt: None)
        self.clamped: list[float] = []           # start values out of Word's range
        if root is not None:
            self._load(root, theme)

    def _load(self, root, theme) -> None:
        for an in root.iter(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            self.abstract[aid] = {count(lv.get(w("ilvl")), 0, 0, 9):
                                  _level(lv, theme, self.clamped)
                                  for lv in an.findall(w("lvl"))}
            link = wval(child(an, "numStyleLink"))
            if link:
                self.links[aid] = link
        for num in root.iter(w("num")):
            nid = num.get(w("numId"))
            aid = wval(child(num, "abstractNumId"))
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for ov in num.findall(w("lvlOverride")):
                ilvl = count(ov.get(w("ilvl")), 0, 0, 9)
                so = child(ov, "startOverride")
                if so is not None:
                    starts[ilvl] = _start(wval(so), self.clamped)
                lv = child(ov, "lvl")
                if lv is not None:
                    levels[ilvl] = _level(lv, theme, self.clamped)
                    if so is None:
                        starts[ilvl] = levels[ilvl].start
            self.nums[nid] = (aid, starts, levels)

    def _abstract_id(self, num_id: str, depth: int = 0) -> str | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        link = self.links.get(aid)
        if link and self.styles is not None and depth < 4:
            _, ppr = self.styles.chain(link)
            linked = ppr.get("num_id")
            if linked and linked != num_id:
                return self._abstract_id(linked, depth + 1) or aid
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        if ilvl in entry[2]:
            return entry[2][ilvl]
        levels = self.abstract.get(self._abstract_id(num_id) or "", {})
        return levels.get(ilvl)

    def level_for_style(self, num_id: str, pstyle: str | None) -> int | None:
        """The ilvl whose w:pStyle names a paragraph style (lists linked to headings)."""
        levels = self.abstract.get(self._abstract_id(num_id) or "", {})
        for ilvl, lvl in levels.items():
            if pstyle and lvl.pstyle == pstyle:
                return ilvl
        return None

    def label(self, num_id: str | None, ilvl: int) -> tuple[str, Level | None]:
        """Advance the counters for one numbered paragraph and return its label."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", None
        ilvl = max(0, min(8, ilvl))
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return "", None
        aid = self._abstract_id(num_id) or num_id
        counters = self.counters.setdefault(aid, [None] * 9)
        starts = self.nums[num_id][1]
        if ilvl in starts and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl] - 1
            self._reset_below(num_id, counters, ilvl)
        counters[ilvl] = (lvl.start - 1 if counters[ilvl] is None else counters[ilvl]) + 1
        self._reset_below(num_id, counters, ilvl)
        if lvl.fmt == "bullet":
            return _bullet(lvl.text) + _suffix(lvl), lvl
        if lvl.hidden:
            return "", lvl
        return self._render(num_id, lvl, counters) + _suffix(lvl), lvl

    def _reset_below(self, num_id: str, counters: list, ilvl: int) -> None:
        for deeper in range(ilvl + 1, 9):
            lvl = self.level(num_id, deeper)
            restart = lvl.restart if lvl and lvl.restart is not None else deeper
            if restart and ilvl < restart:
                counters[deeper] = None

    def _render(self, num_id: str, lvl: Level, counters: list) -> str:
        def repl(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            ref = self.level(num_id, k)
            start = ref.start if ref else 1
            value = counters[k] if counters[k] is not None else start
            fmt = "decimal" if (lvl.legal and ref and ref.fmt != "none") else \
                (ref.fmt if ref else "decimal")
            text = format_number(value, fmt)
            if text is None:
                self.unknown(fmt)
                text = str(value)
            return text
        return _PLACEHOLDER.sub(repl, lvl.text)


def _start(val, clamped: list) -> int:
    """A start value within Word's range (one out of it is clamped and listed)."""
    value = number(val, 1)
    if value > MAX_START or value < 0:
        clamped.append(value)
    return max(0, min(MAX_START, int(value)))


def _suffix(lvl: Level) -> str:
    return " " if lvl.suffix == "space" else ""


def _bullet(text: str) -> str:
    """Bullet characters; Symbol/Wingdings private-use glyphs shown as a bullet."""
    if not text:
        return "•"
    return "".join("•" if 0xE000 <= ord(c) <= 0xF8FF else c for c in text)
