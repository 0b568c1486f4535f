"""Character classes and line-break opportunities for Chinese text (layer: layout).

Transforms a paragraph's text into per-character facts the composer needs: the class of
each character (Han, Latin, digit, space, opening/closing/middle punctuation, dashes,
ellipses) and, for every position, whether a line may break *before* that character.

Rules (TYPOGRAPHY.md, GB/T 15834, clreq):
- Han: a break between any two Han characters.
- Latin words, numbers and their attached signs (``10.5``, ``3.2%``, ``90%``, ``AI``,
  ``3D``) are never broken inside; a digit keeps the Han unit that follows it
  (``2025年`` may break after 年, not before it).
- Names set apart by ideographic spaces (李　喆　　王　昇) are never broken inside.
- URLs and similar codes break only after ``/ - . ? & = _ #`` inside them.
- NOT_START characters never begin a line, NOT_END characters never end one.
- ``——`` and ``……`` (and U+2E3A, U+22EF pairs) are never split.
"""
from __future__ import annotations

import re

# --- the sets of TYPOGRAPHY.md -------------------------------------------------------
CLOSING = set("”’）〕】》〉」』〗］｝〞)]}")
OPENING = set("“‘（〔【《〈「『〖［｛〝([{")
PERIODS = set("。，、；：？！")          # full-width 点号 with ink on the left half
MIDDLE_DOTS = set("·‧・")
DASHES = set("—―⸺")
ELLIPSES = set("…‥⋯")
NOT_START = (set("。，、；：？！…‥”’）〕】》〉」』〗］｝〞·‧／%％‰℃°′″")
             | CLOSING | set("—～〜,.;:?!"))
NOT_END = set("“‘（〔【《〈「『〖［｛〝￥＄£") | set("([{$")
PAIRED = DASHES | ELLIPSES
CURRENCY_PREFIX = set("￥＄£$¥€")
NO_BREAK_SPACES = set("\u00a0\u202f\u2007\u2060")

# character classes
HAN, LATIN, DIGIT, SPACE, OPEN, CLOSE, PERIOD, MIDDLE, DASH, ELLIPSIS, OTHER = range(11)

_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
                     r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_URL_BREAK_AFTER = set("/-.?&=_#")


def char_class(ch: str) -> int:
    """The class of one character."""
    if ch in OPENING:
        return OPEN
    if ch in CLOSING:
        return CLOSE
    if ch in PERIODS:
        return PERIOD
    if ch in MIDDLE_DOTS:
        return MIDDLE
    if ch in DASHES:
        return DASH
    if ch in ELLIPSES:
        return ELLIPSIS
    if ch.isspace():
        return SPACE
    if ch.isdigit() and ch.isascii() or ch in "０１２３４５６７８９":
        return DIGIT
    if ch.isascii() and ch.isalpha() or "\u00c0" <= ch <= "\u024f" or "ａ" <= ch <= "ｚ" \
            or "Ａ" <= ch <= "Ｚ":
        return LATIN
    o = ord(ch)
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF \
            or 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF or ch == "〇":
        return HAN
    return OTHER


_CLASS_CACHE: dict[str, int] = {}


def classes(text: str) -> list[int]:
    """Classes of every character of ``text`` (memoised per character)."""
    cache = _CLASS_CACHE
    out = []
    for ch in text:
        c = cache.get(ch)
        if c is None:
            c = cache[ch] = char_class(ch)
        out.append(c)
    return out


def _word_like(c: int) -> bool:
    return c in (LATIN, DIGIT)


def _is_word_joiner(text: str, i: int, cls: list[int]) -> bool:
    """True when ``text[i]`` (an ASCII sign) glues the word characters on both sides
    (``10.5``, ``COVID-19``, ``3,000``, ``GB/T``, ``A&B``)."""
    return (text[i] in ".,-/&'_:+" and 0 < i < len(text) - 1
            and _word_like(cls[i - 1]) and _word_like(cls[i + 1]))


