"""Benchmark: build the demo data set (default a million accounts) into a fresh database.

Run with
``pytest tests/perf/setup/test_demo_build.py -s -p no:cacheprovider --override-ini addopts=``;
``HALLCLIENT_BENCH_ACCOUNTS`` changes the size.  SQLite always; PostgreSQL on the server of
``HALLCLIENT_TEST_PG_URL`` or a throwaway local cluster, skipped when there is neither.
Prints a table; asserts only the count.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import Database
from db.migrate import drift, upgrade
from hallclient.setup.demo_accounts import insert_accounts
from tests.pg_cluster import PgCluster, PgServer, PgUnavailableError

pytestmark = pytest.mark.perf
SEED = 20240601


def _count() -> int:
    return int(os.environ.get("HALLCLIENT_BENCH_ACCOUNTS", "1000000"))


def _build(database: Database) -> tuple[int, float]:
    upgrade(database.engine)
    started = time.perf_counter()
    inserted = insert_accounts(database, _count(), seed=SEED)
    seconds = time.perf_counter() - started
    with database.engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM accounts")).scalar_one()
    assert inserted == stored == _count()
    assert drift(database.engine) == []
    return inserted, seconds


def _report(backend: str, rows: int, seconds: float, size_mb: float) -> None:
    print()
    print(f"{'backend':<10} {'rows':>10} {'seconds':>9} {'rows/s':>10} {'DB MB':>8}")
    print(f"{backend:<10} {rows:>10,} {seconds:>9.1f} {rows / seconds:>10,.0f} {size_mb:>8.1f}")


def test_build_demo_accounts_sqlite(tmp_path: Path) -> None:
    database = Database.connect(f"sqlite:///{tmp_path / 'bench.sqlite3'}")
    try:
        rows, seconds = _build(database)
    finally:
        database.dispose()  # the last connection to close checkpoints and removes the WAL
    size_mb = sum(p.stat().st_size for p in tmp_path.glob("bench.sqlite3*")) / 1e6
    _report("sqlite", rows, seconds, size_mb)


@pytest.fixture(scope="module")
def pg_server() -> Iterator[PgServer]:
    if url := os.environ.get("HALLCLIENT_TEST_PG_URL"):
        yield PgServer(url)
        return
    try:
        cluster = PgCluster()
    except PgUnavailableError as error:
        pytest.skip(f"no PostgreSQL: {error}")
    with cluster:
        yield cluster


def test_build_demo_accounts_postgresql(pg_server: PgServer) -> None:
    name = f"hallclient_bench_{os.getpid()}"
    database = Database.connect(pg_server.create_database(name))
    try:
        rows, seconds = _build(database)
        with database.engine.connect() as conn:
            size = conn.execute(text("SELECT pg_total_relation_size('accounts')")).scalar_one()
    finally:
        database.dispose()
        pg_server.drop_database(name)
    _report("postgresql", rows, seconds, size / 1e6)
