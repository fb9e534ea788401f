"""Database fixtures: every test that takes ``backend`` runs on SQLite and on PostgreSQL.

PostgreSQL is a throwaway cluster started from local binaries (``tests/pg_cluster.py``), or
the server named by ``HALLCLIENT_TEST_PG_URL``; each test gets a fresh database on it.  With
no PostgreSQL at all the PostgreSQL half is skipped, except in CI (``CI=true``) where it fails.

A migrated ``database`` is a copy of one migrated once per session (a file copy on SQLite,
``CREATE DATABASE … TEMPLATE`` on PostgreSQL): running every migration for each of several
hundred tests cost about a minute of the suite.  Tests of the migrations themselves take
the empty ``database_url``.

Registered for the whole suite by ``pytest_plugins`` in ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest

from db import migrate
from db.engine import Database
from tests.pg_cluster import PgCluster, PgServer, PgUnavailableError

_URL_FIXTURES = {"sqlite": "sqlite_database_url", "postgresql": "pg_database_url"}


@contextmanager
def migrated_database(url: str) -> Iterator[Database]:
    """A :class:`Database` on *url*, migrated to head, disposed on exit."""
    database = Database.connect(url)
    try:
        migrate.upgrade(database.engine)
        yield database
    finally:
        database.dispose()


def upgrade_to_head(url: str) -> None:
    """Migrate the database at *url* to the newest schema (then let it be)."""
    with migrated_database(url):
        pass


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'hallclient.sqlite3'}"


def no_postgresql(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL server for this test session (external or a throwaway cluster)."""
    if url := os.environ.get("HALLCLIENT_TEST_PG_URL"):
        yield PgServer(url)
        return
    try:
        cluster = PgCluster()
    except PgUnavailableError as error:
        no_postgresql(str(error))
    with cluster:
        yield cluster


@pytest.fixture
def pg_database_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    name = f"hallclient_test_{uuid.uuid4().hex[:12]}"
    yield pg_server.create_database(name)
    pg_server.drop_database(name)


@pytest.fixture
def sqlite_database_url(tmp_path: Path) -> str:
    """A fresh, empty SQLite database file in the test's tmp_path."""
    return sqlite_url(tmp_path)


@pytest.fixture
def sqlite_database(sqlite_database_url: str) -> Iterator[Database]:
    """A SQLite :class:`Database` migrated to head."""
    with migrated_database(sqlite_database_url) as database:
        yield database


@pytest.fixture(params=list(_URL_FIXTURES))
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on the test's backend (PostgreSQL is started only if needed);
    not the one ``database`` gives (take that one's URL from ``database.engine.url``)."""
    url: str = request.getfixturevalue(_URL_FIXTURES[backend])
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head, to be copied (all connections closed, so no WAL)."""
    folder = tmp_path_factory.mktemp("template")
    with migrated_database(sqlite_url(folder)):
        pass
    return folder / "hallclient.sqlite3"


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> Iterator[str]:
    """A PostgreSQL database migrated to head, nobody connected, to create copies from."""
    name = f"hallclient_template_{uuid.uuid4().hex[:12]}"
    with migrated_database(pg_server.create_database(name)):
        pass
    yield name
    pg_server.drop_database(name)


@contextmanager
def _migrated_url(backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "sqlite":
        folder: Path = request.getfixturevalue("tmp_path")
        shutil.copyfile(request.getfixturevalue("sqlite_template"), folder / "hallclient.sqlite3")
        yield sqlite_url(folder)
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"hallclient_test_{uuid.uuid4().hex[:12]}"
    try:
        yield server.create_database(name, template=request.getfixturevalue("pg_template"))
    finally:
        server.drop_database(name)


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A :class:`Database` on the test's backend, migrated to head (a copy of the template)."""
    with _migrated_url(backend, request) as url:
        database = Database.connect(url)
        try:
            yield database
        finally:
            database.dispose()
