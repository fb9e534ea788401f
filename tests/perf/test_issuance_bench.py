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

import os
import statistics
import threading
import time
import uuid

import pytest

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
        issue_only, with_bytes = [], []
        for index in range(RECEIPTS):
            started = time.perf_counter()
            issued = issue_receipt(database, till.clerk, cash_request(cart))
            middle = time.perf_counter()
            mode = Mode.RASTER if index % 2 else Mode.NATIVE
            layout = receipt_layout(issued.record, HEADING, Paper.MM80, Copy())
            job_bytes(layout, JobOptions(mode, Charset.GB18030))
            done = time.perf_counter()
            issue_only.append(middle - started)
            with_bytes.append(done - started)
        print(f"\nSQLite, synchronous=FULL, {RECEIPTS} receipts of {len(ITEMS)} items")
        print(f"{'':<38} {'median ms':>10} {'p95 ms':>8}")
        for name, times in (("issuance (one transaction)", issue_only),
                            ("issuance + layout + ESC/POS bytes", with_bytes)):  # fmt: skip
            median, p95 = _ms(times)
            print(f"{name:<38} {median:>10.2f} {p95:>8.2f}")


def test_eight_counters_on_postgresql(pg_database_url):
    counters, per_counter = 8, RECEIPTS
    with migrated_database(pg_database_url) as database:
        till = open_till(database)
        cart = till.cart(*ITEMS)
        contexts = [till.context(counter=f"C{n:02d}") for n in range(1, counters + 1)]
        for context in contexts:  # warm the pool and the series rows
            issue_receipt(database, context, cash_request(cart))
        start = threading.Barrier(counters + 1)

        def run(context) -> None:
            start.wait()
            for _ in range(per_counter):
                issue_receipt(database, context, cash_request(cart, key=uuid.uuid4().hex))

        threads = [threading.Thread(target=run, args=(c,)) for c in contexts]
        for thread in threads:
            thread.start()
        start.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        total = counters * per_counter
        print(
            f"\nPostgreSQL, {counters} counters × {per_counter} receipts in threads of one process"
        )
        print(f"{total} receipts in {elapsed:.2f} s: {total / elapsed:,.0f} receipts/s")
