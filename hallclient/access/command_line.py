"""An administrator at the command line: the credentials checked as at a login, the command
journaled under that person.

A command that changes money, the tariff or users runs as the administrator who typed
their employee number and password, never as "the command line".  The check is the one
the login, the idle unlock and an approval use (:func:`~hallclient.access.auth.check_credentials`):
a wrong password counts towards the lockout, a locked or deactivated account is refused,
and each failure is journaled.  Only an administrator who has chosen their own password
passes: a first password, or one someone else reset, is changed at a login in the window
first (as an approver's must be).  A refusal is journaled (``cli.refused_role``,
``cli.refused_unchanged_password``) and nothing else is written; a success journals
``cli.command`` with the command and its arguments, before the command runs, so its own
entries follow under the same employee number.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from db.domain import Role
from db.engine import Database
from db.models import User
from hallclient.access import audit
from hallclient.access.audit import Where
from hallclient.access.auth import CredentialCheck, check_credentials, current_user
from hallclient.clock import Clock
from hallclient.context import CurrentUser
from hallclient.errors import HallError
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CommandLine:
    """A command as the journal records it: its name and arguments (never a password: those
    are read from the terminal, not given as arguments; never a file's contents)."""

    name: str
    arguments: Mapping[str, object]


class AdminRefusal(enum.StrEnum):
    NOT_AN_ADMIN = "is not an administrator: only an admin runs this command"
    PASSWORD_NOT_CHANGED = (
        "still has a password someone else set: change the password at a login in the window first"
    )


class AdminRequiredError(HallError):
    def __init__(self, employee_no: str, refusal: AdminRefusal) -> None:
        self.employee_no, self.refusal = employee_no, refusal
        super().__init__(f"{employee_no} {refusal.value}")


_JOURNALED_AS = {
    AdminRefusal.NOT_AN_ADMIN: "cli.refused_role",
    AdminRefusal.PASSWORD_NOT_CHANGED: "cli.refused_unchanged_password",
}


def admin_for_command(
    database: Database,
    where: Where,
    clock: Clock,
    employee_no: str,
    password: str,
    command: CommandLine,
) -> CurrentUser:
    """The administrator these credentials belong to, the command journaled under them.

    Refused with :class:`~hallclient.access.auth.LoginRefused` (wrong, locked, deactivated)
    or :class:`AdminRequiredError`; each refusal is committed, nothing more.
    """

    def use_case(uow: UnitOfWork) -> CurrentUser:
        check = CredentialCheck(uow, where, clock.now(), "cli")
        user = check_credentials(check, employee_no, password)
        details = {"command": command.name, **command.arguments}
        refusal = _refusal(user)
        if refusal is not None:
            check.journal(user.employee_no, _JOURNALED_AS[refusal], details)
            uow.commit()
            raise AdminRequiredError(user.employee_no, refusal)
        audit.record(
            uow, where, user.employee_no, "cli.command", "command", command.name, details, check.now
        )
        uow.commit()
        log.info("%s runs %s from the command line", user.employee_no, command.name)
        return current_user(user)

    return run_write(database, use_case)


def _refusal(user: User) -> AdminRefusal | None:
    if user.role is not Role.ADMIN:
        return AdminRefusal.NOT_AN_ADMIN
    if user.must_change_password:
        return AdminRefusal.PASSWORD_NOT_CHANGED
    return None
