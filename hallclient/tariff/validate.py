"""Checking one cell of an import file at a time, and the tier bands of each item.

A parser takes the raw cell (text from CSV; text, number or date from XLSX) and the
row (for rules that depend on another column), and returns the value or raises
:class:`CellError` with a reason a person can act on.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation

from hallclient.setup.csvspec import Problem
from hallclient.tariff.file_checks import cut, shown
from hallclient.tariff.imported import ImportedBand
from hallclient.tariff.rules import (
    CUSTOMER_TYPES,
    FREE_CATEGORIES,
    LATE_FEE_CODE,
    MAX_DAILY_RATE,
    MAX_GRACE_DAYS,
    RATE_PLACES,
    UNITS,
    Category,
    max_unit_price,
    price_places,
)
from hallclient.tariff.sheets import Cell, CellError, Formula

CATEGORY_ALIASES = {
    "燃气": "gas_volume",
    "燃气(按量)": "gas_volume",
    "服务费": "service_fee",
    "材料费": "material",
    "押金": "deposit",
    "补缴": "back_charge",
    "已取消": "abolished",
    "取消收费": "abolished",
}
CUSTOMER_ALIASES = {
    "居民": "residential",
    "商业": "commercial",
    "工业": "industrial",
    "机关事业单位": "public_institution",
}
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_HINTS = (
    (re.compile(r"[０-９．]"), "full-width digits: type them half-width, e.g. 12.5"),
    (re.compile(r"[，,]"), "a comma: type the number without separators, e.g. 1200.00"),
    (re.compile(r"[￥¥元$]"), "a currency sign: type the number only"),
    (re.compile(r"[eE]"), "an exponent: type the number in full"),
    (re.compile(r"\s"), "a space inside the number"),
)
FREE = "免费"  # a free item's price as a published list writes it: 0
NO_PRICE = frozenset({"", "已取消", "取消"})  # an abolished fee's price cell
MAX_UPLIFT = Decimal(10_000)
MAX_NUMBER_CHARS = 30
BY_VOLUME = frozenset({Category.GAS_VOLUME, Category.BACK_CHARGE})
MAX_ANY_PRICE = max(max_unit_price(category) for category in Category)


def _text(cell: Cell) -> str:
    if isinstance(cell, Formula):
        raise CellError(f"a formula ({cut(cell.text)}): paste the value instead")
    if cell is None:
        return ""
    # control characters (a pasted tab, a bell) would break printing and the XLSX export
    return "".join(c for c in str(cell) if unicodedata.category(c)[0] != "C").strip()


def _required(cell: Cell) -> str:
    text = _text(cell)
    if not text:
        raise CellError("required, but empty")
    return text


def parse_code(cell: Cell, row: Mapping[str, Cell]) -> str:
    text = _required(cell)
    if not CODE.fullmatch(text):
        raise CellError(f"{shown(text)}: up to 32 letters, digits, - or _")
    if text.upper() == LATE_FEE_CODE:
        raise CellError(
            f"{shown(text)} is reserved for late fees (违约金): give the item another code"
        )
    return text.upper()


def parse_name(cell: Cell, row: Mapping[str, Cell]) -> str:
    text = _required(cell)
    if len(text) > 100:
        raise CellError("longer than 100 characters")
    return text


def parse_note(cell: Cell, row: Mapping[str, Cell]) -> str:
    text = _text(cell)
    if len(text) > 500:
        raise CellError("longer than 500 characters")
    return text


def parse_category(cell: Cell, row: Mapping[str, Cell]) -> Category:
    if isinstance(cell, Category):
        return cell
    text = unicodedata.normalize("NFKC", _required(cell))
    try:
        return Category(CATEGORY_ALIASES.get(text, text.lower()))
    except ValueError:
        names = {value: zh for zh, value in reversed(CATEGORY_ALIASES.items())}  # first alias
        choices = ", ".join(f"{c.value} ({names[c.value]})" for c in Category)
        raise CellError(f"{shown(text)} is not one of {choices}") from None


def parse_unit(cell: Cell, row: Mapping[str, Cell]) -> str:
    """A known unit; an abolished fee may leave it empty (it is never charged)."""
    if row.get("category") is Category.ABOLISHED and not _text(cell):
        return ""
    text = _required(cell).removeprefix("元/").replace("m3", "m³").replace("立方米", "m³")
    if text not in UNITS:
        raise CellError(f"{shown(text)} is not a known unit: {' '.join(UNITS)}")
    if row.get("category") in BY_VOLUME and text != "m³":
        raise CellError(f"{shown(text)}: gas is priced per m³")
    return text


def parse_customer_types(cell: Cell, row: Mapping[str, Cell]) -> tuple[str, ...]:
    parts = [part.strip() for part in re.split(r"[;；]", _required(cell)) if part.strip()]
    kinds = tuple(CUSTOMER_ALIASES.get(part, part.lower()) for part in parts)
    unknown = [part for part, kind in zip(parts, kinds, strict=True) if kind not in CUSTOMER_TYPES]
    if unknown:
        raise CellError(
            f"unknown customer type {', '.join(map(cut, unknown))}: use {', '.join(CUSTOMER_TYPES)}"
        )
    if len(set(kinds)) != len(kinds):
        raise CellError("a customer type is listed twice")
    return kinds


def parse_customer_type(cell: Cell, row: Mapping[str, Cell]) -> str:
    kinds = parse_customer_types(cell, row)
    if len(kinds) != 1:
        raise CellError("one customer type per row")
    return kinds[0]


def parse_daily_rate(cell: Cell, row: Mapping[str, Cell]) -> Decimal:
    """A late fee's daily rate of the bill's amount: above zero, at most 1 % a day."""
    rate = parse_number(cell, RATE_PLACES)
    if not 0 < rate <= MAX_DAILY_RATE:
        raise CellError(f"{rate}: a daily rate above 0 and at most {MAX_DAILY_RATE} (1 % a day)")
    return rate


def parse_grace_days(cell: Cell, row: Mapping[str, Cell]) -> int:
    days = parse_number(cell, 0) if _text(cell) else Decimal(0)
    if not 0 <= days <= MAX_GRACE_DAYS:
        raise CellError(f"{days}: 0 to {MAX_GRACE_DAYS} days")
    return int(days)


def parse_number(cell: Cell, places: int) -> Decimal:
    """A plain decimal number with at most ``places`` decimals (floats from XLSX included)."""
    if isinstance(cell, bool):
        raise CellError("TRUE/FALSE is not a number")
    if isinstance(cell, int):
        return Decimal(cell)
    text = repr(cell) if isinstance(cell, float) else _required(cell)
    if len(text) > MAX_NUMBER_CHARS:
        raise CellError(f"{shown(text)}: too long for a number")
    if not PLAIN_NUMBER.fullmatch(text):
        hint = next((h for pattern, h in _HINTS if pattern.search(text)), "not a number")
        raise CellError(f"{shown(text)}: {hint}")
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise CellError(f"{shown(text)}: not a number") from None
    if -number.as_tuple().exponent > places:  # type: ignore[operator]
        raise CellError(f"{text}: more than {places} decimal places")
    return number


def parse_price(cell: Cell, row: Mapping[str, Cell]) -> Decimal:
    """To the fen (gas: four places), not absurd for its category; above zero, except a
    free service or material (0, 免费) and an abolished fee (empty or 0: it has none).

    With an invalid category (reported on its own) the loosest rules apply, so one
    mistake is not reported twice."""
    category = row.get("category")
    if category is Category.ABOLISHED:
        return _no_price(cell)
    places = price_places(category) if isinstance(category, Category) else 4
    ceiling = max_unit_price(category) if isinstance(category, Category) else MAX_ANY_PRICE
    price = Decimal(0) if _text(cell) == FREE else parse_number(cell, places)
    if price < 0 or (price == 0 and category not in FREE_CATEGORIES):
        raise CellError(
            f"{price}: a price must be above zero (only a service or material may be free, 0)"
        )
    if price > ceiling:
        raise CellError(f"{price}: above {ceiling} yuan, surely a mistake")
    return price


def _no_price(cell: Cell) -> Decimal:
    """An abolished fee's price cell: empty, 0, or 已取消 as a published list writes it."""
    text = _text(cell)
    if text in NO_PRICE or (PLAIN_NUMBER.fullmatch(text) and Decimal(text) == 0):
        return Decimal(0)
    raise CellError(f"{shown(text)}: an abolished fee has no price; leave it empty")