def url_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of URLs and e-mail addresses in ``text``."""
    return [m.span() for m in _URL_RE.finditer(text)]


def break_before(text: str, cls: list[int] | None = None) -> list[bool]:
    """``ok[i]`` is True when a line may break between ``text[i-1]`` and ``text[i]``.

    ``ok[0]`` is False (there is nothing before the first character); the end of the text
    is always a break.  Prohibitions (NOT_START, NOT_END, NEVER_SPLIT) are applied here;
    the composer never breaks where ``ok`` is False unless a single unbreakable run is
    wider than the line (emergency break).
    """
    n = len(text)
    cls = cls if cls is not None else classes(text)
    ok = [False] * n
    prev = cls[0] if n else HAN
    for i in range(1, n):
        c = cls[i]
        # Han after Han is the common case: always a break (no Han is in a set)
        ok[i] = True if c == HAN and prev == HAN else _pair_ok(text, cls, i)
        prev = c
    if "\u3000" in text:
        _keep_spaced_names(text, cls, ok)
    for a, b in url_ranges(text):
        for i in range(a + 1, b):
            ok[i] = (text[i - 1] in _URL_BREAK_AFTER and text[i] not in _URL_BREAK_AFTER
                     and i - a > 3)
        # the URL's own prohibitions on its ends still apply
    return ok


def _keep_spaced_names(text: str, cls: list[int], ok: list[bool]) -> None:
    """Names in a list set apart by ideographic spaces (出席：李喆　王昇　周淼) stay whole:
    no break inside a run of 2–4 Han characters (up to 15 joined by ·: 阿不都·热合曼)
    with a U+3000 on one side and a U+3000, a colon, 。 or ； or the text's end on the
    other (周|淼 was torn over two lines)."""
    n, i = len(text), 0
    while i < n:
        if cls[i] != HAN:
            i += 1
            continue
        j = i
        while j < n and (cls[j] == HAN or cls[j] == MIDDLE and j + 1 < n and cls[j + 1] == HAN):
            j += 1                  # an ethnic name joins its parts by ·: 阿不都·热合曼
        left = text[i - 1] if i else ""
        right = text[j] if j < n else ""
        longest = 15 if any(cls[k] == MIDDLE for k in range(i, j)) else 4
        if 2 <= j - i <= longest and "\u3000" in (left, right) and left in ("\u3000", "：", ":", "") \
                and right in ("\u3000", "", "。", "；"):
            for k in range(i + 1, j):
                ok[k] = False
        elif j - i == 1 and right == "\u3000" and j + 1 < n and cls[j + 1] == HAN \
                and (j + 2 == n or cls[j + 2] != HAN) and _name_edge(text, i - 1, -1) \
                and _name_edge(text, j + 2, 1):
            ok[j + 1] = False       # a two-character name spaced to three (杨　勇)
        i = j


def _name_edge(text: str, k: int, step: int) -> bool:
    """Is ``text[k]`` (and the character beyond it, ``step`` away) the edge of a spaced
    name: the text's end, a colon, 。；, or two ideographic spaces?"""
    if k < 0 or k >= len(text):
        return True
    if text[k] in "：:。；":
        return True
    far = k + step
    return text[k] == "\u3000" and (far < 0 or far >= len(text) or text[far] == "\u3000")


def _pair_ok(text: str, cls: list[int], i: int) -> bool:
    a, b = text[i - 1], text[i]
    ca, cb = cls[i - 1], cls[i]
    if a in NOT_END or a in NO_BREAK_SPACES or b in NO_BREAK_SPACES:
        return False
    if b in NOT_START and not _dash_pair_start(text, i):
        return False
    if a in ELLIPSES and b in ELLIPSES:
        return False
    if a in DASHES and b in DASHES:
        return _dash_pair_start(text, i) and _dash_run_offset(text, i) % 2 == 0
    if cb == SPACE:
        return False                      # spaces stay at the end of the line before
    if ca == SPACE:
        return True
    if _word_like(ca) and _word_like(cb):
        return False
    if ca == DIGIT and cb == HAN:
        return False                      # 2025年, 10人: the unit stays with its number
    if _word_like(cb) and i >= 2 and _is_word_joiner(text, i - 1, cls):
        return False
    if _word_like(ca) and i + 1 < len(text) and _is_word_joiner(text, i, cls):
        return False
    if ca == OTHER and cb == OTHER and a.isascii() and b.isascii():
        return False                      # runs of ASCII signs (e.g. "->", "==")
    if (ca == OTHER and a.isascii() and _word_like(cb)) or \
            (cb == OTHER and b.isascii() and _word_like(ca)):
        return False                      # "#1", "A+", "x²" stay together
    return True


def _dash_pair_start(text: str, i: int) -> bool:
    """A ``——`` pair (or U+2E3A) may begin a line; a single connecting dash may not."""
    b = text[i]
    if b == "⸺":
        return True
    return b in DASHES and i + 1 < len(text) and text[i + 1] in DASHES


def _dash_run_offset(text: str, i: int) -> int:
    """How many dashes precede position ``i`` in its run of dashes."""
    k = i
    while k > 0 and text[k - 1] in DASHES:
        k -= 1
    return i - k


def is_punct(c: int) -> bool:
    """True for classes of full-width punctuation that may be compressed."""
    return c in (OPEN, CLOSE, PERIOD, MIDDLE)


def needs_cjk_latin_gap(ca: int, cb: int) -> bool:
    """True between a Han character and a Latin letter or digit (either order)."""
    return (ca == HAN and cb in (LATIN, DIGIT)) or (cb == HAN and ca in (LATIN, DIGIT))
