"""The asynchronous case the operations guide warns about: with the replication link
stalled, commits the primary confirmed never reach the standby, and promoting it loses
them.  (A synchronous standby would have held those commits instead.)"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from tests.db.failover.counters import started_pair, wait_until
from tests.pg_cluster import PgCluster
from tests.pg_standby import PgPair


@pytest.fixture
def async_pair() -> Iterator[PgPair]:
    with started_pair(synchronous=False, link_proxy=True) as pair:
        yield pair


def _conninfo(cluster: PgCluster) -> str:
    return f"host=127.0.0.1 port={cluster.port} user=postgres dbname=hall"


def _notes(cluster: PgCluster) -> list[str]:
    with psycopg.connect(_conninfo(cluster), autocommit=True) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM notes ORDER BY text")]


def test_asynchronous_failover_with_a_stalled_link_loses_the_confirmed_commits(async_pair):
    standby = async_pair.standby
    assert standby is not None
    async_pair.create_database("hall")
    with psycopg.connect(_conninfo(async_pair.primary), autocommit=True) as conn:
        conn.execute("CREATE TABLE notes (text text)")
        conn.execute("INSERT INTO notes VALUES ('before')")
        async_pair.wait_replayed()
        async_pair.stall_link()
        conn.execute("INSERT INTO notes VALUES ('during')")  # confirmed by the primary
    assert _notes(async_pair.primary) == ["before", "during"]
    assert not wait_until(lambda: "during" in _notes(standby), 1)
    async_pair.primary.stop("immediate")
    standby.promote()
    assert _notes(standby) == ["before"]
