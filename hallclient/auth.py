"""Logging in: who is at the counter, with lockout after repeated failures.

A wrong employee number and a wrong password get the same answer, so the
message never tells which part was wrong.  Ten failures in a row lock the
account for thirty minutes; a lock is lifted by time (or, later, an admin).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from db.engine import Database
from db.models import Role, User
from hallclient.clock import Clock
from hallclient.errors import HallError
from hallclient.passwords import hash_password, needs_rehash, verify_password
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
MAX_FAILED_LOGINS = 10
LOCKOUT = timedelta(minutes=30)

__all__ = ["CurrentUser", "LoginRefused", "RefusalReason", "Role", "login"]


class RefusalReason(enum.StrEnum):
    BAD_CREDENTIALS = "bad_credentials"
    LOCKED = "locked"
    INACTIVE = "inactive"


class LoginRefused(HallError):
    def __init__(self, reason: RefusalReason, locked_until: datetime | None = None) -> None:
        self.reason = reason
        self.locked_until = locked_until
        super().__init__(reason.value)


@dataclass(frozen=True)
class CurrentUser:
    user_id: int
    employee_no: str
    display_name: str
    role: Role
    department_code: str | None


def _refuse_wrong_password(uow: UnitOfWork, user: User, now: datetime) -> LoginRefused:
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.failed_logins = 0
        user.locked_until = now + LOCKOUT
        uow.commit()
        log.warning(
            "user %s locked until %s after repeated failures",
            user.employee_no,
            user.locked_until.isoformat(),
        )
        return LoginRefused(RefusalReason.LOCKED, user.locked_until)
    uow.commit()
    log.info("failed login for %s (%d in a row)", user.employee_no, user.failed_logins)
    return LoginRefused(RefusalReason.BAD_CREDENTIALS)


def _attempt(uow: UnitOfWork, employee_no: str, password: str, now: datetime) -> CurrentUser:
    user = uow.session.scalar(select(User).where(User.employee_no == employee_no.strip()))
    if user is not None and user.locked_until is not None and user.locked_until > now:
        log.info("login refused for locked user %s", user.employee_no)
        raise LoginRefused(RefusalReason.LOCKED, user.locked_until)
    if not verify_password(user.password_hash if user else None, password):
        if user is None:
            log.info("failed login for unknown employee number %r", employee_no)
            raise LoginRefused(RefusalReason.BAD_CREDENTIALS)
        raise _refuse_wrong_password(uow, user, now)
    assert user is not None
    if not user.active:
        log.info("login refused for inactive user %s", user.employee_no)
        raise LoginRefused(RefusalReason.INACTIVE)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    uow.commit()
    log.info("user %s logged in", user.employee_no)
    return CurrentUser(
        user.id, user.employee_no, user.display_name, user.role, user.department_code
    )


def login(database: Database, employee_no: str, password: str, clock: Clock) -> CurrentUser:
    """Check the credentials; raise :class:`LoginRefused` saying only what may be said."""
    return run_write(database, lambda uow: _attempt(uow, employee_no, password, clock.now()))
