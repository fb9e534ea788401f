"""The visit: one customer at one counter, from the call to the satisfaction question.

Stages only move forward -- called → greeted → serving → charging or referring →
closing → closed -- and each keeps the time it was first reached, so wait and
service times are facts, not estimates.  Taking the account reaches "greeted",
choosing the purpose "serving"; the script panel follows these stages.  A visit
that ends records its outcome and, unless the customer never came, the rating the
standard asks every clerk to request.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import RatingSource, TicketStatus, VisitOutcome, VisitStage
from db.engine import Database
from db.models import Account, Ticket, Visit, VisitPurpose
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.ratings.pending import DEFAULT_RATING_WAIT, settle_pending_rating
from hallclient.ratings.record import GivenRating, check_given, level_of_visit, rate_visit
from hallclient.ratings.rules import LEVELS_BY_SCORE, SCORES
from hallclient.ratings.screen import screen_attached
from hallclient.text_input import clean_code, clean_phone, clean_text
from hallclient.uow import UnitOfWork, run_write

__all__ = ["VisitError", "VisitOutcome", "VisitProblem", "VisitStage", "VisitView"]

_RANK = {
    VisitStage.CALLED: 0,
    VisitStage.GREETED: 1,
    VisitStage.SERVING: 2,
    VisitStage.CHARGING: 3,
    VisitStage.REFERRING: 3,
    VisitStage.CLOSING: 4,
    VisitStage.CLOSED: 5,
}
NOTES_MAX = 2000


class VisitProblem(enum.StrEnum):
    UNKNOWN_VISIT = "unknown_visit"
    NOT_YOURS = "not_yours"  # another counter's visit
    CLOSED = "closed"
    BACKWARDS = "backwards"
    UNKNOWN_ACCOUNT = "unknown_account"
    UNKNOWN_PURPOSE = "unknown_purpose"
    RATING_REQUIRED = "rating_required"
    BAD_RATING = "bad_rating"


class VisitError(HallError):
    def __init__(self, problem: VisitProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


@dataclass(frozen=True)
class VisitView:
    id: int
    ticket_label: str | None
    account_no: str | None
    customer_name: str
    customer_phone: str
    purpose_code: str | None
    notes: str
    stage: VisitStage
    called_at: dt.datetime
    closed_at: dt.datetime | None
    outcome: VisitOutcome | None
    satisfaction: int | None  # the rating as the F9 dialog's score, 5 best (rules.SCORES)
    # the account number given at the kiosk (or found at a counter before a transfer): the
    # clerk checks the customer's identity and takes it; it is never the visit's by itself
    given_account_no: str | None = None


def _view(uow: UnitOfWork, visit: Visit) -> VisitView:
    label, given = (
        uow.session.execute(
            select(Ticket.label, Ticket.account_no).where(Ticket.id == visit.ticket_id)
        ).one()
        if visit.ticket_id
        else (None, None)
    )
    level = level_of_visit(uow, visit.id)
    return VisitView(
        visit.id,
        label,
        visit.account_no,
        visit.customer_name,
        visit.customer_phone,
        visit.purpose_code,
        visit.notes,
        visit.stage,
        visit.called_at,
        visit.closed_at,
        visit.outcome,
        None if level is None else SCORES[level],
        given,
    )


def _open_visit(uow: UnitOfWork, context: Context, visit_id: int) -> Visit:
    visit = uow.session.get(Visit, visit_id, with_for_update=True)
    if visit is None:
        raise VisitError(VisitProblem.UNKNOWN_VISIT, str(visit_id))
    if (visit.hall_code, visit.counter_code) != (
        context.where.hall_code,
        context.where.counter_code,
    ):
        raise VisitError(VisitProblem.NOT_YOURS, str(visit_id))
    if visit.stage is VisitStage.CLOSED:
        raise VisitError(VisitProblem.CLOSED, str(visit_id))
    return visit


def _check_account(uow: UnitOfWork, account_no: str | None) -> str | None:
    if not account_no:
        return None
    number = clean_code(account_no, "account_no", 20)
    if uow.session.scalar(select(Account.id).where(Account.account_no == number)) is None:
        raise VisitError(VisitProblem.UNKNOWN_ACCOUNT, number)
    return number


def _change(
    database: Database,
    context: Context,
    visit_id: int,
    change: Callable[[UnitOfWork, Visit], None],
) -> VisitView:
    """Run ``change(uow, visit)`` on an open visit of this counter and commit."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> VisitView:
        visit = _open_visit(uow, context, visit_id)
        change(uow, visit)
        view = _view(uow, visit)
        uow.commit()
        return view

    return run_write(database, use_case)


