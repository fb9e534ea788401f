"""Schema migrations, driven from code (no alembic.ini to ship or lose).

``HEAD`` names the newest revision so that start-up can tell whether a database
is current with one cheap query instead of loading Alembic; a test keeps it true.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, inspect, text

from db.models import Base
from db.pg_link import UNBOUNDED_OPTION

HEAD = "0013"
_MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


class ForeignKeyViolationError(RuntimeError):
    """A migration left rows pointing at nothing; it was rolled back."""


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for schema changes.

    On SQLite, foreign keys are switched off around the transaction (they are on
    for every other connection): Alembic's batch mode rebuilds a table by copying
    it, and dropping the old copy would violate the keys of tables that point at
    it.  ``PRAGMA foreign_key_check`` then proves nothing was broken before commit.
    """
    with engine.execution_options(**{UNBOUNDED_OPTION: True}).connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        driver: Any = conn.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").all()):
                    raise ForeignKeyViolationError(f"foreign keys broken: {broken[:5]}")
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys = ON")


def _run(engine: Engine, action: str, revision: str) -> None:
    config = _config()
    with migration_connection(engine) as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    _run(engine, "downgrade", revision)


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == HEAD


def script_head() -> str | None:
    """The head revision according to the migration scripts themselves."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def autogenerate(message: str, revision_id: str, url: str = "sqlite://") -> None:
    """Draft a new revision from the models against a database at the current head."""
    engine = create_engine(url)
    upgrade(engine)
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.revision(config, message=message, autogenerate=True, rev_id=revision_id)


def drift(engine: Engine) -> list[object]:
    """Differences between the models and the migrated schema (empty when they match)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))
