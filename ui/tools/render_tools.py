"""Helpers of the offscreen renderer shared by its screen modules: wait, grab, frame."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QThreadPool
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

FRAME = QColor("#b4c0cc")


def wait_until(done: Callable[[], bool]) -> None:
    """Let answers arrive from pool threads before the screen is grabbed."""
    deadline = time.monotonic() + 30
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)


#: How long a screen stays still before it is grabbed: longer than Qt's fades (the line
#: edit's clear button fades in over 160 ms), so two renders of one commit match.
STILL_S = 0.3


def settle() -> None:
    """Let every pool task finish and deliver its answer, and animations end: a grab then
    shows the screen as a clerk would see it a moment later, the same on every run."""
    pool = QThreadPool.globalInstance()
    still_until = time.monotonic() + STILL_S
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if pool.activeThreadCount():
            still_until = time.monotonic() + STILL_S
        elif time.monotonic() >= still_until:
            return
        time.sleep(0.005)


def grab(widget: QWidget) -> QPixmap:
    widget.show()
    settle()
    pixmap = widget.grab()
    widget.close()
    widget.deleteLater()
    return pixmap


def framed(screen: QPixmap, dialog: QPixmap) -> QPixmap:
    """The dialog centred on ``screen`` with a thin frame, as the platform would draw it."""
    painter = QPainter(screen)
    corner = QPoint(
        (screen.width() - dialog.width()) // 2, (screen.height() - dialog.height()) // 2
    )
    painter.drawPixmap(corner, dialog)
    painter.setPen(FRAME)
    painter.drawRect(corner.x() - 1, corner.y() - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    return screen
