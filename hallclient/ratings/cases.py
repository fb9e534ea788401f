"""The follow-up case of a bad rating: the shift manager calls the customer back, records
the cause and what was fixed, and closes the case with its result.

A rating of 不满意 or 非常不满意 opens the case in the rating's own transaction, due on
the 15th working day after the visit's day (``working_days``).  Each step follows the
one before (``rules.NEXT_STATUS``), says in words what was done, keeps its time, and is
journaled with who did it.  The manager acts on the hall's cases and sees them all; a
clerk sees only the cases of their own visits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select

from db.domain import FollowUpStatus, RatingLevel
from db.engine import Database
from db.models import FollowUpCase, Rating, User
from hallclient.access.permissions import Action, allowed
from hallclient.context import Context
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.rules import FOLLOW_UP_WORKING_DAYS, NEXT_STATUS
from hallclient.ratings.working_days import chinese_working_calendar, working_days_after
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

STEP_TEXT_MAX = 1000
#: Each step's words and time, by the state it reaches.
_STEP_COLUMNS = {
    FollowUpStatus.CALLED_BACK: ("call_back_note", "called_back_at"),
    FollowUpStatus.CAUSE_RECORDED: ("cause", "cause_at"),
    FollowUpStatus.FIXED: ("fix", "fixed_at"),
    FollowUpStatus.CLOSED: ("result", "closed_at"),
}


@dataclass(frozen=True)
class CaseView:
    id: int
    visit_id: int
    counter_code: str
    clerk_employee_no: str
    clerk_name: str  # empty for a number no longer known
    level: RatingLevel | None
    reason: str
    status: FollowUpStatus
    opened_at: dt.datetime
    due_on: dt.date
    due_estimated: bool  # the calendar does not cover the year yet: counted Monday to Friday
    overdue: bool
    call_back_note: str
    cause: str
    fix: str
    result: str


def is_overdue(case: FollowUpCase, today: dt.date) -> bool:
    return case.status is not FollowUpStatus.CLOSED and case.due_on < today


def open_case(uow: UnitOfWork, context: Context, rating: Rating) -> int:
    """Open the follow-up case of ``rating`` (flushed) in the caller's transaction."""
    due = working_days_after(rating.service_day, FOLLOW_UP_WORKING_DAYS, chinese_working_calendar())
    case = FollowUpCase(
        rating_id=rating.id,
        hall_code=rating.hall_code,
        counter_code=rating.counter_code,
        clerk_employee_no=rating.clerk_employee_no,
        status=FollowUpStatus.OPENED,
        opened_at=context.clock.now(),
        due_on=due.day,
        due_estimated=due.estimated,
        call_back_note="",
        cause="",
        fix="",
        result="",
    )
    uow.session.add(case)
    uow.session.flush()
    details = {"rating_id": rating.id, "due_on": due.day, "due_estimated": due.estimated}
    context.record(uow, "follow_up.opened", "follow_up_case", str(case.id), details)
    return case.id


def _view(case: FollowUpCase, rating: Rating, clerk_name: str | None, today: dt.date) -> CaseView:
    return CaseView(
        case.id,
        rating.visit_id,
        case.counter_code,
        case.clerk_employee_no,
        clerk_name or "",
        rating.level,
        rating.reason,
        case.status,
        case.opened_at,
        case.due_on,
        case.due_estimated,
        is_overdue(case, today),
        case.call_back_note,
        case.cause,
        case.fix,
        case.result,
    )


def _visible(context: Context) -> Select[FollowUpCase, Rating, str]:
    """The hall's cases for the manager; a clerk's own cases for anyone else who serves."""
    query = (
        select(FollowUpCase, Rating, User.display_name)
        .join(Rating, Rating.id == FollowUpCase.rating_id)
        .outerjoin(User, User.employee_no == FollowUpCase.clerk_employee_no)
        .where(FollowUpCase.hall_code == context.where.hall_code)
        .order_by(FollowUpCase.due_on, FollowUpCase.id)
    )
    if allowed(context.user.role, Action.FOLLOW_UP_RATINGS):
        return query
    context.require(Action.SERVE_CUSTOMERS)
    return query.where(FollowUpCase.clerk_employee_no == context.user.employee_no)


def get_case(database: Database, context: Context, case_id: int) -> CaseView:
    """One case with all its words; another clerk's case is unknown to a clerk."""
    query = _visible(context).where(FollowUpCase.id == case_id)
    with UnitOfWork(database) as uow:
        row = uow.session.execute(query).first()
        if row is None:
            raise RatingError(RatingProblem.UNKNOWN_CASE, str(case_id))
        return _view(row[0], row[1], row[2], context.today())


def list_cases(
    database: Database, context: Context, *, overdue_only: bool = False
) -> list[CaseView]:
    """The cases not closed yet (those past their due day only, if asked), soonest due first."""
    query = _visible(context).where(FollowUpCase.status != FollowUpStatus.CLOSED)
    today = context.today()
    if overdue_only:
        query = query.where(FollowUpCase.due_on < today)
    with UnitOfWork(database) as uow:
        return [_view(*row, today) for row in uow.session.execute(query)]


def advance_case(
    database: Database, context: Context, case_id: int, to: FollowUpStatus, text: str
) -> CaseView:
    """Take the case's next step, saying what was done; any other step is refused."""
    context.require(Action.FOLLOW_UP_RATINGS)
    words = clean_text(text, "text", STEP_TEXT_MAX, multiline=True)
    if not words:
        raise RatingError(RatingProblem.TEXT_REQUIRED, to.value)

    def use_case(uow: UnitOfWork) -> CaseView:
        case = uow.session.get(FollowUpCase, case_id, with_for_update=True)
        if case is None or case.hall_code != context.where.hall_code:
            raise RatingError(RatingProblem.UNKNOWN_CASE, str(case_id))
        if NEXT_STATUS.get(case.status) is not to:
            raise RatingError(RatingProblem.OUT_OF_ORDER, f"{case.status} → {to}")
        text_column, time_column = _STEP_COLUMNS[to]
        before, case.status = case.status, to
        setattr(case, text_column, words)
        setattr(case, time_column, context.clock.now())
        details = {"from": before.value, "to": to.value, "text": words}
        context.record(uow, f"follow_up.{to.value}", "follow_up_case", str(case.id), details)
        rating = uow.session.get_one(Rating, case.rating_id)
        name = select(User.display_name).where(User.employee_no == case.clerk_employee_no)
        view = _view(case, rating, uow.session.scalar(name), context.today())
        uow.commit()
        return view

    return run_write(database, use_case)
