"""Text items → PDF text operators, written straight into a reportlab page stream
(layer: render).

reportlab's ``TextObject`` formats every number and every character in pure Python and
restarts from the current point when a TrueType font switches to another 256-glyph
subset, so a PDF text extractor could place characters a little off where they are drawn.
``TextWriter`` emits the operators itself:

- characters of a ``TextItem`` are grouped into runs that share one character spacing
  (Tc) and one font subset; every run starts with an absolute text matrix (Tm) at the x
  the composer gave its first character, so what is drawn and what text extraction reports
  are the layout's positions, whatever the subsets;
- glyph codes come from the font's own subset assignment (``TTFont.splitString``, asked
  once per character and cached), so the fonts reportlab embeds match the codes; ``prime``
  assigns them most frequent character first, so most lines stay in one subset;
- strings are hex (``<…> Tj``), numbers are formatted with ``%`` at fixed precision.

Graphics state that outlives ``ET`` (Tc, Tz, Tr, colours) is set per item; Tc is reset to
0 after an item that changed it, and bold or scaled items are wrapped in q/Q.
"""
from __future__ import annotations

from collections import Counter

from reportlab.pdfbase import pdfmetrics

from editor.errors import GazetteError
from editor.layout.items import TextItem

TC_EPS = 0.005          # pt: spacing differences below this share one run


def rgb_op(hex_colour: str | None, op: str) -> str:
    """``"r g b rg"`` (or RG) for a hex colour; black for anything unreadable."""
    text = (hex_colour or "000000").lstrip("#")
    if len(text) != 6:
        return f"0 0 0 {op}"
    try:
        r, g, b = (int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return f"0 0 0 {op}"
    return f"{r:.4g} {g:.4g} {b:.4g} {op}"


class _Face:
    """One registered TrueType font in one document: widths and subset codes per char."""

    def __init__(self, name: str, doc):
        self.font = pdfmetrics.getFont(name)
        self.doc = doc
        self.codes: dict[str, tuple[int, int]] = {}     # char → (subset, code)
        self.widths: dict[str, float] = {}              # char → advance at 1 pt
        self.names: dict[int, str] = {}                 # subset → "/F1+0"

    def code(self, ch: str) -> tuple[int, int]:
        hit = self.codes.get(ch)
        if hit is None:
            (subset, data), = self.font.splitString(ch, self.doc)
            hit = self.codes[ch] = (subset, data[0])
        return hit

    def width(self, ch: str) -> float:
        w = self.widths.get(ch)
        if w is None:
            w = self.widths[ch] = self.font.stringWidth(ch, 1.0)
        return w

    def subset_name(self, subset: int) -> str:
        name = self.names.get(subset)
        if name is None:
            name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return name


class TextWriter:
    """Appends the operators of ``TextItem``s to a reportlab canvas's page stream."""

    def __init__(self, canv, fonts: dict[str, str]):
        self.c = canv
        self.fonts = fonts
        self._faces: dict[str, _Face] = {}
        self._colours: dict[tuple[str, str], str] = {}

    def _face(self, key: str) -> _Face:
        face = self._faces.get(key)
        if face is None:
            name = self.fonts.get(key)
            if name is None:
                raise GazetteError(f"字体未能嵌入 PDF：{key}",
                                   f"FontBook.register_reportlab returned no font for {key!r}")
            face = self._faces[key] = _Face(name, self.c._doc)
        return face

    def prime(self, counts: dict[str, Counter]) -> None:
        """Assign glyph codes most frequent character first (face key → character
        counts), so the common characters share the first 256-glyph subsets and lines
        switch fonts less often; the order is deterministic."""
        for key in sorted(counts):
            if key not in self.fonts:
                continue
            face = self._face(key)
            order = sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0]))
            for ch, _n in order:
                face.code(ch)

    def colour(self, hex_colour: str, op: str) -> str:
        key = (hex_colour, op)
        hit = self._colours.get(key)
        if hit is None:
            hit = self._colours[key] = rgb_op(hex_colour, op)
        return hit

    def write(self, item: TextItem, xs: list[float], x_off: float, y: float) -> None:
        """Draw ``item`` with its characters at ``xs`` (layout x) shifted by ``x_off``,
        baseline at ``y`` (PDF coordinates)."""
        face = self._face(item.face)
        text, size, scale = item.text, item.size, item.scale_x or 1.0
        special = item.bold or scale != 1.0
        ops: list[str] = []
        out = ops.append
        if special:
            out("q")
        if item.bold:
            out(self.colour(item.color, "RG"))
            out(f"{size * 0.03:.3f} w")
        out("BT")
        out(self.colour(item.color, "rg"))
        if scale != 1.0:
            out(f"{scale * 100:.2f} Tz")
        if item.bold:
            out("2 Tr")
        unit = size * scale
        widths, subs, codes = [], [], []
        for ch in text:
            w = face.widths.get(ch)
            widths.append((w if w is not None else face.width(ch)) * unit)
            sub, code = face.codes.get(ch) or face.code(ch)
            subs.append(sub)
            codes.append(code)
        y_tm = f"{y:.3f} Tm"
        n = len(text)
        tc = 0.0
        subset = -1
        i = 0
        while i < n:
            j, delta = _spacing_run(xs, widths, i)
            spacing = round(delta / scale, 4)
            if spacing != tc:
                out(f"{spacing:.4f} Tc")
                tc = spacing
            k = i
            while k < j:                       # runs of one subset within the chunk
                sub = subs[k]
                m = k + 1
                while m < j and subs[m] == sub:
                    m += 1
                if sub != subset:
                    out(f"{face.subset_name(sub)} {size:.2f} Tf")
                    subset = sub
                out(f"1 0 0 1 {xs[k] + x_off:.3f} {y_tm} <{bytes(codes[k:m]).hex()}> Tj")
                k = m
            i = j
        out("ET")
        if special:
            out("Q")
        elif tc:
            out("0 Tc")
        self.c.addLiteral(" ".join(ops))


def _spacing_run(xs: list[float], widths: list[float], i: int) -> tuple[int, float]:
    """End of the run of characters from ``i`` whose gap after the advance is the same,
    and that gap (pt, scaled)."""
    n = len(xs)
    if i + 1 >= n:
        return n, 0.0
    delta = xs[i + 1] - xs[i] - widths[i]
    j = i + 1
    while j + 1 < n:
        if abs(xs[j + 1] - xs[j] - widths[j] - delta) > TC_EPS:
            break
        j += 1
    return j + 1, delta
