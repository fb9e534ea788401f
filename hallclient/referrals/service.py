"""Referral use cases: refer a matter from the counter; the department acknowledges,
works on it, closes it with its result or returns it to the hall with a reason.

The counter refers (``refer_matters``); only the staff of the department a referral
went to may move it on (``handle_referrals``, and their own department).  Each change
is a row of the append-only history and an audit entry; numbering locks the year's
sequence row, so reference numbers stay gapless whatever happens in parallel.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.domain import ReferralStatus, Urgency
from db.engine import Database
from db.models import Account, Department, Referral, ReferralEvent, ReferralSequence, Visit
from hallclient.access.permissions import Action, allowed
from hallclient.clock import local
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.referrals import informants
from hallclient.referrals.informants import Informant
from hallclient.referrals.rules import (
    NEXT_STATES,
    OPEN_STATES,
    Lateness,
    Targets,
    due_at,
    lateness,
    reference,
)
from hallclient.text_input import clean_code, clean_phone, clean_text
from hallclient.uow import UnitOfWork, run_write

MATTER_MIN, MATTER_MAX = 8, 2000  # a matter says what is wrong: a few words at least
OUTCOME_MIN = 4


class ReferralProblem(enum.StrEnum):
    UNKNOWN_DEPARTMENT = "unknown_department"
    UNKNOWN_REFERRAL = "unknown_referral"
    UNKNOWN_VISIT = "unknown_visit"
    UNKNOWN_ACCOUNT = "unknown_account"
    MATTER_TOO_SHORT = "matter_too_short"
    OUTCOME_REQUIRED = "outcome_required"
    NOTE_REQUIRED = "note_required"  # what the counter did, when it takes a returned one up
    NOT_YOUR_DEPARTMENT = "not_your_department"
    BAD_STEP = "bad_step"  # e.g. closing a referral that was returned
    CONTACT_WITH_INFORMANT = "contact_with_informant"  # nothing may lead back to a reporter
    BAD_DEPARTMENT = "bad_department"  # a required field empty, or targets out of order
    DEPARTMENT_EXISTS = "department_exists"  # a new department with a code already taken


class ReferralError(HallError):
    def __init__(self, problem: ReferralProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


@dataclass(frozen=True)
class NewReferral:
    department_code: str
    urgency: Urgency
    matter: str
    visit_id: int | None = None
    account_no: str | None = None
    contact_name: str = ""
    contact_phone: str = ""
    address: str = ""
    appointment: str = ""
    informant: Informant | None = None  # a theft report's reporter: stored apart, see informants


@dataclass(frozen=True)
class ReferralView:
    id: int
    reference: str
    department_code: str
    urgency: Urgency
    matter: str
    account_no: str | None
    contact_name: str
    contact_phone: str
    address: str
    appointment: str
    status: ReferralStatus
    created_at: dt.datetime
    due_at: dt.datetime
    outcome: str
    lateness: Lateness
    confidential: bool


@dataclass(frozen=True)
class EventView:
    status: ReferralStatus
    actor: str
    at: dt.datetime
    note: str


def view_of(row: Referral, now: dt.datetime) -> ReferralView:
    return ReferralView(
        row.id,
        row.reference,
        row.department_code,
        row.urgency,
        row.matter,
        row.account_no,
        row.contact_name,
        row.contact_phone,
        row.address,
        row.appointment,
        row.status,
        row.created_at,
        row.due_at,
        row.outcome,
        lateness(row.status, row.created_at, row.due_at, now),
        row.confidential,
    )


def _department(uow: UnitOfWork, code: str) -> Department:
    department = uow.session.get(Department, clean_code(code, "department", 32))
    if department is None:
        raise ReferralError(ReferralProblem.UNKNOWN_DEPARTMENT, code)
    return department


def _targets(department: Department) -> Targets:
    return Targets(
        department.response_minutes_normal,
        department.response_minutes_urgent,
        department.response_minutes_emergency,
    )


def _next_number(uow: UnitOfWork, year: int) -> int:
    """The year's next number: the row is created if missing, then locked until commit."""
    insert = postgresql_insert if uow.database.backend == "postgresql" else sqlite_insert
    uow.session.execute(
        insert(ReferralSequence).values(year=year, last_number=0).on_conflict_do_nothing()
    )
    sequence = uow.session.get(ReferralSequence, year, with_for_update=True, populate_existing=True)
    assert sequence is not None
    sequence.last_number += 1
    return sequence.last_number


