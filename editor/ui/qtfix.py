"""Guard against reference-count leaks of ``None``, ``True`` and ``False`` in the Qt
bindings (layer: ui).

With PySide6 6.12 on Python 3.11 every QPainter method returning ``void`` (save, setPen,
translate, scale, …) hands back ``None`` without taking a reference, and every ``emit``
of a signal declared in Python hands back ``True`` or ``False`` the same way; so each
call lowers that object's reference count by one.  Painting a few thousand items, or a
long session of edits (each layout emits several signals), drives a count to zero and
the interpreter aborts ("none_dealloc" / "bool_dealloc: deallocating True or False").
Python 3.12 made these objects immortal, so there the leaks are harmless.
``keep_singletons_alive()`` tops the counts up with ``Py_IncRef`` (references never
given back, so interpreter shutdown stays safe too); the painters call it before each
page and the window after each layout, which keeps the counts far from zero.
"""
from __future__ import annotations

import ctypes
import sys

FLOOR = 200_000          # top up below this many references …
TOP = 400_000            # … to this many (a page paints far fewer than FLOOR calls)
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def keep_singletons_alive() -> int:
    """Make sure ``None``, ``True`` and ``False`` each have at least ``FLOOR``
    references; returns how many were added in all."""
    if sys.version_info >= (3, 12):
        return 0
    added = 0
    for obj in (None, True, False):
        count = sys.getrefcount(obj)
        if count < FLOOR:
            for _ in range(TOP - count):
                _incref(obj)
            added += TOP - count
    return added
