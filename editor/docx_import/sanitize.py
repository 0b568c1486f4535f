"""Text made safe at import: every string of an imported document is valid Unicode that
JSON, SQLite and the typesetter take (layer: import, pure functions).

Lone surrogates (from a ``w:sym`` code, say) and code points that are no characters
(U+FDD0–U+FDEF, U+xxFFFE/U+xxFFFF) become U+FFFD, so the place is visible to the
proofreader; control characters other than tab and line break are dropped.  The count
goes into the import report.
"""
from __future__ import annotations

import dataclasses
import re

_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                  "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                  "\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff"
                  "\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff"
                  "\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
                  "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
                  "\U0010fffe\U0010ffff]")


def _replacement(m: re.Match) -> str:
    ch = m.group()
    return "" if ord(ch) < 0xA0 else "\ufffd"


def clean_text(text: str) -> tuple[str, int]:
    """``text`` without controls, surrogates and non-characters, and how many there were."""
    if not _BAD.search(text):
        return text, 0
    found = len(_BAD.findall(text))
    return _BAD.sub(_replacement, text), found


_NO_FREE_TEXT = frozenset({"ParaStyle", "TableLayout"})   # values from fixed vocabularies


def sanitize(obj) -> int:
    """Clean every string held by a model object (dataclasses, lists, dicts) in place;
    the number of characters replaced or dropped.  Iterative: depth does not matter;
    fast: one C-level search per string, attributes read from ``__dict__``."""
    fixed = 0
    stack = [obj]
    search = _BAD.search
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            pairs = enumerate(item)
        elif isinstance(item, dict):
            pairs = list(item.items())
        elif hasattr(item, "__dict__") and dataclasses.is_dataclass(item):
            pairs = list(vars(item).items())
        else:
            continue
        for key, value in pairs:
            if type(value) is str:
                if search(value):
                    clean, n = clean_text(value)
                    fixed += n
                    if isinstance(item, (list, dict)):
                        item[key] = clean
                    else:
                        setattr(item, key, clean)
            elif isinstance(value, (list, dict)) or (
                    hasattr(value, "__dataclass_fields__")
                    and type(value).__name__ not in _NO_FREE_TEXT):
                stack.append(value)
    return fixed
