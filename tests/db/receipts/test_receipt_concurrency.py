"""Many counters issuing at once, aborts and killed connections: numbers stay gapless.

On PostgreSQL, 8 counters × 500 payments in threads, 10% of transactions aborted after
drawing their number, and a killer terminating random server connections throughout;
each payment is retried with its key until it lands.  On SQLite, 4 processes on one
file.  Afterwards every series runs 1..N with one receipt per number, each with its
lines, payments and one print job, and the verifier passes.
"""

from __future__ import annotations

import multiprocessing
import random
import threading
import uuid
from collections import Counter as Tally
from contextlib import suppress

import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from db.engine import Database
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment
from hallclient.context import Context
from hallclient.errors import DatabaseUnavailableError
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import PaymentRequest, check_request, issue_receipt, stage_receipt
from hallclient.receipts.verify import check_all
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import cash_request, open_till
from tests.db_fixtures import migrated_database

ABORTED = 0.10
ITEMS = (("S105", "1"), ("M101", "1"))


def _pay(database: Database, context: Context, request: PaymentRequest, rng: random.Random) -> None:
    """One payment as the counter makes it: maybe an aborted try, then retries until it lands."""
    if rng.random() < ABORTED:
        with suppress(DatabaseUnavailableError), UnitOfWork(database, write=True) as uow:
            stage_receipt(uow, context, request, check_request(request))  # drawn, rolled back
    while True:
        try:
            issue_receipt(database, context, request)
            return
        except DatabaseUnavailableError:
            continue  # a killed connection: the outcome is unknown, the key makes it safe


def _counter_run(
    database: Database, context: Context, cart: Cart, payments: int, seed: int
) -> None:
    rng = random.Random(seed)
    for _ in range(payments):
        _pay(database, context, cash_request(cart), rng)


def _assert_whole(database: Database, series: int, payments: int) -> None:
    verification = check_all(database)
    assert verification.first_fault is None
    assert [check.receipts for check in verification.series] == [payments] * series
    with UnitOfWork(database) as uow:
        session = uow.session
        numbers = session.execute(select(Receipt.series, Receipt.number)).all()
        jobs = Tally(session.scalars(select(PrintJob.receipt_id)))
        lines = session.scalar(select(func.count()).select_from(ReceiptLine))
        paid = session.scalar(select(func.count()).select_from(ReceiptPayment))
    by_series = Tally(code for code, _ in numbers)
    assert sorted(by_series.values()) == [payments] * series
    for code in by_series:
        assert sorted(n for s, n in numbers if s == code) == list(range(1, payments + 1))
    assert len(jobs) == len(numbers) and set(jobs.values()) == {1}
    assert (lines, paid) == (2 * len(numbers), len(numbers))


def _killer(url: str, stop: threading.Event) -> int:
    """Terminate a random other connection to the test database every few milliseconds."""
    parts = make_url(url)
    conninfo = f"host={parts.host} port={parts.port} dbname={parts.database} user={parts.username}"
    killed, rng = 0, random.Random(9)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        while not stop.wait(rng.uniform(0.02, 0.08)):
            pids = [
                row[0]
                for row in conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    " AND pid <> pg_backend_pid() AND state IS NOT NULL"
                )
            ]
            if pids:
                conn.execute("SELECT pg_terminate_backend(%s)", (rng.choice(pids),))
                killed += 1
    return killed


def test_eight_counters_on_postgresql_with_aborts_and_killed_connections(pg_database_url):
    counters, payments = 8, 500
    with migrated_database(pg_database_url) as database:
        till = open_till(database)
        cart = till.cart(*ITEMS)
        contexts = [till.context(counter=f"C{n:02d}") for n in range(1, counters + 1)]
        stop, kills = threading.Event(), []
        killer = threading.Thread(target=lambda: kills.append(_killer(pg_database_url, stop)))
        killer.start()
        workers = [
            threading.Thread(target=_counter_run, args=(database, context, cart, payments, n))
            for n, context in enumerate(contexts, start=1)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        stop.set()
        killer.join()
        assert kills[0] > 10  # the killer did kill
        _assert_whole(database, counters, payments)


def _process_run(url: str, context: Context, cart: Cart, payments: int, seed: int) -> None:
    database = Database.connect(url)
    try:
        _counter_run(database, context, cart, payments, seed)
    finally:
        database.dispose()


def test_four_processes_on_one_sqlite_file(sqlite_database_url):
    processes, payments = 4, 150
    with migrated_database(sqlite_database_url) as database:
        till = open_till(database)
        cart = till.cart(*ITEMS)
        spawn = multiprocessing.get_context("spawn")
        runs = [
            spawn.Process(
                target=_process_run,
                args=(sqlite_database_url, till.context(counter=f"C{n:02d}"), cart, payments, n),
            )
            for n in range(1, processes + 1)
        ]
        for run in runs:
            run.start()
        for run in runs:
            run.join(timeout=300)
        assert [run.exitcode for run in runs] == [0] * processes
        _assert_whole(database, processes, payments)


def test_the_same_payment_submitted_twice_gives_one_receipt(database):
    """1,000 payments, each sent by two threads at once: one receipt per payment."""
    till = open_till(database)
    cart = till.cart(("S105", "1"))
    requests = [cash_request(cart, key=uuid.uuid4().hex) for _ in range(1000)]
    results: dict[int, list[str]] = {0: [], 1: []}

    def send(side: int) -> None:
        for request in requests:
            results[side].append(issue_receipt(database, till.clerk, request).record.receipt_no)

    threads = [threading.Thread(target=send, args=(side,)) for side in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0] == results[1]
    assert len(set(results[0])) == 1000
    _assert_whole_single(database)


def _assert_whole_single(database: Database) -> None:
    verification = check_all(database)
    assert verification.first_fault is None
    assert [check.receipts for check in verification.series] == [1000]
