"""Import files as people make them, and as they go wrong: every problem named by row.

Each hostile file must be refused as a whole (``read_tariff`` raises, nothing comes
back) with the row and column of every fault.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hallclient.tariff.importing import (
    ImportedBand,
    ImportedItem,
    ImportedTariff,
    TariffImportError,
    read_tariff,
    write_tariff,
)
from hallclient.tariff.rules import CUSTOMER_TYPES, UNITS, Category
from hallclient.tariff.schedules import ScheduleHeader, header_problems

HEADER = "code,name,category,unit,unit_price,customer_types,note"
CLEAN = [
    "G101,居民生活用气,gas_volume,m³,2.6100,residential,阶梯第一档基准价",
    "S105,过户费,service_fee,户,30.00,residential;commercial,",
    "M102,不锈钢波纹管,material,米,18.50,residential,按米计",
]
TIERS = [
    "item_code,band,up_to_m3,unit_price,uplift_per_person_m3",
    "G101,1,300,2.61,60",
    "G101,2,600,3.13,120",
    "G101,3,,3.92,120",
]
EXPECTED_ITEMS = (
    ImportedItem(
        "G101",
        "居民生活用气",
        Category.GAS_VOLUME,
        "m³",
        Decimal("2.61"),
        ("residential",),
        "阶梯第一档基准价",
    ),
    ImportedItem(
        "S105", "过户费", Category.SERVICE_FEE, "户", Decimal(30), ("residential", "commercial"), ""
    ),
    ImportedItem(
        "M102", "不锈钢波纹管", Category.MATERIAL, "米", Decimal("18.5"), ("residential",), "按米计"
    ),
)


def _csv(folder: Path, lines: list[str], name: str = "items.csv", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _problems(items: Path, tiers: Path | None = None) -> list[str]:
    with pytest.raises(TariffImportError) as caught:
        read_tariff(items, tiers)
    return [str(problem) for problem in caught.value.problems]


def _with(row: int, column: str, value: str) -> list[str]:
    """The clean file with one cell replaced (row 2 is the first item)."""
    lines = [HEADER, *CLEAN]
    cells = lines[row - 1].split(",")
    cells[HEADER.split(",").index(column)] = value
    lines[row - 1] = ",".join(cells)
    return lines


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_a_clean_file_imports_in_every_encoding_excel_writes(tmp_path, encoding):
    lines = (
        [line.replace("m³", "m3") for line in [HEADER, *CLEAN]]
        if encoding == "gbk"
        else [HEADER, *CLEAN]
    )  # GBK has no ³: Excel users type m3
    tariff = read_tariff(_csv(tmp_path, lines, encoding=encoding))
    assert tariff.items == EXPECTED_ITEMS and tariff.bands == ()


def test_chinese_headers_and_aliases_are_understood(tmp_path):
    lines = ["编码,名称,类别,单位,单价,适用客户,备注", "S105,过户费,服务费,户,30.00,居民；商业,"]
    assert read_tariff(_csv(tmp_path, lines)).items == (EXPECTED_ITEMS[1],)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("编码,名称".encode("utf-16"), "not a text file"),
        (bytes(range(256)) * 4, "not a text file"),
        (b"", "empty: no header row"),
    ],
    ids=["utf-16", "binary", "empty"],
)
def test_files_that_are_not_text_are_refused_as_a_whole(tmp_path, content, expected):
    path = tmp_path / "items.csv"
    path.write_bytes(content)
    problems = _problems(path)
    assert len(problems) == 1 and expected in problems[0]


@pytest.mark.parametrize(
    ("row", "column", "value", "expected"),
    [
        (2, "unit_price", "１２.５", "full-width digits"),
        (3, "unit_price", '"1，200.00"', "a comma"),
        (3, "unit_price", '"1,200.00"', "a comma"),
        (3, "unit_price", "￥30", "a currency sign"),
        (3, "unit_price", "3e1", "an exponent"),
        (3, "unit_price", "NaN", "not a number"),
        (3, "unit_price", "-30.00", "above zero"),
        (2, "unit_price", "0", "only a service or material may be free"),
        (3, "unit_price", "250000", "surely a mistake"),
        (2, "unit_price", "150", "surely a mistake"),
        (2, "unit_price", "2.61005", "more than 4 decimal places"),
        (3, "unit_price", "30.005", "more than 2 decimal places"),
        (3, "unit", "桶", "not a known unit"),
        (3, "customer_types", "households", "unknown customer type"),
        (3, "category", "fee", "is not one of"),
        (3, "code", "S 105", "letters, digits"),
        (3, "name", "", "required, but empty"),
        (3, "name", "=HYPERLINK(1)", "formula"),
    ],
)
def test_each_bad_cell_is_named_by_row_and_column(tmp_path, row, column, value, expected):
    problems = _problems(_csv(tmp_path, _with(row, column, value)))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"items.csv:{row}: {column}: ") and expected in problems[0]


def test_every_problem_is_listed_at_once(tmp_path):
    lines = [HEADER, *CLEAN, "S105,过户费二,service_fee,户,-5,residential,", "X1,,material,桶,1,x,"]
    problems = _problems(_csv(tmp_path, lines))
    assert [p.split(": ")[0:2] for p in problems] == [
        ["items.csv:5", "unit_price"],
        ["items.csv:6", "name"],
        ["items.csv:6", "unit"],
        ["items.csv:6", "customer_types"],
    ]


def test_a_duplicate_code_names_the_first_row(tmp_path):
    problems = _problems(_csv(tmp_path, [HEADER, *CLEAN, CLEAN[1]]))
    assert problems == ["items.csv:5: code: S105 again (first on row 3)"]


def test_blank_rows_are_skipped_and_ragged_rows_refused(tmp_path):
    lines = [HEADER, CLEAN[0], "", ",,,,,,", CLEAN[1], "S9,短行,service_fee", CLEAN[2] + ",extra"]
    problems = _problems(_csv(tmp_path, lines))
    assert [p.split(": ")[0] for p in problems] == ["items.csv:6", "items.csv:7"]
    assert all("cells where the header has 7" in p for p in problems)


def test_a_missing_column_is_named_and_the_misspelt_one_too(tmp_path):
    lines = [HEADER.replace("unit_price", "price"), *CLEAN]
    problems = _problems(_csv(tmp_path, lines))
    assert problems[0].startswith("items.csv:1: 'price': unknown column: the columns are code")
    assert problems[1:] == ["items.csv:1: unit_price: column missing from the header"]


def _book(path: Path, rows: list[list[object]], tiers: list[list[object]] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "items"
    for row in rows:
        sheet.append(row)
    if tiers:
        extra = book.create_sheet("tiers")
        for row in tiers:
            extra.append(row)
    book.save(path)
    return path


XLSX_ROWS: list[list[object]] = [
    HEADER.split(","),
    ["G101", "居民生活用气", "gas_volume", "m³", 2.61, "residential", "阶梯第一档基准价"],
    ["S105", "过户费", "service_fee", "户", 30, "residential;commercial", None],
    ["M102", "不锈钢波纹管", "material", "米", 18.5, "residential", "按米计"],
]


def test_a_clean_workbook_with_numeric_cells_and_tiers_imports(tmp_path):
    tiers = [row.split(",") for row in TIERS[:1]] + [
        ["G101", 1, 300, 2.61, 60],
        ["G101", 2, 600, 3.13, 120],
        ["G101", 3, None, 3.92, 120],
    ]
    tariff = read_tariff(_book(tmp_path / "t.xlsx", XLSX_ROWS, tiers))
    assert tariff.items == EXPECTED_ITEMS
    assert [(b.band, b.up_to_m3, b.unit_price) for b in tariff.bands] == [
        (1, 300, Decimal("2.61")),
        (2, 600, Decimal("3.13")),
        (3, None, Decimal("3.92")),
    ]


def test_formulas_in_a_workbook_are_refused(tmp_path):
    rows = [list(row) for row in XLSX_ROWS]
    rows[2][4] = "=20+10"
    rows[3][1] = "=A1"
    problems = _problems(_book(tmp_path / "t.xlsx", rows))
    assert [p.split(": ")[0:2] for p in problems] == [
        ["t.xlsx[items]:3", "unit_price"],
        ["t.xlsx[items]:4", "name"],
    ]
    assert all("formula" in p for p in problems)


def test_a_workbook_price_with_too_many_decimals_is_refused(tmp_path):
    rows = [list(row) for row in XLSX_ROWS]
    rows[2][4] = 30.005
    assert _problems(_book(tmp_path / "t.xlsx", rows)) == [
        "t.xlsx[items]:3: unit_price: 30.005: more than 2 decimal places"
    ]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_text("code,name\n", encoding="utf-8")
    problems = _problems(path)
    assert len(problems) == 1 and "not an XLSX workbook" in problems[0]


@pytest.mark.parametrize(
    ("tiers", "expected"),
    [
        (["G101,1,300,2.61,0", "G101,3,,3.13,0"], "tiers.csv:3: band: G101: band 2 expected"),
        (
            ["G101,1,300,2.61,0", "G101,2,300,3.13,0", "G101,3,,3.92,0"],
            "tiers.csv:3: up_to_m3: must be above 300",
        ),
        (
            ["G101,1,300,2.61,0", "G101,2,600,3.13,0"],
            "tiers.csv:3: up_to_m3: the last band has no upper limit",
        ),
        (["G101,1,,2.61,0", "G101,2,,3.13,0"], "tiers.csv:2: up_to_m3: only the last band is open"),
        (
            ["S105,1,300,2.61,0", "S105,2,,3.13,0"],
            "tiers.csv:2: item_code: S105 is not gas by volume",
        ),
        (
            ["G999,1,300,2.61,0", "G999,2,,3.13,0"],
            "tiers.csv:2: item_code: G999 is not an item of the items file",
        ),
        (
            ["G101,1,300,2.61,120", "G101,2,600,3.13,60", "G101,3,,3.92,0"],
            "tiers.csv:3: uplift_per_person_m3: less than band 1's 120",
        ),
        (["G101,1,300,2.61,0"], "tiers.csv:2: band: G101: a tiered price needs 2 bands"),
        (["G101,1,300,2.610001,0", "G101,2,,3.13,0"], "more than 4 decimal places"),
    ],
    ids=[
        "gap",
        "not-rising",
        "closed-last",
        "open-early",
        "not-gas",
        "unknown",
        "uplift",
        "one",
        "decimals",
    ],
)
def test_bad_tier_bands_are_named(tmp_path, tiers, expected):
    items = _csv(tmp_path, [HEADER, *CLEAN])
    problems = _problems(items, _csv(tmp_path, [TIERS[0], *tiers], "tiers.csv"))
    assert any(expected in problem for problem in problems), problems


def test_a_hundred_thousand_rows_with_a_few_bad_ones_are_all_reported(tmp_path):
    lines = [HEADER] + [
        f"S{n:06d},服务项目{n},service_fee,次,{n % 900 + 1}.50,residential," for n in range(100_000)
    ]
    bad_rows = {1_001: "-1", 50_002: "１２", 99_999: "1.234"}
    for row, price in bad_rows.items():
        lines[row - 1] = f"B{row},坏行,service_fee,次,{price},residential,"
    started = time.perf_counter()
    problems = _problems(_csv(tmp_path, lines))
    assert time.perf_counter() - started < 60  # a sanity bound, not a benchmark
    assert [int(p.split(":")[1]) for p in problems] == sorted(bad_rows)


def test_the_header_of_a_schedule_is_checked():
    header = ScheduleHeader(
        "GAS 2027",
        "",
        "X价〔2026〕12号",
        "X市发改委",
        dt.date(2027, 1, 1),
        dt.date(2026, 12, 31),
        "02-29",
        0,
    )
    assert header_problems(header) == [
        "code: letters, digits, - or _",
        "title: required",
        "effective_to: before effective_from",
        "tier_year_start: day is out of range for month",
        "household_base: 1 to 20 people",
    ]


names = st.text(st.characters(whitelist_categories=("Lo",)), min_size=1, max_size=12)
items = st.builds(
    ImportedItem,
    code=st.from_regex(r"[A-Z][A-Z0-9]{1,6}", fullmatch=True),
    name=names,
    category=st.sampled_from([Category.SERVICE_FEE, Category.MATERIAL, Category.DEPOSIT]),
    unit=st.sampled_from(UNITS),
    unit_price=st.integers(1, 9_999_999).map(lambda n: Decimal(n).scaleb(-2)),
    customer_types=st.lists(st.sampled_from(CUSTOMER_TYPES), min_size=1, unique=True).map(tuple),
    note=st.one_of(st.just(""), names),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    generated=st.lists(items, min_size=1, max_size=8, unique_by=lambda i: i.code),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_export_then_import_gives_the_same_tariff(tmp_path, generated, suffix):
    tariff = ImportedTariff(tuple(generated), ())
    path = tmp_path / f"export{suffix}"
    write_tariff(tariff, path)
    assert read_tariff(path) == tariff


def test_export_with_tiers_round_trips(tmp_path):
    tariff = ImportedTariff(
        EXPECTED_ITEMS,
        (
            ImportedBand("G101", 1, Decimal(300), Decimal("2.61"), Decimal(60)),
            ImportedBand("G101", 2, None, Decimal("3.13"), Decimal(60)),
        ),
    )
    write_tariff(tariff, tmp_path / "t.csv")
    assert read_tariff(tmp_path / "t.csv", tmp_path / "t.tiers.csv") == tariff
    write_tariff(tariff, tmp_path / "t.xlsx")
    assert read_tariff(tmp_path / "t.xlsx") == tariff


def test_found_in_review_aliases_control_characters_units_and_band_order(tmp_path):
    lines = [
        HEADER,
        "G2,商业用气,燃气（按量）,m³,3.35,commercial,备注\x07响铃",
        "G1,居民生活用气,gas_volume,m³,2.61,residential,",
    ]
    tiers = [TIERS[0], "G2,1,300,3.35,0", "G2,2,,3.60,0", "G1,1,300,2.61,0", "G1,2,,3.13,0"]
    tariff = read_tariff(_csv(tmp_path, lines), _csv(tmp_path, tiers, "tiers.csv"))
    assert tariff.items[0].category is Category.GAS_VOLUME and tariff.items[0].note == "备注响铃"
    assert [band.item_code for band in tariff.bands] == ["G2", "G2", "G1", "G1"]  # file order
    write_tariff(tariff, tmp_path / "again.xlsx")
    assert read_tariff(tmp_path / "again.xlsx") == tariff
    wrong_unit = [HEADER, "G3,居民生活用气,gas_volume,户,2.61,residential,"]
    assert _problems(_csv(tmp_path, wrong_unit, "unit.csv")) == [
        "unit.csv:2: unit: '户': gas is priced per m³"
    ]


def test_a_damaged_workbook_is_one_problem(tmp_path):
    import zipfile

    path = _book(tmp_path / "t.xlsx", XLSX_ROWS)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet][: len(parts[sheet]) // 2]  # cut the sheet's XML in half
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    problems = _problems(path)
    assert len(problems) == 1 and "XLSX workbook" in problems[0]


def test_one_bad_band_row_is_not_reported_again_as_a_gap(tmp_path):
    items = _csv(tmp_path, [HEADER, *CLEAN])
    tiers = _csv(
        tmp_path,
        [TIERS[0], "G101,1,300,2.61,0", "G101,2,６００,3.13,0", "G101,3,,3.92,0"],
        "tiers.csv",
    )
    assert len(_problems(items, tiers)) == 1
