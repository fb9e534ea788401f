"""The call that waits for the last customer's rating (a counter with a customer screen).

The core refuses the next call (or walk-in) while the customer may still rate, saying how
many seconds are left.  The page says so and keeps the call: it is made again as soon as
the screen's rating is in, or when those seconds are over (the core then records 'not
rated' itself, should the screen have gone).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from hallclient.errors import HallError
from hallclient.ratings.errors import RatingError, RatingProblem

AFTER_THE_WAIT_MS = 500  # a moment past the seconds the core gave


class RatingWait(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._again: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.release)

    @property
    def waiting(self) -> bool:
        return self._again is not None

    def hold(self, error: HallError, again: Callable[[], None]) -> bool:
        """Keep ``again`` if ``error`` is the wait for a rating (True); else nothing (False)."""
        if not isinstance(error, RatingError) or error.problem is not RatingProblem.RATING_PENDING:
            return False
        self._again = again
        seconds = int(error.detail) if error.detail.isdigit() else 0
        self._timer.start(seconds * 1000 + AFTER_THE_WAIT_MS)
        return True

    def release(self) -> None:
        """The rating is in (or its time is over): the call kept is made now."""
        again, self._again = self._again, None
        self._timer.stop()
        if again is not None:
            again()
