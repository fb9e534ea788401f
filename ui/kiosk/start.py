"""The kiosk's start: it waits for a database that does not answer yet, out of service.

A kiosk PC often boots before the hall's server in the morning.  Instead of ending with
one message nobody reads, the kiosk shows 暂停取号 full screen (no button a customer
could quit with: Ctrl+Shift+Q, for the hall's IT, still quits) and tries again every
:data:`RETRY_MS` off the GUI thread; once the database answers, the kiosk opens.  A
fault that waiting cannot mend (an outdated schema, a bad setting) ends the wait with
that error.  Each new reason is logged once, not once per try.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hallclient.errors import DatabaseUnavailableError
from hallclient.kiosk.desk import KioskDesk
from ui.kiosk.style import INK, PAGE, TEXT_PT, TITLE_PT
from ui.kiosk.window import QUIT_KEYS
from ui.kit.tasks import Progress, TaskRunner
from ui.kit.widgets import named

log = logging.getLogger(__name__)
RETRY_MS = 3000
_SHEET = f"""
OutOfService {{ background: {PAGE}; }}
OutOfService QLabel {{ color: {INK}; font-size: {TEXT_PT}pt; }}
OutOfService QLabel#title {{ font-size: {TITLE_PT * 2}pt; font-weight: bold; }}
"""


class OutOfService(QWidget):
    """Full screen while the database does not answer; :meth:`wait` returns the desk once
    it does, or None if IT quit."""

    def __init__(self, open_desk: Callable[[], KioskDesk]) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_SHEET)
        self._open_desk = open_desk
        self.desk: KioskDesk | None = None
        self.fatal: BaseException | None = None
        self.reason = ""
        self.tries = 0
        self._loop = QEventLoop(self)
        self._runner = TaskRunner(self)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._try)
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "title")
        self.note = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addStretch(1)
        QShortcut(QKeySequence(QUIT_KEYS), self, self._loop.quit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Tickets are paused"))
        self.note.setText(
            self.tr("The kiosk is connecting to the hall's system. Please wait or ask at the desk.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def wait(self, first: DatabaseUnavailableError) -> KioskDesk | None:
        """Show the screen and try until the desk opens; raise what waiting cannot mend."""
        self._failed(first)
        self.showFullScreen()
        self._loop.exec()
        self._retry.stop()
        self.hide()
        if self.fatal is not None:
            raise self.fatal
        return self.desk

    def _try(self) -> None:
        self._runner.start(self._open, self._opened, self._try_failed)

    def _open(self, _progress: Progress) -> KioskDesk:
        return self._open_desk()

    def _opened(self, desk: KioskDesk) -> None:
        if not self._loop.isRunning():  # IT quit while this try was under way
            desk.close()
            return
        log.info("the kiosk's database answered after %d failed tries", self.tries)
        self.desk = desk
        self._loop.quit()

    def _try_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailableError):
            self._failed(error)
        else:
            self.fatal = error
            self._loop.quit()

    def _failed(self, error: DatabaseUnavailableError) -> None:
        self.tries += 1
        reason = " ".join(str(error).split())
        if reason != self.reason:
            log.warning("kiosk waiting for the database (try %d): %s", self.tries, reason)
        self.reason = reason
        self._retry.start()
