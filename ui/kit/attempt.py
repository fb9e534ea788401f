"""One submission of a form (login, unlock, approval, password change) off the GUI thread.

Checking a password costs ~0.1 s of argon2 and a dead PostgreSQL server up to its
connect timeout; neither may freeze the window.  While an attempt runs, its form is
disabled (a second Enter or an Escape does nothing) and the cursor shows that it is busy.

A call that has not answered after :data:`SLOW_AFTER_MS` emits ``sig_slow`` (the form
says that it waits and how to stop); :meth:`Attempt.give_up` stops waiting without
stopping the call -- a thread blocked in the driver cannot be stopped -- and hands its
late answer to other callbacks, so that a payment that went through is still shown.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from hallclient.errors import HallError
from ui.kit.tasks import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")
SLOW_AFTER_MS = 1000  # a moment: a usual call answers well within it


@dataclass
class _Answer(Generic[T]):
    """Where one call's answer goes: the waiting form's callbacks, or the late ones."""

    on_success: Callable[[T], None]
    on_refused: Callable[[HallError], None]


class Attempt(QObject):
    """Runs one core call at a time for ``form``; refusals go to ``on_refused``."""

    sig_slow = Signal()  # the call has not answered for a moment
    sig_idle = Signal()  # the form waits no more: the call answered, or it was given up on

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._form = form
        self._runner = TaskRunner(self)
        self._focus: QWidget | None = None
        self._waiting_for: _Answer[Any] | None = None  # the call the form waits for

    @property
    def running(self) -> bool:
        """The form waits for a call (one given up on may still run: it is not counted)."""
        return self._waiting_for is not None

    def run(
        self,
        call: Callable[[], T],
        on_success: Callable[[T], None],
        on_refused: Callable[[HallError], None],
    ) -> None:
        if self.running:
            return
        from PySide6.QtCore import (
            Qt,  # kept off the login dialog's first paint (see ui.access.login)
        )

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        answer: _Answer[T] = _Answer(on_success, on_refused)
        self._waiting_for = answer

        def finished(result: T) -> None:
            if self._waiting_for is answer:
                self._done()
            answer.on_success(result)

        def failed(error: BaseException) -> None:
            if self._waiting_for is answer:
                self._done()
            if isinstance(error, HallError):
                answer.on_refused(error)
            else:  # a bug: the excepthook logs it and apologises
                sys.excepthook(type(error), error, error.__traceback__)

        self._runner.start(lambda _progress: call(), finished, failed)
        # Disabled once the key press that started it is through: disabling the focused
        # field inside its own returnPressed leaves that key event unaccepted.
        QTimer.singleShot(0, self, self._disable_while_running)
        QTimer.singleShot(SLOW_AFTER_MS, self, lambda: self._still_waiting(answer))

    def give_up(
        self, on_late_success: Callable[[Any], None], on_late_refused: Callable[[HallError], None]
    ) -> bool:
        """Stop waiting for the running call: the form is usable again, and the call's
        answer, whenever it comes, goes to the late callbacks.  False if nothing ran."""
        answer = self._waiting_for
        if answer is None:
            return False
        answer.on_success, answer.on_refused = on_late_success, on_late_refused
        self._done()
        return True

    def _still_waiting(self, answer: _Answer[T]) -> None:
        if self._waiting_for is answer:
            self.sig_slow.emit()

    def _disable_while_running(self) -> None:
        if self.running:
            self._focus = self._form.window().focusWidget()  # disabling takes it away
            self._form.setEnabled(False)

    def _done(self) -> None:
        self._waiting_for = None
        self.sig_idle.emit()
        QGuiApplication.restoreOverrideCursor()
        self._form.setEnabled(True)
        focus, self._focus = self._focus, None
        if focus is None or not shiboken6.isValid(focus):
            return
        now = focus.window().focusWidget()  # the window's, whether or not it is active
        # disabling the form took the focus away (to nowhere, or on to the next field of the
        # window): it goes back where the clerk was; the callbacks may move it on
        taken = focus is self._form or self._form.isAncestorOf(focus)
        if now is None or (taken and now is not focus):
            focus.setFocus()
