"""The streaming XLSX writer: what goes in reads back with openpyxl, whatever the text."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from hallclient.reports.xlsx_writer import MONEY_FORMAT, TIME_FORMAT, Book, Cents


def _written(*rows: list[object], money: frozenset[int] = frozenset()) -> list[list[object]]:
    buffer = io.BytesIO()
    with Book(buffer) as book:
        sheet = book.sheet("收据", ["甲", "乙"], [10, 10])
        for row in rows:
            sheet.row(row, money)
    workbook = load_workbook(io.BytesIO(buffer.getvalue()))
    assert workbook.sheetnames == ["收据"]
    return [list(r) for r in workbook["收据"].iter_rows(min_row=2, values_only=True)]


def test_money_times_dates_and_text_read_back():
    rows = _written(
        [
            "H01-C01_2026 <&>",
            Decimal("-12.50"),
            Decimal("1E+2"),
            datetime(2026, 11, 26, 9, 30, 15),
            date(2026, 11, 26),
            7,
            None,
            True,
        ],
        money=frozenset({1, 2}),
    )
    assert rows == [
        [
            "H01-C01_2026 <&>",
            -12.5,
            100,
            datetime(2026, 11, 26, 9, 30, 15),
            datetime(2026, 11, 26),
            7,
            None,
            True,
        ]
    ]


def test_the_number_formats_are_money_and_time():
    buffer = io.BytesIO()
    with Book(buffer) as book:
        book.sheet("a", ["x", "y"], [5, 5]).row(
            [Decimal("1.00"), datetime(2026, 1, 1)], frozenset({0})
        )
    sheet = load_workbook(io.BytesIO(buffer.getvalue()))["a"]
    assert (sheet["A2"].number_format, sheet["B2"].number_format) == (MONEY_FORMAT, TIME_FORMAT)
    assert sheet["A1"].font.b


@given(st.text())
def test_any_text_makes_a_valid_file(text):
    value = _written([text])[0][0]
    assert value is None or isinstance(value, str)


def test_a_failure_inside_leaves_the_book_unfinished_and_closed():
    buffer = io.BytesIO()
    with pytest.raises(RuntimeError), Book(buffer) as book:
        book.sheet("a", ["x"], [5]).row(["1"])
        raise RuntimeError("cancelled")
    assert buffer.getvalue()  # the zip was closed, not left half-open


@given(st.integers(-(10**14), 10**14))
def test_fen_are_written_as_exact_yuan(fen):
    buffer = io.BytesIO()
    with Book(buffer) as book:
        book.sheet("a", ["x"], [5]).row([Cents(fen)])
    cell = load_workbook(io.BytesIO(buffer.getvalue()))["a"]["A2"]
    assert Decimal(str(cell.value)) == Decimal(fen) / 100 and cell.number_format == MONEY_FORMAT
