"""Failover trials: four counters issuing receipts against a primary and its standby.

The URL lists both servers.  (a) Synchronous standby, the primary crashes and the
standby is promoted: every receipt a counter was told was saved is on the promoted
server, and every counter writes again within 30 s.  (b) The old primary is fenced
read-only under the counters' open connections, the standby promoted, then the old
primary comes back read-only, still FIRST in the URL: the counters move to the server
that can write within 10 s, and nothing but "unavailable" ever reaches them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest

from tests.db.failover.counters import Hall, receipts_on, started_pair, wait_until
from tests.pg_standby import PgPair

WARM_RECEIPTS = 3  # each counter's, before the fault


@pytest.fixture
def sync_pair() -> Iterator[PgPair]:
    with started_pair(synchronous=True) as pair:
        yield pair


def _warm(hall: Hall) -> None:
    hall.start()
    assert wait_until(
        lambda: all(len(counter.saved) >= WARM_RECEIPTS for counter in hall.counters), 60
    ), "the counters did not get going"


def test_synchronous_failover_loses_no_receipt_a_counter_was_told_was_saved(
    sync_pair: PgPair,
) -> None:
    hall = Hall(sync_pair)
    try:
        _warm(hall)
        sync_pair.primary.stop("immediate")  # a crash: no clean goodbye to anyone
        assert sync_pair.standby is not None
        sync_pair.standby.promote()
        promoted = time.monotonic()
        assert wait_until(lambda: hall.all_saved_since(promoted), 30)
    finally:
        hall.stop()
    assert hall.unexpected() == []
    on_promoted = receipts_on(sync_pair.standby.url(hall.name))
    told = {saved.key: saved.receipt_no for c in hall.counters for saved in c.saved}
    lost = {key: number for key, number in told.items() if on_promoted.get(key) != number}
    assert lost == {}
    assert all(counter.unavailable for counter in hall.counters)  # each saw the failover


def test_failover_to_the_standby_while_the_old_primary_is_back_read_only_and_listed_first(
    sync_pair: PgPair,
) -> None:
    standby = sync_pair.standby
    assert standby is not None
    hall = Hall(sync_pair)
    try:
        _warm(hall)
        sync_pair.fence_primary()  # open connections now meet "read-only transaction"
        fenced = time.monotonic()
        assert wait_until(lambda: all(c.unavailable for c in hall.counters), 10)
        assert not wait_until(lambda: hall.all_saved_since(fenced + 1), 1)  # nowhere to write
        standby.promote()
        promoted = time.monotonic()
        assert wait_until(lambda: hall.all_saved_since(promoted), 10)
        sync_pair.primary.stop("fast")
        sync_pair.restart_primary_read_only()  # back, read-only, first in every URL
        _cut_connections(standby.port, hall.name)  # so each counter goes through the list
        cut = time.monotonic()
        assert wait_until(lambda: hall.all_saved_since(cut), 10)
    finally:
        hall.stop()
    assert hall.unexpected() == []
    in_use = f"127.0.0.1:{standby.port}"
    assert all(c.database and in_use in c.database.describe().split()[1] for c in hall.counters)
    assert (
        receipts_on(sync_pair.primary.url(hall.name)).keys()
        < receipts_on(standby.url(hall.name)).keys()
    )


def _cut_connections(port: int, database: str) -> None:
    with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres", autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        )
