"""The queue: daily numbering, calling order, recall, no-show, transfer; many counters at once."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter as Tally

import pytest

from db.domain import Role, TicketStatus, VisitOutcome, VisitStage
from hallclient.clock import FixedClock
from hallclient.intake import queue, visits
from hallclient.intake.queue import QueueError, QueueProblem
from tests.db.intake_helpers import COUNTERS, add_hall, at_counter
from tests.db.security_helpers import START, add_users


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def clerk(database, clock):
    add_hall(database, {"C02": "payment", "C03": "repair"})
    people = add_users(database)
    return lambda counter="C01": at_counter(people[Role.CLERK], clock, counter)


def _issue(database, context, *categories: str) -> list[str]:
    return [queue.issue_ticket(database, context, code).label for code in categories]


def _category_codes(database) -> dict[str, str]:
    from sqlalchemy import select

    from db.models import ServiceCategory
    from hallclient.uow import UnitOfWork

    with UnitOfWork(database) as uow:
        return dict(uow.session.execute(select(ServiceCategory.prefix, ServiceCategory.code)).all())


def test_numbers_run_per_category_and_start_again_each_day(database, clerk, clock):
    codes = _category_codes(database)
    assert _issue(database, clerk(), codes["A"], codes["A"], codes["B"]) == ["A001", "A002", "B001"]
    clock.advance(dt.timedelta(days=1))
    assert _issue(database, clerk(), codes["A"]) == ["A001"]


def test_priority_first_then_arrival_and_each_counter_its_categories(database, clerk, clock):
    codes = _category_codes(database)
    for prefix in "ABCV":
        queue.issue_ticket(database, clerk(), codes[prefix])
        clock.advance(dt.timedelta(minutes=1))
    order = [queue.call_next(database, clerk()).ticket.label for _ in range(4)]
    assert order == ["V001", "A001", "B001", "C001"]
    queue.issue_ticket(database, clerk(), codes["B"])
    assert queue.call_next(database, clerk("C02")) is None  # C02 serves payments only
    assert queue.call_next(database, clerk("C01")).ticket.label == "B002"


def test_calling_starts_the_visit(database, clerk):
    queue.issue_ticket(database, clerk(), _category_codes(database)["A"])
    called = queue.call_next(database, clerk())
    visit = visits.get_visit(database, clerk(), called.visit_id)
    assert (visit.ticket_label, visit.stage) == ("A001", VisitStage.CALLED)


def test_a_no_show_can_be_recalled_for_fifteen_minutes(database, clerk, clock):
    queue.issue_ticket(database, clerk(), _category_codes(database)["A"])
    called = queue.call_next(database, clerk())
    skipped = queue.skip(database, clerk(), called.ticket.id)
    assert skipped.status is TicketStatus.NO_SHOW
    assert visits.get_visit(database, clerk(), called.visit_id).outcome is VisitOutcome.NO_SHOW
    clock.advance(dt.timedelta(minutes=14))
    assert queue.recall(database, clerk(), called.ticket.id).calls == 2
    queue.skip(database, clerk(), called.ticket.id)
    clock.advance(dt.timedelta(minutes=16))
    with pytest.raises(QueueError) as caught:
        queue.recall(database, clerk(), called.ticket.id)
    assert caught.value.problem is QueueProblem.TOO_LATE


def test_another_counter_cannot_recall_or_skip(database, clerk):
    queue.issue_ticket(database, clerk(), _category_codes(database)["A"])
    called = queue.call_next(database, clerk())
    for action in (queue.recall, queue.skip):
        with pytest.raises(QueueError):
            action(database, clerk("C04"), called.ticket.id)


def test_a_transfer_returns_ahead_of_the_queue_at_that_counter(database, clerk, clock):
    codes = _category_codes(database)
    _issue(database, clerk(), codes["C"], codes["C"])
    clock.advance(dt.timedelta(minutes=5))
    queue.issue_ticket(database, clerk(), codes["A"])
    called = queue.call_next(database, clerk("C03"))  # C001 at the repair counter
    with pytest.raises(QueueError):
        queue.transfer(database, clerk("C03"), called.ticket.id, "   ")
    queue.transfer(
        database,
        clerk("C03"),
        called.ticket.id,
        "需缴费后再办",
        counter_code="C02",
        category_code=codes["A"],
    )
    assert queue.call_next(database, clerk("C02")).ticket.label == "C001"  # before A001
    assert visits.get_visit(database, clerk("C03"), called.visit_id).outcome is VisitOutcome.PENDING


def test_eight_counters_calling_at_once_call_each_ticket_exactly_once(database, clerk):
    codes = _category_codes(database)
    total = 2_000 if database.backend == "postgresql" else 400
    for n in range(total):
        queue.issue_ticket(database, clerk(), codes["ABCV"[n % 4]])
    called: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def counter(code: str) -> None:
        try:
            while (ticket := queue.call_next(database, clerk(code))) is not None:
                with lock:
                    called.append(ticket.ticket.label)
        except BaseException as error:  # reported below, not swallowed
            errors.append(error)

    threads = [threading.Thread(target=counter, args=(code,)) for code in COUNTERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(called) == total and max(Tally(called).values()) == 1
    assert queue.waiting(database, clerk()) == []
