"""The next customer waits for the last one's rating, where a customer screen is attached.

After F9 the screen asks the customer; the counter's next call (or walk-in) is refused
while the question may still be answered, and once its time is over the call records
'not rated' in its own transaction and goes on, so a question left open (the screen
closed, the PC restarted) never blocks the counter and never leaves a visit unrecorded.
Only visits closed with F9 ask: a no-show or a transferred ticket was not served here.
Today's visits are looked at: a question left open on an earlier day is not settled.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import select

from db.domain import RatingSource, VisitOutcome
from db.models import Rating, Visit
from hallclient.config import DEFAULT_RATING_TIMEOUT
from hallclient.context import Context
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.record import GivenRating, rate_visit
from hallclient.ratings.screen import screen_attached
from hallclient.uow import UnitOfWork

DEFAULT_RATING_WAIT = dt.timedelta(seconds=DEFAULT_RATING_TIMEOUT)
NOT_RATED = GivenRating(None, RatingSource.TIMEOUT)


def seconds_left(closed_at: dt.datetime, now: dt.datetime, wait: dt.timedelta) -> int:
    """Whole seconds (rounded up) the customer still has to rate; 0 once the wait is over.
    Never more than the wait itself: a clock set back after the close must not hold the
    counter for as long as it was set back."""
    left = min((closed_at + wait - now).total_seconds(), wait.total_seconds())
    return math.ceil(left) if left > 0 else 0


def _last_served(uow: UnitOfWork, context: Context) -> Visit | None:
    """This counter's visit closed last today with F9 (not a no-show), locked."""
    where = context.where
    query = (
        select(Visit)
        .where(
            Visit.hall_code == where.hall_code,
            Visit.service_day == context.today(),
            Visit.counter_code == where.counter_code,
            Visit.closing_at.is_not(None),
            Visit.closed_at.is_not(None),
            Visit.outcome != VisitOutcome.NO_SHOW,
        )
        .order_by(Visit.closed_at.desc(), Visit.id.desc())
        .limit(1)
        .with_for_update()
    )
    return uow.session.scalar(query)


def settle_pending_rating(uow: UnitOfWork, context: Context, wait: dt.timedelta) -> None:
    """Before a new visit at this counter: refuse while the last customer may still rate
    (``RATING_PENDING``, the seconds left); past ``wait``, record 'not rated' (TIMEOUT)."""
    where = context.where
    if not screen_attached(uow, where.hall_code, where.counter_code):
        return
    visit = _last_served(uow, context)
    if visit is None or visit.closed_at is None:
        return
    if uow.session.scalar(select(Rating.id).where(Rating.visit_id == visit.id)) is not None:
        return
    left = seconds_left(visit.closed_at, context.clock.now(), wait)
    if left:
        raise RatingError(RatingProblem.RATING_PENDING, str(left))
    rate_visit(uow, context, visit, NOT_RATED)
