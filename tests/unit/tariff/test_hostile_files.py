"""Hostile tariff files are refused, each with one problem that says why; exports cannot
attack the spreadsheet that opens them, and the hostile names come back intact."""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from hallclient.tariff.file_checks import Limits, SheetError, decode
from hallclient.tariff.importing import (
    ImportedItem,
    ImportedTariff,
    TariffImportError,
    read_tariff,
    write_tariff,
)
from hallclient.tariff.rules import Category
from hallclient.tariff.sheets import read_csv, write_csv
from tests.hostile_files import Builder, Table, hostile_files, zip_bomb

ITEMS = Table(
    header=["code", "name", "category", "unit", "unit_price", "customer_types", "note"],
    row=["S105", "过户费", "service_fee", "户", "30.00", "residential", ""],
    number_column="unit_price",
    too_precise=30.005,
)
REPO = Path(__file__).resolve().parents[3]


@hostile_files
def test_a_hostile_file_is_refused_with_one_problem_that_says_why(tmp_path, build: Builder):
    path, expected = build(tmp_path, ITEMS)
    with pytest.raises(TariffImportError) as caught:  # the time: the zip bomb's test below
        read_tariff(path)
    text = "\n".join(str(problem) for problem in caught.value.problems)
    assert all(part in text for part in expected), text
    assert len(text) < 600  # every value cut, nothing pasted in full


MEASURE = """
import resource, sys, time
from pathlib import Path
import openpyxl  # loaded before the measure: only the reading counts
from hallclient.tariff.importing import TariffImportError, read_tariff
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    read_tariff(Path(sys.argv[1]))
except TariffImportError as error:
    print(error.problems[0])
print(time.perf_counter() - started)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""


def test_the_zip_bomb_is_refused_within_5_seconds_and_200_mb(tmp_path):
    bomb, _ = zip_bomb(tmp_path, ITEMS)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(bomb)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    problem, seconds, megabytes = done.stdout.splitlines()
    assert "unpacks to 400.0 MB" in problem, done.stdout
    assert float(seconds) < 5 and float(megabytes) < 200, done.stdout


def test_reading_stops_at_the_time_limit(tmp_path):
    path = tmp_path / "slow.csv"
    path.write_text("code,name\r\nS1,x\r\n", encoding="utf-8")
    with pytest.raises(SheetError, match=r"slow.csv:1: \(file\): still reading after"):
        read_csv(path, Limits(seconds=-1))


def test_a_workbook_price_keeps_every_approved_decimal(tmp_path):
    book = Workbook()
    book.active.title = "items"
    book.active.append(ITEMS.header)
    book.active.append(["G101", "居民生活用气", "gas_volume", "m³", 2.881, "residential", None])
    book.save(tmp_path / "t.xlsx")
    assert read_tariff(tmp_path / "t.xlsx").items[0].unit_price == Decimal("2.881")


HOSTILE_NAMES = ["+cmd|' /C calc'!A0", "=1+1", "@SUM(A1)", "-2+3", "'=already quoted", "'plain"]


def _hostile_tariff() -> ImportedTariff:
    return ImportedTariff(
        tuple(
            ImportedItem(
                f"S{n}", name, Category.SERVICE_FEE, "次", Decimal("30.00"), ("residential",), name
            )
            for n, name in enumerate(HOSTILE_NAMES)
        ),
        (),
    )


def test_a_csv_export_neutralises_formulas_and_imports_back_the_same_names(tmp_path):
    tariff = _hostile_tariff()
    write_tariff(tariff, tmp_path / "t.csv")
    names = [row[1] for row in _cells(tmp_path / "t.csv")[1:]]
    assert names == [
        "'+cmd|' /C calc'!A0",
        "'=1+1",
        "'@SUM(A1)",
        "'-2+3",
        "''=already quoted",
        "'plain",
    ]
    assert read_tariff(tmp_path / "t.csv") == tariff


def test_numbers_stay_numbers_and_tabs_are_neutralised_too(tmp_path):
    path = tmp_path / "n.csv"
    write_csv(path, ["a", "b", "c"], [[Decimal("-2.50"), "\tTAB", "\rCR"]])
    assert _cells(path)[1] == ["-2.50", "'\tTAB", "'\rCR"]


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_an_xlsx_export_writes_the_hostile_names_as_text(tmp_path):
    tariff = _hostile_tariff()
    write_tariff(tariff, tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx")["items"]
    names = [sheet.cell(row, 2) for row in range(2, 2 + len(HOSTILE_NAMES))]
    assert [(cell.value, cell.data_type) for cell in names] == [
        (name, "s") for name in HOSTILE_NAMES
    ]
    assert read_tariff(tmp_path / "t.xlsx") == tariff


def test_a_formula_in_a_csv_file_is_still_refused(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(",".join(ITEMS.header) + "\r\nS1,=1+1,service_fee,次,1,residential,\r\n")
    with pytest.raises(TariffImportError, match=r"f\.csv:2: name: a formula"):
        read_tariff(path)


@pytest.mark.parametrize(
    "text",
    [
        "商业用气,第一档,丝扣,为止,之后,也是,习惯,亩,伞,位,住",
        "一业丝为么之也习些亩,居民用气\r\n" * 200,
    ],
    ids=["tariff-words", "accidental-utf8-pairs"],
)
def test_gbk_text_whose_pairs_happen_to_be_utf8_is_still_gbk(text):
    # about one GBK character in eleven (业, 一, 为 …) is also a valid two-byte UTF-8 letter
    assert decode(text.encode("gbk"), "g.csv") == text


def test_a_stray_byte_before_any_chinese_is_still_named(tmp_path):
    data = b"code,name\r\n\xe9S1," + "居民生活用气".encode() + b"\r\n"
    with pytest.raises(
        SheetError, match=r"g.csv:2: .*byte 0xE9 at byte offset 11 is not valid in UTF-8"
    ):
        decode(data, "g.csv")


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(st.text(alphabet="=+-@'|!A1中", min_size=1, max_size=8), min_size=1))
def test_any_name_of_quotes_and_formula_signs_round_trips_through_csv(tmp_path, names):
    tariff = ImportedTariff(
        tuple(
            ImportedItem(f"S{n}", name, Category.MATERIAL, "米", Decimal(1), ("residential",), "")
            for n, name in enumerate(names)
        ),
        (),
    )
    write_tariff(tariff, tmp_path / "h.csv")
    assert all(row[1][:1] not in "=+-@" for row in _cells(tmp_path / "h.csv")[1:])
    assert read_tariff(tmp_path / "h.csv") == tariff
