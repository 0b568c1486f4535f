"""Font files → embeddable TrueType subsets in the per-user cache (layer: fonts, file I/O).

reportlab embeds only TrueType (glyf) outlines, while the best open CJK faces (Noto /
Source Han) are CFF-based.  ``subset_to_truetype`` subsets a face (a .ttf/.otf file or
one subfont of a .ttc/.otc) to a set of characters with fontTools and, when the outlines
are CFF, converts them to quadratic TrueType contours (cu2qu).  The result is a
standalone TrueType file reportlab can parse quickly.

CFF outlines are drawn glyph by glyph straight into a new TrueType font (``_cff_subset``);
TrueType faces go through fontTools' subsetter.  ``cached_subset`` keys the output file
by the source file (path, size, mtime), the subfont index, the fontTools version, this module's format number and the character set,
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

FORMAT = 5              # 3: head.modified kept from the source (byte-identical output);
                        # 4: CFF faces converted directly, without fontTools' subsetter;
                        # 5: the base set is GB2312 level 1 (charsets.base_chars)
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


def _outline_drawer(src: Path, index: int, font):
    """``draw(glyph name, pen)`` for the outlines of ``font`` (``src`` subfont ``index``):
    HarfBuzz's C charstring interpreter (uharfbuzz) when installed, about 2.5× faster than
    fontTools' own — both give the same points — else fontTools' glyph set."""
    try:
        import uharfbuzz as hb
    except ImportError:
        glyph_set = font.getGlyphSet()
        return lambda name, pen: glyph_set[name].draw(pen)
    hb_font = hb.Font(hb.Face(hb.Blob.from_file_path(str(src)), index))
    gid = font.getGlyphID
    return lambda name, pen: hb_font.draw_glyph_with_pen(gid(name), pen)


def _draw_quadratic(draw, name: str, max_err: float):
    """One glyph of a CFF face as a TrueType glyph (cubic curves → quadratic, cu2qu)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    pen = TTGlyphPen(None)
    draw(name, Cu2QuPen(pen, max_err, reverse_direction=True))
    return pen.glyph()


def _cff_subset(font, unicodes: list[int], draw, max_err: float = MAX_ERR):
    """A new TrueType font holding .notdef and the glyphs of ``unicodes`` of the CFF face
    ``font``: each glyph drawn once (``draw``) through cu2qu, naming, OS/2, head and hhea values
    kept from the source; layout tables, vertical metrics and hints left out.

    Built directly rather than through fontTools' subsetter, which runs every charstring
    three more times (glyph closure, desubroutinising, hint removal) before the outlines
    are even converted: a base set converts 2–3× faster."""
    from fontTools.fontBuilder import FontBuilder
    cmap = font.getBestCmap() or {}
    wanted = {cp: cmap[cp] for cp in unicodes}
    order = [font.getGlyphOrder()[0]]
    order += sorted(set(wanted.values()) - set(order), key=font.getGlyphID)
    hmtx = font["hmtx"]
    glyphs, metrics = {}, {}
    for name in order:
        glyphs[name] = _draw_quadratic(draw, name, max_err)
        metrics[name] = (hmtx[name][0], 0)        # left side bearing: set from the bounds
    builder = FontBuilder(font["head"].unitsPerEm, isTTF=True)
    out = builder.font
    out.recalcTimestamp = False
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(wanted)
    builder.setupGlyf(glyphs)
    glyf = out["glyf"]
    for name in order:
        glyph = glyphs[name]
        if glyph.numberOfContours:
            glyph.recalcBounds(glyf)
            metrics[name] = (metrics[name][0], glyph.xMin)
    builder.setupHorizontalMetrics(metrics)
    for tag in ("head", "hhea", "OS/2", "name"):
        out[tag] = font[tag]
    out["head"].glyphDataFormat = 0
    builder.setupPost(keepGlyphNames=False)
    builder.setupMaxp()
    return out


def subset_to_truetype(src: Path, index: int, chars, out: Path) -> Path:
    """Write the glyphs of ``chars`` (those the face has) from ``src`` as TrueType to ``out``."""
    # recalcTimestamp=False: the subset keeps the source's head.modified instead of the
    # conversion time, so a subset is the same bytes on every machine and every run.
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont
    font = TTFont(str(src), fontNumber=index, lazy=True, recalcTimestamp=False)
    cmap = font.getBestCmap() or {}
    unicodes = sorted(ord(c) for c in chars if ord(c) in cmap)
    if "CFF " in font or "CFF2" in font:
        _save_atomic(_cff_subset(font, unicodes, _outline_drawer(src, index, font)), out)
        return out
    font = TTFont(str(src), fontNumber=index, recalcTimestamp=False)
    for tag in _DROP:       # dropped unread: decompiling GSUB/GPOS of a CJK face costs seconds
        if tag in font:
            del font[tag]
    subsetter = ft_subset.Subsetter(_options())
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
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
