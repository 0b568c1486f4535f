"""The main window fits the screen it opens on (layer: ui).

Office laptops have 1366×768 screens, less the taskbar: a first window of 1400×900 put
the close button, the status bar and the right edge of 属性 off screen.  ``first_size``
is the size of a window opened for the first time (1400×900 where there is room, else the
available area less the window frame); ``clamp_frame`` moves and shrinks a frame that
does not fit into the available area — applied to a geometry restored from QSettings
(saved on a larger monitor) and once more when the window is first shown, when the real
frame (title bar, borders) is known.
"""
from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize

PREFERRED = QSize(1400, 900)
FRAME_GUESS = QMargins(8, 32, 8, 8)      # title bar and borders before the window is shown


def first_size(available: QRect, frame: QMargins = FRAME_GUESS) -> QSize:
    """The client size of a first window on a screen whose free area is ``available``."""
    room = QSize(available.width() - frame.left() - frame.right(),
                 available.height() - frame.top() - frame.bottom())
    return PREFERRED.boundedTo(room)


def fits(frame: QRect, available: QRect) -> bool:
    return available.contains(frame)


def clamp_frame(frame: QRect, available: QRect) -> QRect:
    """``frame`` shrunk to at most ``available``'s size and moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = max(available.left(), min(frame.left(), available.right() - width + 1))
    top = max(available.top(), min(frame.top(), available.bottom() - height + 1))
    return QRect(left, top, width, height)


def centred(size: QSize, available: QRect, frame: QMargins = FRAME_GUESS) -> QRect:
    """The frame rectangle of a window of client ``size`` centred in ``available``."""
    width = size.width() + frame.left() + frame.right()
    height = size.height() + frame.top() + frame.bottom()
    return QRect(available.left() + max(0, (available.width() - width) // 2),
                 available.top() + max(0, (available.height() - height) // 2), width, height)


def fit_window(window) -> None:
    """Shrink and move ``window`` (shown: its real frame is known) into its screen's free
    area; a maximised or full-screen window is left to the window manager."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if fits(frame, available):
        return
    target = clamp_frame(frame, available)
    extra_w = frame.width() - window.width()        # borders, title bar
    extra_h = frame.height() - window.height()
    window.resize(max(200, target.width() - extra_w), max(200, target.height() - extra_h))
    window.move(target.topLeft())
