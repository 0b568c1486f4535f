"""A few blinks of what the user just jumped to (layer: ui).

``Flash(parent, repaint)`` blinks one key at a time (an annotation id, a change of the
round comparison): ``start(key)`` begins ``steps`` phases of ``interval_ms``;
``current`` is the key while it blinks (None after), ``bright()`` tells the phase, and
``repaint()`` is called at every phase so the overlay redraws.
"""
from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtCore import QObject, QTimer


class Flash(QObject):
    def __init__(self, parent: QObject, repaint: Callable[[], None], interval_ms: int = 150,
                 steps: int = 6):
        super().__init__(parent)
        self.repaint = repaint
        self.steps = steps
        self.current: Hashable | None = None
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._step)

    def start(self, key: Hashable) -> None:
        self.current, self._left = key, self.steps
        self._timer.start()
        self.repaint()

    def bright(self) -> bool:
        """Whether the blinking thing is in its bright phase."""
        return self.current is not None and self._left % 2 == 0

    def _step(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._timer.stop()
            self.current = None
        self.repaint()
