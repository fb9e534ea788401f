"""Users of every role and contexts for them, for the security service tests."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

from sqlalchemy import select

from db.domain import Role
from db.engine import Database
from db.models import AuditEntry, User
from hallclient.access.audit import Where
from hallclient.access.auth import current_user
from hallclient.access.passwords import hash_password
from hallclient.clock import FixedClock
from hallclient.context import Context, CurrentUser
from hallclient.uow import UnitOfWork, run_write

START = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
WHERE = Where("H01", "C01")
PASSWORD = "Counter-Pass-1"
EMPLOYEE_NO = {role: f"{index + 1}001" for index, role in enumerate(Role)}
REQUESTER_NO = "8001"  # a second clerk, who asks for approvals


@functools.cache
def _stored_password() -> str:
    """One argon2 hash for every test user: hashing costs ~0.1 s, on purpose."""
    return hash_password(PASSWORD)


def add_users(database: Database) -> dict[Role | str, CurrentUser]:
    """One active user per role, plus the requesting clerk under the key "requester";
    all with :data:`PASSWORD` and no password change required."""

    def use_case(uow: UnitOfWork) -> dict[Role | str, CurrentUser]:
        stored = _stored_password()
        numbers: dict[Role | str, tuple[str, Role]] = {r: (EMPLOYEE_NO[r], r) for r in Role}
        numbers["requester"] = (REQUESTER_NO, Role.CLERK)
        users = {
            key: User(employee_no=no, display_name=f"测试{no}", role=role, password_hash=stored)
            for key, (no, role) in numbers.items()
        }
        uow.session.add_all(users.values())
        uow.commit()
        return {role: current_user(user) for role, user in users.items()}

    return run_write(database, use_case)


def context_for(user: CurrentUser, clock: FixedClock) -> Context:
    return Context(user, WHERE, clock)


def setup_admin(clock: FixedClock) -> Context:
    """An administrator who is no row of ``users``: for a test's setup that needs someone to
    name (who brought an opening balance over), where no login is the point."""
    return Context(CurrentUser(0, "setup", "test setup", Role.ADMIN, None), WHERE, clock)


def journal(database: Database) -> list[tuple[str, str, str]]:
    """(actor, action, object_id) of every entry, oldest first."""
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(
            select(AuditEntry.actor_employee_no, AuditEntry.action, AuditEntry.object_id).order_by(
                AuditEntry.seq
            )
        ).all()
        return [tuple(row) for row in rows]


def user_row(database: Database, employee_no: str, column):
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(column).where(User.employee_no == employee_no))
