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


def test_table_rebuild_on_a_populated_database_keeps_its_references(sqlite_database):
    """Alembic's batch mode (SQLite only) copies and drops a table; references must survive."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import String, func, select

    from db.migrate import migration_connection
    from db.models import Department, User

    database = sqlite_database
    with database.engine.begin() as conn:
        conn.execute(
            Department.__table__.insert(),
            {
                "code": "billing",
                "name_zh": "账务",
                "name_en": "Billing",
                "duties": "账务",
                "phone": "1",
                "extension": "",
                "location": "二楼",
                "hours": "工作日",
                "hotline": "",
            },
        )
        conn.execute(
            User.__table__.insert(),
            {
                "employee_no": "3001",
                "display_name": "赵刚",
                "role": "department_staff",
                "department_code": "billing",
                "password_hash": "x",
                "active": True,
                "must_change_password": False,
                "failed_logins": 0,
            },
        )
    with migration_connection(database.engine) as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        with Operations(context).batch_alter_table("departments", recreate="always") as batch:
            batch.alter_column("hours", type_=String(120))
    with database.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(User.__table__)) == 1
        assert conn.scalar(select(User.__table__.c.department_code)) == "billing"


def test_the_address_key_is_filled_for_accounts_stored_before_it(engine: Engine) -> None:
    from sqlalchemy import text

    migrate.upgrade(engine, "0004")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO accounts (account_no, meter_no, name, name_initials, phone,"
                " phone_last4, address, customer_type, status, arrears, ytd_volume_m3,"
                " household_size) VALUES ('1', '2', '王芳', 'wf', '13800000000', '0000',"
                " '成都市武侯区锦华路25号', 'residential', 'active', 0, 0, 1)"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT address_key FROM accounts")) == "锦华路25号"


def test_ratings_typed_at_f9_move_to_their_own_rows_and_back(engine: Engine) -> None:
    """0012 turns a visit's 1-5 satisfaction into a rating the clerk recorded; the downgrade
    puts it back on the visit."""
    from sqlalchemy import text

    migrate.upgrade(engine, "0011")
    with engine.begin() as conn:
        for visit_id, score, comment in ((1, 2, "排队太久"), (2, None, ""), (3, 5, "")):
            conn.execute(
                text(
                    "INSERT INTO visits (id, hall_code, counter_code, service_day,"
                    " clerk_employee_no, customer_name, customer_phone, notes, stage, called_at,"
                    " closed_at, satisfaction, satisfaction_comment) VALUES (:id, 'H01', 'C01',"
                    " '2026-11-02', '1001', '', '', '', 'closed', '2026-11-02 01:00:00',"
                    " '2026-11-02 01:05:00', :score, :comment)"
                ),
                {"id": visit_id, "score": score, "comment": comment},
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT visit_id, level, source, reason, recorded_by FROM ratings ORDER BY 1")
        ).all()
        assert [tuple(row) for row in rows] == [
            (1, "dissatisfied", "clerk", "排队太久", "1001"),
            (3, "very_satisfied", "clerk", "", "1001"),
        ]
        assert conn.scalar(text("SELECT count(*) FROM follow_up_cases")) == 0
    migrate.downgrade(engine, "0011")
    with engine.connect() as conn:
        back = conn.execute(
            text("SELECT id, satisfaction, satisfaction_comment FROM visits ORDER BY id")
        ).all()
        assert [tuple(row) for row in back] == [(1, 2, "排队太久"), (2, None, ""), (3, 5, "")]
