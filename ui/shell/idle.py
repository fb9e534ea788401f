"""Notices when nobody has touched the app for a while: the main window then locks itself.

An application-wide event filter notes each key press, mouse press, mouse move and
wheel turn; a timer compares the core's clock with the last of them every few
seconds.  The core's clock (not the wall clock) is used so that tests move time
with ``FixedClock.advance`` and call :meth:`IdleWatcher.check`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from hallclient.clock import Clock

TICK_MS = 5_000
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Emits ``sig_idle_expired`` once, after ``minutes`` without user activity."""

    sig_idle_expired = Signal()

    def __init__(self, clock: Clock, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = timedelta(minutes=minutes)
        self._last = clock.now()
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Watch from now on (after login, after unlocking)."""
        self._last = self._clock.now()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def is_watching(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._last = self._clock.now()
        return False

    def check(self) -> None:
        """Emit ``sig_idle_expired`` (and stop watching) once the idle time is reached."""
        if self.is_watching() and self._clock.now() - self._last >= self._limit:
            self.stop()
            self.sig_idle_expired.emit()
