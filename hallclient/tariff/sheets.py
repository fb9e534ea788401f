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

log = logging.getLogger(__name__)
ENCODINGS = ("utf-8-sig", "gb18030")
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


class SheetError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _file_problem(file: str, message: str) -> SheetError:
    return SheetError(Problem(file, 0, "(file)", message))


def read_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _file_problem(path.name, f"cannot be read: {error.strerror}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise _file_problem(path.name, "not a text file in UTF-8 or GBK (UTF-16? binary?)")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _file_problem(path.name, "not UTF-8, UTF-8 with BOM, GBK or GB18030 text")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise _file_problem(path.name, f"not readable as CSV: {error}") from None
    return Sheet(path.name, [(number, list(row)) for number, row in enumerate(rows, start=1)])


def read_xlsx(path: Path) -> dict[str, Sheet]:
    """Every sheet of the workbook by lower-case name, in workbook order."""
    from openpyxl import load_workbook  # slow to import; only an import needs it

    # openpyxl raises an open-ended set of exception types on a damaged or foreign file,
    # and parses the sheets lazily, while their rows are read: both are guarded.
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise _file_problem(path.name, f"not an XLSX workbook: {error}") from None
    except Exception:
        log.warning("%s is not readable as XLSX", path, exc_info=True)
        raise _file_problem(path.name, "not an XLSX workbook: save it again as .xlsx") from None
    try:
        return _sheets_of(path, book)
    except Exception:
        log.warning("%s is a damaged XLSX workbook", path, exc_info=True)
        raise _file_problem(path.name, "a damaged XLSX workbook: save it again as .xlsx") from None
    finally:
        book.close()


def _sheets_of(path: Path, book: Any) -> dict[str, Sheet]:
    return {
        sheet.title.lower(): Sheet(
            f"{path.name}[{sheet.title}]",
            [
                (number, [_cell(value) for value in row])
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            ],
        )
        for sheet in book.worksheets
    }


def _cell(value: object) -> Cell:
    if isinstance(value, str) and value.startswith("="):
        return Formula(value)
    return value


def _csv_text(value: object) -> str:
    return "" if value is None else f"{value:f}" if isinstance(value, Decimal) else str(value)


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([_csv_text(value) for value in row] for row in rows)


def write_xlsx(path: Path, sheets: dict[str, tuple[list[str], list[list[object]]]]) -> None:
    """One sheet per entry: a bold header, numbers as numbers with their decimals shown."""
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
    sheet: Sheet, columns: dict[str, str], optional: Collection[str], problems: list[Problem]
) -> list[tuple[int, Row]]:
    """Rows as {column: cell}, by the header (English names or the Chinese ones in
    ``columns``); blank rows skipped, ragged rows refused."""
    if not sheet.rows:
        problems.append(Problem(sheet.file, 0, "(file)", "empty: no header row"))
        return []
    header_line, header = sheet.rows[0]
    names = {**{k: k for k in columns}, **{v: k for k, v in columns.items()}}
    keys = [names.get(str(cell or "").strip().lstrip("\ufeff").lower()) for cell in header]
    missing = [c for c in columns if c not in keys and c not in optional]
    for column in missing:
        problems.append(Problem(sheet.file, header_line, column, "column missing from the header"))
    if missing:
        return []
    width = max((i + 1 for i, key in enumerate(keys) if key), default=0)
    found = []
    for line, cells in sheet.rows[1:]:
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        extra = [c for c in cells[width:] if c is not None and str(c).strip()]
        if extra or len(cells) < width:
            problems.append(
                Problem(
                    sheet.file, line, "(row)", f"{len(cells)} cells where the header has {width}"
                )
            )
            continue
        found.append(
            (line, {key: cells[i] if i < len(cells) else None for i, key in enumerate(keys) if key})
        )
    return found


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
