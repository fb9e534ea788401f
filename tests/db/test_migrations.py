"""Migrations build exactly the models' schema, and can be undone and redone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, inspect

from db import migrate
from db.engine import make_engine
from db.models import Base

APP_TABLES = set(Base.metadata.tables)

pytestmark = pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_head_constant_matches_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD


def test_empty_database_has_no_revision(engine: Engine) -> None:
    assert migrate.current_revision(engine) is None
    assert not migrate.is_current(engine)


def test_upgrade_creates_every_model_table(engine: Engine) -> None:
    migrate.upgrade(engine)

    assert _tables(engine) == APP_TABLES | {"alembic_version"}
    assert migrate.current_revision(engine) == migrate.HEAD
    assert migrate.is_current(engine)


def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    migrate.upgrade(engine)
    migrate.downgrade(engine)

    assert _tables(engine) == {"alembic_version"}
    assert migrate.current_revision(engine) is None

    migrate.upgrade(engine)
    assert _tables(engine) == APP_TABLES | {"alembic_version"}
    assert migrate.is_current(engine)


def test_models_match_migrations(engine: Engine) -> None:
    migrate.upgrade(engine)

    assert migrate.drift(engine) == []
