"""Character sets the font cache is built around (layer: fonts, no I/O).

``base_chars()`` is the set converted once per face and kept in the per-user cache: the
3,755 common 汉字 of GB2312 level 1 and GB2312's punctuation and symbols (①…, № …),
printable ASCII, Latin-1 punctuation and the symbol blocks a government notice uses
(general punctuation, letterlike symbols ℃ №, enclosed numbers ①⑴⒈, CJK symbols,
compatibility units ㎡, full-width forms) — about 5,100 characters.  Every other character
(GB2312 level 2, the rest of GBK, Extension A/B names) is converted per build in a small
extra subset of just the characters the issue uses: a base set of GB2312's 7,445 would
take 60 % longer to convert on a first build and to load on every build, for characters
a typical issue uses a dozen of.
"""
from __future__ import annotations

from functools import lru_cache

_RANGES = (
    (0x0020, 0x007E),   # ASCII
    (0x00A0, 0x00FF),   # Latin-1 supplement: · × ÷ ° § ±
    (0x2010, 0x203B),   # general punctuation: — ‘ ’ “ ” … ‰ ※
    (0x2103, 0x2103), (0x2116, 0x2116), (0x2121, 0x2121),  # ℃ № ℡
    (0x2160, 0x217F),   # Roman numerals Ⅰ ⅰ
    (0x2190, 0x2199),   # arrows
    (0x2460, 0x24FF),   # enclosed alphanumerics ① ⑴ ⒈
    (0x2500, 0x257F),   # box drawing ─ │
    (0x25A0, 0x25FF),   # geometric shapes ■ □ ▲ ○ ●
    (0x2605, 0x2606),   # ★ ☆
    (0x3000, 0x303F),   # CJK symbols and punctuation 、。〈〉《》「」【】〔〕
    (0x3220, 0x3243),   # parenthesized ideographs ㈠
    (0x3280, 0x32B0),   # circled ideographs ㊀
    (0x338E, 0x33D5),   # units ㎎ ㎏ ㎜ ㎝ ㎞ ㎡ ㏄
    (0xFE30, 0xFE4F),   # CJK compatibility forms
    (0xFF01, 0xFF5E),   # full-width ASCII
    (0xFFE0, 0xFFE5),   # full-width signs ￥
)


def _gb2312(rows: range = range(0xA1, 0xF8)) -> set[str]:
    """The GB2312 characters of ``rows`` (0xA1–0xA9 symbols, 0xB0–0xD7 level 1 汉字,
    0xD8–0xF7 level 2)."""
    out: set[str] = set()
    for row in rows:
        for col in range(0xA1, 0xFF):
            try:
                out.add(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


@lru_cache(maxsize=1)
def base_chars() -> frozenset[str]:
    """GB2312's symbols and level-1 汉字 plus the common symbol ranges (about 5,100)."""
    chars = _gb2312(range(0xA1, 0xAA)) | _gb2312(range(0xB0, 0xD8))
    for lo, hi in _RANGES:
        chars.update(chr(cp) for cp in range(lo, hi + 1))
    return frozenset(chars)
