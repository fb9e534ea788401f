import pytest
from sqlalchemy import func, select, text

from db import migrate
from db.domain import Role
from db.engine import Database
from db.models import Account, Counter, Department, TariffBand, TariffItem, User
from hallclient.config import Settings
from hallclient.core import open_core
from hallclient.errors import DatabaseUnavailableError, SchemaOutdatedError
from hallclient.setup.demo import DEMO_USERS
from hallclient.uow import UnitOfWork


def _count(database: Database, model) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_first_run_creates_migrates_and_registers_the_counter(tmp_path):
    url = f"sqlite:///{tmp_path / 'new' / 'hall.sqlite3'}"
    core = open_core(Settings(database_url=url, hall_code="H09", counter_code="C03"))
    try:
        assert migrate.is_current(core.database.engine)
        assert core.workplace.hall_code == "H09" and core.workplace.counter_code == "C03"
        assert not core.access.has_users()
    finally:
        core.close()


def test_demo_data_gives_a_user_per_role_and_loads_once(database):
    url = database.engine.url.render_as_string(hide_password=False)
    core = open_core(Settings(database_url=url))
    try:
        core.load_demo(accounts=300)
        core.load_demo(accounts=300)
        assert core.access.has_users()
        assert {u.role for u in DEMO_USERS} == set(Role)
        assert _count(core.database, User) == len(DEMO_USERS)
        assert _count(core.database, Account) == 300
        assert _count(core.database, Department) == 7
        assert _count(core.database, TariffItem) == 16
        assert _count(core.database, TariffBand) == 3
        assert _count(core.database, Counter) >= 4
        clerk = DEMO_USERS[0]
        assert core.access.login(clerk.employee_no, clerk.password).role is Role.CLERK
    finally:
        core.close()


def test_demo_tariff_items_carry_pinyin_initials(sqlite_database_url):
    core = open_core(Settings(database_url=sqlite_database_url))
    try:
        core.load_demo(accounts=0)
        with UnitOfWork(core.database) as uow:
            item = uow.session.scalar(select(TariffItem).where(TariffItem.code == "S103"))
            assert item.pinyin_initials == "ickbkgbf"
    finally:
        core.close()


def test_outdated_postgresql_is_refused_not_migrated(pg_database_url):
    with pytest.raises(SchemaOutdatedError, match="hallclient db upgrade"):
        open_core(Settings(database_url=pg_database_url))


def test_unreachable_server_gives_a_clear_message():
    settings = Settings(database_url="postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(DatabaseUnavailableError, match="cannot open the database"):
        open_core(settings)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_counter_waits_on_postgresql_as_long_as_its_settings_say(database):
    url = database.engine.url.render_as_string(hide_password=False)
    settings = Settings(
        database_url=url, database_statement_timeout=9, database_idle_in_transaction_timeout=30
    )
    core = open_core(settings)
    try:
        with UnitOfWork(core.database) as uow:
            waits = [
                uow.connection.scalar(text(f"SHOW {name}"))
                for name in ("statement_timeout", "idle_in_transaction_session_timeout")
            ]
        assert waits == ["9s", "30s"]
    finally:
        core.close()
