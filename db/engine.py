"""Engine and session setup for SQLite (one counter) and PostgreSQL (a hall).

SQLite: WAL, ``synchronous=FULL``, foreign keys and a busy timeout on every
connection; pysqlite's own transaction handling is switched off so that we emit
``BEGIN`` ourselves -- ``BEGIN IMMEDIATE`` for writers, so that a transaction that
reads then writes waits for the lock instead of failing with "database is locked".

PostgreSQL: READ COMMITTED; writers take row locks where they need them and the
core retries serialization failures and deadlocks (see :func:`is_retryable`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
PG_CONNECT_TIMEOUT_S = 5  # a dead server answers in seconds, not minutes
_WRITE_OPTION = "hallclient_write"
_RETRYABLE_PG_CODES = frozenset({"40001", "40P01"})


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, see _sqlite_on_begin
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Build an engine with the pragmas and isolation rules of DESIGN §5.  Statement
    parameters never appear in a log line or an error message: they are customers' data."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            echo=echo,
            hide_parameters=True,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(
            parsed,
            echo=echo,
            hide_parameters=True,  # no customer data (an informant's name) in logs or errors
            isolation_level="READ COMMITTED",
            pool_pre_ping=True,
            connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S},
        )
    raise ValueError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
    )


def is_retryable(error: BaseException) -> bool:
    """True for a PostgreSQL serialization failure or deadlock, or a busy SQLite file."""
    if not isinstance(error, DBAPIError):
        return False
    orig = error.orig
    if getattr(orig, "sqlstate", None) in _RETRYABLE_PG_CODES:
        return True
    return "database is locked" in str(orig)


class Database:
    """One database: its engine and the two kinds of session (read and write)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_maker = sessionmaker(engine, expire_on_commit=False)
        self._write_maker = sessionmaker(
            engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )

    @classmethod
    def connect(cls, url: str, *, echo: bool = False) -> Database:
        return cls(make_engine(url, echo=echo))

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def session(self, *, write: bool) -> Session:
        """A new session; writers start with ``BEGIN IMMEDIATE`` on SQLite."""
        return (self._write_maker if write else self._read_maker)()

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A raw connection in a transaction that commits on success (bulk loads, DDL)."""
        with self.engine.execution_options(**{_WRITE_OPTION: True}).begin() as conn:
            yield conn

    def describe(self) -> str:
        """A short, password-free description for the status bar and logs."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return f"SQLite {url.database or ':memory:'}"
        return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"

    def dispose(self) -> None:
        self.engine.dispose()
