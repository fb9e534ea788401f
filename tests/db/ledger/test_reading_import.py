"""The meter readers' file: every problem listed by row and column, nothing written
when one row is wrong, in UTF-8, GBK and XLSX, with Chinese headers; meter changes and
rollovers count from their start reading."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.models import MeterReading
from hallclient.access.permissions import PermissionDeniedError
from hallclient.ledger.reading_files import ReadingFileError
from hallclient.ledger.reading_import import import_readings
from hallclient.uow import UnitOfWork
from tests.db.ledger.ledger_till import BILLED_NO, LedgerTill, ledger_till
from tests.db.ledger_helpers import add_ledger_account
from tests.hostile_files import Builder, Table, hostile_files

HEADER = "account_no,meter_no,reading,read_on,reader,kind,start_reading,old_final"
SECOND, CLOSED = "1028100778", "1028100779"
CLEAN = [  # both accounts were read on 2026-10-01 at 1000 m³ (see the fixture)
    f"{BILLED_NO},211906000777,1120.5,2026-11-01,R07,,,",
    f"{SECOND},211906000778,1030,2026/11/01,张师傅,,,",
]


@pytest.fixture
def ledger(database, tmp_path) -> LedgerTill:
    till = ledger_till(database)
    add_ledger_account(database, account_no=SECOND, meter_no="211906000778")
    add_ledger_account(database, account_no=CLOSED, meter_no="211906000779", status="closed")
    opening = tmp_path / "opening"
    opening.mkdir()
    till.read(
        opening,
        (BILLED_NO, "211906000777", "1000", "2026-10-01"),
        (SECOND, "211906000778", "1000", "2026-10-01"),
    )
    return till


def _file(folder: Path, lines: list[str], encoding: str = "utf-8", name: str = "r.csv") -> Path:
    path = folder / name
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _with(row: int, column: str, value: str) -> list[str]:
    lines = [HEADER, *CLEAN]
    cells = lines[row - 1].split(",")
    cells[HEADER.split(",").index(column)] = value
    lines[row - 1] = ",".join(cells)
    return lines


def _count(ledger: LedgerTill) -> int:
    with UnitOfWork(ledger.database) as uow:
        return uow.session.scalar(select(func.count()).select_from(MeterReading)) or 0


def _problems(ledger: LedgerTill, path: Path) -> list[str]:
    before = _count(ledger)
    with pytest.raises(ReadingFileError) as caught:
        import_readings(ledger.database, ledger.admin, path)
    assert _count(ledger) == before  # nothing written
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_clean_file_records_every_reading(ledger, tmp_path, encoding):
    done = import_readings(
        ledger.database, ledger.admin, _file(tmp_path, [HEADER, *CLEAN], encoding)
    )
    assert (done.readings, done.consumption, dict(done.kinds)) == (
        2,
        Decimal("150.5"),
        {"regular": 2},
    )
    assert _count(ledger) == 4


def test_a_dry_run_checks_and_writes_nothing(ledger, tmp_path):
    done = import_readings(
        ledger.database, ledger.admin, _file(tmp_path, [HEADER, *CLEAN]), dry_run=True
    )
    assert done.readings == 2 and _count(ledger) == 2


def test_chinese_headers_and_an_xlsx_file(ledger, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["户号", "表号", "读数", "抄表日期", "抄表员"])
    sheet.append([int(BILLED_NO), 211906000777, 1100, dt.datetime(2026, 11, 1), "R07"])
    path = tmp_path / "抄表.xlsx"
    book.save(path)
    assert import_readings(ledger.database, ledger.admin, path).consumption == 100


@pytest.mark.parametrize(
    ("row", "column", "value", "expected"),
    [
        (2, "reading", "１２.５", "full-width digits"),
        (2, "reading", "-5", "below zero"),
        (2, "reading", "abc", "not a number"),
        (2, "reading", "", "required"),
        (2, "reading", "1120.0005", "more than 3 decimal places"),
        (2, "read_on", "2026-02-30", "no such day"),
        (2, "read_on", "11/01/2026", "a date like"),
        (2, "account_no", "10281 00777", "letters, digits"),
        (2, "meter_no", "", "required"),
        (2, "reader", "", "required"),
        (2, "kind", "更换", "换表"),
        (2, "reading", "=A1*2", "formula"),
    ],
)
def test_each_bad_cell_is_named_by_row_and_column(ledger, tmp_path, row, column, value, expected):
    problems = _problems(ledger, _file(tmp_path, _with(row, column, value)))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"r.csv:{row}: {column}: ") and expected in problems[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("9999999999,211906000777,1120,2026-11-01,R07,,,", "no such account"),
        (f"{CLOSED},211906000779,1120,2026-11-01,R07,,,", "closed"),
        (f"{BILLED_NO},211906000999,1120,2026-11-01,R07,,,", "is not the account's"),
        (f"{BILLED_NO},211906000777,900,2026-11-01,R07,,,", "below the last 1000"),
        (f"{BILLED_NO},211906000777,1120,2026-09-30,R07,,,", "not after the last reading"),
        (f"{BILLED_NO},211906000777,1120,2099-01-01,R07,,,", "in the future"),
        (f"{BILLED_NO},211906000777,20,2026-11-01,R07,换表,0,", "to the same meter"),
        (f"{BILLED_NO},211906000999,20,2026-11-01,R07,换表,,", "needs the start reading"),
        (f"{BILLED_NO},211906000777,1120,2026-11-01,R07,,5,", "needs a meter change"),
        (f"{BILLED_NO},211906000777,50,2026-11-01,R07,归零,0,900", "below 1000"),
    ],
)
def test_a_reading_its_account_refuses_rolls_the_file_back(ledger, tmp_path, line, expected):
    problems = _problems(ledger, _file(tmp_path, [HEADER, CLEAN[1], line]))
    assert len(problems) == 1 and problems[0].startswith("r.csv:3: reading: "), problems
    assert expected in problems[0]


def test_every_problem_is_listed_at_once(ledger, tmp_path):
    lines = [
        HEADER,
        *CLEAN,
        CLEAN[0],
        "9999999999,X1,10,2026-11-01,R07,,,",
        f"{SECOND},211906000778,abc,2026-13-01,R07,,,",
        "1,2,3",
    ]
    problems = _problems(ledger, _file(tmp_path, lines))
    assert [p.split(": ")[0:2] for p in problems] == [
        ["r.csv:4", "account_no"],
        ["r.csv:5", "reading"],
        ["r.csv:6", "reading"],
        ["r.csv:6", "read_on"],
        ["r.csv:7", "(row)"],
    ]


def test_a_meter_change_and_a_rollover_count_from_the_start_reading(ledger, tmp_path):
    lines = [
        HEADER,
        f"{BILLED_NO},211906000900,20,2026-11-01,R07,换表,0,1012",
        f"{SECOND},211906000778,50,2026-11-01,R07,归零,0,9999.999",
    ]
    done = import_readings(ledger.database, ledger.admin, _file(tmp_path, lines))
    assert done.consumption == Decimal("32") + Decimal("9049.999")
    assert dict(done.kinds) == {"meter_change": 1, "rollover": 1}
    second = [HEADER, f"{BILLED_NO},211906000900,30,2026-11-20,R07,,,"]
    assert import_readings(ledger.database, ledger.admin, _file(tmp_path, second)).consumption == 10


def test_files_that_are_not_readings_are_refused_as_a_whole(ledger, tmp_path):
    for content, expected in (
        ("户号,读数".encode("utf-16"), "not a text file"),
        (b"", "empty: no header row"),
        (HEADER.encode(), "no data rows: the file has only its header"),
    ):
        path = tmp_path / "r.csv"
        path.write_bytes(content)
        problems = _problems(ledger, path)
        assert len(problems) == 1 and expected in problems[0], problems


def test_only_an_administrator_imports_readings(ledger, tmp_path):
    with pytest.raises(PermissionDeniedError):
        import_readings(ledger.database, ledger.till.clerk, _file(tmp_path, [HEADER, *CLEAN]))


READINGS = Table(
    header=HEADER.split(","),
    row=CLEAN[1].split(","),
    number_column="reading",
    too_precise=1120.0005,
)


@hostile_files
def test_a_hostile_readings_file_is_refused_and_writes_nothing(ledger, tmp_path, build: Builder):
    path, expected = build(tmp_path, READINGS)
    text = "\n".join(_problems(ledger, path))
    assert all(part in text for part in expected), text
