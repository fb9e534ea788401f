"""Which PostgreSQL server: multi-host URLs, the server in use, and one that cannot write.

The URL forms are tried against a real primary and its standby (one pair for the
module): whatever the order, the counter lands on the server that can write and says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.engine import Database
from db.models import Hall
from db.pg_link import PgLimits, server_list
from hallclient.errors import DatabaseUnavailableError
from hallclient.uow import UnitOfWork, run_write
from tests.db.failover.counters import started_pair
from tests.pg_standby import PgPair


@pytest.mark.parametrize(
    ("url", "servers"),
    [
        ("postgresql://u@db1:5433/hall", [("db1", 5433)]),
        ("postgresql://u@/hall", [("localhost", 5432)]),
        ("postgresql://u@/hall?host=a:5433&host=b", [("a", 5433), ("b", 5432)]),
        ("postgresql://u@/hall?host=a,b&port=5433,5434", [("a", 5433), ("b", 5434)]),
        ("postgresql://u@/hall?host=a,b&port=5433", [("a", 5433), ("b", 5433)]),
        ("postgresql://u@/hall?host=a,b", [("a", 5432), ("b", 5432)]),
    ],
)
def test_both_multi_host_forms_name_the_servers_in_order(url, servers):
    assert server_list(make_url(url)) == servers


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u@/hall?host=a,b&port=1,2,3",
        "postgresql://u@/hall?host=a:1&host=b:2&port=3",
        "postgresql://u@db1/hall?host=a",
        "postgresql://u@/hall?host=a:x&host=b",
    ],
)
def test_a_muddled_multi_host_url_is_refused(url):
    with pytest.raises(ValueError):
        server_list(make_url(url))


def test_a_multi_host_description_names_the_server_in_use_and_the_list():
    database = Database.connect("postgresql://hall:s3cret@/hall?host=db1:5433&host=db2:5434")
    try:
        assert database.describe() == "PostgreSQL db1:5433/hall [db1:5433, db2:5434]"
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def pair() -> Iterator[PgPair]:
    with started_pair(synchronous=False) as pair:
        pair.create_database("hall")
        yield pair


@pytest.mark.parametrize("comma_form", [False, True], ids=["repeated", "comma"])
@pytest.mark.parametrize("standby_first", [False, True], ids=["primary-first", "standby-first"])
def test_a_multi_host_url_reaches_the_server_that_can_write(pair, comma_form, standby_first):
    url = pair.url("hall", standby_first=standby_first, comma_form=comma_form)
    database = Database.connect(url)
    try:
        with UnitOfWork(database, write=True) as uow:
            uow.connection.execute(text("CREATE TEMP TABLE t (n int)"))  # a write
            port = uow.connection.scalar(text("SELECT inet_server_port()"))
        assert port == pair.primary.port
        assert database.describe().startswith(f"PostgreSQL 127.0.0.1:{pair.primary.port}/hall")
    finally:
        database.dispose()


def test_a_read_only_server_is_reached_only_when_the_url_allows_it(pair):
    assert pair.standby is not None
    only_standby = f"postgresql://postgres@127.0.0.1:{pair.standby.port}/hall"
    database = Database.connect(only_standby)
    try:
        with pytest.raises(DatabaseUnavailableError, match=str(pair.standby.port)):
            run_write(database, lambda uow: uow.connection.execute(text("SELECT 1")))
    finally:
        database.dispose()
    reader = Database.connect(f"{only_standby}?target_session_attrs=any")
    try:
        with UnitOfWork(reader) as uow:
            assert uow.connection.scalar(text("SELECT pg_is_in_recovery()")) is True
    finally:
        reader.dispose()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_read_only_refusal_is_unavailable_and_the_next_attempt_reconnects(database):
    """SQLSTATE 25006 on a pooled connection (a server turned read-only under it): the
    write is tried once more on a new connection (after a failover it lands on the server
    that can write); refused again, the clerk reads "nothing was saved", and neither
    connection is used again."""

    def write_read_only(uow: UnitOfWork) -> None:
        uow.connection.execute(text("SET TRANSACTION READ ONLY"))
        pids.append(uow.connection.scalar(text("SELECT pg_backend_pid()")))
        uow.session.add(Hall(code="X1", name="测试营业厅"))
        uow.session.flush()

    pids: list[int] = []
    with pytest.raises(DatabaseUnavailableError, match="nothing was saved"):
        run_write(database, write_read_only)
    assert len(pids) == 2 and pids[0] != pids[1]
    with UnitOfWork(database) as uow:
        assert uow.connection.scalar(text("SELECT pg_backend_pid()")) not in pids


def test_statements_are_bounded_except_in_a_migration_or_bulk_load(pg_server):
    name = f"hallclient_test_{uuid.uuid4().hex[:12]}"
    limits = PgLimits(statement_timeout_s=7, idle_in_transaction_timeout_s=9)
    database = Database.connect(pg_server.create_database(name), limits=limits)
    try:
        with UnitOfWork(database) as uow:
            shown = [
                uow.connection.scalar(text(f"SHOW {setting}"))
                for setting in ("statement_timeout", "idle_in_transaction_session_timeout")
            ]
        assert shown == ["7s", "9s"]
        with database.connection() as conn:
            assert conn.scalar(text("SHOW statement_timeout")) == "0"
        with UnitOfWork(database) as uow:  # lifted for that transaction only
            assert uow.connection.scalar(text("SHOW statement_timeout")) == "7s"
    finally:
        database.dispose()
        pg_server.drop_database(name)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_statement_past_its_timeout_is_not_tried_again(database):
    """A timeout would only wait as long again: the clerk hears at once."""
    runs: list[int] = []

    def too_slow(uow: UnitOfWork) -> None:
        runs.append(1)
        uow.connection.execute(text("SET LOCAL statement_timeout = '50ms'"))
        uow.connection.execute(text("SELECT pg_sleep(1)"))

    with pytest.raises(DatabaseUnavailableError, match="nothing was saved"):
        run_write(database, too_slow)
    assert runs == [1]
