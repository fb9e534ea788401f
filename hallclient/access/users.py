"""User accounts: added, changed and reset by an admin, passwords changed by their owner.

Every change is journaled; nobody is ever deleted (an account that should no longer log in
is deactivated, so the journal's numbers keep naming someone).  A new or reset account must
change its password at the next login (the policy in :mod:`hallclient.access.passwords`).
The hall always keeps an active administrator: the last one can neither be deactivated
nor stop being an administrator, and nobody changes their own role or deactivates
themself.  A new database's first user, an administrator, is added at the command line
without a login (:func:`add_first_admin`).
"""

from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

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


class UserField(enum.StrEnum):
    """The field of the user form a refusal is about (the screen moves the focus there)."""

    EMPLOYEE_NO = "employee_no"
    DISPLAY_NAME = "display_name"
    ROLE = "role"
    DEPARTMENT = "department"
    ACCOUNT = "account"  # the account as a whole: the list's selected row


class UserProblem(enum.StrEnum):
    BAD_EMPLOYEE_NO = "an employee number has 3-16 letters or digits"
    EMPLOYEE_NO_TAKEN = "this employee number is already taken"
    NAME_REQUIRED = "a display name is required"
    UNKNOWN_ROLE = "this role is unknown"
    DEPARTMENT_REQUIRED = "department staff need an existing department code"
    NO_DEPARTMENT = "only department staff belong to a department"
    UNKNOWN_USER = "there is no user with this employee number"
    OWN_ACCOUNT = "you cannot deactivate or reactivate your own account"
    OWN_ROLE = "you cannot change your own role or department"
    LAST_ADMIN = "the last active administrator must stay an active administrator"
    FIRST_USER_ROLE = "the first user must be an administrator (--role admin)"
    HAS_USERS = "this database has users: adding one needs an administrator's credentials"


FIELD_OF = {
    UserProblem.BAD_EMPLOYEE_NO: UserField.EMPLOYEE_NO,
    UserProblem.EMPLOYEE_NO_TAKEN: UserField.EMPLOYEE_NO,
    UserProblem.NAME_REQUIRED: UserField.DISPLAY_NAME,
    UserProblem.UNKNOWN_ROLE: UserField.ROLE,
    UserProblem.DEPARTMENT_REQUIRED: UserField.DEPARTMENT,
    UserProblem.NO_DEPARTMENT: UserField.DEPARTMENT,
    UserProblem.UNKNOWN_USER: UserField.ACCOUNT,
    UserProblem.OWN_ACCOUNT: UserField.ACCOUNT,
    UserProblem.OWN_ROLE: UserField.ROLE,
    UserProblem.LAST_ADMIN: UserField.ROLE,
    UserProblem.FIRST_USER_ROLE: UserField.ROLE,
    UserProblem.HAS_USERS: UserField.ACCOUNT,
}


class UserInputError(HallError):
    """A user change that cannot be saved as given (the UI words each ``problem``)."""

    def __init__(self, problem: UserProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)

    @property
    def field(self) -> UserField:
        return FIELD_OF[self.problem]


@dataclass(frozen=True)
class UserView:
    """One account as the admin's list shows it (never its password or hash)."""

    employee_no: str
    display_name: str
    role: Role
    department_code: str | None
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class NewUser:
    """An account to add, as the admin typed it (the password never shows in a repr)."""

    employee_no: str
    display_name: str
    role: str
    password: str = field(repr=False)
    department_code: str | None = None


def list_users(database: Database, context: Context) -> list[UserView]:
    """Every account, active ones first, by employee number."""
    context.require(Action.MANAGE_USERS)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(User).order_by(User.active.desc(), User.employee_no))
        return [
            UserView(
                row.employee_no,
                row.display_name,
                row.role,
                row.department_code,
                row.active,
                row.locked_until,
                row.must_change_password,
                row.last_login_at,
            )
            for row in rows
        ]


def _checked_role(uow: UnitOfWork, role: str, department_code: str | None) -> Role:
    try:
        checked = Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise UserInputError(UserProblem.UNKNOWN_ROLE, f"{role!r}; use one of {choices}") from None
    if checked is Role.DEPARTMENT_STAFF:
        if not department_code or uow.session.get(Department, department_code) is None:
            raise UserInputError(UserProblem.DEPARTMENT_REQUIRED, department_code or "")
    elif department_code:
        raise UserInputError(UserProblem.NO_DEPARTMENT, department_code)
    return checked


def _user(uow: UnitOfWork, employee_no: str) -> User:
    user = uow.session.scalar(
        select(User).where(User.employee_no == employee_no.strip()).with_for_update()
    )
    if user is None:
        raise UserInputError(UserProblem.UNKNOWN_USER, employee_no)
    return user


