"""Font files → embeddable TrueType subsets in the per-user cache (layer: fonts, file I/O).

reportlab embeds only TrueType (glyf) outlines, while the best open CJK faces (Noto /
Source Han) are CFF-based.  ``subset_to_truetype`` subsets a face (a .ttf/.otf file or
one subfont of a .ttc/.otc) to a set of characters with fontTools and, when the outlines
are CFF, converts them to quadratic TrueType contours (cu2qu).  The result is a
standalone TrueType file reportlab can parse quickly.

``cached_subset`` keys the output file by the source file (path, size, mtime), the
subfont index, the fontTools version, this module's format number and the character set,
and writes it atomically, so two processes may race without harm.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import fontTools

# fontTools.subset, its pens and ttLib are imported where used: a build with warm font
# caches never converts, and importing them costs a tenth of a second at startup.

FORMAT = 3              # 3: head.modified kept from the source (byte-identical output)
MAX_ERR = 1.0          # font units: cu2qu tolerance (1/1000 em on a 1000-unit face)
_DROP = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx", "DSIG",
         "MATH", "COLR", "CPAL", "SVG ", "sbix", "CBDT", "CBLC", "EBDT", "EBLC"]


def source_key(path: Path, index: int) -> str:
    """Identity of a font source: path, size, mtime, subfont and the converter version."""
    st = os.stat(path)
    text = f"{Path(path).resolve()}|{st.st_size}|{st.st_mtime_ns}|{index}|{fontTools.version}|{FORMAT}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def chars_key(chars) -> str:
    """Stable hash of a character set."""
    text = "".join(sorted(chars))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


# fontTools subsetter settings: keep every name record, a drawn .notdef and the outlines
# as plain (desubroutinised, unhinted) glyphs with recomputed bounds.
_SUBSET_SETTINGS = {
    "layout_features": [], "name_IDs": ["*"], "name_languages": ["*"], "name_legacy": True,
    "notdef_outline": True, "notdef_glyph": True, "hinting": False, "glyph_names": False,
    "desubroutinize": True, "recalc_bounds": True,
}


def _options():
    import logging

    from fontTools import subset as ft_subset
    # fontTools reports each table it cannot subset and drops (FontForge's FFTM, vendor
    # tables) as a warning on stderr: not something the user can act on
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    opts = ft_subset.Options()
    opts.drop_tables += _DROP
    for name, value in _SUBSET_SETTINGS.items():
        setattr(opts, name, list(value) if isinstance(value, list) else value)
    return opts


def cff_to_glyf(font, max_err: float = MAX_ERR) -> None:
    """Replace the CFF outlines of ``font`` (a fontTools TTFont) by TrueType quadratic
    contours in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxPoints", "maxContours",
                  "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping"):
        if hasattr(post, attr):
            delattr(post, attr)
    head = font["head"]
    head.glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    hmtx = font["hmtx"]
    for name in order:   # left side bearings follow the new bounding boxes
        glyph = glyphs[name]
        if glyph.numberOfContours:
            glyph.recalcBounds(glyf)
        hmtx[name] = (hmtx[name][0], glyph.xMin if glyph.numberOfContours else 0)


def subset_to_truetype(src: Path, index: int, chars, out: Path) -> Path:
    """Write the glyphs of ``chars`` (those the face has) from ``src`` as TrueType to ``out``."""
    # recalcTimestamp=False: the subset keeps the source's head.modified instead of the
    # conversion time, so a subset is the same bytes on every machine and every run.
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont
    font = TTFont(str(src), fontNumber=index, lazy=False, recalcTimestamp=False)
    cmap = font.getBestCmap() or {}
    unicodes = sorted(ord(c) for c in chars if ord(c) in cmap)
    subsetter = ft_subset.Subsetter(_options())
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    if "CFF " in font or "CFF2" in font:
        cff_to_glyf(font)
    _save_atomic(font, out)
    return out


def _save_atomic(font, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name, suffix=".part", dir=str(out.parent))
    os.close(fd)
    try:
        font.save(tmp, reorderTables=False)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def cached_subset(src: Path, index: int, chars, folder: Path, stem: str, tag: str | None = None) -> Path:
    """The cached TrueType subset of ``src`` for ``chars``; converted on first use.

    ``tag`` names the character set in the file name (e.g. "base"); by default the set's
    hash is used."""
    label = tag or chars_key(chars)
    out = Path(folder) / f"{stem}-{source_key(src, index)}-{label}.ttf"
    if not out.exists():
        subset_to_truetype(Path(src), index, chars, out)
    return out
