"""Guard against a reference-count leak of ``None`` in the Qt bindings (layer: ui).

With PySide6 6.12 on Python 3.11 every QPainter method returning ``void`` (save, setPen,
translate, scale, …) hands back ``None`` without taking a reference, so each call lowers
``None``'s reference count by one; painting a few thousand items drives it to zero and
the interpreter aborts ("none_dealloc: deallocating None").  Python 3.12 made ``None``
immortal, so there the leak is harmless.  ``keep_none_alive()`` tops the count up with
``Py_IncRef`` (references never given back, so interpreter shutdown stays safe too);
painters call it before each page, which keeps the count far from zero whatever the
number of items painted.
"""
from __future__ import annotations

import ctypes
import sys

FLOOR = 200_000          # top up below this many references …
TOP = 400_000            # … to this many (a page paints far fewer than FLOOR calls)
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def keep_none_alive() -> int:
    """Make sure ``None`` has at least ``FLOOR`` references; returns how many were added."""
    if sys.version_info >= (3, 12):
        return 0
    count = sys.getrefcount(None)
    if count >= FLOOR:
        return 0
    added = TOP - count
    for _ in range(added):
        _incref(None)
    return added