def _cleaned(new: NewReferral) -> NewReferral:
    matter = clean_text(new.matter, "matter", MATTER_MAX, multiline=True)
    if len("".join(matter.split())) < MATTER_MIN:
        raise ReferralError(ReferralProblem.MATTER_TOO_SHORT, str(MATTER_MIN))
    informant = new.informant.cleaned() if new.informant is not None else None
    traceable = (
        new.contact_name.strip(),
        new.contact_phone.strip(),
        new.address.strip(),
        new.visit_id,
        new.account_no,
    )
    if informant is not None and any(traceable):
        # the reporter's visit, account or address would lead straight back to them
        raise ReferralError(ReferralProblem.CONTACT_WITH_INFORMANT)
    return NewReferral(
        new.department_code,
        Urgency(new.urgency),
        matter,
        new.visit_id,
        clean_code(new.account_no, "account_no", 20) if new.account_no else None,
        clean_text(new.contact_name, "contact_name", 50),
        clean_phone(new.contact_phone),
        clean_text(new.address, "address", 200),
        clean_text(new.appointment, "appointment", 100),
        informant,
    )


def _check_links(uow: UnitOfWork, context: Context, new: NewReferral) -> None:
    if new.visit_id is not None:
        visit = uow.session.get(Visit, new.visit_id)
        if visit is None or (visit.hall_code, visit.counter_code) != (
            context.where.hall_code,
            context.where.counter_code,
        ):
            raise ReferralError(ReferralProblem.UNKNOWN_VISIT, str(new.visit_id))
    if new.account_no is not None:
        query = select(Account.id).where(Account.account_no == new.account_no)
        if uow.session.scalar(query) is None:
            raise ReferralError(ReferralProblem.UNKNOWN_ACCOUNT, new.account_no)


def refer(database: Database, context: Context, new: NewReferral) -> ReferralView:
    """A referral with its reference number and due time; refused whole if anything is bad."""
    context.require(Action.REFER_MATTERS)
    clean = _cleaned(new)

    def use_case(uow: UnitOfWork) -> ReferralView:
        department = _department(uow, clean.department_code)
        _check_links(uow, context, clean)
        now = context.clock.now()
        year = local(now, context.timezone).year
        number = _next_number(uow, year)
        row = Referral(
            reference=reference(year, number),
            year=year,
            number=number,
            hall_code=context.where.hall_code,
            counter_code=context.where.counter_code,
            visit_id=clean.visit_id,
            account_no=clean.account_no,
            department_code=department.code,
            urgency=clean.urgency,
            matter=clean.matter,
            contact_name=clean.contact_name,
            contact_phone=clean.contact_phone,
            address=clean.address,
            appointment=clean.appointment,
            status=ReferralStatus.NEW,
            created_by=context.user.employee_no,
            created_at=now,
            due_at=due_at(now, clean.urgency, _targets(department)),
            outcome="",
            confidential=clean.informant is not None,
        )
        uow.session.add(row)
        uow.session.flush()
        if clean.informant is not None:
            informants.store(uow, row, clean.informant)
        record_event(uow, context, row, ReferralStatus.NEW, "")
        view = view_of(row, now)
        uow.commit()
        return view

    return run_write(database, use_case)


def record_event(
    uow: UnitOfWork, context: Context, row: Referral, status: ReferralStatus, note: str
) -> None:
    event = ReferralEvent(
        referral_id=row.id,
        status=status,
        note=note,
        actor=context.user.employee_no,
        at=context.clock.now(),
    )
    uow.session.add(event)
    named = informants.redacted_reference(row.reference) if row.confidential else row.reference
    context.record(
        uow,
        f"referral.{status.value}",
        "referral",
        named,
        {"department": row.department_code, "urgency": row.urgency.value},
    )


