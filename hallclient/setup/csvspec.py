"""Reading validated rows from a UTF-8 CSV file, with problems named by file, line and field."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Column:
    name: str
    parse: Parser
    required: bool = True
    default: Any = None  # the value of an empty optional cell


def text(value: str) -> str:
    return value


def yes_no(value: str) -> bool:
    if value.lower() in {"yes", "true", "1", "是"}:
        return True
    if value.lower() in {"no", "false", "0", "否"}:
        return False
    raise ValueError("must be yes or no")


def whole_number(value: str) -> int:
    if not value.lstrip("-").isdigit():
        raise ValueError(f"{value!r} is not a whole number")
    return int(value)


def one_of(*choices: str) -> Parser:
    def parse(value: str) -> str:
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return parse


def read_rows(
    path: Path, columns: Sequence[Column], problems: list[Problem]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line, values)`` for each valid row; record every problem found."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c.name for c in columns if c.name not in (reader.fieldnames or [])]
            for name in missing:
                problems.append(Problem(path.name, 1, name, "column missing from the header"))
            if missing:
                return
            for row in reader:
                values = _parse_row(path.name, reader.line_num, row, columns, problems)
                if values is not None:
                    yield reader.line_num, values
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        problems.append(Problem(path.name, 0, "(file)", str(error)))


def _parse_row(
    file: str, line: int, row: dict[str, str], columns: Sequence[Column], problems: list[Problem]
) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    before = len(problems)
    for column in columns:
        raw = (row.get(column.name) or "").strip()
        if not raw:
            if column.required:
                problems.append(Problem(file, line, column.name, "required, but empty"))
            values[column.name] = column.default
            continue
        try:
            values[column.name] = column.parse(raw)
        except ValueError as error:
            problems.append(Problem(file, line, column.name, str(error)))
    return values if len(problems) == before else None
