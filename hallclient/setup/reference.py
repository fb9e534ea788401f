"""Reference data shipped in ``resources/reference``: one loader that validates it all.

Every problem is collected (file, line, field, message) before anything is
written, so a bad file changes nothing and the admin sees every mistake at once.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from hallclient.errors import HallError
from hallclient.setup.csvspec import (
    Column,
    Problem,
    one_of,
    read_rows,
    text,
    whole_number,
    yes_no,
)
from hallclient.tariff.imported import ImportedTariff
from hallclient.tariff.importing import TariffImportError, read_tariff

T = TypeVar("T")


class ReferenceDataError(HallError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        listing = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the reference data:\n{listing}")


@dataclass(frozen=True)
class DepartmentData:
    code: str
    name_zh: str
    name_en: str
    duties: str
    phone: str
    extension: str
    location: str
    hours: str
    hotline: str
    response_minutes_normal: int  # the department's target from referral to closing
    response_minutes_urgent: int
    response_minutes_emergency: int


@dataclass(frozen=True)
class CategoryData:
    code: str
    prefix: str
    name_zh: str
    name_en: str
    priority: bool
    sort_order: int


@dataclass(frozen=True)
class PurposeData:
    code: str
    category_code: str
    name_zh: str
    name_en: str
    department_code: str | None
    sort_order: int


@dataclass(frozen=True)
class ScheduleData:
    code: str
    title: str
    approval_doc_no: str
    issuing_body: str
    effective_from: dt.date
    effective_to: dt.date | None
    status: str
    is_demo: bool
    tier_year_start: str = "01-01"
    household_base: int = 4


@dataclass(frozen=True)
class ReferenceData:
    departments: tuple[DepartmentData, ...]
    categories: tuple[CategoryData, ...]
    purposes: tuple[PurposeData, ...]
    schedule: ScheduleData
    tariff: ImportedTariff


def positive_number(value: str) -> int:
    number = whole_number(value)
    if number < 1:
        raise ValueError(f"{value!r} must be 1 or more")
    return number


_DEPARTMENT = [Column(n, text) for n in ("code", "name_zh", "name_en", "duties", "phone")] + [
    Column("extension", text, required=False, default=""),
    Column("location", text),
    Column("hours", text),
    Column("hotline", text, required=False, default=""),
    Column("response_minutes_normal", positive_number, required=False, default=2880),
    Column("response_minutes_urgent", positive_number, required=False, default=480),
    Column("response_minutes_emergency", positive_number, required=False, default=60),
]
_CATEGORY = [
    Column("code", text),
    Column("prefix", one_of(*"ABCDEFGHJKLMNPQRSTUVWXYZ")),
    Column("name_zh", text),
    Column("name_en", text),
    Column("priority", yes_no),
    Column("sort_order", whole_number),
]
_PURPOSE = [
    *(Column(n, text) for n in ("code", "category_code", "name_zh", "name_en")),
    Column("department_code", text, required=False),
    Column("sort_order", whole_number),
]


def _load(
    path: Path, columns: list[Column], kind: type[T], problems: list[Problem]
) -> list[tuple[int, T]]:
    return [(line, kind(**values)) for line, values in read_rows(path, columns, problems)]


def _unique(file: str, rows: list[tuple[int, Any]], field: str, problems: list[Problem]) -> None:
    seen: dict[Any, int] = {}
    for line, row in rows:
        value = getattr(row, field)
        if value in seen:
            problems.append(Problem(file, line, field, f"{value!r} repeats line {seen[value]}"))
        seen.setdefault(value, line)


def _refers(
    file: str, rows: list[tuple[int, Any]], field: str, known: set[str], problems: list[Problem]
) -> None:
    for line, row in rows:
        value = getattr(row, field)
        if value is not None and value not in known:
            problems.append(Problem(file, line, field, f"{value!r} is not defined"))


_SCHEDULE_KEYS = {
    "code": str,
    "title": str,
    "approval_doc_no": str,
    "issuing_body": str,
    "effective_from": dt.date,
    "status": str,
    "is_demo": bool,
}


def _load_schedule(path: Path, problems: list[Problem]) -> ScheduleData | None:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        problems.append(Problem(path.name, 0, "(file)", str(error)))
        return None
    before = len(problems)
    for key, kind in _SCHEDULE_KEYS.items():
        if not isinstance(document.get(key), kind):
            problems.append(Problem(path.name, 0, key, f"required, a {kind.__name__}"))
    effective_to = document.get("effective_to")
    if effective_to is not None and not isinstance(effective_to, dt.date):
        problems.append(Problem(path.name, 0, "effective_to", "must be a date"))
    if document.get("status") not in ("draft", "approved", "retired"):
        problems.append(Problem(path.name, 0, "status", "must be draft, approved or retired"))
    if len(problems) > before:
        return None
    tiers = {k: document[k] for k in ("tier_year_start", "household_base") if k in document}
    return ScheduleData(
        **{k: document[k] for k in _SCHEDULE_KEYS}, effective_to=effective_to, **tiers
    )


def _load_tariff(folder: Path, problems: list[Problem]) -> ImportedTariff | None:
    """The demo tariff, checked by the same rules as any import."""
    try:
        return read_tariff(
            folder / "demo_items.csv", folder / "demo_tiers.csv", folder / "demo_late_fees.csv"
        )
    except TariffImportError as error:
        problems.extend(error.problems)
        return None


def load_reference(folder: Path) -> ReferenceData:
    """Read and check every reference file; raise :class:`ReferenceDataError` listing all."""
    problems: list[Problem] = []
    departments = _load(folder / "departments.csv", _DEPARTMENT, DepartmentData, problems)
    categories = _load(folder / "service_categories.csv", _CATEGORY, CategoryData, problems)
    purposes = _load(folder / "visit_purposes.csv", _PURPOSE, PurposeData, problems)
    schedule = _load_schedule(folder / "tariff" / "demo_schedule.toml", problems)
    tariff = _load_tariff(folder / "tariff", problems)
    _unique("departments.csv", departments, "code", problems)
    _unique("service_categories.csv", categories, "code", problems)
    _unique("service_categories.csv", categories, "prefix", problems)
    _unique("visit_purposes.csv", purposes, "code", problems)
    _refers(
        "visit_purposes.csv", purposes, "category_code", {c.code for _, c in categories}, problems
    )
    _refers(
        "visit_purposes.csv",
        purposes,
        "department_code",
        {d.code for _, d in departments},
        problems,
    )
    if problems or schedule is None or tariff is None:
        raise ReferenceDataError(problems)
    return ReferenceData(
        departments=tuple(row for _, row in departments),
        categories=tuple(row for _, row in categories),
        purposes=tuple(row for _, row in purposes),
        schedule=schedule,
        tariff=tariff,
    )
