"""Chinese capital numerals against worked examples and an independent reading back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hallclient.money import MoneyError
from hallclient.receipts.money_words import capitals


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零圆整"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("1.05", "壹圆零伍分"),
        ("30.00", "叁拾圆整"),
        ("1005.30", "壹仟零伍圆叁角整"),
        ("10010", "壹万零壹拾圆整"),
        ("100001", "壹拾万零壹圆整"),
        ("110000", "壹拾壹万圆整"),
        ("1010000", "壹佰零壹万圆整"),
        ("1000000.01", "壹佰万圆零壹分"),
        ("100000001", "壹亿零壹圆整"),
        ("12345678.90", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌圆玖角整"),
    ],
)
def test_worked_examples(amount, words):
    assert capitals(Decimal(amount)) == words


_VALUE = dict(zip("零壹贰叁肆伍陆柒捌玖", range(10), strict=True))
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _read_back(words: str) -> Decimal:
    """An independent reader: the amount the capital numerals spell."""
    words = words.removesuffix("整")
    fen = 0
    for unit, scale in (("分", 1), ("角", 10)):
        if words.endswith(unit):
            fen += _VALUE[words[-2]] * scale
            words = words[:-2].removesuffix("零")
    total, section, digit = 0, 0, 0
    for char in words.removesuffix("圆"):
        if char in _VALUE:
            digit = _VALUE[char]
        elif char in _UNIT:
            section, digit = section + digit * _UNIT[char], 0
        elif char == "万":
            total, section, digit = total + (section + digit) * 10_000, 0, 0
        elif char == "亿":
            total, section, digit = (total + section + digit) * 100_000_000, 0, 0
    return Decimal(total + section + digit + 0).scaleb(0) + Decimal(fen).scaleb(-2)


@settings(max_examples=5_000, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999_999))
def test_capitals_read_back_to_the_amount(fen):
    amount = Decimal(fen).scaleb(-2)
    words = capitals(amount)
    assert "零零" not in words and not words.startswith("零" if fen >= 10 else "-")
    assert _read_back(words) == amount


def test_negative_or_part_fen_amounts_are_refused():
    for amount in ("-1", "0.001"):
        with pytest.raises(MoneyError):
            capitals(Decimal(amount))
