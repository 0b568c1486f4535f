"""Gazette fonts (layer: fonts): roles, discovery, per-character fallback, measurement and
embeddable TrueType files.

Public API: ``FontBook`` (the real ``Measurer``), ``default_fontbook(preferences=None)``,
``PdfFont``, ``ROLES``, ``MISSING_FACE`` (the face key of a character no face has: drawn
as a placeholder, ``editor.fonts.placeholder``), ``role_for_font_name`` and the test
measurer ``FixedMeasurer``.
"""
from editor.fonts.book import EXT, FontBook, PdfFont, default_fontbook, font_cache_dir
from editor.fonts.measure import MISSING_FACE, ROLES, FixedMeasurer, Measurer, is_wide
from editor.fonts.names import role_for_font_name

__all__ = ["EXT", "FontBook", "PdfFont", "default_fontbook", "font_cache_dir", "MISSING_FACE", "ROLES",
           "FixedMeasurer", "Measurer", "is_wide", "role_for_font_name"]
