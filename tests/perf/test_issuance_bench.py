"""Benchmark: issuing receipts (issue 6).

Run with ``pytest tests/perf/test_issuance_bench.py -s -p no:cacheprovider
--override-ini addopts=``.  Prints a table; asserts only that every receipt was issued.

- SQLite (WAL, synchronous=FULL): one counter, median and p95 per receipt of issuance
  and of issuance plus the layout and the ESC/POS bytes (raster and native) of its
  receipt.  Target: median ≤ 15 ms.
- PostgreSQL: 8 counters issuing in 8 threads at once, aggregate receipts per second.
  Target: ≥ 1,000 per second.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
import uuid

import pytest

from db.engine import Database
from hallclient.printing.escpos import Charset, JobOptions, Mode, job_bytes
from hallclient.printing.layout import Paper
from hallclient.printing.receipt_layout import Copy, receipt_layout
from hallclient.receipts.issue import issue_receipt
from tests.db.receipt_helpers import cash_request, open_till
from tests.db_fixtures import migrated_database
from tests.printing.samples import HEADING

pytestmark = pytest.mark.perf
RECEIPTS = int(os.environ.get("HALLCLIENT_BENCH_RECEIPTS", "500"))
ITEMS = (("G101", "12.5"), ("S105", "1"))


def _ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95)] * 1000


def test_issuance_on_sqlite(sqlite_database_url):
    with migrated_database(sqlite_database_url) as database:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        till = open_till(database)
        cart = till.cart(*ITEMS)
        times: dict[str, list[float]] = {"issuance (one transaction)": []}
        for index in range(RECEIPTS):
            started = time.perf_counter()
            issued = issue_receipt(database, till.clerk, cash_request(cart))
            middle = time.perf_counter()
            mode = Mode.RASTER if index % 2 else Mode.NATIVE
            layout = receipt_layout(issued.record, HEADING, Paper.MM80, Copy())
            job_bytes(layout, JobOptions(mode, Charset.GB18030))
            done = time.perf_counter()
            times["issuance (one transaction)"].append(middle - started)
            times.setdefault(f"issuance + layout + {mode} bytes", []).append(done - started)
        print(f"\nSQLite, synchronous=FULL, {RECEIPTS} receipts of {len(ITEMS)} items")
        print(f"{'':<38} {'median ms':>10} {'p95 ms':>8}")
        for name, values in times.items():
            median, p95 = _ms(values)
            print(f"{name:<38} {median:>10.2f} {p95:>8.2f}")


def _counter(url: str, context, cart, count: int, barrier, results) -> None:  # type: ignore[no-untyped-def]
    """One counter PC: its own process and connection pool."""
    database = Database.connect(url)
    try:
        issue_receipt(database, context, cash_request(cart))  # warm the pool and the series
        barrier.wait()
        began = time.perf_counter()
        for _ in range(count):
            issue_receipt(database, context, cash_request(cart, key=uuid.uuid4().hex))
        results.put((began, time.perf_counter()))
    finally:
        database.dispose()


def test_eight_counters_on_postgresql(pg_database_url):
    counters, per_counter = 8, RECEIPTS
    spawn = multiprocessing.get_context("spawn")
    with migrated_database(pg_database_url) as database:
        till = open_till(database)
        cart = till.cart(*ITEMS)
        barrier, results = spawn.Barrier(counters), spawn.Queue()
        runs = [
            spawn.Process(
                target=_counter,
                args=(
                    pg_database_url,
                    till.context(counter=f"C{n:02d}"),
                    cart,
                    per_counter,
                    barrier,
                    results,
                ),
            )
            for n in range(1, counters + 1)
        ]
        for run in runs:
            run.start()
        spans = [results.get(timeout=600) for _ in runs]
        for run in runs:
            run.join()
        elapsed = max(end for _, end in spans) - min(began for began, _ in spans)
        total = counters * per_counter
        print(
            f"\nPostgreSQL, {counters} counters (processes) × {per_counter} receipts, "
            f"{os.cpu_count()} CPU cores for clients and server together"
        )
        print(f"{total} receipts in {elapsed:.2f} s: {total / elapsed:,.0f} receipts/s")
