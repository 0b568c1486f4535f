"""Font roles → concrete faces, measurement and embeddable files (layer: fonts).

``FontBook`` is the real ``Measurer`` (editor.fonts.measure): each gazette role has a
chain of faces (preferences order, faces whose licence forbids embedding left out, the
open Noto fallback last).  ``face_for`` picks, per character, the role's first face when
it has the glyph, else the first that has it of: the role's other installed faces, the
other roles' (宋体 first), any other installed face (CJK first: SimSun-ExtB), the bundled
open faces (Noto SC, Noto JP for Extension B); a visible character none has gets
``MISSING_FACE`` (a placeholder box, a GLYPH_MISSING warning).  The choice and the
advance widths are cached in dicts, so the composer's ~100k calls per build are
dictionary look-ups.

Face keys are PostScript names.  A character outside the face's cached base set
(``charsets.base_chars``) gets the key ``<face>~x``: same file and metrics, but embedded
from a small per-build subset, so the large base conversion never has to be redone.
``prepare_for_pdf`` turns faces into cached TrueType files (CFF converted) and
``register_reportlab`` registers them with reportlab.
"""
from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.errors import GazetteError
from editor.fonts.charsets import base_chars
from editor.fonts.discovery import bundled_files, discover
from editor.fonts.faces import FaceMetrics, FaceRecord, embedding_text, load_metrics
from editor.fonts.measure import MISSING_FACE, ROLES, is_wide
from editor.fonts.names import role_for_font_name
from editor.fonts.preferences import FALLBACK_FOR_ROLE, load_preferences

EXT = "~x"
_STYLE_WORDS = ("bold", "black", "heavy", "light", "thin", "medium", "semibold", "extralight",
                "italic", "oblique", "condensed")
Progress = Callable[[str], None] | None


@dataclass(frozen=True)
class PdfFont:
    """A TrueType file reportlab can embed: ``TTFont(name, path, subfontIndex=subfont_index)``."""
    name: str
    path: Path
    subfont_index: int = 0


def font_cache_dir() -> Path:
    """Per-user folder of converted fonts, metrics and the face index."""
    from editor.appdirs import cache_dir
    return cache_dir() / "fonts"


def _visible(ch: str) -> bool:
    """A character that shows ink (private-use and unassigned code points included), as
    opposed to spaces, controls and format characters (zero-width space, BOM …)."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")


def display_name(rec: FaceRecord) -> str:
    """How a face is named to the user: its Chinese family name when it has one, else its
    family name, with the weight when that is not the regular one (Noto Serif CJK SC Bold)."""
    chinese = [n for n in rec.names if any("\u4e00" <= c <= "\u9fff" for c in n)]
    if chinese:
        return chinese[0]
    family = (rec.names or [rec.key])[0]
    styled = [n for n in rec.names if n.startswith(family + " ") and not n.endswith("Regular")]
    return max(styled, key=len) if styled else family


# where a role looks next for a glyph its own faces lack: 宋体 first for the serif roles
# (仿宋_GB2312 → 仿宋 → 宋体), the heavy 小标宋 last; 黑体 among the sans faces first
_KIN = {role: ("song", "fangsong", "kai", "latin", "biaosong", "hei") for role in ROLES}
_KIN["hei"] = ("hei", "song", "fangsong", "kai", "latin", "biaosong")


def _role_kind(role: str) -> str:
    return "sans" if role == "hei" else "serif"


def _face_kind(rec: FaceRecord) -> str:
    sans = "sans" in rec.key.lower() or any(role_for_font_name(n) == "hei" for n in rec.names)
    return "sans" if sans else "serif"


def _is_cjk(rec: FaceRecord) -> bool:
    """The face's names say it is a Chinese (or CJK) face."""
    return any(role_for_font_name(n) not in (None, "latin")
               or any("\u4e00" <= c <= "\u9fff" for c in n) for n in rec.names)


def _style_rank(rec: FaceRecord) -> int:
    key = rec.key.lower()
    return 1 if any(word in key for word in _STYLE_WORDS) else 0