def parse_abolished_by(cell: Cell, row: Mapping[str, Cell]) -> str:
    """The document that abolished a fee: required for an abolished fee, refused otherwise."""
    text = _text(cell)
    abolished = row.get("category") is Category.ABOLISHED
    if abolished and not text:
        raise CellError("required for an abolished fee: the document, e.g. 国办函〔2020〕129号")
    if text and not abolished and isinstance(row.get("category"), Category):
        raise CellError(f"{shown(text)}: only an abolished fee (已取消) names such a document")
    if len(text) > 100:
        raise CellError("longer than 100 characters")
    return text


def parse_band_number(cell: Cell, row: Mapping[str, Cell]) -> int:
    number = parse_number(cell, 0)
    if not 1 <= number <= 9:
        raise CellError(f"{number}: bands are numbered 1 to 9")
    return int(number)


def parse_limit(cell: Cell, row: Mapping[str, Cell]) -> Decimal | None:
    if not _text(cell):
        return None
    limit = parse_number(cell, 3)
    if limit <= 0:
        raise CellError(f"{limit}: a band limit must be above zero")
    return limit


def parse_uplift(cell: Cell, row: Mapping[str, Cell]) -> Decimal:
    if not _text(cell):
        return Decimal(0)
    uplift = parse_number(cell, 3)
    if not 0 <= uplift <= MAX_UPLIFT:
        raise CellError(f"{uplift}: between 0 and {MAX_UPLIFT} m³ per person")
    return uplift