def move(
    database: Database,
    context: Context,
    referral_id: int,
    status: ReferralStatus,
    note: str = "",
) -> ReferralView:
    """The department moves its referral on; closing needs the result, returning the reason."""
    context.require(Action.HANDLE_REFERRALS)
    text = clean_text(note, "note", MATTER_MAX, multiline=True)
    ends = status in (ReferralStatus.CLOSED, ReferralStatus.RETURNED)
    if ends and len("".join(text.split())) < OUTCOME_MIN:
        raise ReferralError(ReferralProblem.OUTCOME_REQUIRED, status.value)

    def use_case(uow: UnitOfWork) -> ReferralView:
        row = uow.session.get(Referral, referral_id, with_for_update=True)
        if row is None:
            raise ReferralError(ReferralProblem.UNKNOWN_REFERRAL, str(referral_id))
        if row.department_code != context.user.department_code:
            raise ReferralError(ReferralProblem.NOT_YOUR_DEPARTMENT, row.reference)
        if status not in NEXT_STATES[row.status]:
            raise ReferralError(ReferralProblem.BAD_STEP, f"{row.status} → {status}")
        row.status = status
        if ends:
            row.outcome = text
        record_event(uow, context, row, status, text)
        view = view_of(row, context.clock.now())
        uow.commit()
        return view

    return run_write(database, use_case)


def board(database: Database, context: Context, open_only: bool = True) -> list[ReferralView]:
    """The user's department's referrals, the most pressing first."""
    context.require(Action.HANDLE_REFERRALS)
    query = select(Referral).where(Referral.department_code == context.user.department_code)
    if open_only:
        query = query.where(Referral.status.in_(OPEN_STATES))
    with UnitOfWork(database) as uow:
        now = context.clock.now()
        rows = uow.session.scalars(query.order_by(Referral.due_at, Referral.id))
        return [view_of(row, now) for row in rows]


def for_account(database: Database, context: Context, account_no: str) -> list[ReferralView]:
    """What the counter sees when the customer comes back: their referrals at this hall,
    newest first (never a theft report)."""
    context.require(Action.REFER_MATTERS)
    number = clean_code(account_no, "account_no", 20)
    with UnitOfWork(database) as uow:
        now = context.clock.now()
        query = select(Referral).where(
            Referral.account_no == number,
            Referral.hall_code == context.where.hall_code,
            Referral.confidential.is_(False),  # a theft report is nobody's business here
        )
        rows = uow.session.scalars(query.order_by(Referral.id.desc()).limit(10))
        return [view_of(row, now) for row in rows]


def _may_read(row: Referral, context: Context, *, handling: bool) -> bool:
    """The department it went to, or the hall that referred it (a theft report: not)."""
    if handling:
        return row.department_code == context.user.department_code
    return row.hall_code == context.where.hall_code and not row.confidential


def history(database: Database, context: Context, referral_id: int) -> list[EventView]:
    """Every change of one referral, oldest first: for the counter that referred it and
    for the department it went to.  A theft report's history is the department's only:
    counter staff asking by its id are told there is no such referral, as for any
    referral they may not see."""
    handling = allowed(context.user.role, Action.HANDLE_REFERRALS)
    context.require(Action.HANDLE_REFERRALS if handling else Action.REFER_MATTERS)
    with UnitOfWork(database) as uow:
        row = uow.session.get(Referral, referral_id)
        if row is None or not _may_read(row, context, handling=handling):
            raise ReferralError(ReferralProblem.UNKNOWN_REFERRAL, str(referral_id))
        events = uow.session.scalars(
            select(ReferralEvent)
            .where(ReferralEvent.referral_id == referral_id)
            .order_by(ReferralEvent.id)
        )
        return [EventView(e.status, e.actor, e.at, e.note) for e in events]


def escalated(database: Database, context: Context) -> list[ReferralView]:
    """The hall's referrals overdue for as long again as their target: the manager is told."""
    context.require(Action.VIEW_REPORTS)
    query = select(Referral).where(
        Referral.hall_code == context.where.hall_code, Referral.status.in_(OPEN_STATES)
    )
    with UnitOfWork(database) as uow:
        now = context.clock.now()
        views = [view_of(row, now) for row in uow.session.scalars(query.order_by(Referral.due_at))]
    return [view for view in views if view.lateness is Lateness.ESCALATED]
