"""A server that loses receipts it confirmed: the database restored from an older backup.

SQLite: a backup with the project's own backup API (``hallclient db backup``), copied back
over the database file.  PostgreSQL: a copy of the database taken as a template (what a
base backup is to a hall), which replaces the database later.  In both, every connection
of the counter is closed first and the database it opens afterwards is the old one.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db.backup import backup_sqlite
from db.engine import Database
from tests.db.cli_helpers import url_of
from tests.pg_cluster import PgServer


@dataclass
class Backup:
    url: str
    request: pytest.FixtureRequest
    copy: str  # the backup file (SQLite) or template database (PostgreSQL)

    def restore(self, database: Database) -> Database:
        """The database as it was at the backup, opened again (``database`` is closed)."""
        database.dispose()
        if self.url.startswith("sqlite"):
            live = Path(self.url.removeprefix("sqlite:///"))
            for leftover in ("-wal", "-shm"):
                live.with_name(live.name + leftover).unlink(missing_ok=True)
            shutil.copyfile(self.copy, live)
        else:
            server: PgServer = self.request.getfixturevalue("pg_server")
            name = str(make_url(self.url).database)
            server.drop_database(name)
            server.create_database(name, template=self.copy)
            server.drop_database(self.copy)
        restored = Database.connect(self.url)
        self.request.addfinalizer(restored.dispose)  # before the test's database is dropped
        return restored


def take_backup(database: Database, request: pytest.FixtureRequest) -> Backup:
    """A backup of ``database`` now (its connections are closed, then used again)."""
    url = url_of(database)
    if database.backend == "sqlite":
        live = Path(str(database.engine.url.database))
        target = live.with_name("backup.sqlite3")
        backup_sqlite(live, target)
        return Backup(url, request, str(target))
    database.dispose()  # a template has no one connected
    server: PgServer = request.getfixturevalue("pg_server")
    copy = f"backup_{uuid.uuid4().hex[:12]}"
    server.create_database(copy, template=str(database.engine.url.database))
    return Backup(url, request, copy)
