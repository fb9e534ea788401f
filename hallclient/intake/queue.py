"""The queue: tickets per service category, numbered A001, A002 … afresh each day.

Numbers come from one row per hall, day and category, locked in the issuing
transaction, so two reception screens never hand out the same number.  A counter
calls the next ticket of the categories it serves: priority (老弱病残孕) first, then
tickets transferred to it, then by arrival.  On PostgreSQL the candidate row is
taken with ``FOR UPDATE SKIP LOCKED``, so counters calling at the same moment get
different tickets and nobody waits; on SQLite the writer lock does the same.
Calling a ticket starts its visit in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.domain import PriorityReason, TicketStatus, VisitOutcome, VisitStage
from db.engine import Database
from db.models import Counter, ServiceCategory, Ticket, TicketSequence, Visit
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.ratings.pending import DEFAULT_RATING_WAIT, settle_pending_rating
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

NO_SHOW_RECALL = dt.timedelta(minutes=15)  # a skipped ticket may be called back this long
CALL_CHANNEL = "hallclient_calls"  # PostgreSQL NOTIFY channel: a call board looks again
CALLABLE = (TicketStatus.WAITING, TicketStatus.TRANSFERRED)
#: The order counters call tickets in: priority, then transferred ones, then by arrival.
CALLING_ORDER = (Ticket.priority.desc(), Ticket.ahead.desc(), Ticket.queued_at, Ticket.id)


class QueueProblem(enum.StrEnum):
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_TICKET = "unknown_ticket"
    UNKNOWN_COUNTER = "unknown_counter"
    NOT_AT_THIS_COUNTER = "not_at_this_counter"
    TOO_LATE = "too_late"  # a no-show past its recall time
    WRONG_STATUS = "wrong_status"
    NOTE_REQUIRED = "note_required"


class QueueError(HallError):
    def __init__(self, problem: QueueProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


@dataclass(frozen=True)
class TicketView:
    id: int
    label: str
    category_code: str
    priority: bool
    status: TicketStatus
    issued_at: dt.datetime
    called_at: dt.datetime | None
    counter_code: str | None
    calls: int
    note: str


@dataclass(frozen=True)
class CalledTicket:
    ticket: TicketView
    visit_id: int


def _view(ticket: Ticket) -> TicketView:
    return TicketView(
        ticket.id,
        ticket.label,
        ticket.category_code,
        ticket.priority,
        ticket.status,
        ticket.issued_at,
        ticket.called_at,
        ticket.counter_code,
        ticket.calls,
        ticket.note,
    )


def category_of(uow: UnitOfWork, code: str) -> ServiceCategory:
    category = uow.session.get(ServiceCategory, code)
    if category is None:
        raise QueueError(QueueProblem.UNKNOWN_CATEGORY, code)
    return category


def _next_number(uow: UnitOfWork, hall: str, day: dt.date, category: str) -> int:
    """The day's next number: the sequence row is created if missing (two first issuers
    cannot both insert it), then locked until the ticket is committed."""
    key = {"hall_code": hall, "service_day": day, "category_code": category}
    insert = postgresql_insert if uow.database.backend == "postgresql" else sqlite_insert
    uow.session.execute(
        insert(TicketSequence).values(**key, last_number=0).on_conflict_do_nothing()
    )
    sequence = uow.session.get(TicketSequence, key, with_for_update=True, populate_existing=True)
    assert sequence is not None
    sequence.last_number += 1
    return sequence.last_number


def add_ticket(
    uow: UnitOfWork,
    context: Context,
    category: ServiceCategory,
    *,
    account_no: str | None = None,
    priority_reason: PriorityReason | None = None,
) -> Ticket:
    """The next numbered ticket of ``category`` (flushed, not committed); a priority
    reason sends it ahead like a priority category's ticket."""
    hall, day, now = context.where.hall_code, context.today(), context.clock.now()
    number = _next_number(uow, hall, day, category.code)
    ticket = Ticket(
        hall_code=hall,
        service_day=day,
        category_code=category.code,
        number=number,
        label=f"{category.prefix}{number:03d}",
        priority=category.priority or priority_reason is not None,
        status=TicketStatus.WAITING,
        issued_at=now,
        issued_by=context.user.employee_no,
        queued_at=now,
        calls=0,
        note="",
        account_no=account_no,
        priority_reason=priority_reason,
    )
    uow.session.add(ticket)
    uow.session.flush()
    return ticket