class FontBook:
    """Roles → faces, per-character fallback, metrics and PDF font files."""

    def __init__(self, preferences: dict | None = None, faces: list[FaceRecord] | None = None,
                 cache_dir: Path | None = None, extra_dirs=(), use_fontconfig: bool = True,
                 user_file: Path | None = None, system_fonts: bool | None = None):
        """``extra_dirs`` are searched first; ``system_fonts=False`` leaves the machine's
        installed fonts out (default: ``GONGBAO_SYSTEM_FONTS``, see editor.fonts.discovery)."""
        self.cache = Path(cache_dir) if cache_dir is not None else font_cache_dir()
        self.preferences = load_preferences(preferences, user_file)
        self.faces = (discover(self.cache, extra_dirs, use_fontconfig, system_fonts=system_fonts)
                      if faces is None else list(faces))
        self._bundled = {os.path.normcase(os.path.realpath(p)) for p in bundled_files()}
        self._by_key = {rec.key: rec for rec in self.faces}
        self._metrics: dict[str, FaceMetrics] = {}
        self.refused: dict[str, str] = {}          # face key → reason (Chinese)
        self._chains: dict[str, list[FaceRecord]] = {}
        for role in ROLES:      # "latin" last: it falls back on the song chain
            self._chains[role] = self._build_chain(role)
        self._pools: dict[str, list[FaceRecord]] = {}
        self._face: dict[str, dict[str, str]] = {role: {} for role in ROLES}
        self._em: dict[str, dict[str, float]] = {role: {} for role in ROLES}
        self.substitutions: dict[tuple[str, str], str] = {}   # (char, role) → face
        self.missing: dict[str, set[str]] = {}                # char → roles
        self._pdf: dict[tuple[str, str], PdfFont] = {}
        self._lock = threading.RLock()

    # ----- roles and chains -------------------------------------------------------------
    def _matches(self, name: str) -> list[FaceRecord]:
        found = [rec for rec in self.faces if rec.matches(name)]
        return sorted(found, key=_style_rank)

    def _build_chain(self, role: str) -> list[FaceRecord]:
        chain: list[FaceRecord] = []
        names = list(self.preferences.get(role, []))
        if role != "latin":
            names.append(FALLBACK_FOR_ROLE[role])
        for name in names:
            for rec in self._matches(name):
                if rec in chain:
                    continue
                if not rec.embeddable:
                    self.refused[rec.key] = embedding_text(rec.fs_type)
                    continue
                chain.append(rec)
                break
        if role == "latin":
            chain += [rec for rec in self._chains["song"] if rec not in chain]
        if not chain:
            chain = [rec for rec in self.faces if rec.embeddable][:1]
        if not chain:
            raise GazetteError("未找到任何可用字体：请重新安装公报编辑器（含开源思源/Noto 字体包）",
                               "no embeddable font found, not even pylopdf-fonts-zh-cn")
        return chain

    def _role(self, role: str) -> str:
        if role in self._face:
            return role
        return role_for_font_name(role) or "song"

    def substitute(self, role: str) -> tuple[str, str] | None:
        """(office font wanted, face used instead) when the role's first preference — the
        font the documents name, e.g. 仿宋_GB2312 — is not installed; None when it is."""
        real = self._role(role)
        wanted = (self.preferences.get(real) or [""])[0]
        first = self._chains[real][0]
        if not wanted or first.matches(wanted):
            return None
        return wanted, display_name(first)

    def faces_for_role(self, role: str) -> list[str]:
        """Face keys of the role's chain, most preferred first."""
        return [rec.key for rec in self._chains[self._role(role)]]

    def _pool(self, role: str) -> list[FaceRecord]:
        """Where a character the role's first face lacks is looked for, in order: the
        role's installed preferred faces (仿宋_GB2312 → 仿宋), those of the other roles
        (宋体 first, see ``_KIN``), every other installed face (CJK
        faces of the same kind first: SimSun-ExtB has Extension B), and last the bundled
        open faces (Noto SC, then Noto JP for the Extension B characters SC lacks)."""
        pool = self._pools.get(role)
        if pool is None:
            kind = _role_kind(role)
            chain = self._chains[role]
            own = {rec.key for rec in chain}
            ordered = [chain[0]] + [rec for rec in chain if not self.is_bundled(rec)]
            for other in _KIN[role]:
                ordered += [rec for rec in self._chains[other] if not self.is_bundled(rec)]
            usable = [rec for rec in self.faces if rec.embeddable]
            ordered += sorted((rec for rec in usable if not self.is_bundled(rec)),
                              key=lambda rec: (not _is_cjk(rec), _face_kind(rec) != kind,
                                               _style_rank(rec)))
            ordered += sorted((rec for rec in usable if self.is_bundled(rec)),
                              key=lambda rec: (rec.key not in own, _face_kind(rec) != kind))
            seen: set[str] = set()
            pool = [rec for rec in ordered if not (rec.key in seen or seen.add(rec.key))]
            self._pools[role] = pool
        return pool

    def is_bundled(self, rec: FaceRecord) -> bool:
        return os.path.normcase(os.path.realpath(rec.path)) in self._bundled

    def uses_base(self, rec: FaceRecord) -> bool:
        """Whether the face is embedded from its base subset, converted once (TrueType
        faces, the bundled faces), rather than from the characters each issue needs
        (installed CFF faces: see editor.fonts.prepare)."""
        return not rec.cff or self.is_bundled(rec)

    def metrics(self, key: str) -> FaceMetrics:
        """Metrics of a face key (KeyError for an unknown face; no glyphs for
        ``MISSING_FACE``)."""
        if key == MISSING_FACE:
            return FaceMetrics({}, 0.88, 0.12)
        found = self._metrics.get(key)
        if found is None:
            rec = self.record(key)
            found = self._metrics.get(rec.key)
            if found is None:
                found = load_metrics(Path(rec.path), rec.index, self.cache)
                self._metrics[rec.key] = found
            self._metrics[key] = found
        return found

    # ----- Measurer protocol -----------------------------------------------------------
    def face_for(self, ch: str, role: str) -> str:
        try:
            return self._face[role][ch]
        except KeyError:
            return self._resolve(ch, role)[0]

    def advance(self, ch: str, role: str, size: float) -> float:
        try:
            return self._em[role][ch] * size
        except KeyError:
            return self._resolve(ch, role)[1] * size

    def _resolve(self, ch: str, role: str) -> tuple[str, float]:
        real = self._role(role)
        cp = ord(ch)
        chain = self._chains[real]
        # a control character (a line break, a tab) has no glyph in any font: half an em
        # as for any glyph no face has, without searching every installed face for it
        # (that loads all their metrics, 50 ms on a build's first paragraph); a format
        # character (zero-width space, BOM, soft hyphen, word joiner) takes no room.
        # Neither is drawn (editor.render.pdf leaves them out: no .notdef box)
        control = cp < 0x20 or 0x7F <= cp < 0xA0
        invisible = control or unicodedata.category(ch) == "Cf"
        for rec in () if invisible else self._pool(real):
            width = self.metrics(rec.key).advances.get(cp)
            if width is None:
                continue
            key = rec.key if ch in base_chars() else rec.key + EXT
            if rec is not chain[0]:
                self.substitutions[(ch, real)] = rec.key
            break
        else:
            key = chain[0].key
            width = 0.0 if invisible and not control else 1.0 if is_wide(ch) else 0.5
            if _visible(ch):            # drawn as a placeholder box, never as .notdef
                key, width = MISSING_FACE, 1.0
                self.missing.setdefault(ch, set()).add(real)
        self._face.setdefault(role, {})[ch] = key
        self._em.setdefault(role, {})[ch] = width
        return key, width

    def ascent(self, role: str, size: float) -> float:
        return self.metrics(self._chains[self._role(role)][0].key).ascent * size

    def descent(self, role: str, size: float) -> float:
        return self.metrics(self._chains[self._role(role)][0].key).descent * size

    # ----- files ------------------------------------------------------------------------
    def record(self, face: str) -> FaceRecord:
        """The face record of a face key (a role name stands for the role's first face);
        KeyError for a face this FontBook does not know."""
        key = face[:-len(EXT)] if face.endswith(EXT) else face
        rec = self._by_key.get(key)
        if rec is None and key in self._chains:
            rec = self._chains[key][0]
        if rec is None:
            raise KeyError(face)
        return rec

    def face_path(self, face: str) -> tuple[Path, int]:
        """The source file and subfont index of a face (for the on-screen preview)."""
        rec = self.record(face)
        return Path(rec.path), rec.index

    def report(self) -> dict:
        """Roles → chosen files, faces refused for their licence, substitutions, missing."""
        roles = {role: [{"face": rec.key, "path": rec.path, "index": rec.index,
                         "names": rec.names[:3]} for rec in self._chains[role]]
                 for role in ROLES}
        subs: dict[str, str] = {}
        for (ch, _role), face in sorted(self.substitutions.items()):
            subs.setdefault(ch, face)
        return {"roles": roles, "refused": dict(self.refused), "substitutions": subs,
                "missing": "".join(sorted(self.missing))}

    def prepare_for_pdf(self, chars_by_face: dict[str, set[str]], progress: Progress = None) -> dict[str, PdfFont]:
        """Cached embeddable TrueType files covering ``chars_by_face``; converts CFF faces
        (progress lines on a first build).  Raises GazetteError for a face whose licence
        forbids embedding."""
        from editor.fonts.prepare import prepare_files
        wanted = {face: chars for face, chars in chars_by_face.items() if face != MISSING_FACE}
        with self._lock:
            return prepare_files(self, wanted, progress)

    def register_reportlab(self, chars_by_face: dict[str, set[str]], progress: Progress = None) -> dict[str, str]:
        """Register the faces with reportlab (idempotent); face key → reportlab font name."""
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        _astral_tounicode()
        files = self.prepare_for_pdf(chars_by_face, progress)
        registered = set(pdfmetrics.getRegisteredFontNames())
        out = {}
        for face, pdf in files.items():
            if pdf.name not in registered:
                font = TTFont(pdf.name, str(pdf.path), subfontIndex=pdf.subfont_index)
                # reportlab takes a dynamic font whose PostScript name it has seen for the
                # one registered first (every subset of a face carries the face's name):
                # each file goes in under its own name, or its glyphs print as .notdef
                font.face.name = pdf.name.removeprefix("GB-").encode("ascii", "replace")
                pdfmetrics.registerFont(font)
                registered.add(pdf.name)
            out[face] = pdf.name
        return out


