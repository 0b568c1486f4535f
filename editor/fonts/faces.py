"""Font files → face records and per-face metrics (layer: fonts, file I/O).

``scan_file`` reads the naming and licensing facts of every face in a .ttf/.otf/.ttc/.otc
file (family, full and PostScript names in all languages, OS/2 fsType, CFF or TrueType
outlines) without loading glyphs.  ``FaceMetrics`` holds what layout needs: the cmap as
code point → advance in em, and the em-box ascent/descent.  Metrics are read once with
fontTools and kept as a pickle in the per-user cache keyed by the file's identity, so a
warm process loads a 30,000-glyph CJK face in a few milliseconds.
"""
from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.fonts.convert import source_key

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
_NAME_IDS = (1, 4, 6, 16, 21)


@dataclass
class FaceRecord:
    """One face of a font file (a subfont for collections)."""
    key: str                      # unique face key (PostScript name, made unique)
    path: str
    index: int                    # subfont index in a .ttc/.otc, else 0
    names: list[str] = field(default_factory=list)   # family/full/PS names, all languages
    fs_type: int = 0
    cff: bool = False
    glyphs: int = 0

    @property
    def embeddable(self) -> bool:
        return embedding_allowed(self.fs_type)

    def matches(self, name: str) -> bool:
        wanted = _norm(name)
        return any(_norm(n) == wanted for n in self.names)


def embedding_allowed(fs_type: int) -> bool:
    """OS/2 fsType permits embedding a subset in a print PDF (not restricted licence,
    not "no subsetting", not "bitmap embedding only")."""
    if fs_type & 0x000F == 0x0002:
        return False
    return not fs_type & 0x0300


def embedding_text(fs_type: int) -> str:
    """Chinese description of an fsType value for reports."""
    if fs_type & 0x000F == 0x0002:
        return "字体授权禁止嵌入（fsType 受限许可）"
    if fs_type & 0x0100:
        return "字体授权禁止子集嵌入（fsType 不可子集化）"
    if fs_type & 0x0200:
        return "字体授权仅允许嵌入位图（fsType 仅位图）"
    return "允许嵌入"


def _norm(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


def _face_names(font) -> list[str]:
    names: list[str] = []
    if "name" not in font:
        return names
    for rec in font["name"].names:
        if rec.nameID not in _NAME_IDS:
            continue
        try:
            text = rec.toUnicode().strip()
        except (UnicodeDecodeError, ValueError):
            continue
        if text and text not in names:
            names.append(text)
    return names


def _ps_name(font, path: Path, index: int) -> str:
    name = font["name"].getDebugName(6) if "name" in font else None
    name = re.sub(r"[^A-Za-z0-9\-]", "", name or "") or re.sub(r"[^A-Za-z0-9\-]", "", path.stem) or "Face"
    return name if index == 0 or font["name"].getDebugName(6) else f"{name}-{index}"


def scan_file(path: Path) -> list[FaceRecord]:
    """Face records of a font file; empty for files fontTools cannot read."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError
    path = Path(path)
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            count = len(TTCollection(str(path), lazy=True).fonts)
        else:
            count = 1
        out = []
        for index in range(count):
            font = TTFont(str(path), fontNumber=index, lazy=True)
            fs_type = font["OS/2"].fsType if "OS/2" in font else 0
            out.append(FaceRecord(key=_ps_name(font, path, index), path=str(path), index=index,
                                  names=_face_names(font), fs_type=fs_type,
                                  cff="CFF " in font or "CFF2" in font,
                                  glyphs=font["maxp"].numGlyphs))
            font.close()
        return out
    except (TTLibError, OSError, KeyError, AssertionError, ValueError, IndexError, TypeError):
        return []


@dataclass
class FaceMetrics:
    """Per-face layout facts: advances in em per code point, em-box ascent/descent."""
    advances: dict[int, float]
    ascent: float
    descent: float

    def has(self, ch: str) -> bool:
        return ord(ch) in self.advances


def _read_metrics(path: Path, index: int) -> FaceMetrics:
    from fontTools.ttLib import TTFont
    font = TTFont(str(path), fontNumber=index, lazy=True)
    upem = font["head"].unitsPerEm or 1000
    cmap = font.getBestCmap() or {}
    hmtx = font["hmtx"].metrics
    advances = {cp: hmtx[g][0] / upem for cp, g in cmap.items() if g in hmtx}
    ascent, descent = 0.88, 0.12
    if "OS/2" in font:
        asc, desc = font["OS/2"].sTypoAscender, -font["OS/2"].sTypoDescender
        if asc > 0 and desc >= 0 and asc + desc > 0:
            ascent, descent = asc / (asc + desc), desc / (asc + desc)
    font.close()
    return FaceMetrics(advances, ascent, descent)


def load_metrics(path: Path, index: int, cache: Path | None) -> FaceMetrics:
    """Metrics of one face, through the pickle cache in ``cache`` when given."""
    if cache is None:
        return _read_metrics(path, index)
    stored = Path(cache) / f"{Path(path).stem}-{source_key(path, index)}.metrics"
    try:
        with open(stored, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    metrics = _read_metrics(path, index)
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        tmp = stored.with_name(stored.name + f".{os.getpid()}.part")
        with open(tmp, "wb") as fh:
            pickle.dump(metrics, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, stored)
    except OSError:
        pass
    return metrics
