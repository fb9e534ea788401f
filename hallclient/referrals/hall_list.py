"""The counter's side of referrals: the hall's list, what needs the counter, taking one up.

A referral the department returns comes back to the hall that made it, not to the
customer: it waits at the top of the hall's list until a counter takes it up again
(calls the customer, takes the matter on or refers it elsewhere) and writes what it
did -- 不推诿、不扯皮, 主动内部联系协调.  Overdue referrals follow: the counter calls the
department.  A theft report is listed by its redacted reference only: its matter and
the department's result are the department's (and the history is refused, as for any
counter asking by its id), and nothing of the reporter is ever on a referral.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select

from db.domain import ReferralStatus
from db.engine import Database
from db.models import Referral
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.referrals.rules import COUNTER_STEPS, OPEN_STATES, counter_order
from hallclient.referrals.service import (
    OUTCOME_MIN,
    ReferralError,
    ReferralProblem,
    ReferralView,
    record_event,
    view_of,
)
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

NOTE_MAX = 500
#: Still the counter's or the department's business, whatever day it was referred.
_NOT_DONE = (*OPEN_STATES, ReferralStatus.RETURNED)


def _start_of_today(context: Context) -> dt.datetime:
    return dt.datetime.combine(context.today(), dt.time(), ZoneInfo(context.timezone))


def _shown_at_counter(view: ReferralView) -> ReferralView:
    """A theft report: the state and times only (the matter and result stay with the department)."""
    return replace(view, matter="", outcome="") if view.confidential else view


def hall_referrals(database: Database, context: Context) -> list[ReferralView]:
    """The hall's referrals of today (in the hall's time zone) and every one not done yet:
    returned and not taken up first, then the overdue, then the rest by due time."""
    context.require(Action.REFER_MATTERS)
    query = select(Referral).where(
        Referral.hall_code == context.where.hall_code,
        or_(Referral.created_at >= _start_of_today(context), Referral.status.in_(_NOT_DONE)),
    )
    with UnitOfWork(database) as uow:
        now = context.clock.now()
        views = [view_of(row, now) for row in uow.session.scalars(query)]
    views.sort(key=lambda v: (counter_order(v.status, v.lateness), v.due_at, v.id))
    return [_shown_at_counter(view) for view in views]


def needing_counter(database: Database, context: Context) -> int:
    """How many of the hall's referrals wait for the counter: returned and not taken up,
    or overdue (one count, for the status bar)."""
    context.require(Action.REFER_MATTERS)
    query = select(func.count(Referral.id)).where(
        Referral.hall_code == context.where.hall_code,
        or_(
            Referral.status == ReferralStatus.RETURNED,
            Referral.status.in_(OPEN_STATES) & (Referral.due_at <= context.clock.now()),
        ),
    )
    with UnitOfWork(database) as uow:
        return uow.session.scalar(query) or 0


def take_up(database: Database, context: Context, referral_id: int, note: str) -> ReferralView:
    """The counter takes a returned referral up again, writing what it did; journaled.

    Only a referral of this hall, only once it is returned; the note is required."""
    context.require(Action.REFER_MATTERS)
    text = clean_text(note, "note", NOTE_MAX, multiline=True)
    if len("".join(text.split())) < OUTCOME_MIN:
        raise ReferralError(ReferralProblem.NOTE_REQUIRED)

    def use_case(uow: UnitOfWork) -> ReferralView:
        row = uow.session.get(Referral, referral_id, with_for_update=True)
        if row is None or row.hall_code != context.where.hall_code:
            raise ReferralError(ReferralProblem.UNKNOWN_REFERRAL, str(referral_id))
        if ReferralStatus.TAKEN_UP not in COUNTER_STEPS.get(row.status, set()):
            raise ReferralError(ReferralProblem.BAD_STEP, f"{row.status} → taken_up")
        row.status = ReferralStatus.TAKEN_UP
        record_event(uow, context, row, ReferralStatus.TAKEN_UP, text)
        view = view_of(row, context.clock.now())
        uow.commit()
        return _shown_at_counter(view)

    return run_write(database, use_case)
