"""Where the customer screen opens: full screen on the monitor the settings choose.

``[customer_screen] monitor = N`` names the N-th monitor (1 the first); 0 names none.
A counter marked as having a screen whose monitor is not set, or not connected, still
gets the screen, as an ordinary window the clerk can drag where it belongs, and is told
why in the status bar.
"""

from __future__ import annotations

import enum

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.customer_screen.window import SMALLEST


class Placement(enum.Enum):
    FULL_SCREEN = "full_screen"  # on its own monitor
    NO_MONITOR = "no_monitor"  # the settings name no monitor: an ordinary window
    MONITOR_MISSING = "monitor_missing"  # the monitor named is not connected: a window


def place(window: QWidget, monitor: int) -> Placement:
    """Show ``window`` on the ``monitor``-th monitor, or as an ordinary window; say which."""
    screens = QGuiApplication.screens()
    if 1 <= monitor <= len(screens):
        screen = screens[monitor - 1]
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        return Placement.FULL_SCREEN
    window.resize(*SMALLEST)
    window.showNormal()
    return Placement.NO_MONITOR if monitor == 0 else Placement.MONITOR_MISSING
