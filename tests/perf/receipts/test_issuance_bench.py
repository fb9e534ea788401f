"""Benchmark: issuing receipts (issue 6).

Run with ``pytest tests/perf/receipts/test_issuance_bench.py -s -p no:cacheprovider
--override-ini addopts=``.  Prints a table; asserts only that every receipt was issued.

- SQLite (WAL, synchronous=FULL): one counter, median and p95 per receipt of issuance
  and of issuance plus the layout and the ESC/POS bytes (raster and native) of its
  receipt.  Target: median ≤ 15 ms.
- PostgreSQL, on a cluster of its own with the durable settings a hall runs (not the
  suite's fsync=off one): one counter alone (median and p95 per receipt), then 8
  counters in 8 processes at once.  Target: ≥ 1,000 receipts per second in aggregate.
  In a hall each counter is its own PC and only the server is shared; here the 8
  counters and the server share this machine's cores, so the benchmark also measures
  the CPU time of each side per receipt, the server's from ``/proc`` (Linux), and
  prints what the server alone could carry on these cores.
- The counter's journal (issue 24): one counter issuing with and without its journal (a
  fsync'd line per receipt), the two alternating receipt by receipt, on SQLite and on the
  durable PostgreSQL; the journal is on this machine's disk, as on a counter PC.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from db.engine import Database
from hallclient.printing.escpos import Charset, JobOptions, Mode, job_bytes
from hallclient.printing.layout import Paper
from hallclient.printing.receipt_layout import Copy, receipt_layout
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.journal import CounterJournal
from tests.db.receipt_helpers import Till, cash_request, open_till
from tests.db_fixtures import migrated_database
from tests.perf.server_cpu import postmaster_pid, server_cpu_seconds
from tests.pg_cluster import PgCluster, PgUnavailableError
from tests.printing.samples import HEADING, PLACE

pytestmark = pytest.mark.perf
RECEIPTS = int(os.environ.get("HALLCLIENT_BENCH_RECEIPTS", "500"))
ITEMS = (("G101", "12.5"), ("S105", "1"))
UNTIERED = (("M101", "1"), ("S105", "1"))


def _ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95)] * 1000


def test_issuance_on_sqlite(sqlite_database_url):
    with migrated_database(sqlite_database_url) as database:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        till = open_till(database)
        times: dict[str, list[float]] = {"issuance (one transaction)": []}
        for index in range(RECEIPTS):
            cart = till.cart(*ITEMS)  # quoted anew: the tier year moved with the last one
            started = time.perf_counter()
            issued = issue_receipt(database, till.clerk, cash_request(cart))
            middle = time.perf_counter()
            mode = Mode.RASTER if index % 2 else Mode.NATIVE
            layout = receipt_layout(issued.record, PLACE, HEADING, Paper.MM80, Copy())
            job_bytes(layout, JobOptions(mode, Charset.GB18030))
            done = time.perf_counter()
            times["issuance (one transaction)"].append(middle - started)
            times.setdefault(f"issuance + layout + {mode} bytes", []).append(done - started)
        print(f"\nSQLite, synchronous=FULL, {RECEIPTS} receipts of {len(ITEMS)} items")
        print(f"{'':<38} {'median ms':>10} {'p95 ms':>8}")
        for name, values in times.items():
            median, p95 = _ms(values)
            print(f"{name:<38} {median:>10.2f} {p95:>8.2f}")


@pytest.fixture(scope="module")
def durable_cluster() -> Iterator[PgCluster]:
    """A server as a hall runs it (fsync and synchronous commit on), not the suite's fast one."""
    try:
        cluster = PgCluster(durable=True)
    except PgUnavailableError as error:
        pytest.skip(str(error))
    with cluster:
        yield cluster


@contextmanager
def _till_on(cluster: PgCluster) -> Iterator[tuple[str, Till]]:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    url = cluster.create_database(name)
    try:
        with migrated_database(url) as database:
            yield url, open_till(database)
    finally:
        cluster.drop_database(name)


def test_one_counter_on_postgresql(durable_cluster):
    """A counter alone: what the clerk waits for, and how many one counter PC can issue."""
    with _till_on(durable_cluster) as (_url, till):
        issue_receipt(till.database, till.clerk, cash_request(till.cart(*ITEMS)))  # warm up
        times = []
        for _ in range(RECEIPTS):
            cart = till.cart(*ITEMS)  # quoted anew: the tier year moved with the last one
            started = time.perf_counter()
            issue_receipt(till.database, till.clerk, cash_request(cart, key=uuid.uuid4().hex))
            times.append(time.perf_counter() - started)
    median, p95 = _ms(times)
    print(f"\nPostgreSQL (durable), one counter alone, {RECEIPTS} receipts")
    print(
        f"issuance median {median:.2f} ms, p95 {p95:.2f} ms: "
        f"one counter issues up to {1000 / median:,.0f} receipts/s"
    )


