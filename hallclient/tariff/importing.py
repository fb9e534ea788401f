"""Importing and exporting a tariff: items and tier bands, from CSV or XLSX, all checked.

Every row is checked and every problem is collected (file, row, column, reason)
before anything is returned: one wrong cell and the whole file is refused, so a
half-imported price list can never exist.  Numbers must be typed plainly
(``12.5``): full-width digits, Chinese commas, thousands separators, currency signs
and formulas are refused with a hint, not guessed at.

Columns (a header row; English names or the Chinese ones in brackets):

* items: ``code`` (编码), ``name`` (名称), ``category`` (类别), ``unit`` (单位),
  ``unit_price`` (单价), ``customer_types`` (适用客户, separated by ``;``), ``note`` (备注,
  optional).  Categories: gas_volume (燃气), service_fee (服务费), material (材料费),
  deposit (押金), back_charge (补缴).  Customer types: residential (居民), commercial
  (商业), industrial (工业), public_institution (机关事业单位).
* tiers: ``item_code`` (项目编码), ``band`` (档次), ``up_to_m3`` (上限, empty for the last
  band), ``unit_price`` (单价), ``uplift_per_person_m3`` (每增一人增加, optional).
* late fees (违约金): ``customer_type`` (适用客户), ``daily_rate`` (日费率, of the bill's
  amount per day, to four places: 0.001 is 千分之一), ``grace_days`` (宽限天数, days past
  the due date without a fee).
"""

from __future__ import annotations

from pathlib import Path

from hallclient.setup.csvspec import Problem
from hallclient.tariff.file_checks import SheetError
from hallclient.tariff.imported import ImportedBand, ImportedItem, ImportedLateFee, ImportedTariff
from hallclient.tariff.rules import Category
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
    write_csv,
    write_xlsx,
)
from hallclient.tariff.validate import (
    check_bands,
    parse_abolished_by,
    parse_band_number,
    parse_category,
    parse_code,
    parse_customer_type,
    parse_customer_types,
    parse_daily_rate,
    parse_grace_days,
    parse_limit,
    parse_name,
    parse_note,
    parse_price,
    parse_unit,
    parse_uplift,
    parse_uplift_cap,
)

ITEM_COLUMNS = {
    "code": "编码",
    "name": "名称",
    "category": "类别",
    "unit": "单位",
    "unit_price": "单价",
    "customer_types": "适用客户",
    "note": "备注",
    "abolished_by": "取消依据",
}
BAND_COLUMNS = {
    "item_code": "项目编码",
    "band": "档次",
    "up_to_m3": "上限",
    "unit_price": "单价",
    "uplift_per_person_m3": "每增一人增加",
    "uplift_cap_m3": "每户最多增加",
}
LATE_FEE_COLUMNS = {"customer_type": "适用客户", "daily_rate": "日费率", "grace_days": "宽限天数"}
OPTIONAL = frozenset({"note", "abolished_by", "uplift_per_person_m3", "uplift_cap_m3", "up_to_m3"})


class TariffImportError(FileProblemsError):
    """Every problem of a tariff's files; nothing was imported."""


_ITEM_PARSERS: dict[str, Parser] = {
    "code": parse_code,
    "name": parse_name,
    "category": parse_category,
    "unit": parse_unit,
    "unit_price": parse_price,
    "customer_types": parse_customer_types,
    "note": parse_note,
    "abolished_by": parse_abolished_by,
}
_BAND_PARSERS: dict[str, Parser] = {
    "item_code": parse_code,
    "band": parse_band_number,
    "up_to_m3": parse_limit,
    "unit_price": lambda cell, row: parse_price(cell, {"category": Category.GAS_VOLUME}),
    "uplift_per_person_m3": parse_uplift,
    "uplift_cap_m3": parse_uplift_cap,
}
_LATE_FEE_PARSERS: dict[str, Parser] = {
    "customer_type": parse_customer_type,
    "daily_rate": parse_daily_rate,
    "grace_days": parse_grace_days,
}


def _items(sheet: Sheet, problems: list[Problem]) -> dict[str, tuple[int, ImportedItem]]:
    items: dict[str, tuple[int, ImportedItem]] = {}
    for line, row in records(sheet, ITEM_COLUMNS, OPTIONAL, problems):
        row["category"] = _category_first(row)
        values = parse_record(sheet.file, line, row, _ITEM_PARSERS, problems)
        if values is None:
            continue
        item = ImportedItem(**values)  # type: ignore[arg-type]
        if item.code in items:
            first = items[item.code][0]
            problems.append(
                Problem(sheet.file, line, "code", f"{item.code} again (first on row {first})")
            )
            continue
        items[item.code] = (line, item)
    return items


def _category_first(row: dict[str, Cell]) -> Cell:
    """The price parser needs the category: parse it first, keep the raw text on failure."""
    try:
        return parse_category(row.get("category"), row)
    except CellError:
        return row.get("category")