def issue_ticket(database: Database, context: Context, category_code: str) -> TicketView:
    """A new ticket at the end of its category's queue."""
    context.require(Action.ISSUE_TICKETS)

    def use_case(uow: UnitOfWork) -> TicketView:
        view = _view(add_ticket(uow, context, category_of(uow, category_code)))
        uow.commit()
        return view

    return run_write(database, use_case)


def served_categories(uow: UnitOfWork, hall: str, counter: str) -> list[str]:
    """The categories this counter calls (all of them unless the counter lists some)."""
    row = uow.session.scalar(
        select(Counter).where(Counter.hall_code == hall, Counter.code == counter)
    )
    listed = [code for code in (row.categories if row else "").split(";") if code]
    return listed or list(uow.session.scalars(select(ServiceCategory.code)))


def _next_ticket(uow: UnitOfWork, context: Context) -> Ticket | None:
    hall, counter = context.where.hall_code, context.where.counter_code
    query = (
        select(Ticket)
        .where(
            Ticket.hall_code == hall,
            Ticket.service_day == context.today(),
            Ticket.status.in_(CALLABLE),
            Ticket.category_code.in_(served_categories(uow, hall, counter)),
            or_(Ticket.for_counter.is_(None), Ticket.for_counter == counter),
        )
        .order_by(*CALLING_ORDER)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    return uow.session.scalar(query)


def _start_visit(uow: UnitOfWork, context: Context, ticket: Ticket) -> Visit:
    visit = Visit(
        hall_code=ticket.hall_code,
        counter_code=context.where.counter_code,
        service_day=ticket.service_day,
        clerk_employee_no=context.user.employee_no,
        ticket_id=ticket.id,
        stage=VisitStage.CALLED,
        called_at=context.clock.now(),
        customer_name="",
        customer_phone="",
        notes="",
    )
    uow.session.add(visit)
    uow.session.flush()
    return visit


def call_next(
    database: Database, context: Context, rating_wait: dt.timedelta = DEFAULT_RATING_WAIT
) -> CalledTicket | None:
    """Call the next ticket for this counter and start its visit; ``None`` if nobody waits.
    With a customer screen, the last customer's rating comes first (``ratings.pending``)."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> CalledTicket | None:
        settle_pending_rating(uow, context, rating_wait)
        ticket = _next_ticket(uow, context)
        if ticket is None:
            return None
        ticket.status, ticket.calls = TicketStatus.CALLED, ticket.calls + 1
        ticket.counter_code = context.where.counter_code
        ticket.called_by, ticket.called_at = context.user.employee_no, context.clock.now()
        ticket.for_counter, ticket.ahead = None, False
        visit = _start_visit(uow, context, ticket)
        called = CalledTicket(_view(ticket), visit.id)
        _tell_boards(uow, ticket.hall_code)
        uow.commit()
        return called

    return run_write(database, use_case)


def _ticket(uow: UnitOfWork, ticket_id: int) -> Ticket:
    ticket = uow.session.get(Ticket, ticket_id, with_for_update=True)
    if ticket is None:
        raise QueueError(QueueProblem.UNKNOWN_TICKET, str(ticket_id))
    return ticket


def _visit_of(uow: UnitOfWork, ticket: Ticket) -> Visit | None:
    return uow.session.scalar(select(Visit).where(Visit.ticket_id == ticket.id))


def recall(
    database: Database,
    context: Context,
    ticket_id: int,
    rating_wait: dt.timedelta = DEFAULT_RATING_WAIT,
) -> TicketView:
    """Call the same ticket again: one at this counter, or a no-show within its recall time
    (a new visit, which waits for the last customer's rating as a call does)."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> TicketView:
        ticket = _ticket(uow, ticket_id)
        if ticket.counter_code != context.where.counter_code:
            raise QueueError(QueueProblem.NOT_AT_THIS_COUNTER, ticket.label)
        if ticket.status is TicketStatus.NO_SHOW:
            assert ticket.skipped_at is not None
            if context.clock.now() - ticket.skipped_at > NO_SHOW_RECALL:
                raise QueueError(QueueProblem.TOO_LATE, ticket.label)
            settle_pending_rating(uow, context, rating_wait)
            _reopen_visit(uow, context, ticket)
        elif ticket.status is not TicketStatus.CALLED:
            raise QueueError(QueueProblem.WRONG_STATUS, f"{ticket.label} {ticket.status}")
        ticket.status, ticket.calls = TicketStatus.CALLED, ticket.calls + 1
        ticket.called_at = context.clock.now()
        view = _view(ticket)
        _tell_boards(uow, ticket.hall_code)
        uow.commit()
        return view

    return run_write(database, use_case)


def _tell_boards(uow: UnitOfWork, hall: str) -> None:
    """On PostgreSQL, wake the hall's call boards when this call commits (a notification is
    delivered only then, so a board never hears a call that was rolled back)."""
    if uow.database.backend == "postgresql":
        uow.session.execute(select(func.pg_notify(CALL_CHANNEL, hall)))


def _reopen_visit(uow: UnitOfWork, context: Context, ticket: Ticket) -> None:
    """The customer came back after all: the no-show visit is closed, a new one starts."""
    old = _visit_of(uow, ticket)
    if old is not None:
        old.ticket_id = None  # the ticket's visit is the new one; the old one stays on record
        uow.session.flush()
    _start_visit(uow, context, ticket)


def skip(database: Database, context: Context, ticket_id: int) -> TicketView:
    """Nobody came: the ticket is a no-show (recallable for a while), its visit closes."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> TicketView:
        ticket = _ticket(uow, ticket_id)
        if (
            ticket.counter_code != context.where.counter_code
            or ticket.status is not TicketStatus.CALLED
        ):
            raise QueueError(QueueProblem.NOT_AT_THIS_COUNTER, ticket.label)
        now = context.clock.now()
        ticket.status, ticket.skipped_at = TicketStatus.NO_SHOW, now
        visit = _visit_of(uow, ticket)
        if visit is not None and visit.stage is not VisitStage.CLOSED:
            visit.stage, visit.closed_at, visit.outcome = (
                VisitStage.CLOSED,
                now,
                VisitOutcome.NO_SHOW,
            )
        view = _view(ticket)
        uow.commit()
        return view

    return run_write(database, use_case)


def transfer(
    database: Database,
    context: Context,
    ticket_id: int,
    note: str,
    *,
    category_code: str | None = None,
    counter_code: str | None = None,
) -> TicketView:
    """Send a called ticket to another category or counter, ahead of the queue there."""
    context.require(Action.SERVE_CUSTOMERS)
    text = clean_text(note, "note", 200)
    if not text:
        raise QueueError(QueueProblem.NOTE_REQUIRED)

    def use_case(uow: UnitOfWork) -> TicketView:
        ticket = _ticket(uow, ticket_id)
        if (
            ticket.counter_code != context.where.counter_code
            or ticket.status is not TicketStatus.CALLED
        ):
            raise QueueError(QueueProblem.NOT_AT_THIS_COUNTER, ticket.label)
        if category_code is not None:
            ticket.category_code = category_of(uow, category_code).code
        if counter_code is not None:
            _check_counter(uow, context.where.hall_code, counter_code)
        now = context.clock.now()
        ticket.status, ticket.ahead, ticket.queued_at = TicketStatus.TRANSFERRED, True, now
        ticket.for_counter, ticket.note = counter_code, text
        visit = _visit_of(uow, ticket)
        if visit is not None:
            visit.ticket_id = None  # this counter's part is over; the next counter starts anew
            visit.stage, visit.closed_at, visit.outcome = (
                VisitStage.CLOSED,
                now,
                VisitOutcome.PENDING,
            )
            visit.notes = "\n".join(filter(None, (visit.notes, text)))
            if visit.account_no:  # as the clerk found it, not as the kiosk was told
                ticket.account_no = visit.account_no
        view = _view(ticket)
        uow.commit()
        return view

    return run_write(database, use_case)


def _check_counter(uow: UnitOfWork, hall: str, code: str) -> None:
    found = uow.session.scalar(
        select(Counter.id).where(Counter.hall_code == hall, Counter.code == code)
    )
    if found is None:
        raise QueueError(QueueProblem.UNKNOWN_COUNTER, code)


def waiting(database: Database, context: Context) -> list[TicketView]:
    """Today's tickets still to be called, in the order a counter serving all would call them."""
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        query = (
            select(Ticket)
            .where(
                Ticket.hall_code == context.where.hall_code,
                Ticket.service_day == context.today(),
                Ticket.status.in_(CALLABLE),
            )
            .order_by(*CALLING_ORDER)
        )
        return [_view(ticket) for ticket in uow.session.scalars(query)]
