"""Every command-line command that writes, × who is at the keyboard.

Without credentials, with a wrong password, as a clerk, or as an admin who still has a
password someone else set: refused with exit code 2 and one clear line, and nothing
written but the credential check's own journal entry.  As an admin: done, and every new
journal entry names that admin, the first being ``cli.command`` with the command.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import migrate
from db.domain import Role
from db.engine import Database
from db.models import Approval, AuditEntry, Bill, MeterReading, TariffSchedule, User
from hallclient.access import auth, users
from hallclient.access.auth import MAX_FAILED_LOGINS, LoginRefused, RefusalReason
from hallclient.clock import SystemClock
from hallclient.tariff.imported import ImportedItem, ImportedTariff
from hallclient.tariff.rules import Category
from hallclient.tariff.sheets import write_csv
from hallclient.uow import UnitOfWork
from tests.db.cli_helpers import lines, run_cli, url_of
from tests.db.ledger.ledger_till import BILLED_NO, READINGS_HEADER, LedgerTill, ledger_till
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD, WHERE
from tests.db.tariff_helpers import draft

ADMIN, CLERK, MANAGER = EMPLOYEE_NO[Role.ADMIN], EMPLOYEE_NO[Role.CLERK], "2001"
NEW_ADMIN, NEW_ADMIN_PASSWORD = "9002", "Given-By-Someone-8"
METER = "211906000777"
#: An item no other schedule prices, so the draft can be approved while the tariff is in force.
SIDE_TARIFF = ImportedTariff(
    (
        ImportedItem(
            "Z901", "测试服务", Category.SERVICE_FEE, "次", Decimal(10), ("residential",), ""
        ),
    ),
    (),
)


@dataclass
class Hall:
    """A hall's database: users of every role, a tariff in force, a draft, an account with
    an unbilled reading; an admin ``9002`` who has not chosen a password; the files to import."""

    database: Database
    in_force: str
    draft: str
    items: Path
    readings: Path


@pytest.fixture
def hall(database, tmp_path) -> Hall:
    till: LedgerTill = ledger_till(database)
    opening = tmp_path / "opening"
    opening.mkdir()
    till.read(opening, (BILLED_NO, METER, "1000", "2026-09-01"))
    till.read(opening, (BILLED_NO, METER, "1050", "2026-10-01"))  # 50 m³ to bill
    users.add_user(database, till.admin, NEW_ADMIN, "新管理员", "admin", NEW_ADMIN_PASSWORD)
    with UnitOfWork(database) as uow:
        in_force = uow.session.scalar(select(TariffSchedule.code))
    side = draft(database, till.admin, SIDE_TARIFF)  # type: ignore[arg-type]
    items = tmp_path / "items.csv"
    write_csv(
        items,
        ["code", "name", "category", "unit", "unit_price", "customer_types", "note"],
        [["Y801", "新服务", "service_fee", "次", "20.00", "residential", ""]],
    )
    readings = tmp_path / "readings.csv"
    write_csv(readings, READINGS_HEADER, [[BILLED_NO, METER, "1100", "2026-11-01", "R07"]])
    return Hall(database, str(in_force), side.code, items, readings)


@dataclass(frozen=True)
class Command:
    name: str
    argv: Callable[[Hall], list[str]]
    reads: tuple[str, ...] = ()  # what the command itself reads after the admin's password
    journals: str | None = None  # the action its own journal entry records


COMMANDS = [
    Command(
        "user-add",
        lambda hall: ["user-add", "--employee-no", "7001", "--name", "新来的", "--role", "clerk"],
        reads=("Newcomer-Pass-7",),
        journals="user.added",
    ),
    Command(
        "tariff import",
        lambda hall: [
            "tariff",
            "import",
            str(hall.items),
            "--code",
            "GAS-2099",
            "--title",
            "新标准",
            "--doc-no",
            "测价〔2098〕1号",
            "--issuing-body",
            "测试市发改委",
            "--from",
            "2099-01-01",
        ],
        journals="tariff.draft_created",
    ),
    Command(
        "tariff end",
        lambda hall: ["tariff", "end", hall.in_force, "2099-12-31"],
        journals="tariff.end_set",
    ),
    Command(
        "tariff retire", lambda hall: ["tariff", "retire", hall.in_force], journals="tariff.retired"
    ),
    Command(
        "tariff discard",
        lambda hall: ["tariff", "discard", hall.draft],
        journals="tariff.discarded",
    ),
    Command(
        "tariff approve",
        lambda hall: ["tariff", "approve", hall.draft, "--approver", MANAGER],
        reads=(PASSWORD,),  # the approver's
        journals="tariff.approved",
    ),
    Command(
        "readings import",
        lambda hall: ["readings", "import", str(hall.readings)],
        journals="ledger.readings_imported",
    ),
    Command("bills run", lambda hall: ["bills", "run"]),
    Command("db downgrade", lambda hall: ["db", "downgrade", "0009"]),  # drops the ledger
]


@dataclass(frozen=True)
class Person:
    """Who is at the keyboard: ``--admin`` if ``by_flag``, else the number on stdin."""

    name: str
    employee_no: str
    password: str
    by_flag: bool
    refusal: str | None  # what the one line says; None: the command is done
    journal: tuple[str, str] | None  # the credential check's refusal entry

    def argv(self) -> list[str]:
        return ["--admin", self.employee_no] if self.by_flag else []

    def stdin(self, command: Command) -> str:
        if not self.employee_no:
            return ""
        number = () if self.by_flag else (self.employee_no,)
        return lines(*number, self.password, *command.reads)


PEOPLE = [
    Person("nobody", "", "", False, "give an administrator's employee number", None),
    Person(
        "wrong password",
        ADMIN,
        "Not-The-Password-1",
        False,
        "wrong employee number or password",
        (ADMIN, "cli.failed"),
    ),
    Person(
        "a clerk",
        CLERK,
        PASSWORD,
        True,
        f"{CLERK} is not an administrator: only an admin runs this command",
        (CLERK, "cli.refused_role"),
    ),
    Person(
        "an admin with a password someone else set",
        NEW_ADMIN,
        NEW_ADMIN_PASSWORD,
        True,
        "change the password at a login in the window first",
        (NEW_ADMIN, "cli.refused_unchanged_password"),
    ),
    Person("an admin", ADMIN, PASSWORD, False, None, None),
]


def _count(uow: UnitOfWork, model: type) -> int:
    return uow.session.scalar(select(func.count()).select_from(model)) or 0


def _state(database: Database) -> dict[str, object]:
    """Everything the commands may change, but the journal and the users' failure counts."""
    with UnitOfWork(database) as uow:
        schedules = select(TariffSchedule.code, TariffSchedule.status, TariffSchedule.effective_to)
        return {
            "revision": migrate.current_revision(database.engine),
            "users": sorted(uow.session.scalars(select(User.employee_no))),
            "schedules": sorted(uow.session.execute(schedules).all()),
            "approvals": _count(uow, Approval),
            "readings": _count(uow, MeterReading),
            "bills": _count(uow, Bill),
        }


