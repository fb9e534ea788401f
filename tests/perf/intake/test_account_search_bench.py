"""Benchmark: account search on the 1,000,000-account demo database, against raw sqlite3.

Run with ``pytest tests/perf/intake/test_account_search_bench.py -s -p no:cacheprovider
--override-ini addopts=`` (``HALLCLIENT_BENCH_ACCOUNTS`` changes the size).  For each
kind of search: p95 through the service (pool checkout, statements, ranking) and p95
of the same statements run in raw sqlite3 on an open connection, the floor.  Target
(issue 5): p95 ≤ 15 ms and ≤ 3× the floor.  Prints a table; asserts only that the
searches found their account.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from db.domain import Role
from db.engine import Database
from db.migrate import upgrade
from db.search_keys import address_key
from hallclient.clock import FixedClock
from hallclient.intake.account_search import plan, search_accounts
from hallclient.setup.demo_accounts import DemoAccount, generate_accounts, insert_accounts
from tests.db.security_helpers import START, add_users, context_for

pytestmark = pytest.mark.perf
SEED, SAMPLES, LIMIT = 2026, 200, 30
KINDS: dict[str, Callable[[DemoAccount], str]] = {
    "account": lambda a: a.account_no,
    "meter": lambda a: a.meter_no,
    "phone": lambda a: a.phone,
    "phone tail": lambda a: a.phone[-4:],
    "name": lambda a: a.name,
    "initials": lambda a: a.name_initials,
    "address": lambda a: _road_and_number(a.address),
}


def _road_and_number(address: str) -> str:
    """What a clerk types for an address: the road and house number (锦华路25号)."""
    key = address_key(address)
    return key[: key.index("号") + 1]


def _raw(text: str) -> list[tuple[str, dict[str, object]]]:
    """The statements the service runs for ``text``, for sqlite3 directly (the floor)."""
    return [(query.sql, query.params) for query in plan(text, LIMIT)]


def _p95(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.95)] * 1000


def _timed(run: Callable[[str], object], queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        times.append(time.perf_counter() - started)
    return times


def test_account_search_speed(tmp_path: Path) -> None:
    count = int(os.environ.get("HALLCLIENT_BENCH_ACCOUNTS", "1000000"))
    path = tmp_path / "search.sqlite3"
    database = Database.connect(f"sqlite:///{path}")
    upgrade(database.engine)
    insert_accounts(database, count, SEED)
    clerk = context_for(add_users(database)[Role.CLERK], FixedClock(START))
    sample = random.Random(5).sample(list(generate_accounts(count, SEED)), SAMPLES)
    raw = sqlite3.connect(path)
    print(f"\n{count:,} accounts, {path.stat().st_size / 2**20:,.0f} MiB")
    print(f"{'search':<12} {'service p95 ms':>15} {'raw p95 ms':>11} {'ratio':>6}")
    try:
        for kind, pick in KINDS.items():
            queries = [pick(account) for account in sample]
            assert all(search_accounts(database, clerk, q) for q in queries[:20])
            service = _p95(_timed(lambda q: search_accounts(database, clerk, q), queries))
            statements = {q: _raw(q) for q in queries}
            run_raw = lambda q, s=statements: [raw.execute(*x).fetchall() for x in s[q]]  # noqa: E731
            floor = _p95(_timed(run_raw, queries))
            print(f"{kind:<12} {service:>15.2f} {floor:>11.2f} {service / floor:>6.1f}")
    finally:
        raw.close()
        database.dispose()
