"""The reports split gas income: bills paid, their late fees, gas bought by volume and
services, in the shift reading, the day close (with its count of bills paid) and the XLSX."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from db.domain import PaymentMethod, Role
from hallclient.printing.layout import Paper, plain_lines
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import PaymentRequest, issue_receipt
from hallclient.receipts.payment import Tender
from hallclient.reports.export_xlsx import export_days
from hallclient.shifts import day_close, manager
from hallclient.shifts import service as shifts
from hallclient.shifts.figures import INCOME_ORDER
from hallclient.shifts.report_layout import CATEGORY_NAMES, day_close_layout, shift_report_layout
from hallclient.tariff import pricing
from tests.db.ledger.ledger_till import BILLED_NO, LedgerTill, ledger_till
from tests.db.shift_helpers import close_exact, void
from tests.printing.samples import HEADING

D = Decimal
METER = "211906000777"


@pytest.fixture
def paid_day(database, tmp_path):
    """Two overdue bills paid one by one (the second voided), prepaid gas and a fee."""
    ledger = ledger_till(database)
    ledger.read(tmp_path, (BILLED_NO, METER, "1000", "2026-09-01"))
    ledger.read(tmp_path, (BILLED_NO, METER, "1100", "2026-10-01"))
    ledger.bill()
    ledger.read(tmp_path, (BILLED_NO, METER, "1400", "2026-11-01"))
    ledger.bill()
    ledger.till.clock.advance(dt.timedelta(days=35))  # both 20 days late: late fees
    first = ledger.pay(BILLED_NO, count=1).record  # 261.00 + 2.61
    second = ledger.pay(BILLED_NO, count=1).record  # 803.80 + 8.04
    void(ledger.till, ledger.till.clerk, second.receipt_no)
    gas = _buy(ledger, ("G101", "10"), ("S101", "1"))
    return ledger, first, gas


def _buy(ledger: LedgerTill, *items: tuple[str, str]):
    clerk, cart = ledger.till.clerk, Cart()
    for code, quantity in items:
        cart = cart.add(
            pricing.quote(
                ledger.database, clerk, code, D(quantity), account_no=BILLED_NO, after=cart.lines
            )
        )
    request = PaymentRequest(
        uuid.uuid4().hex, cart, (Tender(PaymentMethod.CASH, cart.total),), account_no=BILLED_NO
    )
    return issue_receipt(ledger.database, clerk, request).record


def test_the_shift_splits_bills_late_fees_prepaid_gas_and_services(paid_day):
    ledger, _first, gas = paid_day
    x = shifts.reading(ledger.database, ledger.till.clerk)
    gas_amount = sum(line.amount for line in gas.lines if line.item_code == "G101")
    assert x.figures.by_category == {
        "bills": D("261.00"),
        "late_fees": D("2.61"),
        "gas_volume": gas_amount,
        "service_fee": D("50.00"),
    }
    assert list(x.figures.by_category) == [k for k in INCOME_ORDER if k in x.figures.by_category]
    assert x.figures.bills_paid == 1  # two paid, one reopened by its void
    assert sum(x.figures.by_category.values()) == x.figures.net
    text = "\n".join(plain_lines(shift_report_layout(x, HEADING, Paper.MM80)))
    assert "按收入类别" in text and "缴纳账单 1 张" in text
    assert all(CATEGORY_NAMES[k] in text for k in x.figures.by_category)


def test_the_day_close_counts_bills_paid_and_the_export_splits_income(paid_day, tmp_path):
    ledger, first, _gas = paid_day
    till = ledger.till
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    cash = shifts.reading(ledger.database, till.clerk).figures.method(PaymentMethod.CASH)
    tenths = int(cash.expected * 10)  # the drawer holds no fen coins: short by under 0.10
    count = {D(10): tenths // 100, D(1): tenths % 100 // 10, D("0.1"): tenths % 10}
    z = close_exact(till, till.clerk, count)
    manager.approve_shift(ledger.database, boss, z.shift.id)
    closed = day_close.close_day(ledger.database, boss, z.shift.business_day)
    assert closed.by_income == z.figures.by_category and closed.bills_paid == 1
    assert day_close.verify_day_closes(ledger.database, "H01") is None
    text = "\n".join(plain_lines(day_close_layout(closed, HEADING, Paper.MM80)))
    assert "缴纳账单 1 张" in text and CATEGORY_NAMES["late_fees"] in text

    target = tmp_path / "export.xlsx"
    export_days(ledger.database, boss, closed.day, closed.day, target)
    sheet = load_workbook(target)["班次"]
    header = [cell.value for cell in sheet[1]]
    [row] = sheet.iter_rows(min_row=2, values_only=True)
    by_name = dict(zip(header, row, strict=True))
    assert D(str(by_name["缴纳账单"])) == D("261.00")
    assert D(str(by_name["违约金"])) == D("2.61") and by_name["缴纳账单张数"] == 1
    lines = list(load_workbook(target)["明细"].iter_rows(min_row=2, values_only=True))
    paid = [(line[2], line[10]) for line in lines if line[0] == first.receipt_no]
    assert paid == [(line.item_code, line.bill_no) for line in first.lines]
