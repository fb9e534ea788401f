"""Raw rows of a CSV or XLSX file, before any validation.

CSV comes in whatever Excel or a text editor wrote: UTF-8 with or without a BOM,
or GBK/GB18030 (Excel's "CSV" on Chinese Windows).  UTF-8 is tried strictly first:
GB18030 decodes almost any bytes, so it can only be the last guess.  XLSX cells keep
their types (numbers arrive as int or float); a formula is kept as a :class:`Formula`
so that the validator can refuse it instead of trusting a cached value.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hallclient.errors import HallError
from hallclient.setup.csvspec import Problem
from hallclient.tariff.file_checks import (
    LIMITS,
    Deadline,
    Limits,
    SheetError,
    check_file_size,
    check_workbook,
    decode,
    file_problem,
    shown,
)

log = logging.getLogger(__name__)
NEUTRALISED = ("=", "+", "-", "@", "\t", "\r")
Cell = object  # str, int, float, datetime, Formula or None


@dataclass(frozen=True)
class Formula:
    text: str


@dataclass(frozen=True)
class Sheet:
    file: str  # for problems: "items.csv" or "book.xlsx[tiers]"
    rows: list[tuple[int, list[Cell]]]  # (row number as the user sees it, cells), header first


Row = dict[str, Cell]
Parser = Callable[[Cell, Row], object]
MAX_LISTED = 200


class CellError(ValueError):
    """One cell's problem, worded for the person who fills in the file."""


class FileProblemsError(HallError):
    """Every problem found in an import's files (file, row, column, reason)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        listing = "\n".join(f"  {problem}" for problem in problems[:MAX_LISTED])
        more = f"\n  … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        super().__init__(f"{len(problems)} problem(s); nothing was imported:\n{listing}{more}")


def read_csv(path: Path, limits: Limits = LIMITS) -> Sheet:
    check_file_size(path, limits)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise file_problem(path.name, f"cannot be read: {error.strerror}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise file_problem(path.name, "not a text file in UTF-8 or GBK (UTF-16? binary?)")
    text = decode(data, path.name)
    deadline = Deadline(path.name, limits)
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            deadline.check(number, len(row))
            rows.append((number, [_csv_cell(value) for value in row]))
    except csv.Error as error:
        raise file_problem(path.name, f"not readable as CSV: {error}") from None
    return Sheet(path.name, rows)


def _csv_cell(text: str) -> Cell:
    """A CSV cell: ``'=1+1`` is the text ``=1+1`` as :func:`write_csv` neutralised it,
    a bare ``=1+1`` a formula that a spreadsheet would have run."""
    if text.startswith("'") and text[1:].lstrip("'").startswith(NEUTRALISED):
        return text[1:]
    if text.lstrip().startswith("="):
        return Formula(text)
    return text


def read_xlsx(path: Path, limits: Limits = LIMITS) -> dict[str, Sheet]:
    """Every sheet of the workbook by lower-case name, in workbook order."""
    from openpyxl import load_workbook  # slow to import; only an import needs it

    check_workbook(path, limits)
    # openpyxl raises an open-ended set of exception types on a damaged or foreign file,
    # and parses the sheets lazily, while their rows are read: both are guarded.
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise file_problem(path.name, f"not an XLSX workbook: {error}") from None
    except Exception:
        log.warning("%s is not readable as XLSX", path, exc_info=True)
        raise file_problem(path.name, "not an XLSX workbook: save it again as .xlsx") from None
    try:
        deadline = Deadline(path.name, limits)
        return {sheet.title.lower(): _sheet_of(path, sheet, deadline) for sheet in book.worksheets}
    except SheetError:
        raise
    except Exception:
        log.warning("%s is a damaged XLSX workbook", path, exc_info=True)
        raise file_problem(path.name, "a damaged XLSX workbook: save it again as .xlsx") from None
    finally:
        book.close()


def _sheet_of(path: Path, sheet: Any, deadline: Deadline) -> Sheet:
    """The sheet's rows; a formula is told from text by its cell type, not its first
    character (a text cell may begin with '=')."""
    name = f"{path.name}[{sheet.title}]"
    deadline.file = name  # the time runs on over the workbook's sheets
    deadline.check(0, sheet.max_column or 0)  # the declared width, before any row
    rows: list[tuple[int, list[Cell]]] = []
    for number, row in enumerate(sheet.iter_rows(), start=1):
        deadline.check(number, len(row))
        cells = [Formula(str(c.value)) if c.data_type == "f" else c.value for c in row]
        rows.append((number, cells))
    return Sheet(name, rows)


def _csv_text(value: object) -> str:
    """A cell as CSV text; text that a spreadsheet would run as a formula (OWASP's CSV
    injection: ``=``, ``+``, ``-``, ``@``, tab, carriage return first) gets a leading
    ``'``, which :func:`_csv_cell` takes off again.  Numbers are never touched: ``-2``
    stays a number."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    text = str(value)
    if isinstance(value, str) and text.lstrip("'").startswith(NEUTRALISED):
        return "'" + text
    return text


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([_csv_text(value) for value in row] for row in rows)


