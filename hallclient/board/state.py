"""The board's one query: today's calls, who is at which window, how many wait.

Everything comes from ``tickets``, ``counters``, ``service_categories`` and ``halls`` in
one read transaction; no name, phone or account of a customer is read at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from db.domain import TicketStatus
from db.engine import Database
from db.models import Counter, Hall, ServiceCategory, Ticket
from hallclient.board.announce import Announcement, window_name
from hallclient.uow import UnitOfWork

_WAITING = (TicketStatus.WAITING, TicketStatus.TRANSFERRED)


@dataclass(frozen=True)
class Call:
    """A ticket as called last: at ``window`` since ``called_at`` (UTC)."""

    announcement: Announcement
    called_at: dt.datetime
    counter_code: str
    at_counter_now: bool  # still called there (not served, skipped or sent on yet)

    @property
    def label(self) -> str:
        return self.announcement.label

    @property
    def window(self) -> str:
        return self.announcement.window


@dataclass(frozen=True)
class Window:
    counter_code: str
    name: str  # "3号窗口"
    serving: str | None  # the ticket called there now, if any


@dataclass(frozen=True)
class Waiting:
    prefix: str
    name: str
    count: int


@dataclass(frozen=True)
class BoardState:
    hall_name: str
    day: dt.date
    windows: tuple[Window, ...]  # the hall's active counters, by code
    recent: tuple[Call, ...]  # the last calls, newest first
    waiting: tuple[Waiting, ...]  # per category, in the reference data's order
    calls: tuple[Call, ...]  # every call of the day, oldest first (for the call watch)


def read_board(database: Database, hall_code: str, day: dt.date, recent: int) -> BoardState:
    with UnitOfWork(database) as uow:
        session = uow.session
        hall_name = session.scalar(select(Hall.name).where(Hall.code == hall_code))
        counters = [
            (code, name, active)
            for code, name, active in session.execute(
                select(Counter.code, Counter.name, Counter.active)
                .where(Counter.hall_code == hall_code)
                .order_by(Counter.code)
            )
        ]
        names = {code: window_name(code, name) for code, name, _active in counters}
        rows = session.execute(
            select(
                Ticket.id,
                Ticket.calls,
                Ticket.label,
                Ticket.counter_code,
                Ticket.called_at,
                Ticket.status,
            )
            .where(Ticket.hall_code == hall_code, Ticket.service_day == day, Ticket.calls > 0)
            .order_by(Ticket.called_at, Ticket.id)
        ).all()
        counts: dict[str, int] = {
            code: count
            for code, count in session.execute(
                select(Ticket.category_code, func.count())
                .where(
                    Ticket.hall_code == hall_code,
                    Ticket.service_day == day,
                    Ticket.status.in_(_WAITING),
                )
                .group_by(Ticket.category_code)
            )
        }
        categories = session.execute(
            select(ServiceCategory.code, ServiceCategory.prefix, ServiceCategory.name_zh).order_by(
                ServiceCategory.sort_order, ServiceCategory.code
            )
        ).all()
    calls = tuple(
        Call(
            Announcement(ticket_id, count, label, names.get(counter, window_name(counter, ""))),
            called_at,
            counter,
            status is TicketStatus.CALLED,
        )
        for ticket_id, count, label, counter, called_at, status in rows
        if counter is not None and called_at is not None
    )
    return BoardState(
        hall_name or hall_code,
        day,
        _windows(counters, names, calls),
        tuple(reversed(calls[-recent:])) if recent else (),
        tuple(Waiting(prefix, name, counts.get(code, 0)) for code, prefix, name in categories),
        calls,
    )


def _windows(
    counters: list[tuple[str, str, bool]], names: dict[str, str], calls: tuple[Call, ...]
) -> tuple[Window, ...]:
    serving = {call.counter_code: call.label for call in calls if call.at_counter_now}
    return tuple(
        Window(code, names[code], serving.get(code))
        for code, _name, active in counters
        if active or code in serving
    )
