"""User accounts: added and reset by an admin, passwords changed by their owner.

Every change is journaled.  A new or reset account must change its password at the next
login (the policy in :mod:`hallclient.access.passwords`).  A new database's first user, an
administrator, is added at the command line without a login (:func:`add_first_admin`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import Role
from db.engine import Database
from db.models import Department, User
from hallclient.access import audit
from hallclient.access.audit import Where
from hallclient.access.auth import CredentialCheck, check_credentials, current_user
from hallclient.access.passwords import check_policy, hash_password
from hallclient.access.permissions import Action
from hallclient.clock import Clock
from hallclient.context import Context, CurrentUser
from hallclient.errors import HallError
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
_EMPLOYEE_NO = re.compile(r"^[0-9A-Za-z]{3,16}$")
DISPLAY_NAME_MAX = 50  # the column's width


class UserInputError(HallError):
    """A user change that cannot be saved as given."""


def _checked_role(uow: UnitOfWork, role: str, department_code: str | None) -> Role:
    try:
        checked = Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise UserInputError(f"role {role!r} is unknown; use one of {choices}") from None
    if checked is Role.DEPARTMENT_STAFF:
        if not department_code or uow.session.get(Department, department_code) is None:
            raise UserInputError("department staff need an existing department code")
    elif department_code:
        raise UserInputError("only department staff belong to a department")
    return checked


def _user(uow: UnitOfWork, employee_no: str) -> User:
    user = uow.session.scalar(select(User).where(User.employee_no == employee_no.strip()))
    if user is None:
        raise UserInputError(f"there is no user with employee number {employee_no}")
    return user


def add_user(
    database: Database,
    context: Context,
    employee_no: str,
    display_name: str,
    role: str,
    password: str,
    department_code: str | None = None,
) -> int:
    """Create an active user who must change the password at first login; returns its id."""
    context.require(Action.MANAGE_USERS)
    new = _new_user(employee_no, display_name, role, password, department_code)

    def use_case(uow: UnitOfWork) -> int:
        user = _stage_user(uow, new)
        details = {"name": new.display_name, "role": user.role.value, "department": new.department}
        context.record(uow, "user.added", "user", new.employee_no, details)
        uow.commit()
        return user.id

    return run_write(database, use_case)


@dataclass(frozen=True)
class _NewUser:
    employee_no: str
    display_name: str
    role: str
    password: str
    department: str | None


def _new_user(
    employee_no: str, display_name: str, role: str, password: str, department: str | None
) -> _NewUser:
    """The new user's fields, cleaned, or :class:`UserInputError` (the role is checked
    against the departments inside the transaction)."""
    employee_no = employee_no.strip()
    display_name = clean_text(display_name, "display_name", DISPLAY_NAME_MAX)
    if not _EMPLOYEE_NO.match(employee_no):
        raise UserInputError("an employee number has 3-16 letters or digits")
    if not display_name:
        raise UserInputError("a display name is required")
    check_policy(password, employee_no)
    return _NewUser(employee_no, display_name, role, password, department)


def _stage_user(uow: UnitOfWork, new: _NewUser) -> User:
    checked = _checked_role(uow, new.role, new.department)
    if uow.session.scalar(select(User.id).where(User.employee_no == new.employee_no)):
        raise UserInputError(f"employee number {new.employee_no} is already taken")
    user = User(
        employee_no=new.employee_no,
        display_name=new.display_name,
        role=checked,
        department_code=new.department,
        password_hash=hash_password(new.password),
        must_change_password=True,
    )
    uow.session.add(user)
    uow.session.flush()
    return user


def has_users(database: Database) -> bool:
    """Whether anyone can log in yet (a new database has nobody)."""
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(User.id).limit(1)) is not None


def check_first_user_role(role: str) -> None:
    """The first user is the administrator who adds the others."""
    if role.strip() != Role.ADMIN.value:
        raise UserInputError("the first user must be an administrator (--role admin)")


def add_first_admin(
    database: Database,
    where: Where,
    clock: Clock,
    operator: str,
    employee_no: str,
    display_name: str,
    password: str,
    department_code: str | None = None,
) -> int:
    """The first user of a database that has none: an administrator, added without a login
    (there is nobody to log in) and journaled as the ``operator`` who ran it (the
    operating-system account).  Refused once any user exists; returns the new user's id."""
    new = _new_user(employee_no, display_name, Role.ADMIN.value, password, department_code)

    def use_case(uow: UnitOfWork) -> int:
        audit.lock_journal(uow)  # every user added is journaled: two first users queue here
        if uow.session.scalar(select(User.id).limit(1)) is not None:
            raise UserInputError(
                "this database has users: adding one needs an administrator's credentials"
            )
        user = _stage_user(uow, new)
        details = {"name": new.display_name, "role": Role.ADMIN.value, "first_user": True}
        audit.record(
            uow, where, operator, "user.added", "user", new.employee_no, details, clock.now()
        )
        uow.commit()
        log.info("first user %s added by %s", new.employee_no, operator)
        return user.id

    return run_write(database, use_case)


def reset_password(
    database: Database, context: Context, employee_no: str, temporary_password: str
) -> None:
    """Give a user a temporary password (to be changed at next login) and lift any lock."""
    context.require(Action.MANAGE_USERS)
    check_policy(temporary_password, employee_no)

    def use_case(uow: UnitOfWork) -> None:
        user = _user(uow, employee_no)
        user.password_hash = hash_password(temporary_password)
        user.must_change_password = True
        user.failed_logins, user.locked_until = 0, None
        context.record(uow, "user.password_reset", "user", user.employee_no)
        uow.commit()

    run_write(database, use_case)


def set_active(database: Database, context: Context, employee_no: str, active: bool) -> None:
    """Activate or deactivate an account (never one's own)."""
    context.require(Action.MANAGE_USERS)
    if employee_no.strip() == context.user.employee_no:
        raise UserInputError("you cannot deactivate or reactivate your own account")

    def use_case(uow: UnitOfWork) -> None:
        user = _user(uow, employee_no)
        user.active = active
        action = "user.activated" if active else "user.deactivated"
        context.record(uow, action, "user", user.employee_no)
        uow.commit()

    run_write(database, use_case)


def unlock_user(database: Database, context: Context, employee_no: str) -> None:
    """Lift a lockout before its thirty minutes are up."""
    context.require(Action.MANAGE_USERS)

    def use_case(uow: UnitOfWork) -> None:
        user = _user(uow, employee_no)
        user.failed_logins, user.locked_until = 0, None
        context.record(uow, "account.unlocked", "user", user.employee_no, {"by": "admin"})
        uow.commit()

    run_write(database, use_case)


def change_own_password(
    database: Database, context: Context, old_password: str, new_password: str
) -> CurrentUser:
    """The logged-in user replaces their password; returns the user with the flag cleared.

    A wrong current password counts towards the lockout like a failed login
    (:class:`hallclient.access.auth.LoginRefused`).
    """
    context.require(Action.CHANGE_OWN_PASSWORD)
    check_policy(new_password, context.user.employee_no, old_password)

    def use_case(uow: UnitOfWork) -> CurrentUser:
        check = CredentialCheck(uow, context.where, context.clock.now(), "password_change")
        user = check_credentials(check, context.user.employee_no, old_password)
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        context.record(uow, "password.changed", "user", user.employee_no)
        uow.commit()
        return current_user(user)

    return run_write(database, use_case)