def write_xlsx(path: Path, sheets: dict[str, tuple[list[str], list[list[object]]]]) -> None:
    """One sheet per entry: a bold header, numbers as numbers with their decimals shown,
    text as text (openpyxl would store a string beginning with '=' as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, (header, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_xlsx_value(value) for value in row])
            for cell, value in zip(sheet[sheet.max_row], row, strict=True):
                if isinstance(value, Decimal):
                    cell.number_format = _number_format(value)
                elif isinstance(value, str):
                    cell.data_type = "s"  # text, even when it begins with '=': never a formula
        for column, name in zip(sheet.columns, header, strict=True):
            width = max([len(name), *(len(str(c.value or "")) * 2 for c in column)])
            sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 40)
    book.save(path)


def _xlsx_value(value: object) -> object:
    """Decimals become numbers a spreadsheet sums (the import reads them back exactly)."""
    return float(value) if isinstance(value, Decimal) else value


def _number_format(value: Decimal) -> str:
    places = max(-int(value.as_tuple().exponent), 0)
    return "0" if places == 0 else "0." + "0" * max(places, 2)


def records(
    sheet: Sheet,
    columns: dict[str, str],
    optional: Collection[str],
    problems: list[Problem],
    *,
    may_be_empty: bool = False,
) -> list[tuple[int, Row]]:
    """Rows as {column: cell}, by the header (English names or the Chinese ones in
    ``columns``); blank rows skipped, ragged rows refused, and a file with no data row
    refused unless ``may_be_empty`` (a workbook's optional sheet)."""
    if not sheet.rows:
        problems.append(Problem(sheet.file, 0, "(file)", "empty: no header row"))
        return []
    before = len(problems)
    header_line, header = sheet.rows[0]
    keys = _header_keys(sheet.file, header_line, header, columns, optional, problems)
    if keys is None:
        return []
    width = max((i + 1 for i, key in enumerate(keys) if key), default=0)
    found = []
    for line, cells in sheet.rows[1:]:
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        extra = [c for c in cells[width:] if c is not None and str(c).strip()]
        if extra or len(cells) < width:
            why = f"{len(cells)} cells where the header has {width}"
            problems.append(Problem(sheet.file, line, "(row)", why))
            continue
        found.append((line, {key: cells[i] for i, key in enumerate(keys) if key}))
    if not found and not may_be_empty and len(problems) == before:
        why = "no data rows: the file has only its header"
        problems.append(Problem(sheet.file, header_line, "(file)", why))
    return found


def _header_keys(
    file: str,
    line: int,
    header: list[Cell],
    columns: dict[str, str],
    optional: Collection[str],
    problems: list[Problem],
) -> list[str | None] | None:
    """The column of each header cell; every unknown, repeated or missing column is a
    problem (None), wherever it stands: a column the import does not know is never
    skipped in silence."""
    names = {**{k: k for k in columns}, **{v: k for k, v in columns.items()}}
    before = len(problems)
    keys: list[str | None] = []
    for cell in header:
        text = (cell.text if isinstance(cell, Formula) else str(cell or "")).strip()
        key = names.get(text.lstrip("\ufeff").lower())
        if text and key is None:
            known = ", ".join(f"{k} ({v})" for k, v in columns.items())
            problems.append(
                Problem(file, line, shown(text), f"unknown column: the columns are {known}")
            )
        elif key is not None and key in keys:
            problems.append(Problem(file, line, key, "column twice in the header"))
        keys.append(key)
    for column in columns:
        if column not in keys and column not in optional:
            problems.append(Problem(file, line, column, "column missing from the header"))
    return keys if len(problems) == before else None


def parse_record(
    file: str, line: int, row: Row, parsers: dict[str, Parser], problems: list[Problem]
) -> dict[str, object] | None:
    """Each column through its parser; every cell's problem recorded, None if any."""
    values, ok = {}, True
    for column, parse in parsers.items():
        try:
            values[column] = parse(row.get(column), row)
        except CellError as error:
            problems.append(Problem(file, line, column, str(error)))
            ok = False
    return values if ok else None
