"""The admin's view of the hall: its counters from the database, this PC's printer from
its settings file, with the paper status the printer last reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.domain import Role
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.printing.escpos import Charset, JobOptions, Mode
from hallclient.printing.layout import Paper
from hallclient.printing.printers import PaperStatus, PrinterConfig, send_job
from hallclient.setup.desk import WorkplaceDesk
from hallclient.setup.workplace import Workplace
from tests.db.intake_helpers import COUNTERS, add_hall
from tests.db.security_helpers import START, WHERE, add_users, context_for
from tests.printing.fake_printer import FakePrinter

SETTINGS_FILE = Path("/etc/hallclient/hallclient.toml")


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


def _desk(database, config: PrinterConfig) -> WorkplaceDesk:
    clock = FixedClock(START)
    here = Workplace(WHERE.hall_code, "测试营业厅", WHERE.counter_code, "C01号窗口")
    return WorkplaceDesk(
        database, lambda user: context_for(user, clock), here, config, SETTINGS_FILE
    )


def test_the_counters_and_this_pcs_printer(database, people):
    printer = FakePrinter()
    try:
        options = JobOptions(Mode.NATIVE, Charset.GBK, cut=False)
        config = PrinterConfig("network", printer.target, Paper.MM58, options, timeout=0.5)
        desk = _desk(database, config)
        before = desk.counters(people[Role.ADMIN])
        assert before.printer.last_paper is None  # nothing printed since the start
        send_job(config, b"\x1b@")
        hall = desk.counters(people[Role.ADMIN])
    finally:
        printer.close()
    assert [(c.code, c.name) for c in hall.counters] == [(c, f"{c}号窗口") for c in COUNTERS]
    assert hall.workplace.counter_code == "C01" and hall.settings_file == SETTINGS_FILE
    setup = hall.printer
    assert (setup.backend, setup.target, setup.paper_mm) == ("network", printer.target, 58)
    assert (setup.mode, setup.charset, setup.cut, setup.drawer) == ("native", "gbk", False, False)
    assert setup.last_paper is PaperStatus.OK


@pytest.mark.parametrize("role", [Role.SHIFT_MANAGER, Role.AUDITOR, Role.CLERK])
def test_only_the_admin_sees_the_counters_here(database, people, role):
    config = PrinterConfig("none", "", Paper.MM80, JobOptions())
    with pytest.raises(PermissionDeniedError):
        _desk(database, config).counters(people[role])
