"""``hallclient tariff import`` of a hostile file: refused with its problem, no traceback,
and nothing in the tariff tables."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import TariffItem, TariffSchedule
from hallclient.uow import UnitOfWork
from tests.db.tariff.test_tariff_cli import HEADER, _run
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
    url = database.engine.url.render_as_string(hide_password=False)
    code, _, err = _run(capsys, url, "tariff", "import", str(path), *HEADER)
    assert code == 2 and "Traceback" not in err and "nothing was imported" in err
    assert all(part in err for part in expected), err
    assert _rows(database) == (0, 0)
