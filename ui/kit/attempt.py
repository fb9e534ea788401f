"""One submission of a form (login, unlock, approval, password change) off the GUI thread.

Checking a password costs ~0.1 s of argon2 and a dead PostgreSQL server up to its
connect timeout; neither may freeze the window.  While an attempt runs, its form is
disabled (a second Enter or an Escape does nothing) and the cursor shows that it is busy.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from hallclient.errors import HallError
from ui.kit.tasks import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")


class Attempt(QObject):
    """Runs one core call at a time for ``form``; refusals go to ``on_refused``."""

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._form = form
        self._runner = TaskRunner(self)
        self._focus: QWidget | None = None

    @property
    def running(self) -> bool:
        return self._runner.busy()

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

        def finished(result: T) -> None:
            self._done()
            on_success(result)

        def failed(error: BaseException) -> None:
            self._done()
            if isinstance(error, HallError):
                on_refused(error)
            else:  # a bug: the excepthook logs it and apologises
                sys.excepthook(type(error), error, error.__traceback__)

        self._runner.start(lambda _progress: call(), finished, failed)
        # Disabled once the key press that started it is through: disabling the focused
        # field inside its own returnPressed leaves that key event unaccepted.
        QTimer.singleShot(0, self, self._disable_while_running)

    def _disable_while_running(self) -> None:
        if self.running:
            self._focus = self._form.window().focusWidget()  # disabling takes it away
            self._form.setEnabled(False)

    def _done(self) -> None:
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
