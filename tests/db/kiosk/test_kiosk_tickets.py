"""Kiosk tickets: the day's numbering, a checked account that starts the visit, the green
channel ahead of the queue, people ahead, and a device that may only issue tickets."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from db.domain import PriorityReason, Role
from db.models import AuditEntry, Ticket
from hallclient.access.permissions import Action
from hallclient.clock import FixedClock
from hallclient.errors import HallError
from hallclient.intake import queue, visits
from hallclient.kiosk.device import DeviceRefusedError, kiosk_context
from hallclient.kiosk.tickets import KioskError, KioskProblem, issue_kiosk_ticket
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.ledger_helpers import add_ledger_account
from tests.db.receipt_helpers import ACCOUNT_NO, add_account
from tests.db.security_helpers import START, add_users


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def kiosk(database, clock):
    add_hall(database)
    return kiosk_context("H01", "K1", clock)


@pytest.fixture
def clerk(database, kiosk, clock):
    return at_counter(add_users(database)[Role.CLERK], clock, "C01")


def _codes(database) -> dict[str, str]:
    from db.models import ServiceCategory

    with UnitOfWork(database) as uow:
        return dict(uow.session.execute(select(ServiceCategory.prefix, ServiceCategory.code)).all())


def test_kiosk_and_clerk_draw_from_one_gapless_sequence(database, kiosk, clerk):
    a = _codes(database)["A"]
    assert queue.issue_ticket(database, clerk, a).label == "A001"
    ticket = issue_kiosk_ticket(database, kiosk, a)
    assert (ticket.label, ticket.people_ahead, ticket.hall_name) == ("A002", 1, "测试营业厅")
    assert ticket.qr_text == "HALL:H01;DAY:2026-11-26;TICKET:A002"
    assert not ticket.account_given and ticket.priority_reason is None


def test_an_unknown_account_is_refused_and_nothing_is_issued(database, kiosk):
    a = _codes(database)["A"]
    with pytest.raises(KioskError) as refused:
        issue_kiosk_ticket(database, kiosk, a, account_no="9999999999")
    assert refused.value.problem is KioskProblem.NO_SUCH_ACCOUNT
    with UnitOfWork(database) as uow:
        assert uow.session.scalars(select(Ticket)).all() == []
    assert issue_kiosk_ticket(database, kiosk, a).label == "A001"  # no number was used up


def test_the_visit_is_offered_the_account_given_at_the_kiosk_not_bound_to_it(
    database, kiosk, clerk
):
    add_account(database)
    wide = "".join(chr(ord(d) + 0xFEE0) for d in ACCOUNT_NO)  # full-width digits fold
    ticket = issue_kiosk_ticket(database, kiosk, _codes(database)["A"], account_no=wide)
    assert ticket.account_given
    called = queue.call_next(database, clerk)
    assert called.ticket.label == ticket.label
    visit = visits.get_visit(database, clerk, called.visit_id)
    assert (visit.given_account_no, visit.account_no) == (ACCOUNT_NO, None)  # the clerk checks


def test_a_transfer_carries_the_account_the_clerk_found_not_the_kiosks(database, kiosk, clock):
    users = add_users(database)
    clerk = at_counter(users[Role.CLERK], clock, "C01")
    add_account(database)
    found = add_ledger_account(database, account_no="100000077", meter_no="211906000077")
    issue_kiosk_ticket(database, kiosk, _codes(database)["A"], account_no=ACCOUNT_NO)
    called = queue.call_next(database, clerk)
    visits.set_account(database, clerk, called.visit_id, found)  # the customer gave another
    queue.transfer(database, clerk, called.ticket.id, "过户请到2号窗口", counter_code="C02")
    second = at_counter(users["requester"], clock, "C02")
    again = queue.call_next(database, second)
    assert again is not None and again.ticket.id == called.ticket.id
    assert visits.get_visit(database, second, again.visit_id).given_account_no == found


def test_a_green_channel_ticket_goes_ahead_and_counts_nobody_before_it(database, kiosk, clerk):
    a = _codes(database)["A"]
    first = [issue_kiosk_ticket(database, kiosk, a) for _ in range(3)]
    assert [t.people_ahead for t in first] == [0, 1, 2]
    kiosk.clock.advance(dt.timedelta(minutes=1))
    green = issue_kiosk_ticket(database, kiosk, a, priority_reason=PriorityReason.PREGNANT)
    assert (green.label, green.people_ahead) == ("A004", 0)
    assert issue_kiosk_ticket(database, kiosk, a).people_ahead == 4
    assert queue.call_next(database, clerk).ticket.label == "A004"
    with UnitOfWork(database) as uow:
        stored = uow.session.scalar(select(Ticket).where(Ticket.label == "A004"))
        assert stored.priority and stored.priority_reason is PriorityReason.PREGNANT


def test_the_kiosk_may_only_issue_tickets_and_is_named_in_the_journal(database, kiosk):
    add_account(database)
    with pytest.raises(DeviceRefusedError):
        kiosk.require(Action.SERVE_CUSTOMERS)
    issue_kiosk_ticket(
        database,
        kiosk,
        _codes(database)["B"],
        account_no=ACCOUNT_NO,
        priority_reason=PriorityReason.ELDERLY,
    )
    with UnitOfWork(database) as uow:
        actor, counter, details = uow.session.execute(
            select(AuditEntry.actor_employee_no, AuditEntry.counter_code, AuditEntry.details).where(
                AuditEntry.action == "ticket.kiosk_issued"
            )
        ).one()
    assert (actor, counter) == ("kiosk:K1", "K1")
    assert json.loads(details) == {
        "label": "B001",
        "category": _codes(database)["B"],
        "priority_reason": "elderly",
        "account_given": True,
    }
    assert ACCOUNT_NO not in details  # whether one was given, not which


def test_a_kiosk_code_is_a_short_code():
    with pytest.raises(HallError):
        kiosk_context("H01", "kiosk one", FixedClock(START))