def start_walk_in(
    database: Database,
    context: Context,
    *,
    account_no: str | None = None,
    name: str = "",
    phone: str = "",
    rating_wait: dt.timedelta = DEFAULT_RATING_WAIT,
) -> VisitView:
    """A customer served without a ticket: with an account, or with an optional name and
    phone; like a call, after the last customer's rating (``ratings.pending``)."""
    context.require(Action.SERVE_CUSTOMERS)
    customer_name, customer_phone = clean_text(name, "name", 50), clean_phone(phone)

    def use_case(uow: UnitOfWork) -> VisitView:
        settle_pending_rating(uow, context, rating_wait)
        visit = Visit(
            hall_code=context.where.hall_code,
            counter_code=context.where.counter_code,
            service_day=context.today(),
            clerk_employee_no=context.user.employee_no,
            account_no=_check_account(uow, account_no),
            customer_name=customer_name,
            customer_phone=customer_phone,
            stage=VisitStage.CALLED,
            called_at=context.clock.now(),
            notes="",
        )
        uow.session.add(visit)
        uow.session.flush()
        view = _view(uow, visit)
        uow.commit()
        return view

    return run_write(database, use_case)


def advance(database: Database, context: Context, visit_id: int, stage: VisitStage) -> VisitView:
    """Move the visit on to ``stage`` (never back; the same stage again is no change)."""
    if stage is VisitStage.CLOSED:
        raise VisitError(VisitProblem.BACKWARDS, "close a visit with close_visit")

    def change(uow: UnitOfWork, visit: Visit) -> None:
        if _RANK[stage] < _RANK[visit.stage]:
            raise VisitError(VisitProblem.BACKWARDS, f"{visit.stage} → {stage}")
        _reach(visit, stage, context.clock.now())

    return _change(database, context, visit_id, change)


def _reach(visit: Visit, stage: VisitStage, now: dt.datetime) -> None:
    visit.stage = stage
    column = f"{stage.value}_at"
    if getattr(visit, column) is None:
        setattr(visit, column, now)


def set_account(database: Database, context: Context, visit_id: int, account_no: str) -> VisitView:
    """The customer's account; finding it means the greeting is done (the identity check is
    next).  Changing it journals both accounts: payments for the visit follow it."""

    def change(uow: UnitOfWork, visit: Visit) -> None:
        before, visit.account_no = visit.account_no, _check_account(uow, account_no)
        if before and before != visit.account_no:  # the clerk serves another account now
            details = {"from": before, "to": visit.account_no}
            context.record(uow, "visit.account_changed", "visit", str(visit.id), details)
        if visit.account_no and _RANK[visit.stage] < _RANK[VisitStage.GREETED]:
            _reach(visit, VisitStage.GREETED, context.clock.now())

    return _change(database, context, visit_id, change)


def set_purpose(database: Database, context: Context, visit_id: int, purpose: str) -> VisitView:
    """The matter the customer came for; choosing it means the serving has begun."""

    code = clean_code(purpose, "purpose", 32)  # PostgreSQL refuses NUL even in a lookup

    def change(uow: UnitOfWork, visit: Visit) -> None:
        if not code or uow.session.get(VisitPurpose, code) is None:
            raise VisitError(VisitProblem.UNKNOWN_PURPOSE, code)
        visit.purpose_code = code
        if _RANK[visit.stage] < _RANK[VisitStage.SERVING]:
            _reach(visit, VisitStage.SERVING, context.clock.now())

    return _change(database, context, visit_id, change)


def set_notes(database: Database, context: Context, visit_id: int, notes: str) -> VisitView:
    text = clean_text(notes, "notes", NOTES_MAX, multiline=True)

    def change(uow: UnitOfWork, visit: Visit) -> None:
        visit.notes = text

    return _change(database, context, visit_id, change)


def close_visit(
    database: Database,
    context: Context,
    visit_id: int,
    outcome: VisitOutcome,
    satisfaction: int | None,
    comment: str = "",
) -> VisitView:
    """End the visit with its outcome and the rating the clerk records for the customer
    (1-5, 5 best; not for a no-show).  Where a customer screen is attached the customer
    rates there (``hallclient.ratings``), so the clerk gives none."""
    given = None
    if satisfaction is not None:
        if satisfaction not in LEVELS_BY_SCORE:
            raise VisitError(VisitProblem.BAD_RATING, str(satisfaction))
        level = LEVELS_BY_SCORE[satisfaction]
        given = check_given(GivenRating(level, RatingSource.CLERK, comment))

    def change(uow: UnitOfWork, visit: Visit) -> None:
        if given is not None:
            rate_visit(uow, context, visit, given)
        elif outcome is not VisitOutcome.NO_SHOW and not screen_attached(
            uow, visit.hall_code, visit.counter_code
        ):
            raise VisitError(VisitProblem.RATING_REQUIRED)
        now = context.clock.now()
        _reach(visit, VisitStage.CLOSING, now)
        _reach(visit, VisitStage.CLOSED, now)
        visit.outcome = outcome
        if visit.ticket_id is not None:
            ticket = uow.session.get(Ticket, visit.ticket_id)
            if ticket is not None:
                ticket.status = TicketStatus.DONE

    return _change(database, context, visit_id, change)


def get_visit(database: Database, context: Context, visit_id: int) -> VisitView:
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        visit = uow.session.get(Visit, visit_id)
        if visit is None:
            raise VisitError(VisitProblem.UNKNOWN_VISIT, str(visit_id))
        return _view(uow, visit)
