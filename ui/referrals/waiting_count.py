"""The status bar's count of the hall's referrals that need the counter (转办待处理 2).

Returned by the department and not taken up yet, or overdue: one small count query, at
login, every minute whichever page is open, and whenever the referrals page has read its
list.  A refusal (the first login's password change not made yet) leaves it blank.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from hallclient.errors import HallError
from ui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

log = logging.getLogger(__name__)
REFRESH_MS = 60_000


class WaitingReferrals(QLabel):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusReferrals")
        self._core, self._user_of = core, user_of
        self.count: int | None = None
        self._runner = TaskRunner(self)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._timer.isActive():
            self._timer.start()
            self.refresh()

    def refresh(self) -> None:
        if self._runner.busy():
            return
        user, desk = self._user_of(), self._core.referrals
        self._runner.start(
            lambda _progress: desk.needing_counter(user), self._counted, self._failed
        )

    def _counted(self, count: int) -> None:
        self.count = count
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        log.info("referrals waiting for the counter not counted: %s", error)
        self.count = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            ""
            if self.count is None
            else self.tr("Referrals to deal with: {count}").format(count=self.count)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
