"""Window sizes that fit the screen they open on.

Each window has a size it works best at (the main window 1360x860, the gallery 1400x900...), but a
projector or a small laptop offers 1280x720 or less: a window larger than the screen hides its
status bar and buttons below the edge. `fit_to_screen` gives a window its preferred size, shrunk
to the screen's available area (minus room for the window frame), and centres it there.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the frame the window manager draws (title bar, borders), which Qt only knows once
# the window is on screen.
FRAME_WIDTH, FRAME_HEIGHT = 16, 48


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (without panels and docks): the widget's screen,
    else the primary one."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def fitted_size(width: int, height: int, available: QRect, minimum: QSize | None = None) -> QSize:
    """``width`` x ``height``, shrunk to fit ``available`` with room for a frame; never below
    ``minimum`` (the window's own minimum), which the layout could not honour anyway."""
    w = min(width, available.width() - FRAME_WIDTH)
    h = min(height, available.height() - FRAME_HEIGHT)
    if minimum is not None:
        w, h = max(w, minimum.width()), max(h, minimum.height())
    return QSize(w, h)


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize ``widget`` to its preferred ``width`` x ``height`` or to what its screen offers, and
    centre it on that screen. Returns the size given."""
    available = available_geometry(widget)
    size = fitted_size(width, height, available, widget.minimumSizeHint().expandedTo(widget.minimumSize()))
    widget.resize(size)
    top_left = available.center() - QRect(0, 0, size.width(), size.height()).center()
    widget.move(max(available.left(), top_left.x()), max(available.top(), top_left.y()))
    return size
