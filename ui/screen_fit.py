"""Windows sized to the screen they open on: never larger than its free area.

At 2x scaling (a 1920x1080 screen is 960x540 to the app) a dialog of a fixed size was taller
than the screen, its Close button below the edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

FRAME = 40  # the title bar and borders a window manager adds


def first_size(free_width: int, free_height: int) -> tuple[int, int]:
    """The first window's size on a screen with this much free room: at least 1280x820 (forms,
    preview and the risk check side by side), most of a bigger screen, never more than fits
    with its frame (and a margin each side). Its height less twice the frame left 80 pixels
    unused below it at 1366x768."""
    return (min(max(1280, free_width * 4 // 5), free_width - 2 * FRAME),
            min(max(820, free_height * 17 // 20), free_height - FRAME))


def free_area(window: QWidget) -> QRect:
    """The free area of the screen a window opens on: its parent's, for a dialog."""
    return (window.parentWidget() or window).screen().availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a dialog or tool window to width x height, or less where its screen's free area
    (less a frame) has less room."""
    screen = free_area(window)
    window.resize(min(width, screen.width() - FRAME), min(height, screen.height() - FRAME))


def fit_text_to_screen(window: QWidget, columns: int, lines: int) -> None:
    """Resize a dialog or tool window to `columns` average characters by `lines` lines of its
    font, or less where its screen has less room: with the desktop's text made bigger (15 or
    18 points) a dialog of 640x480 pixels showed three lines of a comparison."""
    metrics = window.fontMetrics()
    fit_to_screen(window, columns * metrics.averageCharWidth(), lines * metrics.lineSpacing())