def _tounicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of a 256-glyph subset, with characters beyond the BMP
    (Extension B names such as 𠮷) written as UTF-16 surrogate pairs as the PDF
    specification wants: reportlab writes their code point as 5 hex digits, which readers
    take for a different character, so copied or searched text loses them."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
             "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
             "1 begincodespacerange", "<00> <%02X>" % (len(subset) - 1), "endcodespacerange",
             "%d beginbfchar" % len(subset)]
    lines += ["<%02X> <%s>" % (i, chr(v).encode("utf-16-be", "surrogatepass").hex().upper()
                               if v > 0xFFFF else "%04X" % v) for i, v in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop",
              "end", "end"]
    return "\n".join(lines)


def _astral_tounicode() -> None:
    """Use ``_tounicode_cmap`` for the fonts reportlab embeds (the same bytes for the BMP)."""
    from reportlab.pdfbase import ttfonts
    ttfonts.makeToUnicodeCMap = _tounicode_cmap


_BOOKS: dict[str, FontBook] = {}
_BOOKS_LOCK = threading.Lock()


def default_fontbook(preferences: dict | None = None) -> FontBook:
    """The process-wide FontBook for these preferences (discovery runs once)."""
    import json
    key = json.dumps(preferences or {}, sort_keys=True, ensure_ascii=False)
    with _BOOKS_LOCK:
        book = _BOOKS.get(key)
        if book is None:
            book = _BOOKS[key] = FontBook(preferences)
        return book
