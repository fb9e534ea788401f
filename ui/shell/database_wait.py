"""The waiting screen: the database did not answer at start, and the app waits for it.

A hall's PostgreSQL server that is down, restarting or failing over must not end the app
at every counter.  The screen says which database it waits for (``Database.describe()``:
no password), how many tries failed, why, and when the next one is; it tries again every
:data:`RETRY_SECONDS` off the GUI thread (the window never freezes), or at once with
"Try now".  Once a try opens the core, ``sig_opened`` hands it on and the login dialog
follows, without a restart.  Quit (or Esc) ends the app.  Each failure is logged once per
reason, not once per try: a server down for an hour leaves one line, not a thousand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from hallclient.errors import DatabaseUnavailableError, HallError
from ui.kit.tasks import Progress, TaskRunner
from ui.kit.widgets import named

if TYPE_CHECKING:
    from hallclient.core import Core

log = logging.getLogger(__name__)
RETRY_SECONDS = 3


class DatabaseWaitDialog(QDialog):
    """Retries ``open_core`` until it succeeds (``sig_opened``) or fails otherwise
    (``sig_failed``: an outdated schema, a bug); ``rejected`` when the clerk quits."""

    sig_opened = Signal(object)  # the Core
    sig_failed = Signal(object)  # a BaseException that waiting cannot mend

    def __init__(self, where: str, open_core: Callable[[], Core]) -> None:
        super().__init__()
        self.setObjectName("databaseWait")
        self.where, self._open_core = where, open_core
        self.failures = 0
        self.trying = False
        self.closed = False
        self.reason = ""
        self._failed_at: datetime | None = None
        self._seconds_left = 0
        self._runner = TaskRunner(self)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._count_down)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "loginTitle")
        self.address = named(QLabel(self.where, wordWrap=True), "loginWorkplace")
        self.explanation = named(QLabel(wordWrap=True), "pageNote")
        self.status = named(QLabel(wordWrap=True), "loginError")
        self.details = named(QLabel(wordWrap=True), "dialogHint")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.try_now = named(QPushButton(), "secondaryButton")
        self.try_now.clicked.connect(self.try_again)
        self.quit = named(QPushButton(default=True), "primaryButton")
        self.quit.clicked.connect(self.reject)  # Esc too (QDialog)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.try_now)
        buttons.addWidget(self.quit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 22)
        layout.setSpacing(10)
        rule = named(QFrame(frameShape=QFrame.Shape.HLine), "loginRule")
        for widget in (self.title, self.address, rule, self.explanation, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.details)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setFixedWidth(520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Waiting for the database — HallClient"))
        self.title.setText(self.tr("Waiting for the database"))
        self.explanation.setText(
            self.tr(
                "The database does not answer. HallClient keeps trying by itself; once the "
                "database answers, the login window opens: there is no need to restart. "
                "If this lasts, tell IT support what is shown below."
            )
        )
        self.try_now.setText(self.tr("Try now"))
        self.quit.setText(self.tr("Quit (Esc)"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def failed(self, error: HallError) -> None:
        """A try failed (the first one is the shell's): say so, log a new reason, wait."""
        self.trying = False
        self.failures += 1
        self._failed_at = datetime.now().astimezone()
        reason = " ".join(str(error).split())  # one line, whatever the driver said
        if reason != self.reason:
            where, tries = self.where, self.failures
            log.warning("waiting for the database %s (try %d): %s", where, tries, reason)
        self.reason = reason
        self._seconds_left = RETRY_SECONDS
        self._tick.start()
        self._show_status()

    def try_again(self) -> None:
        """The next try, now (the countdown's end, or "Try now")."""
        if self.trying:
            return
        self.trying = True
        self._tick.stop()
        self._show_status()
        self._runner.start(self._try, self._opened, self._try_failed)

    def _try(self, _progress: Progress) -> Core:
        return self._open_core()

    def _count_down(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self.try_again()
        else:
            self._show_status()

    def _opened(self, core: Core) -> None:
        self.trying = False
        if self.closed:  # the clerk quit while this try was under way
            core.close()
            return
        log.info("the database %s answered after %d failed tries", self.where, self.failures)
        self.sig_opened.emit(core)

    def _try_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailableError):
            self.failed(error)
        else:
            self.trying = False
            self.sig_failed.emit(error)

    def _show_status(self) -> None:
        if self.trying:
            text = self.tr("Try {number}: connecting…").format(number=self.failures + 1)
        else:
            at = self._failed_at.strftime("%H:%M:%S") if self._failed_at else ""
            text = self.tr("Try {number} failed at {time}. Next try in {seconds} s.").format(
                number=self.failures, time=at, seconds=self._seconds_left
            )
        self.status.setText(text)
        self.details.setText(self.reason)

    def done(self, result: int) -> None:
        """Closing stops the countdown; a try under way finishes unheard."""
        self._tick.stop()
        self.closed = True
        super().done(result)
