"""Number formats of numbering.xml (w:numFmt) -> label text (layer: import, pure functions).

decimal 1, chineseCounting 一, ideographTraditional 甲, decimalEnclosedCircle ①,
decimalEnclosedParen ⑴, decimalFullWidth １, upper/lowerLetter, upper/lowerRoman ….
"""
from __future__ import annotations

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CN_LEGAL_TRAD = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """Word's letter numbering: A..Z, then AA, BB … ZZ, AAA …"""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千",
                     zero: str | None = None) -> str:
    """一, 十, 十一, 二十, 一百零五, 一千二百 … (up to 9999, beyond: digit by digit)."""
    if n < 0:
        return str(n)
    if n == 0:
        return digits[0]
    if n >= 10000:
        return "".join(digits[int(c)] for c in str(n))
    parts: list[str] = []
    zero_char = zero or digits[0]
    text = str(n)
    length = len(text)
    gap = False
    for i, ch in enumerate(text):
        d = int(ch)
        pos = length - 1 - i
        if d == 0:
            gap = True
            continue
        if gap and parts:
            parts.append(zero_char)
        gap = False
        unit = units[pos - 1] if pos > 0 else ""
        if not (d == 1 and pos == 1 and not parts and digits is _CN_DIGITS):
            parts.append(digits[d])
        parts.append(unit)
    return "".join(parts)


def _enclosed(n: int, first: int, count: int) -> str | None:
    return chr(first + n - 1) if 1 <= n <= count else None


def _fullwidth(n: int) -> str:
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in str(n))


def format_number(n: int, fmt: str | None) -> str | None:
    """The text of counter ``n`` in a w:numFmt; None when the format is unknown."""
    fmt = fmt or "decimal"
    if fmt in ("decimal", "decimalHalfWidth", "arabicAlpha", "arabicAbjad", "hindiNumbers",
               "thaiNumbers", "koreanDigital", "koreanCounting"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return letters(n)
    if fmt == "lowerLetter":
        return letters(n).lower()
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt in ("chineseCounting", "japaneseCounting", "taiwaneseCounting", "japaneseLegal"):
        return chinese_counting(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand"):
        return chinese_counting(n, zero="零")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographLegalTraditional":
        return chinese_counting(n, _CN_LEGAL_TRAD, "拾佰仟")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "ideographZodiacTraditional":
        return (_TIANGAN[(n - 1) % 10] + _DIZHI[(n - 1) % 12]) if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        if 1 <= n <= 20:
            return chr(0x2460 + n - 1)
        if 21 <= n <= 35:
            return chr(0x3251 + n - 21)
        if 36 <= n <= 50:
            return chr(0x32B1 + n - 36)
        return str(n)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20) or f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20) or f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return _fullwidth(n)
    if fmt == "ideographEnclosedCircle":
        return _enclosed(n, 0x3280, 10) or f"({chinese_counting(n)})"
    if fmt == "ideographParenthesized":
        return _enclosed(n, 0x3220, 10) or f"({chinese_counting(n)})"
    if fmt == "none":
        return ""
    if fmt == "bullet":
        return ""
    return None