def _journal_after(database: Database, seq: int) -> list[tuple[str, str, dict[str, object]]]:
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(
            select(AuditEntry.actor_employee_no, AuditEntry.action, AuditEntry.details)
            .where(AuditEntry.seq > seq)
            .order_by(AuditEntry.seq)
        ).all()
    return [(actor, action, json.loads(details)) for actor, action, details in rows]


def _head(database: Database) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.max(AuditEntry.seq))) or 0


@pytest.mark.parametrize("person", PEOPLE, ids=lambda person: person.name)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_a_write_command_runs_only_as_an_admin(capsys, hall, command, person):
    database, before, seq = hall.database, _state(hall.database), _head(hall.database)
    argv = [*command.argv(hall), *person.argv()]
    code, _, err = run_cli(capsys, url_of(database), *argv, stdin=person.stdin(command))
    entries = _journal_after(database, seq)
    if person.refusal is not None:
        assert code == 2 and person.refusal in err and "Traceback" not in err, err
        assert len(err.strip().splitlines()) == 1, err
        assert _state(database) == before
        assert [(actor, action) for actor, action, _ in entries] == (
            [person.journal] if person.journal else []
        )
        return
    assert code == 0, err
    assert {actor for actor, _, _ in entries} == {ADMIN}
    _, action, details = entries[0]
    assert (action, details["command"]) == ("cli.command", command.name)
    assert "database_url" not in details and PASSWORD not in json.dumps(entries)
    if command.journals:
        assert command.journals in [action for _, action, _ in entries]
    if command.name == "db downgrade":
        assert migrate.current_revision(database.engine) == "0009"
        return
    assert _state(database) != before
    if command.name == "bills run":  # the bills name who ran the billing
        with UnitOfWork(database) as uow:
            assert set(uow.session.scalars(select(Bill.created_by))) == {ADMIN}


def test_wrong_passwords_at_the_command_line_count_towards_the_lockout(capsys, hall):
    """Half the failures at the login, half at the command line: the account locks."""
    url, retire = url_of(hall.database), ("tariff", "retire", hall.in_force, "--admin", ADMIN)
    for _ in range(MAX_FAILED_LOGINS // 2):
        with pytest.raises(LoginRefused):
            auth.login(hall.database, WHERE, ADMIN, "Not-The-Password-1", SystemClock())
    for _ in range(MAX_FAILED_LOGINS // 2 - 1):
        code, _, err = run_cli(capsys, url, *retire, stdin=lines("Not-The-Password-1"))
        assert code == 2 and "wrong employee number or password" in err
    code, _, err = run_cli(capsys, url, *retire, stdin=lines("Not-The-Password-1"))
    assert code == 2 and f"{ADMIN} is locked until" in err
    before = _state(hall.database)
    code, _, err = run_cli(capsys, url, *retire, stdin=lines(PASSWORD))  # the right one, too late
    assert code == 2 and f"{ADMIN} is locked until" in err
    assert _state(hall.database) == before
    with pytest.raises(LoginRefused) as refused:
        auth.login(hall.database, WHERE, ADMIN, PASSWORD, SystemClock())
    assert refused.value.reason is RefusalReason.LOCKED


def test_the_read_commands_ask_nobody_and_write_nothing(capsys, hall, tmp_path):
    url, seq, before = url_of(hall.database), _head(hall.database), _state(hall.database)
    tariff_import = next(c for c in COMMANDS if c.name == "tariff import").argv(hall)
    for argv in (
        ["tariff", "list"],
        ["tariff", "review", hall.draft],
        ["tariff", "quote", "G101", "10", "--account", BILLED_NO],
        ["tariff", "export", hall.in_force, str(tmp_path / "export.xlsx")],
        [*tariff_import, "--dry-run"],
        ["readings", "import", str(hall.readings), "--dry-run"],
        ["bills", "list", BILLED_NO],
        ["audit", "verify"],
        ["audit", "head"],
        ["receipts", "verify"],
        ["db", "current"],
        ["db", "check"],
    ):
        code, _, err = run_cli(capsys, url, *argv)  # standard input empty: nobody answers
        assert code == 0, (argv, err)
    assert _head(hall.database) == seq and _state(hall.database) == before
