"""A receipt as a line of the counter's journal and back: the very record its hash covers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from db.domain import PaymentMethod, ReceiptKind
from hallclient.receipts.journal_codec import JournalEntry, entry_line, entry_of
from hallclient.receipts.record import LineRecord, PaymentRecord, chain_hash
from tests.unit.receipts.test_payment import _record

TIERED = LineRecord(
    2,
    "G101",
    "居民管道天然气",
    2,
    "GAS-2026",
    "测价〔2026〕8号",
    Decimal("12.500"),
    "m³",
    Decimal("2.8810"),
    Decimal("36.01"),
    bill_no="B2026110001",
    tier_year=dt.date(2026, 1, 1),
    used_before=Decimal("349.000"),
)


def test_an_entry_comes_back_exactly_with_its_hash():
    first = _record()
    record = replace(
        first,
        lines=(*first.lines, TIERED),
        total=first.total + TIERED.amount,
        payments=(
            PaymentRecord(PaymentMethod.CASH, Decimal("30.00"), ""),
            PaymentRecord(PaymentMethod.WECHAT, Decimal("36.01"), "4200001234"),
        ),
        issued_at=dt.datetime(
            2026, 11, 26, 10, 3, 4, 567, tzinfo=dt.timezone(dt.timedelta(hours=8))
        ),
    ).sealed()
    entry = JournalEntry(record, "0f" * 16, 41, 7)
    line = entry_line(entry)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    back = entry_of(line)
    assert back == entry and back.record.hash == record.hash == chain_hash(back.record)
    assert str(back.record.lines[1].quantity) == "12.500"  # the stored places, not a float


def test_a_void_without_a_visit_or_shift_comes_back_too():
    void = replace(
        _record(), kind=ReceiptKind.VOID, lines=(), voids_receipt_no="H01-C01-2026-000006"
    ).sealed()
    entry = JournalEntry(void, "void-H01-C01-2026-000006", None, None)
    assert entry_of(entry_line(entry)) == entry


@pytest.mark.parametrize(
    "line",
    [b'{"format":1,"series":"H01-C01-2026","num', b"[]", b'{"format":99}', b'{"format":1}'],
)
def test_a_line_that_is_not_an_entry_is_refused(line):
    with pytest.raises((ValueError, KeyError, TypeError)):
        entry_of(line)
