from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.money import (
    MoneyError,
    format_unit_price,
    format_yuan,
    from_fen,
    parse_yuan,
    round_fen,
    to_fen,
)

money = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("2.675", "2.68"),  # float would give 2.67
        ("-0.005", "-0.01"),
        ("12.3450", "12.35"),
        ("1", "1.00"),
    ],
)
def test_round_fen_rounds_half_up(amount, expected):
    assert round_fen(Decimal(amount)) == Decimal(expected)


def test_round_fen_refuses_float():
    with pytest.raises(MoneyError):
        round_fen(2.675)  # type: ignore[arg-type]


@given(money)
def test_fen_round_trip(amount):
    assert from_fen(to_fen(amount)) == amount


def test_to_fen_refuses_unrounded_amount():
    with pytest.raises(MoneyError, match="round it first"):
        to_fen(Decimal("1.005"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12.5", "12.50"), ("￥1,234.00", "1234.00"), (" ¥3 ", "3.00"), ("0", "0.00")],
)
def test_parse_yuan(text, expected):
    assert parse_yuan(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1.005", "NaN", "Infinity", "1e400000"])
def test_parse_yuan_refuses(text):
    with pytest.raises(MoneyError):
        parse_yuan(text)


def test_format_yuan_uses_full_width_sign():
    assert format_yuan(Decimal("1234.5")) == "￥1,234.50"
    assert format_yuan(Decimal("-3"), symbol=False) == "-3.00"


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        ("2.881", "￥2.881"),  # as approved, never rounded to the fen
        ("2.8810", "￥2.881"),
        ("2.6100", "￥2.61"),
        ("0.0010", "￥0.001"),
        ("2000", "￥2,000.00"),
        ("0", "￥0.00"),
    ],
)
def test_a_unit_price_shows_every_approved_decimal(price, expected):
    assert format_unit_price(Decimal(price)) == expected
    assert format_unit_price(Decimal(price), symbol=False, grouping=False) == expected[1:].replace(
        ",", ""
    )


def test_format_unit_price_refuses_float():
    with pytest.raises(MoneyError):
        format_unit_price(2.881)  # type: ignore[arg-type]
