"""What the UI holds: the settings, the database, the clock, and the use cases it calls.

A thin hand-over point between the composition root and the services: each
method is one use case, delegating to the service module that owns it, and
returns plain data.  Keep it thin; new capabilities add their own service
modules and, at most, one delegating method here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from db import migrate
from db.engine import Database
from db.models import User
from hallclient import auth, demo, paths
from hallclient.auth import CurrentUser
from hallclient.clock import Clock, SystemClock
from hallclient.config import Settings
from hallclient.errors import HallError
from hallclient.reference import load_reference
from hallclient.uow import UnitOfWork, run_write
from hallclient.workplace import Workplace, ensure_workplace

log = logging.getLogger(__name__)


class DatabaseUnavailableError(HallError):
    """The database cannot be opened or reached."""


class SchemaOutdatedError(HallError):
    """A shared PostgreSQL database that needs ``hallclient db upgrade`` by an admin."""


class Core:
    def __init__(self, settings: Settings, database: Database, clock: Clock) -> None:
        self.settings = settings
        self.database = database
        self.clock = clock
        self.workplace: Workplace = run_write(
            database,
            lambda uow: ensure_workplace(
                uow, settings.hall_code, settings.hall_name, settings.counter_code
            ),
        )

    def login(self, employee_no: str, password: str) -> CurrentUser:
        return auth.login(self.database, employee_no, password, self.clock)

    def has_users(self) -> bool:
        with UnitOfWork(self.database) as uow:
            return bool(uow.session.scalar(select(func.count()).select_from(User)))

    def load_demo(self, accounts: int, progress: Callable[[int, int], None] | None = None) -> None:
        reference = load_reference(paths.resources_dir() / "reference")
        demo.build_demo(self.database, reference, accounts, progress=progress)

    def database_description(self) -> str:
        return self.database.describe()

    def close(self) -> None:
        self.database.dispose()


def connect(url: str) -> Database:
    """Open the database, creating a local SQLite file's folder; fail with a clear message."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    database = Database.connect(url)
    try:
        with database.engine.connect():
            pass
    except OperationalError as error:
        database.dispose()
        raise DatabaseUnavailableError(
            f"cannot open the database {database.describe()}: {error.orig}"
        ) from None
    return database


def prepare_database(settings: Settings) -> Database:
    """Connect, creating and migrating a local SQLite file; a shared server must be current."""
    database = connect(settings.database_url)
    if not migrate.is_current(database.engine):
        if database.backend != "sqlite":
            database.dispose()
            raise SchemaOutdatedError(
                f"the database at {database.describe()} is not at schema {migrate.HEAD}; "
                "an administrator runs: hallclient db upgrade"
            )
        log.info("upgrading %s to schema %s", database.describe(), migrate.HEAD)
        migrate.upgrade(database.engine)
    return database


def open_core(settings: Settings, clock: Clock | None = None) -> Core:
    return Core(settings, prepare_database(settings), clock or SystemClock())
