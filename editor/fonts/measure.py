"""Text measurement contract between fonts and layout (layer: fonts, no I/O).

The layout never opens a font file: it asks a ``Measurer`` for advance widths and for the
face that will draw a character (after per-character fallback).  ``FontBook`` in
``editor.fonts`` is the real implementation; ``FixedMeasurer`` gives every wide (CJK)
character 1 em and every other character ½ em, so layout unit tests do not depend on
installed fonts.
"""
from __future__ import annotations

import unicodedata
from typing import Protocol

ROLES = ("biaosong", "song", "fangsong", "kai", "hei", "latin")

# The face key ``face_for`` gives a character that no face on the machine can draw: the
# painters draw a framed placeholder box with its code there (``editor.fonts.placeholder``),
# never a .notdef glyph, and the layout warns (GLYPH_MISSING).
MISSING_FACE = "~missing"


class Measurer(Protocol):
    def advance(self, ch: str, role: str, size: float) -> float:
        """Advance width in points of ``ch`` set in font role ``role`` at ``size`` pt."""

    def face_for(self, ch: str, role: str) -> str:
        """Key of the face that draws ``ch`` for ``role`` (after per-character fallback);
        ``MISSING_FACE`` when no face has it."""

    def ascent(self, role: str, size: float) -> float:
        """Distance from baseline to the top of the em box, in points (positive)."""

    def descent(self, role: str, size: float) -> float:
        """Distance from baseline to the bottom of the em box, in points (positive)."""


def is_wide(ch: str) -> bool:
    """True for characters set on a full em (CJK ideographs, full-width punctuation)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


class FixedMeasurer:
    """Deterministic measurer for tests: wide characters 1 em, others ½ em."""

    def advance(self, ch: str, role: str, size: float) -> float:
        return size if is_wide(ch) else size / 2

    def face_for(self, ch: str, role: str) -> str:
        return role

    def ascent(self, role: str, size: float) -> float:
        return size * 0.88

    def descent(self, role: str, size: float) -> float:
        return size * 0.12
