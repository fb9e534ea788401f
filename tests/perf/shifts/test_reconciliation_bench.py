"""Benchmark: a business day of 50,000 receipts at 8 counters (issue 7).

Run with ``pytest tests/perf/shifts/test_reconciliation_bench.py -s -p no:cacheprovider
--override-ini addopts=`` (``HALLCLIENT_BENCH_DAY`` changes the number of receipts).
On SQLite and PostgreSQL: the reconciliation summary (the manager's overview of the
day: every shift's figures by method and category), the day report PDF and the XLSX
export of the day.  Targets: summary ≤ 300 ms, PDF ≤ 3 s, XLSX ≤ 5 s.  Prints a
table; asserts only that the figures cover every receipt.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

from db.domain import Role
from hallclient.printing.pdf import register_font
from hallclient.reports.day_data import day_report
from hallclient.reports.day_pdf import day_report_pdf
from hallclient.reports.export_xlsx import export_days
from hallclient.shifts.manager import hall_day
from tests.db.receipt_helpers import open_till
from tests.perf.day_builder import build_day
from tests.printing.samples import HEADING

pytestmark = pytest.mark.perf
RECEIPTS = int(os.environ.get("HALLCLIENT_BENCH_DAY", "50000"))


def _timed(call, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_a_day_of_receipts(database, backend, tmp_path):
    till = open_till(database)
    began = time.perf_counter()
    build_day(till, RECEIPTS)
    built = time.perf_counter() - began
    boss = till.context(Role.SHIFT_MANAGER, counter="C99")
    day = boss.today()
    register_font()
    summary_s, summary = _timed(lambda: hall_day(database, boss, day), 5)
    assert summary.receipts + summary.voids >= RECEIPTS
    pdf_s, pdf = _timed(lambda: day_report_pdf(day_report(database, boss, day), HEADING), 3)
    xlsx_s, exported = _timed(
        lambda: export_days(database, boss, day, day, tmp_path / "day.xlsx"), 1
    )
    assert exported.receipts >= RECEIPTS
    print(
        f"\n{backend}: a day of {RECEIPTS:,} receipts at 8 counters (built in {built:.1f} s), "
        f"{os.cpu_count()} CPU cores"
    )
    print(f"{'':<40} {'median':>10} {'target':>8}")
    for name, seconds, target in (
        ("reconciliation summary (all shifts)", summary_s, "0.300"),
        (f"day report PDF ({len(pdf) // 1024} KiB)", pdf_s, "3"),
        ("XLSX export of the day", xlsx_s, "5"),
    ):
        print(f"{name:<40} {seconds:>9.3f}s {target:>7}s")
