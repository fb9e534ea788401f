"""``hallclient tariff …`` end to end: import, review, approve by two people, quote, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.cli_helpers import first_login, lines, run_cli

ITEMS = """code,name,category,unit,unit_price,customer_types,note
G101,居民生活用气,gas_volume,m³,2.7500,residential,
S105,过户费,service_fee,户,35.00,residential;commercial;industrial;public_institution,
"""
TIERS = """item_code,band,up_to_m3,unit_price,uplift_per_person_m3
G101,1,300,2.75,60
G101,2,,3.30,60
"""
NEW_PASSWORD = {"9001": "Admin-Works-77", "2001": "Manager-Signs-77"}
AS_ADMIN = lines("9001", NEW_PASSWORD["9001"])  # what a script pipes for a command that writes


@pytest.fixture
def demo_url(capsys, database_url) -> str:
    assert run_cli(capsys, database_url, "demo", "--accounts", "20")[0] == 0
    for employee_no, password in NEW_PASSWORD.items():  # their first login is done
        first_login(database_url, employee_no, f"demo{employee_no}", password)
    return database_url


def _files(folder: Path) -> tuple[str, str]:
    (folder / "items.csv").write_bytes(ITEMS.encode("utf-8"))
    (folder / "tiers.csv").write_bytes(TIERS.encode("utf-8"))
    return str(folder / "items.csv"), str(folder / "tiers.csv")


HEADER = [
    "--code",
    "GAS-2027",
    "--title",
    "2027年收费标准",
    "--doc-no",
    "测价〔2026〕9号",
    "--issuing-body",
    "测试市发改委",
    "--from",
    "2027-01-01",
]


def _approve(capsys, url: str) -> tuple[int, str, str]:
    passwords = lines(NEW_PASSWORD["9001"], NEW_PASSWORD["2001"])
    argv = ("tariff", "approve", "GAS-2027", "--admin", "9001", "--approver", "2001")
    return run_cli(capsys, url, *argv, stdin=passwords)


def test_a_bad_file_writes_nothing_and_says_why(capsys, demo_url, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(ITEMS.replace("35.00", "３５").encode("utf-8"))
    code, _, err = run_cli(capsys, demo_url, "tariff", "import", str(bad), *HEADER, stdin=AS_ADMIN)
    assert code == 2 and "bad.csv:3: unit_price" in err and "Traceback" not in err
    assert "GAS-2027" not in run_cli(capsys, demo_url, "tariff", "list")[1]


def test_import_review_approve_quote_and_export(capsys, demo_url, tmp_path):
    items, tiers = _files(tmp_path)
    code, out, _ = run_cli(
        capsys, demo_url, "tariff", "import", items, "--tiers", tiers, *HEADER, "--dry-run"
    )
    assert code == 0 and "2 items, 2 tier bands, 0 late-fee rules, valid" in out
    assert "nothing written" in out
    code, out, _ = run_cli(
        capsys, demo_url, "tariff", "import", items, "--tiers", tiers, *HEADER, stdin=AS_ADMIN
    )
    assert code == 0 and "draft" in out and "changed" in out and "removed" in out
    code, _, err = _approve(capsys, demo_url)
    assert code == 2 and "overlap" in err and "DEMO-2026" in err  # the demo schedule is open
    ending = ("tariff", "end", "DEMO-2026", "2026-12-31", "--admin", "9001")
    assert run_cli(capsys, demo_url, *ending, stdin=lines(NEW_PASSWORD["9001"]))[0] == 0
    code, out, _ = _approve(capsys, demo_url)
    assert code == 0 and "approved by 9001 with 2001" in out
    code, out, _ = run_cli(capsys, demo_url, "tariff", "quote", "S105", "2", "--on", "2027-03-01")
    assert code == 0 and "测价〔2026〕9号" in out and "total ￥70.00" in out
    export = tmp_path / "out.xlsx"
    assert run_cli(capsys, demo_url, "tariff", "export", "GAS-2027", str(export))[0] == 0
    code, out, _ = run_cli(capsys, demo_url, "tariff", "list")
    assert "GAS-2027" in out and "approved" in out and "2026-12-31" in out
