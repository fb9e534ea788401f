"""The status bar's word on the business day, shown once the hall's day is closed.

After the shift manager's day close the counters go on working, into the next business
day: every page then says so at the bottom ("今日已日结 · 收款计入 12-08 营业日"), read
at login, after a day close and every few minutes (one small query, off the GUI
thread; a database that is away leaves the label as it was).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.shifts.business_day import BusinessDay

log = logging.getLogger(__name__)
REFRESH_MS = 5 * 60_000  # midnight moves the calendar day on: it is noticed within minutes


class BusinessDayLabel(QLabel):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        named(self, "statusBusinessDay")
        self._core, self._user_of = core, user_of
        self.business_day: BusinessDay | None = None
        self._runner = TaskRunner(self)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.hide()

    def refresh(self) -> None:
        user = self._user_of()
        self._runner.start(
            lambda _p: self._core.shifts.business_day(user), self._show, self._not_read
        )

    def _show(self, business_day: BusinessDay) -> None:
        self.business_day = business_day
        self.retranslate()

    def _not_read(self, error: BaseException) -> None:
        log.info("business day not read: %s", error)  # the label keeps what it said

    def retranslate(self) -> None:
        day = self.business_day
        self.setVisible(day is not None and day.after_close)
        if day is not None and day.after_close:
            self.setText(
                self.tr("Today is closed · payments count for the business day {day}").format(
                    day=day.day.isoformat()
                )
            )
