"""A new database's first user, added without credentials (there is nobody to log in): an
administrator only, journaled as the operating-system account; and the demo data, never
loaded into a database that has users of its own."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from db.models import Account, AuditEntry, Department, Hall, User
from hallclient.context import command_line_operator
from hallclient.uow import UnitOfWork
from tests.db.cli_helpers import lines, run_cli, url_of

FIRST = ("user-add", "--employee-no", "0001", "--name", "系统管理员")
FIRST_PASSWORD = "Root-Pass-2026"


def _users(database) -> list[tuple[str, str, bool]]:
    with UnitOfWork(database) as uow:
        rows = select(User.employee_no, User.role, User.must_change_password).order_by(User.id)
        return [(no, role.value, must) for no, role, must in uow.session.execute(rows)]


def _journal(database) -> list[tuple[str, str, str, dict[str, object]]]:
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(
            select(
                AuditEntry.actor_employee_no,
                AuditEntry.action,
                AuditEntry.object_id,
                AuditEntry.details,
            ).order_by(AuditEntry.seq)
        ).all()
    return [(actor, action, object_id, json.loads(d)) for actor, action, object_id, d in rows]


def test_the_first_user_is_an_administrator_added_without_credentials(capsys, database):
    code, out, err = run_cli(
        capsys, url_of(database), *FIRST, "--role", "admin", stdin=lines(FIRST_PASSWORD)
    )
    assert code == 0 and "first user 0001 added, an administrator" in out, err
    assert _users(database) == [("0001", "admin", True)]  # who chooses their own at a login
    details = {"name": "系统管理员", "role": "admin", "first_user": True}
    assert _journal(database) == [(command_line_operator(), "user.added", "0001", details)]


@pytest.mark.parametrize("role", ["clerk", "shift_manager", "auditor"])
def test_the_first_user_must_be_an_administrator(capsys, database, role):
    code, _, err = run_cli(
        capsys, url_of(database), *FIRST, "--role", role, stdin=lines(FIRST_PASSWORD)
    )
    assert code == 2 and "the first user must be an administrator" in err
    assert _users(database) == [] and _journal(database) == []


@pytest.mark.parametrize(
    ("stdin", "says"),
    [
        ("", "give an administrator's employee number"),
        # a script written for the first user: its password is taken as the admin's number
        (lines("Clerk-Pass-2026"), "no administrator's password given"),
    ],
)
def test_a_second_user_needs_an_administrator(capsys, database, stdin, says):
    url = url_of(database)
    assert run_cli(capsys, url, *FIRST, "--role", "admin", stdin=lines(FIRST_PASSWORD))[0] == 0
    journal = _journal(database)
    second = ("user-add", "--employee-no", "0002", "--name", "营业员", "--role", "clerk")
    code, _, err = run_cli(capsys, url, *second, stdin=stdin)
    assert code == 2 and says in err
    assert "Clerk-Pass-2026" not in err  # what was read is not repeated: it may be a secret
    assert [no for no, _, _ in _users(database)] == ["0001"] and _journal(database) == journal


def _counts(database) -> tuple[int, ...]:
    with UnitOfWork(database) as uow:
        count = func.count()
        return tuple(
            uow.session.scalar(select(count).select_from(model)) or 0
            for model in (User, Department, Hall, Account, AuditEntry)
        )


def test_demo_data_is_never_loaded_into_a_database_with_users_of_its_own(capsys, database):
    url = url_of(database)
    assert run_cli(capsys, url, *FIRST, "--role", "admin", stdin=lines(FIRST_PASSWORD))[0] == 0
    before = _counts(database)
    code, _, err = run_cli(capsys, url, "demo", "--accounts", "20")
    assert code == 2
    assert (
        "this database has users of its own (0001): demo data is never loaded into a "
        "database that serves customers"
    ) in err
    assert _counts(database) == before == (1, 0, 0, 0, 1)
