"""Benchmark: bill a month of meter readings for a million accounts (target ≤ 2 min, SQLite).

Run with ``pytest tests/perf/ledger/test_billing_bench.py -s -p no:cacheprovider --override-ini
addopts=``; ``HALLCLIENT_BENCH_ACCOUNTS`` changes the size.  The demo accounts and their
readings are loaded in bulk first (not timed); the billing run prices every reading
through the pricing service, writes the bills and their lines and moves the tier years.
Prints a table; asserts that every reading was billed and the ledger check passes.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from db.engine import Database
from db.migrate import upgrade
from hallclient import paths
from hallclient.ledger.billing import run_billing
from hallclient.ledger.verify import check_volumes
from hallclient.setup.demo import DEMO_SEED, build_demo
from hallclient.setup.demo_ledger import BILLED_AFTER, READ_DAYS_AGO, _billing_context
from hallclient.setup.reference import load_reference

pytestmark = pytest.mark.perf
TODAY = dt.date(2026, 12, 2)


def _count() -> int:
    return int(os.environ.get("HALLCLIENT_BENCH_ACCOUNTS", "1000000"))


def test_billing_a_month_of_readings_sqlite(tmp_path: Path, monkeypatch) -> None:
    database = Database.connect(f"sqlite:///{tmp_path / 'bench.sqlite3'}")
    try:
        upgrade(database.engine)
        reference = load_reference(paths.resources_dir() / "reference")
        monkeypatch.setattr("hallclient.setup.demo.build_ledger", _readings_only)
        started = time.perf_counter()
        build_demo(database, reference, _count(), DEMO_SEED, today=TODAY)
        loaded = time.perf_counter() - started
        day = TODAY - dt.timedelta(days=READ_DAYS_AGO[1])
        started = time.perf_counter()
        run = run_billing(
            database, _billing_context(day + BILLED_AFTER, "Asia/Shanghai"), 15, through=day
        )
        seconds = time.perf_counter() - started
        assert not run.left and run.bills > 0.9 * _count()
        assert check_volumes(database).ok
    finally:
        database.dispose()
    print()
    print(f"{'accounts':>10} {'load s':>8} {'bills':>10} {'billing s':>10} {'bills/s':>9}")
    print(
        f"{_count():>10,} {loaded:>8.1f} {run.bills:>10,} {seconds:>10.1f} "
        f"{run.bills / seconds:>9,.0f}"
    )


def _readings_only(database, seed, timezone, today, progress=None) -> int:
    """The demo ledger's readings and carried volumes, without its billing runs."""
    from hallclient.setup import demo_ledger

    days = [today - dt.timedelta(days=ago) for ago in READ_DAYS_AGO]
    demo_ledger._write_readings_and_carried(
        database, seed, days, demo_ledger._next_reading_id(database), progress
    )
    return 0
