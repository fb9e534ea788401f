"""A clerk's shift: float, receipts, voids and moves in the figures; the close; the manager."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.domain import MoveDirection, PaymentMethod, Role, ShiftStatus
from hallclient.access.approvals import ApprovalError
from hallclient.access.permissions import ApprovalKind
from hallclient.receipts import jobs
from hallclient.receipts.issue import issue_receipt
from hallclient.shifts import manager
from hallclient.shifts import service as shifts
from hallclient.shifts.errors import ShiftError, ShiftProblem
from tests.db.receipt_helpers import FLOAT, cash_request, open_till
from tests.db.security_helpers import journal
from tests.db.shift_helpers import LIMIT, approve, close_exact, pay, void

D = Decimal
CASH, WECHAT = PaymentMethod.CASH, PaymentMethod.WECHAT


@pytest.fixture
def till(database):
    return open_till(database)


def _refused(problem: ShiftProblem, call, *args):
    with pytest.raises(ShiftError) as caught:
        call(*args)
    assert caught.value.problem is problem
    return caught.value


def test_the_reading_sums_float_receipts_voids_and_moves(till):
    db, clerk = till.database, till.clerk
    fee = till.cart(("S105", "1"))  # 30.00, a service fee
    pay(till, clerk, fee, CASH)
    voided = pay(till, clerk, till.cart(("M101", "1")), CASH)  # 280.00, a material
    pay(till, clerk, fee, WECHAT)
    void(till, clerk, voided.record.receipt_no)
    shifts.move_cash(db, clerk, MoveDirection.IN, D("100.00"), "备用金补充")
    shifts.move_cash(db, clerk, MoveDirection.OUT, D("50.00"), "上缴现金")
    x = shifts.reading(db, clerk)
    cash, wechat = x.figures.method(CASH), x.figures.method(WECHAT)
    assert (cash.opening, cash.sales, cash.voids) == (D(250), D(310), D(280))
    assert cash.expected == D(250) + D(310) - D(280) + D(100) - D(50)
    assert (cash.sales_count, cash.void_count, cash.expected_count) == (2, 1, 1)
    assert (wechat.expected, wechat.expected_count) == (D(30), 1)
    assert (x.figures.receipts, x.figures.voids) == (3, 1)
    assert x.figures.by_category == {"material": D(0), "service_fee": D(60)}
    assert [m.reason for m in x.moves] == ["备用金补充", "上缴现金"]
    assert x.float_count[D(100)] == 2 and x.shift.status is ShiftStatus.OPEN


def test_one_open_shift_per_counter_and_bad_counts_change_nothing(till):
    _refused(ShiftProblem.ALREADY_OPEN, shifts.open_shift, till.database, till.clerk, FLOAT)
    other = till.context(counter="C02")
    x = shifts.reading(till.database, other)
    _refused(
        ShiftProblem.BAD_COUNT,
        shifts.open_shift,
        till.database,
        till.context(Role.SHIFT_MANAGER, counter="C03"),
        {D(3): 1},
    )
    assert shifts.current_shift(till.database, till.context(Role.SHIFT_MANAGER, "C03")) is None
    assert x.shift.opening_float == D(250)


def test_no_receipt_or_move_without_the_clerks_open_shift(till):
    manager_here = till.context(Role.SHIFT_MANAGER)  # the clerk's shift is open at C01
    cart = till.cart(("S105", "1"))
    _refused(
        ShiftProblem.OTHER_CLERKS_SHIFT,
        issue_receipt,
        till.database,
        manager_here,
        cash_request(cart),
    )
    nowhere = till.context(Role.SHIFT_MANAGER, counter="C09")
    _refused(ShiftProblem.NO_OPEN_SHIFT, issue_receipt, till.database, nowhere, cash_request(cart))
    _refused(
        ShiftProblem.NO_OPEN_SHIFT,
        shifts.move_cash,
        till.database,
        nowhere,
        MoveDirection.IN,
        D(1),
        "找零",
    )


@pytest.mark.parametrize(
    ("direction", "amount", "reason", "problem"),
    [
        (MoveDirection.OUT, D("250.01"), "上缴", ShiftProblem.CASH_SHORT),
        (MoveDirection.IN, D("0"), "补充", ShiftProblem.BAD_AMOUNT),
        (MoveDirection.IN, D("1.005"), "补充", ShiftProblem.BAD_AMOUNT),
        (MoveDirection.IN, D("5"), "  ", ShiftProblem.NO_REASON),
    ],
)
def test_a_bad_cash_move_is_refused(till, direction, amount, reason, problem):
    _refused(problem, shifts.move_cash, till.database, till.clerk, direction, amount, reason)
    assert shifts.reading(till.database, till.clerk).moves == ()


def test_the_close_freezes_the_figures_and_the_shift_accepts_nothing(till):
    db, clerk = till.database, till.clerk
    pay(till, clerk, till.cart(("S105", "1")), CASH)
    z = close_exact(till, clerk, {D(100): 2, D(20): 4})  # 280.00 = 250 + 30
    assert z.shift.status is ShiftStatus.SUBMITTED and z.shift.count_round == 1
    assert [(t.method, t.expected, t.difference) for t in z.tallies][:2] == [
        (CASH, D(280), 0),
        (WECHAT, D(0), 0),
    ]
    cart = till.cart(("S105", "1"))
    _refused(ShiftProblem.NO_OPEN_SHIFT, issue_receipt, db, clerk, cash_request(cart))
    _refused(ShiftProblem.NO_OPEN_SHIFT, shifts.move_cash, db, clerk, MoveDirection.IN, D(1), "补")
    _refused(
        ShiftProblem.NO_OPEN_SHIFT, close_exact, till, clerk, {}
    )  # submitted: nothing to count
    again = shifts.reading(db, till.context(Role.SHIFT_MANAGER, counter="C05"), z.shift.id)
    assert again.tallies == z.tallies and again.cash_count == z.cash_count


def test_a_difference_beyond_the_limit_needs_a_manager(till):
    db, clerk = till.database, till.clerk
    short = {D(100): 2, D(10): 3}  # 230.00 against 250.00
    preview = shifts.preview_close(db, clerk, short, {})
    assert preview[0].difference == D(-20)
    error = _refused(ShiftProblem.NEEDS_APPROVAL, shifts.close_shift, db, clerk, short, {}, LIMIT)
    assert shifts.current_shift(db, clerk) is not None  # nothing changed
    with pytest.raises(ApprovalError):  # an approval for another action does not do
        wrong = approve(till, clerk, ApprovalKind.VOID_RECEIPT, error.detail)
        shifts.close_shift(db, clerk, short, {}, LIMIT, wrong)
    approval = approve(till, clerk, ApprovalKind.OVER_LIMIT_DIFFERENCE, error.detail)
    z = shifts.close_shift(db, clerk, short, {}, LIMIT, approval)
    assert z.tallies[0].difference == D(-20) and z.shift.status is ShiftStatus.SUBMITTED


def test_the_manager_returns_for_recount_then_approves(till):
    db, clerk = till.database, till.clerk
    boss = till.context(Role.SHIFT_MANAGER, counter="C05")
    z = close_exact(till, clerk, {D(100): 2, D(10): 4})  # 240.00: 10.00 short, at the limit
    _refused(ShiftProblem.NO_REASON, manager.return_shift, db, boss, z.shift.id, " ")
    returned = manager.return_shift(db, boss, z.shift.id, "现金短款，请复点")
    assert returned.shift.status is ShiftStatus.RETURNED
    _refused(ShiftProblem.NOT_SUBMITTED, manager.approve_shift, db, boss, z.shift.id)
    recount = close_exact(till, clerk, FLOAT)
    assert recount.shift.count_round == 2 and recount.tallies[0].difference == 0
    approved = manager.approve_shift(db, boss, z.shift.id)
    assert (approved.shift.status, approved.shift.decided_by) == (
        ShiftStatus.APPROVED,
        boss.user.employee_no,
    )
    actions = [action for _, action, _ in journal(db)]
    assert actions.count("shift.close") == 2 and "shift.returned" in actions
    assert "shift.approved" in actions


def test_nobody_approves_their_own_shift(till):
    boss = till.context(Role.SHIFT_MANAGER, counter="C05")
    shifts.open_shift(till.database, boss, FLOAT)
    z = close_exact(till, boss, FLOAT)
    _refused(ShiftProblem.OWN_SHIFT, manager.approve_shift, till.database, boss, z.shift.id)


def test_counts_moves_and_tallies_are_append_only(till):
    shifts.move_cash(till.database, till.clerk, MoveDirection.IN, D(5), "补充零钱")
    close_exact(till, till.clerk, {D(100): 2, D(50): 1, D(5): 1})
    for table in ("shift_cash_counts", "shift_cash_moves", "shift_tallies"):
        with pytest.raises(DBAPIError), till.database.engine.begin() as conn:
            conn.execute(text(f"UPDATE {table} SET shift_id = shift_id"))


def test_an_approval_fits_only_the_count_it_was_given_for(till):
    db, clerk = till.database, till.clerk
    short = {D(100): 2, D(10): 3}  # 20.00 short
    error = _refused(ShiftProblem.NEEDS_APPROVAL, shifts.close_shift, db, clerk, short, {}, LIMIT)
    assert error.detail.endswith("cash:-20.00")
    approval = approve(till, clerk, ApprovalKind.OVER_LIMIT_DIFFERENCE, error.detail)
    with pytest.raises(ApprovalError):  # an empty drawer is not what the manager saw
        shifts.close_shift(db, clerk, {}, {}, LIMIT, approval)
    assert shifts.current_shift(db, clerk) is not None


def test_a_copy_printed_after_the_close_does_not_change_the_shift(till):
    sale = pay(till, till.clerk, till.cart(("S105", "1")), CASH)
    jobs.request_copy(till.database, till.clerk, sale.record.receipt_no, "顾客要求")
    z = close_exact(till, till.clerk, {D(100): 2, D(20): 4})
    assert z.figures.reprints == 1
    till.clock.advance(timedelta(minutes=5))
    jobs.request_copy(till.database, till.clerk, sale.record.receipt_no, "顾客再次要求")
    boss = till.context(Role.SHIFT_MANAGER, counter="C05")
    assert shifts.reading(till.database, boss, z.shift.id).figures.reprints == 1