def _keep_an_admin(uow: UnitOfWork, user: User) -> None:
    """Refuse to take away the last active administrator.  The active admins' rows are
    locked, so two admins taking each other away at once cannot both pass."""
    admins = uow.session.scalars(
        select(User.id).where(User.role == Role.ADMIN, User.active.is_(True)).with_for_update()
    ).all()
    if user.role is Role.ADMIN and user.active and set(admins) <= {user.id}:
        raise UserInputError(UserProblem.LAST_ADMIN, user.employee_no)


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
        details = {
            "name": new.display_name,
            "role": user.role.value,
            "department": new.department_code,
        }
        context.record(uow, "user.added", "user", new.employee_no, details)
        uow.commit()
        return user.id

    return run_write(database, use_case)


def _new_user(
    employee_no: str, display_name: str, role: str, password: str, department: str | None
) -> NewUser:
    """The new user's number and name, cleaned, or :class:`UserInputError` (the role, the
    number's use and the password are checked inside the transaction, in that order)."""
    employee_no = employee_no.strip()
    display_name = clean_text(display_name, UserField.DISPLAY_NAME, DISPLAY_NAME_MAX)
    if not _EMPLOYEE_NO.match(employee_no):
        raise UserInputError(UserProblem.BAD_EMPLOYEE_NO, employee_no)
    if not display_name:
        raise UserInputError(UserProblem.NAME_REQUIRED)
    return NewUser(employee_no, display_name, role, password, department)


def _stage_user(uow: UnitOfWork, new: NewUser) -> User:
    checked = _checked_role(uow, new.role, new.department_code)
    if uow.session.scalar(select(User.id).where(User.employee_no == new.employee_no)):
        raise UserInputError(UserProblem.EMPLOYEE_NO_TAKEN, new.employee_no)
    check_policy(new.password, new.employee_no)
    user = User(
        employee_no=new.employee_no,
        display_name=new.display_name,
        role=checked,
        department_code=new.department_code,
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
        raise UserInputError(UserProblem.FIRST_USER_ROLE, role)


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
            raise UserInputError(UserProblem.HAS_USERS)
        user = _stage_user(uow, new)
        details = {"name": new.display_name, "role": Role.ADMIN.value, "first_user": True}
        audit.record(
            uow, where, operator, "user.added", "user", new.employee_no, details, clock.now()
        )
        uow.commit()
        log.info("first user %s added by %s", new.employee_no, operator)
        return user.id

    return run_write(database, use_case)


def change_role(
    database: Database,
    context: Context,
    employee_no: str,
    role: str,
    department_code: str | None = None,
) -> None:
    """Give a user another role or department; the journal keeps both, before and after."""
    context.require(Action.MANAGE_USERS)
    if employee_no.strip() == context.user.employee_no:
        raise UserInputError(UserProblem.OWN_ROLE, employee_no)

    def use_case(uow: UnitOfWork) -> None:
        user = _user(uow, employee_no)
        checked = _checked_role(uow, role, department_code)
        before = (user.role.value, user.department_code)
        if before == (checked.value, department_code):
            return  # nothing changes, nothing is journaled
        if checked is not Role.ADMIN:
            _keep_an_admin(uow, user)
        user.role, user.department_code = checked, department_code
        details = {"role": [before[0], checked.value], "department": [before[1], department_code]}
        context.record(uow, "user.role_changed", "user", user.employee_no, details)
        uow.commit()

    run_write(database, use_case)


def reset_password(
    database: Database, context: Context, employee_no: str, temporary_password: str
) -> None:
    """Give a user a temporary password (to be changed at next login) and lift any lock."""
    context.require(Action.MANAGE_USERS)
    check_policy(temporary_password, employee_no.strip())

    def use_case(uow: UnitOfWork) -> None:
        user = _user(uow, employee_no)
        user.password_hash = hash_password(temporary_password)
        user.must_change_password = True
        user.failed_logins, user.locked_until = 0, None
        context.record(uow, "user.password_reset", "user", user.employee_no)
        uow.commit()

    run_write(database, use_case)


def set_active(database: Database, context: Context, employee_no: str, active: bool) -> None:
    """Activate or deactivate an account (never one's own, never the last active admin)."""
    context.require(Action.MANAGE_USERS)
    if employee_no.strip() == context.user.employee_no:
        raise UserInputError(UserProblem.OWN_ACCOUNT, employee_no)

    def use_case(uow: UnitOfWork) -> None:
        user = _user(uow, employee_no)
        if user.active == active:
            return  # already so: nothing to journal
        if not active:
            _keep_an_admin(uow, user)
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
