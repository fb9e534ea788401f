"""The referral rules that need no database: due times, lateness, and the order of states.

A referral is due its department's target after it was made (per urgency).  It is
*due soon* in the last fifth of that time, *overdue* after it, and *escalated* once
it has been overdue for as long again as its target: then the shift manager is told.

The department moves a referral on (``NEXT_STATES``); one it returns comes back to the
hall, where the counter takes it up again (``COUNTER_STEPS``): until then it waits at
the top of the hall's list, with the overdue ones (``counter_order``).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from db.domain import ReferralStatus, Urgency

DUE_SOON_SHARE = 0.2  # the last fifth of the target time


@dataclass(frozen=True)
class Targets:
    """A department's response targets, minutes per urgency."""

    normal: int
    urgent: int
    emergency: int

    def minutes(self, urgency: Urgency) -> int:
        return {
            Urgency.NORMAL: self.normal,
            Urgency.URGENT: self.urgent,
            Urgency.EMERGENCY: self.emergency,
        }[urgency]


class Lateness(enum.StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ESCALATED = "escalated"
    DONE = "done"  # closed or returned: no longer the department's to do


OPEN_STATES = frozenset(
    {ReferralStatus.NEW, ReferralStatus.ACKNOWLEDGED, ReferralStatus.IN_PROGRESS}
)

#: Which state may follow which: forward only, and back to the hall from any open state.
NEXT_STATES = {
    ReferralStatus.NEW: {ReferralStatus.ACKNOWLEDGED, ReferralStatus.RETURNED},
    ReferralStatus.ACKNOWLEDGED: {
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.CLOSED,
        ReferralStatus.RETURNED,
    },
    ReferralStatus.IN_PROGRESS: {ReferralStatus.CLOSED, ReferralStatus.RETURNED},
    ReferralStatus.CLOSED: set(),
    ReferralStatus.RETURNED: set(),
    ReferralStatus.TAKEN_UP: set(),
}
#: The hall's one step: a returned referral is taken up again by the counter (no department's).
COUNTER_STEPS = {ReferralStatus.RETURNED: {ReferralStatus.TAKEN_UP}}


class CounterOrder(enum.IntEnum):
    """Where a referral stands in the hall's list, most pressing for the counter first."""

    RETURNED = 0  # back from the department: the counter must act
    OVERDUE = 1  # the department is late: the counter calls it
    OPEN = 2  # with the department, in time
    DONE = 3  # closed, or taken up by the counter


def counter_order(status: ReferralStatus, late: Lateness) -> CounterOrder:
    if status is ReferralStatus.RETURNED:
        return CounterOrder.RETURNED
    if late in (Lateness.OVERDUE, Lateness.ESCALATED):
        return CounterOrder.OVERDUE
    return CounterOrder.OPEN if status in OPEN_STATES else CounterOrder.DONE


def needs_counter(status: ReferralStatus, late: Lateness) -> bool:
    """Returned and not taken up, or overdue: what the status bar counts."""
    return counter_order(status, late) < CounterOrder.OPEN


def due_at(created: dt.datetime, urgency: Urgency, targets: Targets) -> dt.datetime:
    return created + dt.timedelta(minutes=targets.minutes(urgency))


def lateness(
    status: ReferralStatus, created: dt.datetime, due: dt.datetime, now: dt.datetime
) -> Lateness:
    if status not in OPEN_STATES:
        return Lateness.DONE
    target = due - created
    if now >= due + target:
        return Lateness.ESCALATED
    if now >= due:
        return Lateness.OVERDUE
    if now >= due - target * DUE_SOON_SHARE:
        return Lateness.DUE_SOON
    return Lateness.ON_TIME


def reference(year: int, number: int) -> str:
    """ZB2026-000123: 转办, the year, the number within it."""
    return f"ZB{year}-{number:06d}"
