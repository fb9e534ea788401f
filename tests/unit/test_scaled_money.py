"""The money columns' conversion to integers, without a database: exact or refused.

The oracle is ``Fraction``: the value times ``10**places`` must be a whole number that
fits a BIGINT; anything else is refused, never rounded.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from db.types import Fen, UnitPrice, Volume, _scaled_int

BIGINT_MAX = 2**63 - 1
DIALECT = sqlite.dialect()

coefficients = st.integers(min_value=-(10**22), max_value=10**22)
exponents = st.integers(min_value=-30, max_value=30)
places = st.sampled_from([2, 3, 4])


def _expected(value: Decimal, places: int) -> int | str:
    scaled = Fraction(value) * 10**places
    if scaled.denominator != 1:
        return "decimal places"
    if abs(scaled.numerator) > BIGINT_MAX:
        return "too large"
    return scaled.numerator


@given(coefficients, exponents, places)
def test_scaling_is_exact_or_refused(coefficient: int, exponent: int, places: int) -> None:
    value = Decimal(coefficient).scaleb(exponent)
    expected = _expected(value, places)
    if isinstance(expected, int):
        assert _scaled_int(value, places) == expected
    else:
        with pytest.raises(ValueError, match=expected):
            _scaled_int(value, places)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("0", 2, 0),
        ("-0", 2, 0),
        ("0E+100", 2, 0),
        ("0E-100", 4, 0),
        ("0.0000000", 2, 0),
        ("12.34", 2, 1234),
        ("-12.34", 2, -1234),
        ("12.5000000", 2, 1250),
        ("1E+3", 2, 100_000),
        ("-0.0001", 4, -1),
        ("3.4500", 4, 34_500),
        ("123.456", 3, 123_456),
        ("92233720368547758.07", 2, BIGINT_MAX),
        ("-92233720368547758.07", 2, -BIGINT_MAX),
        ("922337203685477.5807", 4, BIGINT_MAX),
    ],
)
def test_edge_values_convert_exactly(value: str, places: int, expected: int) -> None:
    assert _scaled_int(Decimal(value), places) == expected


@pytest.mark.parametrize(
    ("value", "places", "error"),
    [
        ("1.005", 2, "more than 2 decimal places"),
        ("0.001", 2, "more than 2 decimal places"),
        ("-0.001", 2, "more than 2 decimal places"),
        ("2.00001", 4, "more than 4 decimal places"),
        ("90000000000000000.000000000001", 2, "more than 2 decimal places"),
        ("1E-999999", 2, "more than 2 decimal places"),
        ("92233720368547758.08", 2, "too large"),
        ("-92233720368547758.08", 2, "too large"),
        ("1E+17", 2, "too large"),
        ("-1E+30", 2, "too large"),
        ("1E+999999", 4, "too large"),
        ("NaN", 2, "finite"),
        ("Infinity", 4, "finite"),
        ("-Infinity", 3, "finite"),
    ],
)
def test_inexact_or_huge_values_are_refused(value: str, places: int, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        _scaled_int(Decimal(value), places)


@pytest.mark.parametrize("column", [Fen(), UnitPrice(), Volume()])
@pytest.mark.parametrize("value", [1.5, 150, "1.50"])
def test_columns_refuse_what_is_not_a_decimal(column: Fen, value: object) -> None:
    with pytest.raises(TypeError, match="needs a Decimal"):
        column.process_bind_param(value, DIALECT)


def test_columns_read_back_with_their_places() -> None:
    assert str(Fen().process_result_value(-1234, DIALECT)) == "-12.34"
    assert str(Fen().process_result_value(0, DIALECT)) == "0.00"
    assert str(UnitPrice().process_result_value(34_500, DIALECT)) == "3.4500"
    assert str(Volume().process_result_value(BIGINT_MAX, DIALECT)) == "9223372036854775.807"
    assert Fen().process_result_value(None, DIALECT) is None
