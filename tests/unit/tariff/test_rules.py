"""Tariff arithmetic against independent references: fen rounding and tier splits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hallclient.tariff.rules import (
    Band,
    Category,
    PricedItem,
    ScheduleRef,
    TierPlan,
    line_amount,
    quote_item,
)

REF = ScheduleRef("T-1", "测试收费标准", "测价〔2026〕1号", "测试物价局", dt.date(2026, 1, 1), None)
prices = st.integers(min_value=1, max_value=1_000_000).map(lambda n: Decimal(n).scaleb(-4))
volumes = st.integers(min_value=0, max_value=5_000_000).map(lambda n: Decimal(n).scaleb(-3))
positive_volumes = volumes.filter(lambda v: v > 0)


def reference_fen(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """quantity × price rounded half up to the fen, in integers (no Decimal rounding)."""
    milli = int(quantity.scaleb(3))  # exact: at most 3 places
    ten_thousandths = int(unit_price.scaleb(4))  # exact: at most 4 places
    product = milli * ten_thousandths  # units of 1e-7 yuan
    fen = (product + 50_000) // 100_000
    return Decimal(fen).scaleb(-2)


@st.composite
def tier_plans(draw: st.DrawFn) -> TierPlan:
    count = draw(st.integers(min_value=2, max_value=4))
    limits = sorted(draw(st.sets(st.integers(1, 5_000), min_size=count - 1, max_size=count - 1)))
    band_prices = sorted(draw(st.lists(prices, min_size=count, max_size=count)))
    uplifts = sorted(draw(st.lists(st.integers(0, 200), min_size=count, max_size=count)))
    bands = tuple(
        Band(
            n + 1,
            Decimal(limits[n]) if n < count - 1 else None,
            band_prices[n],
            Decimal(uplifts[n]),
        )
        for n in range(count)
    )
    month = draw(st.integers(1, 12))
    return TierPlan(bands, month, draw(st.integers(1, 28)), draw(st.integers(1, 6)))


def reference_split(plan: TierPlan, used: Decimal, volume: Decimal, size: int) -> list[Decimal]:
    """Per band: the part of [used, used + volume) inside [lower, limit)."""
    shares, lower = [], Decimal(0)
    for limit in plan.limits(size):
        top = used + volume if limit is None else min(limit, used + volume)
        shares.append(max(top - max(lower, used), Decimal(0)))
        lower = limit if limit is not None else lower
    return shares


def _gas(plan: TierPlan | None, price: Decimal = Decimal("2.61")) -> PricedItem:
    return PricedItem(
        "G101",
        "居民生活用气",
        "jmshyq",
        Category.GAS_VOLUME,
        "m³",
        price,
        ("residential",),
        "",
        REF,
        plan,
    )


@settings(max_examples=10_000, deadline=None)
@given(quantity=positive_volumes, unit_price=prices)
def test_every_line_is_the_reference_amount(quantity, unit_price):
    quote = quote_item(_gas(None, unit_price), quantity, dt.date(2026, 5, 1))
    assert [line.subtotal for line in quote.lines] == [reference_fen(quantity, unit_price)]
    assert quote.amount == quote.lines[0].subtotal


@settings(max_examples=10_000, deadline=None)
@given(plan=tier_plans(), used=volumes, quantity=positive_volumes, size=st.integers(1, 9))
def test_tiered_quotes_conserve_volume_and_match_the_reference(plan, used, quantity, size):
    quote = quote_item(
        _gas(plan), quantity, dt.date(2026, 5, 1), used_this_year=used, household_size=size
    )
    assert sum(line.quantity for line in quote.lines) == quantity
    expected = [share for share in reference_split(plan, used, quantity, size) if share]
    assert [line.quantity for line in quote.lines] == expected
    for line in quote.lines:
        assert line.subtotal == reference_fen(line.quantity, line.unit_price)
    assert quote.amount == sum(line.subtotal for line in quote.lines)
    assert not quote.estimated


@settings(max_examples=1_000, deadline=None)
@given(
    plan=tier_plans(), used=volumes, a=positive_volumes, b=positive_volumes, size=st.integers(1, 9)
)
def test_a_larger_volume_never_costs_less(plan, used, a, b, size):
    small, large = sorted((a, b))
    on = dt.date(2026, 5, 1)
    cost = [
        quote_item(_gas(plan), q, on, used_this_year=used, household_size=size).amount
        for q in (small, large)
    ]
    assert cost[0] <= cost[1]


@settings(max_examples=1_000, deadline=None)
@given(plan=tier_plans(), used=volumes, quantity=positive_volumes, size=st.integers(1, 8))
def test_a_larger_household_never_pays_more_before_rounding(plan, used, quantity, size):
    """Raised limits move volume to cheaper bands.  Rounding each line to the fen may
    still add a fen per line when bands share a price, so that much is allowed."""
    on = dt.date(2026, 5, 1)
    quotes = [
        quote_item(_gas(plan), quantity, on, used_this_year=used, household_size=s)
        for s in (size, size + 1)
    ]
    exact = [sum(line.quantity * line.unit_price for line in q.lines) for q in quotes]
    assert exact[1] <= exact[0]
    assert quotes[1].amount <= quotes[0].amount + Decimal("0.01") * len(plan.bands)


@given(plan=tier_plans(), on=st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
def test_the_tier_year_starts_on_its_day_within_the_last_year(plan, on):
    start = plan.year_start(on)
    assert (start.month, start.day) == (plan.year_start_month, plan.year_start_day)
    assert start <= on < start.replace(year=start.year + 1)


def test_a_worked_example_across_three_bands():
    plan = TierPlan(
        (
            Band(1, Decimal(300), Decimal("2.61"), Decimal(50)),
            Band(2, Decimal(600), Decimal("3.13"), Decimal(100)),
            Band(3, None, Decimal("3.92")),
        ),
        household_base=4,
    )
    quote = quote_item(
        _gas(plan), Decimal(500), dt.date(2026, 5, 1), used_this_year=Decimal(300), household_size=5
    )
    # a household of 5: limits 350 and 700; 300 used → 50 + 350 + 100
    assert [(line.band, line.quantity, line.subtotal) for line in quote.lines] == [
        (1, Decimal(50), Decimal("130.50")),
        (2, Decimal(350), Decimal("1095.50")),
        (3, Decimal(100), Decimal("392.00")),
    ]
    assert quote.amount == Decimal("1618.00")


def test_without_an_account_a_tiered_quote_is_an_estimate_from_zero():
    plan = TierPlan((Band(1, Decimal(300), Decimal("2.61")), Band(2, None, Decimal("3.13"))))
    quote = quote_item(_gas(plan), Decimal(10), dt.date(2026, 5, 1))
    assert quote.estimated and quote.used_this_year == 0
    assert line_amount(Decimal(10), Decimal("2.61")) == quote.amount
