"""The meter readers' file (抄表文件): CSV (UTF-8 or GBK) or XLSX, one reading a row.

Columns, by their English or Chinese header: ``account_no`` 户号, ``meter_no`` 表号,
``reading`` 读数, ``read_on`` 抄表日期, ``reader`` 抄表员, and for a new meter or dials
that began again ``kind`` 类型 (换表 / 归零; blank for a plain reading) with
``start_reading`` 起始读数 and ``old_final`` 旧表止码.  An XLSX file's readings are on
its first sheet.  Every cell's problem is listed; an account read twice is refused.
The well-formed rows are still checked against their accounts, so that one import
attempt lists every problem of the file.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from db.domain import ReadingKind
from hallclient.ledger.readings import ReadingInput
from hallclient.ledger.rules import ReadingFigures
from hallclient.setup.csvspec import Problem
from hallclient.tariff.file_checks import SheetError, shown
from hallclient.tariff.sheets import (
    Cell,
    CellError,
    FileProblemsError,
    Parser,
    Sheet,
    parse_record,
    read_csv,
    read_xlsx,
    records,
)
from hallclient.tariff.validate import (
    parse_date,
    parse_identifier,
    parse_optional_number,
    parse_person,
)

COLUMNS = {
    "account_no": "户号",
    "meter_no": "表号",
    "reading": "读数",
    "read_on": "抄表日期",
    "reader": "抄表员",
    "kind": "类型",
    "start_reading": "起始读数",
    "old_final": "旧表止码",
}
OPTIONAL = ("kind", "start_reading", "old_final")
VOLUME_PLACES = 3
_KINDS = {
    "": ReadingKind.REGULAR,
    "抄表": ReadingKind.REGULAR,
    "regular": ReadingKind.REGULAR,
    "换表": ReadingKind.METER_CHANGE,
    "meter_change": ReadingKind.METER_CHANGE,
    "归零": ReadingKind.ROLLOVER,
    "rollover": ReadingKind.ROLLOVER,
}


class ReadingFileError(FileProblemsError):
    """The readings file's problems; nothing was imported."""


@dataclass(frozen=True)
class FileReading:
    line: int  # the row as the reader sees it in the file
    given: ReadingInput


def parse_kind(cell: Cell, row: Mapping[str, Cell]) -> ReadingKind:
    text = unicodedata.normalize("NFKC", "" if cell is None else str(cell)).strip().lower()
    if text not in _KINDS:
        raise CellError(f"{shown(text)}: blank, 换表 (a new meter) or 归零 (the dials began again)")
    return _KINDS[text]


def _reading(cell: Cell, row: Mapping[str, Cell]) -> Decimal:
    number = parse_optional_number(VOLUME_PLACES)(cell, row)
    if number is None:
        raise CellError("required")
    return number


_PARSERS: dict[str, Parser] = {
    "account_no": parse_identifier,
    "meter_no": parse_identifier,
    "reading": _reading,
    "read_on": parse_date,
    "reader": parse_person,
    "kind": parse_kind,
    "start_reading": parse_optional_number(VOLUME_PLACES),
    "old_final": parse_optional_number(VOLUME_PLACES),
}


def read_reading_file(path: Path) -> tuple[list[FileReading], list[Problem]]:
    """The file's well-formed readings and the problems of the other rows; a file that
    is not a readings table at all raises :class:`ReadingFileError`."""
    problems: list[Problem] = []
    try:
        sheet = _sheet(path)
    except SheetError as error:
        raise ReadingFileError([error.problem]) from None
    found: list[FileReading] = []
    first_row: dict[str, int] = {}
    for line, row in records(sheet, COLUMNS, OPTIONAL, problems):
        values = parse_record(sheet.file, line, row, _PARSERS, problems)
        if values is None:
            continue
        account_no = str(values["account_no"])
        if account_no in first_row:
            again = f"{account_no} read twice in one file (first on row {first_row[account_no]})"
            problems.append(Problem(sheet.file, line, "account_no", again))
            continue
        first_row[account_no] = line
        found.append(FileReading(line, _input(values)))
    return found, problems


def _sheet(path: Path) -> Sheet:
    if path.suffix.lower() != ".xlsx":
        return read_csv(path)
    sheets = read_xlsx(path)
    if not sheets:
        raise SheetError(Problem(path.name, 0, "(file)", "the workbook has no sheet"))
    return next(iter(sheets.values()))


def _input(values: dict[str, object]) -> ReadingInput:
    kind = values["kind"]
    assert isinstance(kind, ReadingKind)
    figures = ReadingFigures(
        _decimal(values["reading"]),
        kind,
        _optional(values["start_reading"]),
        _optional(values["old_final"]),
    )
    read_on = values["read_on"]
    assert isinstance(read_on, dt.date)
    return ReadingInput(
        str(values["account_no"]), str(values["meter_no"]), figures, read_on, str(values["reader"])
    )


def _decimal(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _optional(value: object) -> Decimal | None:
    return None if value is None else _decimal(value)
