"""Connection rules of DESIGN §5: SQLite pragmas and BEGIN IMMEDIATE, PostgreSQL isolation."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from db.engine import BUSY_TIMEOUT_MS, Database, is_retryable

SCHEMA = [
    "CREATE TABLE parent (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent)",
    "INSERT INTO parent (id, n) VALUES (1, 0), (2, 0)",
]

pytestmark = pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")


def _open(url: str) -> Database:
    database = Database.connect(url)
    with database.connection() as conn:
        for statement in SCHEMA:
            conn.exec_driver_sql(statement)
    return database


@pytest.fixture
def sqlite_db(sqlite_database_url: str) -> Iterator[Database]:
    database = _open(sqlite_database_url)
    yield database
    database.dispose()


@pytest.fixture
def pg_db(pg_database_url: str) -> Iterator[Database]:
    database = _open(pg_database_url)
    yield database
    database.dispose()


def test_sqlite_pragmas_on_every_connection(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as first, sqlite_db.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for conn in (first, second):
            pragmas = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
            assert pragmas == {
                "journal_mode": "wal",
                "synchronous": 2,
                "foreign_keys": 1,
                "busy_timeout": BUSY_TIMEOUT_MS,
            }


def _begins(database: Database, write: bool) -> list[str]:
    seen: list[str] = []

    def record(_conn: Connection, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("BEGIN"):
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.session(write=write) as session:
            session.execute(text("SELECT n FROM parent"))
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    return seen


def test_sqlite_writer_begins_immediate_reader_deferred(sqlite_db: Database) -> None:
    assert _begins(sqlite_db, write=True) == ["BEGIN IMMEDIATE"]
    assert _begins(sqlite_db, write=False) == ["BEGIN DEFERRED"]


def _in_thread(action: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _read_then_increment(database: Database) -> None:
    with database.session(write=True) as session:
        n = session.execute(text("SELECT n FROM parent WHERE id = 1")).scalar_one()
        session.execute(text("UPDATE parent SET n = :n WHERE id = 1"), {"n": n + 1})
        session.commit()


def test_sqlite_second_writer_waits_instead_of_failing(sqlite_database_url: str) -> None:
    first, second = _open(sqlite_database_url), Database.connect(sqlite_database_url)
    try:
        with first.session(write=True) as session:
            n = session.execute(text("SELECT n FROM parent WHERE id = 1")).scalar_one()
            worker, errors = _in_thread(lambda: _read_then_increment(second))
            worker.join(0.3)
            assert worker.is_alive(), f"second writer did not wait: {errors}"
            session.execute(text("UPDATE parent SET n = :n WHERE id = 1"), {"n": n + 1})
            session.commit()
        worker.join(5)
        assert not errors
        with first.session(write=False) as session:
            assert session.execute(text("SELECT n FROM parent WHERE id = 1")).scalar_one() == 2
    finally:
        first.dispose()
        second.dispose()


def test_sqlite_foreign_keys_enforced(sqlite_db: Database) -> None:
    with pytest.raises(IntegrityError) as caught, sqlite_db.connection() as conn:
        conn.exec_driver_sql("INSERT INTO child (id, parent_id) VALUES (1, 99)")
    assert not is_retryable(caught.value)


def test_postgresql_read_committed(pg_db: Database) -> None:
    for write in (False, True):
        with pg_db.session(write=write) as session:
            level = session.execute(text("SHOW transaction_isolation")).scalar_one()
            assert level == "read committed"


def test_postgresql_deadlock_is_retryable(pg_db: Database) -> None:
    engine = pg_db.engine
    with engine.connect() as one, engine.connect() as two:
        for conn, row in ((one, 1), (two, 2)):
            conn.exec_driver_sql("SET deadlock_timeout = '50ms'")
            conn.exec_driver_sql(f"UPDATE parent SET n = 1 WHERE id = {row}")
        thread, errors = _in_thread(
            lambda: one.exec_driver_sql("UPDATE parent SET n = 1 WHERE id = 2")
        )
        try:
            two.exec_driver_sql("UPDATE parent SET n = 1 WHERE id = 1")
        except DBAPIError as error:
            errors.append(error)
            two.rollback()
        thread.join(5)
        [deadlock] = errors
        assert isinstance(deadlock, DBAPIError)
        assert getattr(deadlock.orig, "sqlstate", None) == "40P01"
        assert is_retryable(deadlock)


def test_postgresql_serialization_failure_is_retryable(pg_db: Database) -> None:
    engine = pg_db.engine
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as reader:
        reader.exec_driver_sql("SELECT n FROM parent WHERE id = 1")
        with pg_db.connection() as writer:
            writer.exec_driver_sql("UPDATE parent SET n = 5 WHERE id = 1")
        with pytest.raises(DBAPIError) as caught:
            reader.exec_driver_sql("UPDATE parent SET n = 6 WHERE id = 1")
    assert getattr(caught.value.orig, "sqlstate", None) == "40001"
    assert is_retryable(caught.value)


def test_describe_hides_password(tmp_path: Path) -> None:
    pg = Database.connect("postgresql://hall:s3cret@db.example:5433/hall")
    lite = Database.connect(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        assert pg.describe() == "PostgreSQL db.example:5433/hall"
        assert "s3cret" not in pg.describe()
        assert lite.describe() == f"SQLite {tmp_path / 'x.sqlite3'}"
    finally:
        pg.dispose()
        lite.dispose()
