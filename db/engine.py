"""Engine and session setup for SQLite (one counter) and PostgreSQL (a hall).

SQLite: WAL, ``synchronous=FULL``, foreign keys and a busy timeout on every
connection; pysqlite's own transaction handling is switched off so that we emit
``BEGIN`` ourselves -- ``BEGIN IMMEDIATE`` for writers, so that a transaction that
reads then writes waits for the lock instead of failing with "database is locked".

PostgreSQL: READ COMMITTED; writers take row locks where they need them and the
core retries serialization failures and deadlocks (see :func:`is_retryable`).  Which
server, failover and the bounds on every wait: :mod:`db.pg_link`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db import pg_link
from db.pg_link import UNBOUNDED_OPTION, PgLimits

BUSY_TIMEOUT_MS = 10_000
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


def make_engine(url: str, *, echo: bool = False, limits: PgLimits | None = None) -> Engine:
    """Build an engine with the pragmas and isolation rules of DESIGN §5.  Statement
    parameters never appear in a log line or an error message: they are customers' data.
    ``limits`` bound every wait on PostgreSQL (the defaults unless given)."""
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
        limits = limits or PgLimits()
        servers = pg_link.server_list(parsed)
        normalized, arguments = pg_link.connect_arguments(parsed, limits)
        engine = create_engine(
            normalized,
            echo=echo,
            hide_parameters=True,  # no customer data (an informant's name) in logs or errors
            isolation_level="READ COMMITTED",
            pool_pre_ping=True,
            connect_args=arguments,
        )
        pg_link.attach(engine, servers, limits)
        return engine
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


def is_unavailable(error: DBAPIError) -> bool:
    """True when the database cannot be reached or used for now (not a conflict to retry):
    a lost connection, an unusable SQLite file, or a PostgreSQL server that cannot write
    here (read-only, in recovery, shutting down, timed out; see :mod:`db.pg_link`)."""
    if is_retryable(error):
        return False
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return pg_link.is_unavailable(error)


class Database:
    """One database: its engine and the two kinds of session (read and write)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_maker = sessionmaker(engine, expire_on_commit=False)
        self._write_maker = sessionmaker(
            engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )

    @classmethod
    def connect(cls, url: str, *, echo: bool = False, limits: PgLimits | None = None) -> Database:
        return cls(make_engine(url, echo=echo, limits=limits))

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def session(self, *, write: bool) -> Session:
        """A new session; writers start with ``BEGIN IMMEDIATE`` on SQLite."""
        return (self._write_maker if write else self._read_maker)()

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A raw connection in a transaction that commits on success (bulk loads, DDL);
        no statement time limit on PostgreSQL."""
        options = {_WRITE_OPTION: True, UNBOUNDED_OPTION: True}
        with self.engine.execution_options(**options).begin() as conn:
            yield conn

    def describe(self) -> str:
        """A short, password-free description for the status bar and logs: on PostgreSQL
        the server last connected to, and the configured list when there are several."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return f"SQLite {url.database or ':memory:'}"
        link = pg_link.link_of(self.engine)
        if link is None:  # an engine made elsewhere
            return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"
        return link.describe(url.database)

    def dispose(self) -> None:
        if link := pg_link.link_of(self.engine):
            link.watchdog.stop()
        self.engine.dispose()
