"""The month's rating report as XLSX: a sheet of counters (the hall's total last), one of
clerks; counts are numbers, rates are numbers formatted as percentages (an empty cell
where nothing was rated), so the hall can sum and chart them itself."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from hallclient.reports.ratings_columns import (
    FIGURE_TITLES,
    RATE_COLUMNS,
    Row,
    clerk_rows,
    counter_rows,
)
from hallclient.reports.ratings_report import MonthlyReport

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

PERCENT_FORMAT = "0.00%"
_FIRST_WIDTH, _FIGURE_WIDTH = 18, 11


def monthly_ratings_xlsx(report: MonthlyReport) -> bytes:
    from openpyxl import Workbook  # slow to import; only the report needs it

    ratings = report.ratings
    book = Workbook()
    counters = book.active
    assert counters is not None  # a new workbook has its first sheet
    counters.title = "各窗口"
    _fill(counters, "窗口", counter_rows(ratings))
    _fill(book.create_sheet("各收费员"), "收费员", clerk_rows(ratings, report.clerk_names))
    for sheet in book.worksheets:
        sheet.oddHeader.center.text = f"服务评价月报 {ratings.year}-{ratings.month:02d}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Worksheet, first: str, rows: list[Row]) -> None:
    from openpyxl.styles import Font

    sheet.append([first, *FIGURE_TITLES])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        for cell, value in zip(sheet[sheet.max_row], row, strict=True):
            if isinstance(value, str):
                cell.data_type = "s"  # a name beginning with '=' stays text, never a formula
            elif cell.column - 1 in RATE_COLUMNS:
                cell.number_format = PERCENT_FORMAT
    sheet.freeze_panes = "B2"
    for letter in "ABCDEFGHIJKLM":
        sheet.column_dimensions[letter].width = _FIGURE_WIDTH
    sheet.column_dimensions["A"].width = _FIRST_WIDTH