def _counter(url: str, context, cart, count: int, barriers, results) -> None:  # type: ignore[no-untyped-def]
    """One counter PC: its own process and connection pool; it stays connected to the end,
    so that its server process is still there when the server's CPU time is read."""
    ready, go, end = barriers
    database = Database.connect(url)
    try:
        issue_receipt(database, context, cash_request(cart))  # warm the pool and the series
        ready.wait()
        go.wait()
        cpu, times = time.process_time(), []
        for _ in range(count):
            began = time.perf_counter()
            issue_receipt(database, context, cash_request(cart, key=uuid.uuid4().hex))
            times.append(time.perf_counter() - began)
        results.put((times, time.process_time() - cpu))
        end.wait()
    finally:
        database.dispose()


def test_eight_counters_on_postgresql(durable_cluster):
    """8 counters at once; the server's CPU time is measured apart from the counters'."""
    counters, per_counter, spawn = 8, RECEIPTS, multiprocessing.get_context("spawn")
    barriers = tuple(spawn.Barrier(counters + 1, timeout=600) for _ in range(3))
    results = spawn.Queue()
    with _till_on(durable_cluster) as (url, till):
        # one account for all 8 counters: tiered gas would be refused as overtaken (the
        # volume moved), so the aggregate is measured on untiered lines
        cart = till.cart(*UNTIERED)
        runs = [
            spawn.Process(
                target=_counter,
                args=(url, till.context(counter=f"C{n:02d}"), cart, per_counter, barriers, results),
            )
            for n in range(1, counters + 1)
        ]
        for run in runs:
            run.start()
        try:
            measured = _measure(postmaster_pid(durable_cluster), barriers, results, counters)
        except BaseException:
            for barrier in barriers:
                barrier.abort()  # a counter that failed must not leave the others waiting
            raise
        finally:
            for run in runs:
                run.join(timeout=60)
    _print_counters(counters, per_counter, *measured)


def _measure(server: int, barriers, results, counters: int):  # type: ignore[no-untyped-def]
    """Elapsed time, each counter's latencies and CPU, and the server's CPU, from go to end."""
    ready, go, end = barriers
    ready.wait()  # every counter has warmed up: the server is idle now
    server_cpu = server_cpu_seconds(server)
    go.wait()
    began = time.perf_counter()
    finished = [results.get(timeout=600) for _ in range(counters)]
    elapsed = time.perf_counter() - began
    server_cpu = server_cpu_seconds(server) - server_cpu
    end.wait()
    return elapsed, finished, server_cpu


def _print_counters(counters, per_counter, elapsed, finished, server_cpu) -> None:  # type: ignore[no-untyped-def]
    total, cores = counters * per_counter, len(os.sched_getaffinity(0))
    median, p95 = _ms([t for times, _ in finished for t in times])
    client_ms = sum(cpu for _, cpu in finished) / total * 1000
    server_ms = server_cpu / total * 1000
    print(
        f"\nPostgreSQL (durable), {counters} counters (processes) × {per_counter} receipts; "
        f"{cores} CPU cores shared by the counters and the server"
    )
    print(f"{'all together on this machine':<36} {total / elapsed:>8,.0f} receipts/s")
    print(f"{'a counter waits, median / p95':<36} {median:>8.2f} / {p95:.2f} ms")
    print(f"{'counter CPU per receipt':<36} {client_ms:>8.2f} ms")
    print(f"{'server CPU per receipt':<36} {server_ms:>8.2f} ms")
    bound = cores * 1000 / server_ms
    print(
        f"{'the server alone, bound by its CPU':<36} {bound:>8,.0f} receipts/s "
        f"(an upper bound: {cores} cores, WAL flushes and lock waits not counted)"
    )


def _with_and_without_journal(till: Till, journal: CounterJournal) -> None:
    """Receipts issued alternately with and without the journal: each median and p95."""
    issue_receipt(till.database, till.clerk, cash_request(till.cart(*ITEMS)), journal)  # warm
    times: dict[str, list[float]] = {"without the journal": [], "with the journal": []}
    for index in range(RECEIPTS * 2):
        kept = journal if index % 2 else None
        cart = till.cart(*ITEMS)  # quoted anew: the tier year moved with the last one
        started = time.perf_counter()
        issue_receipt(till.database, till.clerk, cash_request(cart), kept)
        times["with the journal" if kept else "without the journal"].append(
            time.perf_counter() - started
        )
    print(f"{'':<24} {'median ms':>10} {'p95 ms':>8}")
    for name, values in times.items():
        median, p95 = _ms(values)
        print(f"{name:<24} {median:>10.2f} {p95:>8.2f}")


def test_the_counter_journal_on_sqlite(sqlite_database_url, tmp_path):
    with migrated_database(sqlite_database_url) as database:
        print(f"\nSQLite, synchronous=FULL, {RECEIPTS} receipts each way")
        _with_and_without_journal(open_till(database), CounterJournal(tmp_path / "journal"))


def test_the_counter_journal_on_postgresql(durable_cluster, tmp_path):
    with _till_on(durable_cluster) as (_url, till):
        print(f"\nPostgreSQL (durable), one counter, {RECEIPTS} receipts each way")
        _with_and_without_journal(till, CounterJournal(tmp_path / "journal"))
