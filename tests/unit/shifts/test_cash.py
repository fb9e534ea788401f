from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.shifts.cash import (
    DENOMINATIONS,
    MAX_PIECES,
    checked_count,
    count_total,
    denomination_text,
)
from hallclient.shifts.errors import ShiftError, ShiftProblem


def test_a_count_adds_up_to_the_fen():
    count = {Decimal(100): 3, Decimal(5): 1, Decimal("0.5"): 3, Decimal("0.1"): 7}
    assert count_total(count) == Decimal("307.20")


def test_fen_coins_are_counted():
    """5, 2 and 1 fen are legal tender: ￥461.35 can be counted to the fen."""
    count = {
        Decimal(100): 4,
        Decimal(50): 1,
        Decimal(10): 1,
        Decimal(1): 1,
        Decimal("0.1"): 3,
        Decimal("0.02"): 2,
        Decimal("0.01"): 1,
    }
    assert count_total(count) == Decimal("461.35")
    assert {Decimal("0.05"), Decimal("0.02"), Decimal("0.01")} <= set(DENOMINATIONS)


def test_missing_denominations_count_as_none():
    assert checked_count({Decimal(50): 1}) == {d: (1 if d == 50 else 0) for d in DENOMINATIONS}


@pytest.mark.parametrize(
    "count",
    [
        {Decimal(2): 1},
        {Decimal("0.2"): 1},
        {Decimal(100): -1},
        {Decimal(100): MAX_PIECES + 1},
        {Decimal(100): 1.5},
        {Decimal(100): True},
        {Decimal(100): "3"},
    ],
)
def test_a_bad_count_is_refused(count):
    with pytest.raises(ShiftError) as caught:
        count_total(count)
    assert caught.value.problem is ShiftProblem.BAD_COUNT


@given(
    st.lists(st.integers(0, MAX_PIECES), min_size=len(DENOMINATIONS), max_size=len(DENOMINATIONS))
)
def test_total_is_exact(pieces):
    count = dict(zip(DENOMINATIONS, pieces, strict=True))
    fen = sum(int(d * 100) * n for d, n in count.items())
    assert count_total(count) == Decimal(fen) / 100


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("100", "100元"),
        ("1", "1元"),
        ("0.5", "5角"),
        ("0.1", "1角"),
        ("0.05", "5分"),
        ("0.01", "1分"),
    ],
)
def test_a_denomination_reads_as_counted(value, text):
    assert denomination_text(Decimal(value)) == text
