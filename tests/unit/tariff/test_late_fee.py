"""The late fee (违约金) to the fen: days counted across month ends and a leap day, the
grace days free, the rate times the days carried exactly as the line's unit price."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hallclient.tariff.rules import LATE_FEE_CODE, LateFeeRule, ScheduleRef, late_fee_quote

SCHEDULE = ScheduleRef(
    "T-1", "测试收费标准", "测价〔2026〕1号", "测试市发展和改革委员会", dt.date(2026, 1, 1), None
)


def _fee(amount: str, due: dt.date, on: dt.date, grace: int = 0, rate: str = "0.0010"):
    rule = LateFeeRule("residential", Decimal(rate), grace, SCHEDULE)
    return late_fee_quote(rule, "ZD202602-1", Decimal(amount), due, on, "1028100001")


@pytest.mark.parametrize(
    ("due", "on", "grace", "days", "fee"),
    [
        (dt.date(2028, 2, 20), dt.date(2028, 3, 5), 0, 14, "17.28"),  # 2028 has 29 February
        (dt.date(2027, 2, 20), dt.date(2027, 3, 5), 0, 13, "16.05"),  # 16.04928: rounded up
        (dt.date(2028, 2, 20), dt.date(2028, 3, 5), 10, 4, "4.94"),
        (dt.date(2026, 11, 25), dt.date(2027, 1, 3), 0, 39, "48.15"),  # across a year end
        (dt.date(2028, 1, 31), dt.date(2028, 3, 1), 0, 30, "37.04"),  # through all of February
    ],
)
def test_days_late_and_the_fee_to_the_fen(due, on, grace, days, fee):
    quote = _fee("1234.56", due, on, grace)
    assert quote is not None
    assert quote.amount == Decimal(fee)
    [line] = quote.lines
    assert (line.item_code, line.item_name) == (LATE_FEE_CODE, f"违约金（逾期{days}天）")
    assert (line.quantity, line.unit_price) == (Decimal("1234.56"), Decimal("0.0010") * days)
    assert line.approval_doc_no == "测价〔2026〕1号" and quote.bill_no == "ZD202602-1"


@pytest.mark.parametrize(
    ("on", "grace"),
    [(dt.date(2026, 11, 25), 0), (dt.date(2026, 11, 20), 0), (dt.date(2026, 12, 5), 10)],
)
def test_no_fee_on_the_due_day_before_it_or_within_the_grace_days(on, grace):
    assert _fee("1234.56", dt.date(2026, 11, 25), on, grace) is None


def test_a_fee_under_half_a_fen_is_no_fee():
    assert _fee("4.00", dt.date(2026, 11, 25), dt.date(2026, 11, 26)) is None  # 0.004 yuan
