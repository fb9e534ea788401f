"""Adding users: the checks every new account must pass."""

from __future__ import annotations

import logging
import re

from sqlalchemy import select

from db.models import Department, Role, User
from hallclient.errors import HallError
from hallclient.passwords import MIN_LENGTH, hash_password
from hallclient.uow import UnitOfWork

log = logging.getLogger(__name__)
_EMPLOYEE_NO = re.compile(r"^[0-9A-Za-z]{3,16}$")


class UserInputError(HallError):
    """A new user's details that cannot be saved as given."""


def _checked_role(role: str, department_code: str | None, uow: UnitOfWork) -> Role:
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


def add_user(
    uow: UnitOfWork,
    employee_no: str,
    display_name: str,
    role: str,
    password: str,
    department_code: str | None = None,
) -> int:
    """Create an active user; returns its id.  Nothing is written if a check fails."""
    employee_no, display_name = employee_no.strip(), display_name.strip()
    if not _EMPLOYEE_NO.match(employee_no):
        raise UserInputError("an employee number has 3-16 letters or digits")
    if not display_name:
        raise UserInputError("a display name is required")
    if len(password) < MIN_LENGTH:
        raise UserInputError(f"a password needs at least {MIN_LENGTH} characters")
    checked = _checked_role(role, department_code, uow)
    if uow.session.scalar(select(User.id).where(User.employee_no == employee_no)):
        raise UserInputError(f"employee number {employee_no} is already taken")
    user = User(
        employee_no=employee_no,
        display_name=display_name,
        role=checked,
        department_code=department_code,
        password_hash=hash_password(password),
    )
    uow.session.add(user)
    uow.commit()
    log.info("user %s (%s) added", employee_no, checked.value)
    return user.id