def parse_uplift_cap(cell: Cell, row: Mapping[str, Cell]) -> Decimal | None:
    """At most this much more a year for the whole household (empty: no cap)."""
    if not _text(cell):
        return None
    cap = parse_number(cell, 3)
    if not 0 < cap <= MAX_UPLIFT:
        raise CellError(f"{cap}: above 0 and at most {MAX_UPLIFT} m³ per household")
    return cap


def check_bands(
    file: str, bands: Iterable[tuple[int, ImportedBand]], categories: Mapping[str, Category]
) -> list[Problem]:
    """Each item's bands: a gas item's, numbered 1…n, limits rising, the last one open."""
    by_item: dict[str, list[tuple[int, ImportedBand]]] = defaultdict(list)
    for line, band in bands:
        by_item[band.item_code].append((line, band))
    problems = []
    for code, rows in by_item.items():
        rows.sort(key=lambda row: row[1].band)
        problems.extend(_item_band_problems(file, code, rows, categories.get(code)))
    return problems


def _item_band_problems(
    file: str, code: str, rows: list[tuple[int, ImportedBand]], category: Category | None
) -> list[Problem]:
    first_line = rows[0][0]
    if category is None:
        return [Problem(file, first_line, "item_code", f"{code} is not an item of the items file")]
    if category is not Category.GAS_VOLUME:
        return [Problem(file, first_line, "item_code", f"{code} is not gas by volume")]
    problems = []
    if len(rows) < 2:
        problems.append(Problem(file, first_line, "band", f"{code}: a tiered price needs 2 bands"))
    for expected, (line, band) in enumerate(rows, start=1):
        if band.band != expected:
            problems.append(Problem(file, line, "band", f"{code}: band {expected} expected"))
            return problems
    return problems + _limit_problems(file, rows)


def _limit_problems(file: str, rows: list[tuple[int, ImportedBand]]) -> list[Problem]:
    """Limits rising band by band, uplifts never falling (the open last band has no limit to
    raise), a cap only on an uplift, the last band open and only the last."""
    problems = []
    for (line, band), (_, before) in zip(rows[1:], rows, strict=False):
        if (
            before.up_to_m3 is not None
            and band.up_to_m3 is not None
            and band.up_to_m3 <= before.up_to_m3
        ):
            problems.append(Problem(file, line, "up_to_m3", f"must be above {before.up_to_m3}"))
        if band.up_to_m3 is not None and band.uplift_per_person_m3 < before.uplift_per_person_m3:
            problems.append(
                Problem(
                    file,
                    line,
                    "uplift_per_person_m3",
                    f"less than band {before.band}'s {before.uplift_per_person_m3}",
                )
            )
    for line, band in rows:
        if band.uplift_cap_m3 is not None and not band.uplift_per_person_m3:
            why = "a household cap needs an uplift per person to cap"
            problems.append(Problem(file, line, "uplift_cap_m3", why))
    for line, band in rows[:-1]:
        if band.up_to_m3 is None:
            problems.append(Problem(file, line, "up_to_m3", "only the last band is open"))
    if rows[-1][1].up_to_m3 is not None:
        problems.append(Problem(file, rows[-1][0], "up_to_m3", "the last band has no upper limit"))
    return problems


_DATE_TEXT = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{4})(\d{2})(\d{2})")


def parse_date(cell: Cell, row: Mapping[str, Cell]) -> dt.date:
    """A date cell of XLSX, or typed: 2026-11-25, 2026/11/25, 20261125, 2026年11月25日."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = unicodedata.normalize("NFKC", _required(cell))
    match = _DATE_TEXT.fullmatch(text)
    if match is None:
        raise CellError(f"{shown(text)}: a date like 2026-11-25")
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"{shown(text)}: no such day") from None


_IDENTIFIER = re.compile(r"[0-9A-Za-z-]{1,20}")


def parse_identifier(cell: Cell, row: Mapping[str, Cell]) -> str:
    """An account or meter number: up to 20 letters, digits or -; a whole XLSX number too."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = unicodedata.normalize("NFKC", _required(cell))
    if not _IDENTIFIER.fullmatch(text):
        raise CellError(f"{shown(text)}: up to 20 letters, digits or -")
    return text


def parse_person(cell: Cell, row: Mapping[str, Cell]) -> str:
    """Who read the meter: an employee number or a name, up to 32 characters."""
    text = _required(cell)
    if len(text) > 32:
        raise CellError("longer than 32 characters")
    return text


def parse_optional_number(places: int) -> Callable[[Cell, Mapping[str, Cell]], Decimal | None]:
    def parse(cell: Cell, row: Mapping[str, Cell]) -> Decimal | None:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        number = parse_number(cell, places)
        if number < 0:
            raise CellError(f"{number}: below zero")
        return number

    return parse
