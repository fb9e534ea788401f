"""Carts, payments and the chain hash as pure rules: no database, many examples."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.domain import PaymentMethod, ReceiptKind
from hallclient.receipts.cart import Cart
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.payment import Tender, settle
from hallclient.receipts.record import GENESIS, PaymentRecord, ReceiptRecord, lines_from_quotes
from hallclient.tariff.rules import Band, Category, PricedItem, ScheduleRef, TierPlan, quote_item

REF = ScheduleRef("T-1", "测试收费标准", "测价〔2026〕1号", "测试物价局", dt.date(2026, 1, 1), None)
ON = dt.date(2026, 11, 26)
PLAN = TierPlan(
    (
        Band(1, Decimal(300), Decimal("2.61"), Decimal(60)),
        Band(2, None, Decimal("3.13"), Decimal(120)),
    ),
    1,
    1,
    4,
)
prices = st.integers(min_value=1, max_value=10_000_000).map(lambda n: Decimal(n).scaleb(-4))
quantities = st.integers(min_value=1, max_value=2_000_000).map(lambda n: Decimal(n).scaleb(-3))


@st.composite
def carts(draw: st.DrawFn) -> Cart:
    cart = Cart()
    for index in range(draw(st.integers(1, 8))):
        tiered = draw(st.booleans())
        item = PricedItem(
            f"I{index}",
            "项目",
            "xm",
            Category.GAS_VOLUME,
            "m³",
            draw(prices),
            ("residential",),
            "",
            REF,
            PLAN if tiered else None,
        )
        used, size = (draw(quantities), 4) if tiered else (None, None)
        quote = quote_item(
            item, draw(quantities), ON, account_no="1", used_this_year=used, household_size=size
        )
        cart = cart.add(quote)
    return cart


@settings(max_examples=10_000, deadline=None)
@given(cart=carts(), split=st.integers(0, 100), extra=st.integers(0, 100_000))
def test_the_total_is_the_sum_of_the_lines_and_any_split_pays_it(cart, split, extra):
    lines = lines_from_quotes(cart.lines)
    assert cart.total == sum((line.amount for line in lines), Decimal("0.00"))
    assert all(line.amount == line.amount.quantize(Decimal("0.01")) for line in lines)
    if cart.total <= 0:
        return
    card = (cart.total * split / 100).quantize(Decimal("0.01"))
    tenders = [Tender(PaymentMethod.UNIONPAY, card)] if card else []
    if cart.total - card:
        tenders.append(Tender(PaymentMethod.CASH, cart.total - card))
    handed = (cart.total - card) + Decimal(extra).scaleb(-2) if cart.total - card else None
    settlement = settle(cart.total, tenders, handed)
    assert sum(t.amount for t in settlement.tenders) == cart.total
    assert settlement.change == (Decimal(extra).scaleb(-2) if handed else 0)


@settings(max_examples=2_000, deadline=None)
@given(total=st.integers(1, 10**9), off=st.integers(-500, 500).filter(bool))
def test_payments_that_do_not_add_up_are_refused(total, off):
    amount = Decimal(total).scaleb(-2)
    paid = amount + Decimal(off).scaleb(-2)
    with pytest.raises(ReceiptError) as caught:
        settle(amount, [Tender(PaymentMethod.WECHAT, paid)], None)
    assert caught.value.problem in {ReceiptProblem.NOT_BALANCED, ReceiptProblem.BAD_AMOUNT}


def _record() -> ReceiptRecord:
    fee = PricedItem(
        "S105",
        "过户费",
        "ghf",
        Category.SERVICE_FEE,
        "户",
        Decimal("30.00"),
        ("residential",),
        "",
        REF,
    )
    cart = Cart().add(quote_item(fee, Decimal(1), ON))
    return ReceiptRecord(
        series="H01-C01-2026",
        number=7,
        receipt_no="H01-C01-2026-000007",
        kind=ReceiptKind.SALE,
        hall_code="H01",
        counter_code="C01",
        clerk_employee_no="1001",
        clerk_name="王丽",
        account_no="1028100001",
        customer_name="张伟",
        issued_at=dt.datetime(2026, 11, 26, 2, 3, 4, 567, tzinfo=dt.UTC),
        total=Decimal("30.00"),
        cash_tendered=Decimal("50.00"),
        change=Decimal("20.00"),
        lines=lines_from_quotes(cart.lines),
        payments=(PaymentRecord(PaymentMethod.CASH, Decimal("30.00"), ""),),
        prev_hash=GENESIS,
    ).sealed()


_CHANGES = {
    "series": "H01-C02-2026",
    "number": 8,
    "receipt_no": "X",
    "kind": ReceiptKind.VOID,
    "hall_code": "H02",
    "counter_code": "C02",
    "clerk_employee_no": "1002",
    "clerk_name": "李",
    "account_no": "1028100002",
    "customer_name": "张伟 ",
    "issued_at": dt.datetime(2026, 11, 26, 2, 3, 4, 568, tzinfo=dt.UTC),
    "total": Decimal("30.01"),
    "cash_tendered": Decimal("50.01"),
    "change": Decimal("20.01"),
    "payments": (PaymentRecord(PaymentMethod.WECHAT, Decimal("30.00"), ""),),
    "prev_hash": "1" * 64,
    "voids_receipt_no": "H01-C01-2026-000001",
    "void_reason": "错收",
    "approved_by": "2001",
}


@pytest.mark.parametrize("name", sorted(_CHANGES))
def test_every_fiscal_field_is_covered_by_the_hash(name):
    record = _record()
    assert replace(record, **{name: _CHANGES[name]}).sealed().hash != record.hash


_OTHER_LINE_VALUES = {  # the version 2 fields, empty on a plain line
    "bill_no": "ZD202611-7",
    "tier_year": dt.date(2027, 1, 1),
    "used_before": Decimal("1.000"),
}


def test_every_line_field_is_covered_by_the_hash():
    record = _record()
    line = record.lines[0]
    for field in fields(line):
        value = getattr(line, field.name)
        other = _OTHER_LINE_VALUES.get(field.name) or (
            value + 1 if isinstance(value, int | Decimal) else f"{value}x"
        )
        changed = replace(record, lines=(replace(line, **{field.name: other}),))
        assert changed.sealed().hash != record.hash, field.name


def test_the_hash_is_stable_across_runs():
    """The v1 canonical form must never change: a stored chain would stop verifying."""
    assert _record().hash == _record().hash
    assert len(_record().hash) == 64
