"""kill -9 during issuance on SQLite, 100 times: nothing half-written, nothing lost.

A forked child issues receipts (and marks some jobs as being sent) in a loop and is
killed with SIGKILL after a random moment.  Afterwards the file passes SQLite's
integrity check, the chain verifies, every receipt has its job, and the counter's
next start finds every job not printed, the interrupted ones among them.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time

from sqlalchemy.engine import make_url

from db.domain import PrintStatus
from db.engine import Database
from hallclient.context import Context
from hallclient.ledger.verify import check_volumes
from hallclient.receipts import jobs
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.verify import check_all
from tests.db.receipt_helpers import cash_request, open_till, quoted_cart
from tests.db_fixtures import migrated_database

KILLS = 100


ITEMS = (("S105", "1"), ("G101", "12.5"))  # the tiered gas is quoted anew each time


def _issue_forever(url: str, context: Context, ready) -> None:  # type: ignore[no-untyped-def]
    database = Database.connect(url)
    rng = random.Random(os.getpid())
    while True:
        cart = quoted_cart(database, context, *ITEMS)
        issued = issue_receipt(database, context, cash_request(cart))
        ready.set()  # warm (connection, caches) after the first: the kill lands mid-issuance
        if rng.random() < 0.3:
            jobs.mark_sending(database, context, issued.print_job_id)


def test_kill_nine_at_random_points_loses_nothing(sqlite_database_url):
    fork = multiprocessing.get_context("fork")
    rng = random.Random(2026)
    with migrated_database(sqlite_database_url) as database:
        till = open_till(database)
        database.dispose()
        for _ in range(KILLS):
            ready = fork.Event()
            child = fork.Process(
                target=_issue_forever, args=(sqlite_database_url, till.clerk, ready)
            )
            child.start()
            assert ready.wait(10)
            time.sleep(rng.uniform(0.0, 0.12))
            os.kill(child.pid, signal.SIGKILL)
            child.join()
            assert child.exitcode == -signal.SIGKILL
        path = make_url(sqlite_database_url).database
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        verification = check_all(database)
        assert verification.first_fault is None
        [series] = verification.series
        assert series.receipts >= KILLS // 4  # most kills land inside an issuance
        waiting = jobs.unfinished_jobs(database, till.clerk)
        assert len(waiting) == series.receipts  # nothing was printed: every job is offered
        assert {job.status for job in waiting} == {PrintStatus.PENDING, PrintStatus.SENDING}
        assert check_volumes(database).ok  # each receipt's gas counted once, none half
