"""Schema migrations, driven from code (no alembic.ini to ship or lose).

``HEAD`` names the newest revision so that start-up can tell whether a database
is current with one cheap query instead of loading Alembic; a test keeps it true.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text

from db.models import Base

HEAD = "0001"
_MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def _run(engine: Engine, action: str, revision: str) -> None:
    config = _config()
    with engine.begin() as conn:
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
