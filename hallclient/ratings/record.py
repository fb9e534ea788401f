"""Recording the customer's rating of a visit: once, never changed, with who gave it.

The customer rates on the screen facing them, or answers the clerk, who records the
answer (refused where a screen is attached: the clerk never rates in the customer's
place); a screen nobody answered records 'not rated'.  A bad rating opens its
follow-up case in the same transaction.  The visit's row is locked first, so two
attempts at once are one rating and one refusal; the unique key on the visit is the
last word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.domain import RatingLevel, RatingSource
from db.engine import Database
from db.models import Rating, Visit
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ratings.cases import open_case
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.rules import REASON_MAX, is_bad
from hallclient.ratings.screen import screen_attached
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write


@dataclass(frozen=True)
class GivenRating:
    """What the customer answered: a level (None for 'not rated') and why."""

    level: RatingLevel | None
    source: RatingSource
    reason: str = ""


@dataclass(frozen=True)
class RatingView:
    visit_id: int
    level: RatingLevel | None
    source: RatingSource
    reason: str
    recorded_at: datetime
    case_id: int | None  # the follow-up case a bad rating opened


def check_given(given: GivenRating) -> GivenRating:
    """The rating with its reason cleaned; a level if and only if somebody answered."""
    if given.source is RatingSource.TIMEOUT:
        if given.level is not None:
            raise RatingError(RatingProblem.LEVEL_ON_TIMEOUT)
    elif given.level is None:
        raise RatingError(RatingProblem.LEVEL_REQUIRED)
    reason = clean_text(given.reason, "reason", REASON_MAX, multiline=True)
    return GivenRating(given.level, given.source, reason)


def rate_visit(uow: UnitOfWork, context: Context, visit: Visit, given: GivenRating) -> RatingView:
    """Record ``given`` (already checked) for ``visit``, locked by the caller; journaled."""
    attached = screen_attached(uow, visit.hall_code, visit.counter_code)
    if given.source is RatingSource.CLERK and attached:
        raise RatingError(RatingProblem.SCREEN_ATTACHED, visit.counter_code)
    if given.source is RatingSource.CUSTOMER_SCREEN and not attached:
        raise RatingError(RatingProblem.NO_SCREEN, visit.counter_code)
    if uow.session.scalar(select(Rating.id).where(Rating.visit_id == visit.id)) is not None:
        raise RatingError(RatingProblem.ALREADY_RATED, str(visit.id))
    rating = Rating(
        visit_id=visit.id,
        hall_code=visit.hall_code,
        counter_code=visit.counter_code,
        clerk_employee_no=visit.clerk_employee_no,
        service_day=visit.service_day,
        level=given.level,
        source=given.source,
        reason=given.reason,
        recorded_by=context.user.employee_no,
        recorded_at=context.clock.now(),
    )
    uow.session.add(rating)
    uow.session.flush()
    level = None if given.level is None else given.level.value
    details = {"level": level, "source": given.source.value, "visit_id": visit.id}
    context.record(uow, "rating.recorded", "rating", str(rating.id), details)
    case_id = open_case(uow, context, rating) if is_bad(rating.level) else None
    return RatingView(
        visit.id, rating.level, rating.source, rating.reason, rating.recorded_at, case_id
    )


def record_rating(
    database: Database, context: Context, visit_id: int, given: GivenRating
) -> RatingView:
    """Rate one of this counter's visits, open or closed (the screen asks after F9)."""
    context.require(Action.SERVE_CUSTOMERS)
    checked = check_given(given)

    def use_case(uow: UnitOfWork) -> RatingView:
        visit = uow.session.get(Visit, visit_id, with_for_update=True)
        where = context.where
        if visit is None or (visit.hall_code, visit.counter_code) != (
            where.hall_code,
            where.counter_code,
        ):
            raise RatingError(RatingProblem.UNKNOWN_VISIT, str(visit_id))
        view = rate_visit(uow, context, visit, checked)
        uow.commit()
        return view

    return run_write(database, use_case)


def level_of_visit(uow: UnitOfWork, visit_id: int) -> RatingLevel | None:
    return uow.session.scalar(select(Rating.level).where(Rating.visit_id == visit_id))
