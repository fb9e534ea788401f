"""The hall's day close: only when every shift is approved; chained; heads of every series."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from db.domain import PaymentMethod, Role, ShiftStatus
from db.immutability import unprotect
from db.models.receipts import ReceiptSeries
from hallclient.shifts import day_close, manager
from hallclient.shifts import service as shifts
from hallclient.shifts.business_day import BusinessDay, business_day
from hallclient.shifts.day_close import PendingShiftsError
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import FLOAT, open_till
from tests.db.shift_helpers import close_exact, pay

D = Decimal


@pytest.fixture
def till(database):
    return open_till(database)


def _close_and_approve(till, context, boss):
    z = close_exact(till, context, _cash(till, context))
    manager.approve_shift(till.database, boss, z.shift.id)


def _cash(till, context):
    expected = shifts.reading(till.database, context).figures.method(PaymentMethod.CASH).expected
    return {D(10): int(expected // 10)} | {D(1): int(expected % 10)}


def test_a_day_closes_when_every_shift_is_approved_and_carries_the_grand_total(till):
    db, clerk = till.database, till.clerk
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    other = till.context(counter="C02")
    pay(till, clerk, till.cart(("S105", "1")), PaymentMethod.CASH)
    pay(till, other, till.cart(("M101", "1")), PaymentMethod.ALIPAY)
    with pytest.raises(PendingShiftsError) as caught:
        day_close.close_day(db, boss, clerk.today())
    assert caught.value.problem is ShiftProblem.SHIFTS_PENDING
    assert [(s.counter_code, s.clerk_name, s.status) for s in caught.value.shifts] == [
        ("C01", clerk.user.display_name, ShiftStatus.OPEN),
        ("C02", other.user.display_name, ShiftStatus.OPEN),
    ]
    for context in (clerk, other):
        _close_and_approve(till, context, boss)
    first = day_close.close_day(db, boss, clerk.today())
    assert (first.day_total, first.previous_grand_total, first.grand_total) == (
        D(310),
        D(0),
        D(310),
    )
    assert first.by_method["alipay"] == D(280) and (first.receipts, first.voids) == (2, 0)
    with UnitOfWork(db) as uow:
        heads = {
            s.code: (s.last_number, s.head_hash) for s in uow.session.scalars(select(ReceiptSeries))
        }
    assert {h.series: (h.last_number, h.head_hash) for h in first.heads} == heads
    # the same evening, after the close: the counter carries on into the next business day
    late = shifts.open_shift(db, clerk, FLOAT)
    assert late.business_day == clerk.today() + timedelta(days=1)
    assert business_day(db, clerk) == BusinessDay(late.business_day, clerk.today())
    pay(till, clerk, till.cart(("S105", "2")), PaymentMethod.WECHAT)
    till.clock.advance(timedelta(days=1))
    assert not business_day(db, clerk).after_close
    _close_and_approve(till, clerk, boss)
    second = day_close.close_day(db, boss, clerk.today())
    assert (second.previous_grand_total, second.grand_total) == (D(310), D(370))
    assert second.prev_hash == first.hash
    assert day_close.verify_day_closes(db, "H01") is None


def test_the_preview_shows_what_the_close_records_and_refuses_as_the_close_does(till):
    db, clerk = till.database, till.clerk
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    pay(till, clerk, till.cart(("S105", "1")), PaymentMethod.CASH)
    with pytest.raises(PendingShiftsError):
        day_close.preview_day_close(db, boss, clerk.today())
    _close_and_approve(till, clerk, boss)
    preview = day_close.preview_day_close(db, boss, clerk.today())
    closed = day_close.close_day(db, boss, clerk.today())
    assert (preview.summary.net, preview.grand_total) == (closed.day_total, closed.grand_total)
    assert preview.heads == closed.heads
    with pytest.raises(ShiftError) as caught:
        day_close.preview_day_close(db, boss, clerk.today())
    assert caught.value.problem is ShiftProblem.DAY_CLOSED


def test_a_day_is_closed_once_and_not_before_it_begins(till):
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    _close_and_approve(till, till.clerk, boss)
    today = till.clerk.today()
    for day, problem in (
        (today + timedelta(days=1), ShiftProblem.FUTURE_DAY),
        (today, None),
        (today, ShiftProblem.DAY_CLOSED),
        (today - timedelta(days=1), ShiftProblem.DAY_CLOSED),
    ):
        if problem is None:
            day_close.close_day(till.database, boss, day)
            continue
        with pytest.raises(ShiftError) as caught:
            day_close.close_day(till.database, boss, day)
        assert caught.value.problem is problem


def test_a_rewritten_day_close_is_detected(till):
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    _close_and_approve(till, till.clerk, boss)
    day_close.close_day(till.database, boss, till.clerk.today())
    with till.database.engine.begin() as conn:
        unprotect(conn, "day_closes")
        conn.execute(
            text("UPDATE day_closes SET content = replace(content, :old, :new)"),
            {"old": '"voids":0', "new": '"voids":1'},
        )
    assert day_close.verify_day_closes(till.database, "H01") == f"{till.clerk.today()}: changed"


def test_no_day_is_skipped(till):
    """A shift of day 1 still open: day 2 cannot close before day 1 (its takings would be lost)."""
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    pay(till, till.clerk, till.cart(("S105", "1")), PaymentMethod.CASH)
    day1 = till.clerk.today()
    till.clock.advance(timedelta(days=1))
    with pytest.raises(ShiftError) as caught:
        day_close.close_day(till.database, boss, till.clerk.today())
    assert (caught.value.problem, caught.value.detail) == (
        ShiftProblem.EARLIER_DAY_OPEN,
        day1.isoformat(),
    )
    _close_and_approve(till, till.clerk, boss)
    assert day_close.close_day(till.database, boss, day1).grand_total == D(30)
    assert day_close.close_day(till.database, boss, till.clerk.today()).grand_total == D(30)


@pytest.mark.parametrize("column", ["grand_total", "day_total"])
def test_a_changed_total_column_is_detected(till, column):
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    _close_and_approve(till, till.clerk, boss)
    day_close.close_day(till.database, boss, till.clerk.today())
    with till.database.engine.begin() as conn:
        unprotect(conn, "day_closes")
        conn.execute(text(f"UPDATE day_closes SET {column} = 99999900"))
    fault = day_close.verify_day_closes(till.database, "H01")
    assert fault == f"{till.clerk.today()}: columns differ from the record"


def test_a_rehashed_receipt_no_longer_matches_the_head_on_paper(till):
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    pay(till, till.clerk, till.cart(("S105", "1")), PaymentMethod.CASH)
    _close_and_approve(till, till.clerk, boss)
    closed = day_close.close_day(till.database, boss, till.clerk.today())
    with till.database.engine.begin() as conn:
        unprotect(conn, "receipts")
        conn.execute(text("UPDATE receipts SET hash = :h"), {"h": "f" * 64})
    head = closed.heads[0]
    assert day_close.verify_day_closes(till.database, "H01") == (
        f"{closed.day}: receipt {head.series}-{head.last_number:06d} differs from the head on paper"
    )
