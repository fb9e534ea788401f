"""Refusals of the shift services, each with a reason the UI words itself."""

from __future__ import annotations

import enum

from hallclient.errors import HallError


class ShiftProblem(enum.StrEnum):
    NO_OPEN_SHIFT = "no_open_shift"  # nothing can be charged or moved without one
    OTHER_CLERKS_SHIFT = "other_clerks_shift"  # the counter's open shift is someone else's
    ALREADY_OPEN = "already_open"  # this counter has an open shift
    BAD_COUNT = "bad_count"  # pieces that are not a whole number from 0 to the limit
    BAD_AMOUNT = "bad_amount"
    NO_REASON = "no_reason"
    OWN_SHIFT = "own_shift"  # nobody approves or returns their own shift
    NOT_SUBMITTED = "not_submitted"  # only a submitted shift is approved or returned
    NEEDS_APPROVAL = "needs_approval"  # a difference beyond the limit needs a manager
    FUTURE_DAY = "future_day"  # a day is closed once it has begun, not before
    DAY_CLOSED = "day_closed"  # the hall's day is closed already (later shifts: the next day)
    EARLIER_DAY_OPEN = "earlier_day_open"  # days close in order: an earlier one first
    SHIFTS_PENDING = "shifts_pending"  # the day closes only when every shift is approved
    UNKNOWN_SHIFT = "unknown_shift"
    CASH_SHORT = "cash_short"  # paying out more cash than the drawer should hold


class ShiftError(HallError):
    def __init__(self, problem: ShiftProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
