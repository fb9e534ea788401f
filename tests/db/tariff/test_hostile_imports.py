"""``hallclient tariff import`` of a hostile file: refused with its problem, no traceback,
and nothing in the tariff tables."""

from __future__ import annotations

from sqlalchemy import func, select

from db.domain import Role
from db.models import TariffItem, TariffSchedule
from hallclient.uow import UnitOfWork
from tests.db.cli_helpers import lines, run_cli, url_of
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD, add_users
from tests.db.tariff.test_tariff_cli import HEADER
from tests.hostile_files import Builder, hostile_files
from tests.unit.tariff.test_hostile_files import ITEMS


def _rows(database) -> tuple[int, int]:
    with UnitOfWork(database) as uow:
        count = func.count()
        schedules = uow.session.scalar(select(count).select_from(TariffSchedule)) or 0
        items = uow.session.scalar(select(count).select_from(TariffItem)) or 0
    return schedules, items


@hostile_files
def test_a_hostile_tariff_file_writes_nothing(capsys, database, tmp_path, build: Builder):
    path, expected = build(tmp_path, ITEMS)
    add_users(database)
    admin = lines(EMPLOYEE_NO[Role.ADMIN], PASSWORD)
    code, _, err = run_cli(
        capsys, url_of(database), "tariff", "import", str(path), *HEADER, stdin=admin
    )
    assert code == 2 and "Traceback" not in err and "nothing was imported" in err
    assert all(part in err for part in expected), err
    assert _rows(database) == (0, 0)
