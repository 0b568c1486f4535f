"""Small helpers for WordprocessingML elements: qualified names, values, units (layer: import)."""
from __future__ import annotations

import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

_W = "{%s}" % W_NS
_NUM = re.compile(r"-?\d+(?:\.\d+)?")
NUMBER_LIMIT = 1e7        # |value| of any number read (a 400-digit one would overflow int())


def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return _W + tag


VAL = w("val")


def local(tag) -> str:
    """Local name of an element tag ('' for comments/PIs)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def ns(tag) -> str:
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].split("}", 1)[0]


def wval(el, attr: str = "val", default=None):
    """The w:<attr> of an element (None-safe)."""
    if el is None:
        return default
    return el.get(_W + attr, default)


def number(text, default: float | None = None) -> float | None:
    """Leading number of an attribute value ("240", "12pt", "50%"); None-safe."""
    if text is None:
        return default
    m = _NUM.search(text)
    if not m:
        return default
    value = float(m.group())
    if text.strip().endswith("pt"):
        value *= 20          # Strict OOXML gives some measures in points; callers want twips
    return max(-NUMBER_LIMIT, min(NUMBER_LIMIT, value))     # finite, whatever the digits


def count(text, default: int, low: int, high: int) -> int:
    """An integer attribute (a span, a start value, a level) clamped to [low, high]."""
    value = number(text)
    return max(low, min(high, int(value))) if value is not None else default


def twips_to_pt(text, default: float | None = None) -> float | None:
    value = number(text)
    return default if value is None else value / 20.0


def on_off(el, default: bool = True) -> bool:
    """A w:b-style toggle: present = on unless w:val is false/0/off/none."""
    if el is None:
        return default
    val = el.get(VAL)
    if val is None:
        return True
    return val.lower() not in ("0", "false", "off", "none")


def child(el, tag: str):
    return None if el is None else el.find(_W + tag)


def alternate_branch(el):
    """The branch of an mc:AlternateContent to read: its mc:Choice, else its mc:Fallback
    (None when it has neither)."""
    choice = el.find("{%s}Choice" % MC_NS)
    return choice if choice is not None else el.find("{%s}Fallback" % MC_NS)