def _bands(
    sheet: Sheet,
    items: dict[str, tuple[int, ImportedItem]],
    problems: list[Problem],
    may_be_empty: bool,
) -> list[ImportedBand]:
    """The bands in file order; an item with a bad band row gets no further band checks
    (a missing row would only be reported again as a gap)."""
    parsed: list[tuple[int, ImportedBand]] = []
    failed: set[str] = set()
    rows = records(sheet, BAND_COLUMNS, OPTIONAL, problems, may_be_empty=may_be_empty)
    for line, row in rows:
        values = parse_record(sheet.file, line, row, _BAND_PARSERS, problems)
        if values is not None:
            parsed.append((line, ImportedBand(**values)))  # type: ignore[arg-type]
        else:
            failed.add(str(row.get("item_code") or "").strip().upper())
    categories = {code: item.category for code, (_, item) in items.items()}
    checked = [(line, band) for line, band in parsed if band.item_code not in failed]
    problems.extend(check_bands(sheet.file, checked, categories))
    return [band for _, band in parsed]


def _late_fees(sheet: Sheet, problems: list[Problem], may_be_empty: bool) -> list[ImportedLateFee]:
    fees: dict[str, tuple[int, ImportedLateFee]] = {}
    rows = records(sheet, LATE_FEE_COLUMNS, OPTIONAL, problems, may_be_empty=may_be_empty)
    for line, row in rows:
        values = parse_record(sheet.file, line, row, _LATE_FEE_PARSERS, problems)
        if values is None:
            continue
        fee = ImportedLateFee(**values)  # type: ignore[arg-type]
        if fee.customer_type in fees:
            first = fees[fee.customer_type][0]
            again = f"{fee.customer_type} again (first on row {first})"
            problems.append(Problem(sheet.file, line, "customer_type", again))
            continue
        fees[fee.customer_type] = (line, fee)
    return [fee for _, fee in fees.values()]


Sheets = tuple[Sheet, Sheet | None, Sheet | None]


def _sheets(items_path: Path, tiers_path: Path | None, late_path: Path | None) -> Sheets:
    if items_path.suffix.lower() == ".xlsx":
        for extra in (tiers_path, late_path):
            if extra is not None:
                why = "an XLSX file carries tiers and late fees on sheets named tiers and late_fees"
                raise SheetError(Problem(extra.name, 0, "(file)", why))
        book = read_xlsx(items_path)
        first = next(iter(book.values()))
        return book.get("items", first), book.get("tiers"), book.get("late_fees")
    if items_path.suffix.lower() != ".csv":
        raise SheetError(Problem(items_path.name, 0, "(file)", "must be a .csv or .xlsx file"))
    return (
        read_csv(items_path),
        read_csv(tiers_path) if tiers_path else None,
        read_csv(late_path) if late_path else None,
    )


def read_tariff(
    items_path: Path, tiers_path: Path | None = None, late_fees_path: Path | None = None
) -> ImportedTariff:
    """Every item, band and late fee of the files, or :class:`TariffImportError` listing
    every problem."""
    try:
        item_sheet, band_sheet, late_sheet = _sheets(items_path, tiers_path, late_fees_path)
    except SheetError as error:
        raise TariffImportError([error.problem]) from None
    problems: list[Problem] = []
    items = _items(item_sheet, problems)
    in_book = items_path.suffix.lower() == ".xlsx"  # the export writes every sheet
    bands = _bands(band_sheet, items, problems, in_book) if band_sheet else []
    late_fees = _late_fees(late_sheet, problems, in_book) if late_sheet else []
    if problems:
        raise TariffImportError(problems)
    ordered = sorted(items.values(), key=lambda entry: entry[0])
    return ImportedTariff(tuple(item for _, item in ordered), tuple(bands), tuple(late_fees))


def _item_row(item: ImportedItem) -> list[object]:
    return [
        item.code,
        item.name,
        item.category.value,
        item.unit,
        item.unit_price,
        ";".join(item.customer_types),
        item.note,
        item.abolished_by,
    ]


def _band_row(band: ImportedBand) -> list[object]:
    return [
        band.item_code,
        band.band,
        band.up_to_m3,
        band.unit_price,
        band.uplift_per_person_m3,
        band.uplift_cap_m3,
    ]


def write_tariff(tariff: ImportedTariff, path: Path) -> None:
    """Export in the import format: ``.xlsx`` (sheets items, tiers, late_fees) or ``.csv``
    (UTF-8 with BOM, which Excel on Chinese Windows opens; bands in ``<stem>.tiers.csv``,
    late fees in ``<stem>.late_fees.csv``)."""
    items = [_item_row(item) for item in tariff.items]
    bands = [_band_row(band) for band in tariff.bands]
    fees: list[list[object]] = [
        [f.customer_type, f.daily_rate, f.grace_days] for f in tariff.late_fees
    ]
    if path.suffix.lower() == ".xlsx":
        write_xlsx(
            path,
            {
                "items": (list(ITEM_COLUMNS), items),
                "tiers": (list(BAND_COLUMNS), bands),
                "late_fees": (list(LATE_FEE_COLUMNS), fees),
            },
        )
        return
    write_csv(path, list(ITEM_COLUMNS), items)
    if bands:
        write_csv(path.with_name(f"{path.stem}.tiers.csv"), list(BAND_COLUMNS), bands)
    if fees:
        write_csv(path.with_name(f"{path.stem}.late_fees.csv"), list(LATE_FEE_COLUMNS), fees)
