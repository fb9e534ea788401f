"""Bills at the counter: a reading imported, billed, paid, voided and paid again; bills
paid oldest first with their late fees; a waiver only with a manager's approval; a
closed account charged only the fees that apply to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import update

from db.domain import Role
from db.models import Account
from hallclient.access.approvals import (
    ApprovalError,
    ApprovalProblem,
    ApprovalRequest,
    grant_approval,
)
from hallclient.access.permissions import ApprovalKind
from hallclient.ledger.bills import bill_quote
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.verify import check_volumes
from hallclient.ledger.volumes import read_volumes
from hallclient.receipts.cart import Cart, Waiver
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.void import void_receipt
from hallclient.tariff import pricing
from hallclient.tariff.rules import LATE_FEE_CODE
from hallclient.uow import UnitOfWork
from tests.db.ledger.ledger_till import BILLED_NO, LedgerTill, ledger_till
from tests.db.ledger_helpers import TIER_YEAR
from tests.db.receipt_helpers import cash_request
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD, REQUESTER_NO, journal

METER = "211906000777"


@pytest.fixture
def ledger(database) -> LedgerTill:
    return ledger_till(database)


def _read_twice(ledger: LedgerTill, tmp_path, second: str = "1120") -> str:
    ledger.read(tmp_path, (BILLED_NO, METER, "1000", "2026-10-01"))
    ledger.read(tmp_path, (BILLED_NO, METER, second, "2026-11-01"))
    [bill_no] = ledger.bill()
    return bill_no


def _void(ledger: LedgerTill, receipt_no: str):
    request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, receipt_no, "收错账单")
    manager = EMPLOYEE_NO[Role.SHIFT_MANAGER]
    grant = grant_approval(ledger.database, ledger.till.clerk, request, manager, PASSWORD)
    return void_receipt(
        ledger.database, ledger.till.clerk, receipt_no, "收错账单", grant.approval_id
    )


def _used(ledger: LedgerTill) -> Decimal:
    with UnitOfWork(ledger.database) as uow:
        return read_volumes(uow, BILLED_NO).used(TIER_YEAR)


def test_a_reading_is_billed_paid_voided_and_paid_again(ledger, tmp_path):
    bill_no = _read_twice(ledger, tmp_path)
    [entry] = ledger.bills(BILLED_NO).bills
    bill = entry.bill
    assert (bill.bill_no, bill.volume, bill.amount) == (bill_no, Decimal(120), Decimal("313.20"))
    assert [(line.band, line.quantity, line.unit_price) for line in bill.lines] == [
        (1, Decimal(120), Decimal("2.61"))
    ]
    assert bill.lines[0].approval_doc_no.startswith("测价〔2026〕")
    assert (bill.issued_on, bill.due_on) == (dt.date(2026, 11, 26), dt.date(2026, 12, 11))
    assert _used(ledger) == 120  # the bill counts in the tier year, its payment does not

    paid = ledger.pay(BILLED_NO).record
    assert [(line.bill_no, line.amount) for line in paid.lines] == [(bill_no, Decimal("313.20"))]
    assert ledger.bills(BILLED_NO).bills == ()
    with pytest.raises(LedgerError) as again:
        issue_receipt(ledger.database, ledger.till.clerk, _bill_cart_request([entry], ledger))
    assert again.value.problem is LedgerProblem.BILL_PAID

    _void(ledger, paid.receipt_no)
    assert [e.bill.bill_no for e in ledger.bills(BILLED_NO).bills] == [bill_no]
    repaid = ledger.pay(BILLED_NO).record
    assert repaid.receipt_no != paid.receipt_no and repaid.total == Decimal("313.20")
    assert _used(ledger) == 120
    assert check_volumes(ledger.database).ok


def _bill_cart_request(entries, ledger: LedgerTill):
    """A cart of exactly these open bills (and their late fees), as a counter built it."""
    cart = Cart()
    for entry in entries:
        cart = cart.add(bill_quote(entry.bill, ledger.till.clerk.today()))
        if entry.late_fee is not None:
            cart = cart.add(entry.late_fee)
    return _request(cart)


def _two_bills(ledger: LedgerTill, tmp_path) -> list[str]:
    ledger.read(tmp_path, (BILLED_NO, METER, "1000", "2026-09-01"))
    ledger.read(tmp_path, (BILLED_NO, METER, "1100", "2026-10-01"))
    first = ledger.bill()
    ledger.read(tmp_path, (BILLED_NO, METER, "1400", "2026-11-01"))
    return first + ledger.bill()


def test_two_overdue_bills_are_paid_oldest_first_each_with_its_late_fee(ledger, tmp_path):
    first, second = _two_bills(ledger, tmp_path)
    ledger.till.clock.advance(dt.timedelta(days=35))  # 2026-12-31: 20 days late, 10 of grace
    found = ledger.bills(BILLED_NO)
    assert [e.bill.bill_no for e in found.bills] == [first, second]
    # 100 m³ in band 1; then 260 m³ in band 1 (up to 360) and 40 m³ in band 2
    assert [e.bill.amount for e in found.bills] == [Decimal("261.00"), Decimal("803.80")]
    assert [e.late_fee_amount for e in found.bills] == [Decimal("2.61"), Decimal("8.04")]
    record = ledger.pay(BILLED_NO).record
    assert [(line.bill_no, line.item_code, line.amount) for line in record.lines] == [
        (first, "G101", Decimal("261.00")),
        (first, LATE_FEE_CODE, Decimal("2.61")),
        (second, "G101", Decimal("678.60")),
        (second, "G101", Decimal("125.20")),
        (second, LATE_FEE_CODE, Decimal("8.04")),
    ]
    assert record.total == Decimal("1075.45")
    assert record.lines[1].item_name == "违约金（逾期10天）"


def test_fewer_bills_are_taken_oldest_first_and_a_newer_one_alone_is_refused(ledger, tmp_path):
    first, second = _two_bills(ledger, tmp_path)
    newer = ledger.bills(BILLED_NO).bills[1]
    with pytest.raises(LedgerError) as skipped:
        issue_receipt(ledger.database, ledger.till.clerk, _bill_cart_request([newer], ledger))
    assert skipped.value.problem is LedgerProblem.BILLS_OUT_OF_ORDER
    assert ledger.pay(BILLED_NO, count=1).record.lines[0].bill_no == first
    assert [e.bill.bill_no for e in ledger.bills(BILLED_NO).bills] == [second]


def _overdue(ledger: LedgerTill, tmp_path) -> str:
    bill_no = _read_twice(ledger, tmp_path)
    ledger.till.clock.advance(dt.timedelta(days=35))
    return bill_no


def test_a_late_fee_left_out_without_a_waiver_is_refused(ledger, tmp_path):
    _overdue(ledger, tmp_path)
    cart = Cart()
    for quote in ledger.bills(BILLED_NO).cart_lines():
        if quote.item_code != LATE_FEE_CODE:
            cart = cart.add(quote)
    with pytest.raises(LedgerError) as refused:
        issue_receipt(ledger.database, ledger.till.clerk, _request(cart))
    assert refused.value.problem is LedgerProblem.LATE_FEE_MISSING


def _request(cart: Cart):
    return replace(cash_request(cart), account_no=BILLED_NO)


def test_a_waiver_needs_a_shift_managers_approval(ledger, tmp_path):
    bill_no = _overdue(ledger, tmp_path)
    request = ApprovalRequest(ApprovalKind.WAIVE_LATE_FEE, bill_no, "系统停机未能按时缴费")
    with pytest.raises(ApprovalError) as not_a_manager:
        grant_approval(ledger.database, ledger.till.clerk, request, REQUESTER_NO, PASSWORD)
    assert not_a_manager.value.problem is ApprovalProblem.NOT_AN_APPROVER
    manager = EMPLOYEE_NO[Role.SHIFT_MANAGER]
    grant = grant_approval(ledger.database, ledger.till.clerk, request, manager, PASSWORD)
    record = ledger.pay(BILLED_NO, waivers=(Waiver(bill_no, grant.approval_id),)).record
    assert [line.item_code for line in record.lines] == ["G101"]
    assert record.total == Decimal("313.20")
    assert (EMPLOYEE_NO[Role.CLERK], "bill.late_fee_waived", bill_no) in journal(ledger.database)


def test_a_waiver_is_used_once(ledger, tmp_path):
    bill_no = _overdue(ledger, tmp_path)
    request = ApprovalRequest(ApprovalKind.WAIVE_LATE_FEE, bill_no, "系统停机未能按时缴费")
    manager = EMPLOYEE_NO[Role.SHIFT_MANAGER]
    grant = grant_approval(ledger.database, ledger.till.clerk, request, manager, PASSWORD)
    waiver = (Waiver(bill_no, grant.approval_id),)
    paid = ledger.pay(BILLED_NO, waivers=waiver).record
    _void(ledger, paid.receipt_no)
    with pytest.raises(ApprovalError) as used:
        ledger.pay(BILLED_NO, waivers=waiver)
    assert used.value.problem is ApprovalProblem.USED


def _close(ledger: LedgerTill, status: str) -> None:
    with UnitOfWork(ledger.database) as uow:
        uow.session.execute(
            update(Account).where(Account.account_no == BILLED_NO).values(status=status)
        )
        uow.commit()


def _refused_gas_quote(ledger: LedgerTill, status: str) -> None:
    with pytest.raises(LedgerError) as quoted:
        pricing.quote(ledger.database, ledger.till.clerk, "G101", Decimal(10), account_no=BILLED_NO)
    assert (quoted.value.problem, quoted.value.detail) == (LedgerProblem.ACCOUNT_INACTIVE, status)


def _charge(ledger: LedgerTill, *quotes):
    cart = Cart()
    for quote in quotes:
        cart = cart.add(quote)
    return issue_receipt(ledger.database, ledger.till.clerk, _request(cart)).record


def _reconnection_fee(ledger: LedgerTill):
    fee = pricing.quote(
        ledger.database, ledger.till.clerk, "S101", Decimal(1), account_no=BILLED_NO
    )
    record = _charge(ledger, fee)
    assert [(line.item_code, line.amount) for line in record.lines] == [("S101", Decimal(50))]


def test_a_closed_account_is_refused_gas_and_bills_but_not_its_reconnection_fee(ledger, tmp_path):
    _read_twice(ledger, tmp_path)
    bill_lines = ledger.bills(BILLED_NO).cart_lines()
    gas = pricing.quote(
        ledger.database, ledger.till.clerk, "G101", Decimal(10), account_no=BILLED_NO
    )
    _close(ledger, "closed")
    _refused_gas_quote(ledger, "closed")
    for stale in ([gas], bill_lines):  # quoted before the status changed
        with pytest.raises(LedgerError) as charged:
            _charge(ledger, *stale)
        assert charged.value.problem is LedgerProblem.ACCOUNT_INACTIVE
    _reconnection_fee(ledger)


def test_a_suspended_account_pays_its_arrears_and_reconnection_but_buys_no_gas(ledger, tmp_path):
    """欠费停气: the arrears are paid at the counter, then the reconnection fee."""
    bill_no = _read_twice(ledger, tmp_path)
    gas = pricing.quote(
        ledger.database, ledger.till.clerk, "G101", Decimal(10), account_no=BILLED_NO
    )
    _close(ledger, "suspended")
    _refused_gas_quote(ledger, "suspended")
    with pytest.raises(LedgerError) as charged:
        _charge(ledger, gas)
    assert charged.value.problem is LedgerProblem.ACCOUNT_INACTIVE
    assert [line.bill_no for line in ledger.pay(BILLED_NO).record.lines] == [bill_no]
    assert ledger.bills(BILLED_NO).bills == ()
    _reconnection_fee(ledger)
