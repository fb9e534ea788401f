"""Who is at the counter: login, idle lock and unlock, logout -- every outcome journaled.

A wrong employee number and a wrong password get the same answer, so the message
never tells which part was wrong.  Ten failures in a row lock the account for
thirty minutes, counted across login, unlocking the screen and approving; the
lock, each failure and the unlock are in the audit journal.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select

from db.domain import Role
from db.engine import Database
from db.models import AuditEntry, User
from hallclient.access import audit
from hallclient.access.audit import Where
from hallclient.access.passwords import hash_password, needs_rehash, verify_password
from hallclient.clock import Clock
from hallclient.context import Context, CurrentUser, PasswordReset
from hallclient.errors import HallError
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
MAX_FAILED_LOGINS = 10
LOCKOUT = timedelta(minutes=30)
UNKNOWN_USER = "(unknown)"

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


def current_user(user: User) -> CurrentUser:
    return CurrentUser(
        user.id,
        user.employee_no,
        user.display_name,
        user.role,
        user.department_code,
        user.must_change_password,
    )


class CredentialCheck:
    """One credential check: where, when, for what (login, unlock, approval)."""

    def __init__(self, uow: UnitOfWork, where: Where, now: datetime, purpose: str) -> None:
        self.uow, self.where, self.now, self.purpose = uow, where, now, purpose

    def journal(self, actor: str, action: str, details: Mapping[str, object] | None = None) -> None:
        audit.record(
            self.uow, self.where, actor[:32], action, "user", actor[:32], details or {}, self.now
        )

    def refuse(self, actor: str, event: str, refusal: LoginRefused) -> LoginRefused:
        """Journal the refusal and commit it (the failure must count), then hand it back."""
        self.journal(actor, f"{self.purpose}.{event}")
        self.uow.commit()
        log.info("%s refused for %r: %s", self.purpose, actor, refusal.reason.value)
        return refusal

    def wrong_password(self, user: User) -> LoginRefused:
        user.failed_logins += 1
        if user.failed_logins < MAX_FAILED_LOGINS:
            details = {"failures_in_a_row": user.failed_logins}
            self.journal(user.employee_no, f"{self.purpose}.failed", details)
            self.uow.commit()
            return LoginRefused(RefusalReason.BAD_CREDENTIALS)
        user.failed_logins, user.locked_until = 0, self.now + LOCKOUT
        self.journal(user.employee_no, f"{self.purpose}.failed")
        self.journal(user.employee_no, "account.locked", {"until": user.locked_until})
        self.uow.commit()
        log.warning("user %s locked until %s", user.employee_no, user.locked_until.isoformat())
        return LoginRefused(RefusalReason.LOCKED, user.locked_until)


def check_credentials(attempt: CredentialCheck, employee_no: str, password: str) -> User:
    """The active, unlocked user with this password, or :class:`LoginRefused` (committed).

    On success nothing is committed yet: the caller journals its own event and commits.
    """
    employee_no = employee_no.strip()
    user = attempt.uow.session.scalar(
        select(User).where(User.employee_no == employee_no).with_for_update()
    )  # locked: parallel failures on PostgreSQL must all count
    if user is not None and user.locked_until is not None and user.locked_until > attempt.now:
        refusal = LoginRefused(RefusalReason.LOCKED, user.locked_until)
        raise attempt.refuse(user.employee_no, "refused_locked", refusal)
    if not verify_password(user.password_hash if user else None, password):
        if user is None:  # what was typed may be a password: never journal or log it
            raise attempt.refuse(
                UNKNOWN_USER, "failed", LoginRefused(RefusalReason.BAD_CREDENTIALS)
            )
        raise attempt.wrong_password(user)
    assert user is not None  # no stored hash never verifies
    if not user.active:
        raise attempt.refuse(
            user.employee_no, "refused_inactive", LoginRefused(RefusalReason.INACTIVE)
        )
    if user.locked_until is not None:
        attempt.journal(user.employee_no, "account.unlocked", {"by": "lock expired"})
    user.failed_logins, user.locked_until = 0, None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def login(
    database: Database, where: Where, employee_no: str, password: str, clock: Clock
) -> CurrentUser:
    """Check the credentials; raise :class:`LoginRefused` saying only what may be said."""

    def use_case(uow: UnitOfWork) -> CurrentUser:
        attempt = CredentialCheck(uow, where, clock.now(), "login")
        user = check_credentials(attempt, employee_no, password)
        user.last_login_at = attempt.now
        attempt.journal(user.employee_no, "login.succeeded")
        reset = _pending_reset(uow, user)
        uow.commit()
        log.info("user %s logged in", user.employee_no)
        return replace(current_user(user), password_reset=reset)

    return run_write(database, use_case)


def _pending_reset(uow: UnitOfWork, user: User) -> PasswordReset | None:
    """The admin's reset the user has not yet followed with their own password, if any."""
    if not user.must_change_password:
        return None
    entry = uow.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action == "user.password_reset", AuditEntry.object_id == user.employee_no)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    return None if entry is None else PasswordReset(entry.actor_employee_no, entry.occurred_at)


def unlock_session(database: Database, context: Context, password: str) -> CurrentUser:
    """The same user re-enters the password to continue after the idle lock."""

    def use_case(uow: UnitOfWork) -> CurrentUser:
        attempt = CredentialCheck(uow, context.where, context.clock.now(), "unlock")
        user = check_credentials(attempt, context.user.employee_no, password)
        attempt.journal(user.employee_no, "session.unlocked")
        uow.commit()
        return current_user(user)

    return run_write(database, use_case)


def _journal_session_event(
    database: Database, context: Context, action: str, details: Mapping[str, object] | None = None
) -> None:
    def use_case(uow: UnitOfWork) -> None:
        context.record(uow, action, "user", context.user.employee_no, details)
        uow.commit()

    run_write(database, use_case)


def lock_session(database: Database, context: Context, idle_minutes: int | None = None) -> None:
    """Journal that the screen was locked: by the person, or by itself after
    ``idle_minutes`` without use."""
    details = {"by": "user"} if idle_minutes is None else {"by": "idle", "minutes": idle_minutes}
    _journal_session_event(database, context, "session.locked", details)


def logout(database: Database, context: Context, *, switching_user: bool = False) -> None:
    """Journal a logout; ``switching_user`` when another person takes over a locked screen."""
    _journal_session_event(database, context, "logout.switch_user" if switching_user else "logout")
    log.info("user %s logged out", context.user.employee_no)
