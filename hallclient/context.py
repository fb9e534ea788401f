"""Who is acting, where, and when: what every service needs besides its own arguments."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from db.domain import Role
from hallclient.access import audit
from hallclient.access.audit import Where
from hallclient.access.permissions import Action, require
from hallclient.clock import DEFAULT_TIMEZONE, Clock, hall_today
from hallclient.errors import HallError
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class PasswordReset:
    """Who reset the user's password, and when: told at the next login."""

    by_employee_no: str
    at: datetime


@dataclass(frozen=True)
class CurrentUser:
    user_id: int
    employee_no: str
    display_name: str
    role: Role
    department_code: str | None
    must_change_password: bool = False
    password_reset: PasswordReset | None = None  # an admin's reset not yet followed by a change


class PasswordChangeRequiredError(HallError):
    def __init__(self) -> None:
        super().__init__("the password must be changed before anything else")


@dataclass(frozen=True)
class Context:
    user: CurrentUser
    where: Where
    clock: Clock
    timezone: str = DEFAULT_TIMEZONE

    def today(self) -> date:
        """Today in the hall's time zone."""
        return hall_today(self.clock, self.timezone)

    def require(self, action: Action) -> None:
        """Refuse what the role may not do, and everything until a required password change."""
        if self.user.must_change_password and action is not Action.CHANGE_OWN_PASSWORD:
            raise PasswordChangeRequiredError()
        require(self.user.role, action)

    def record(
        self,
        uow: UnitOfWork,
        action: str,
        object_type: str,
        object_id: str,
        details: Mapping[str, object] | None = None,
    ) -> int:
        """Append an audit entry in the caller's transaction, as this user, here, now."""
        return audit.record(
            uow,
            self.where,
            self.user.employee_no,
            action,
            object_type,
            object_id,
            details or {},
            self.clock.now(),
        )


#: What a command run without an administrator may do: look things up.  Each read command's
#: service checks this action (``tariff list|review|quote|export``, ``bills list``, a readings
#: dry run); ``audit``, ``receipts verify|pdf`` and ``printer test`` read without a service.
COMMAND_LINE_READS = frozenset({Action.LOOK_UP_FEES})


def command_line_operator() -> str:
    """The operating-system account at the command line, as the journal names it."""
    return f"cli:{getpass.getuser()}"[:32]


class ReadOnlyCommandError(HallError):
    def __init__(self, what: str) -> None:
        super().__init__(
            f"a command without an administrator only reads: it may not {what} "
            "(an admin's employee number and password are needed)"
        )


@dataclass(frozen=True)
class ReadOnlyContext(Context):
    """A command run without a login: it looks things up and writes nothing, not even to the
    journal.  Nobody is logged in, so nobody is pretended to be: the user is the operating-system
    account, and :data:`COMMAND_LINE_READS`, not a role, says what it may do."""

    def require(self, action: Action) -> None:
        if action not in COMMAND_LINE_READS:
            raise ReadOnlyCommandError(action.value.replace("_", " "))

    def record(
        self,
        uow: UnitOfWork,
        action: str,
        object_type: str,
        object_id: str,
        details: Mapping[str, object] | None = None,
    ) -> int:
        raise ReadOnlyCommandError(f"journal {action}")


def read_only_context(where: Where, clock: Clock, timezone: str = DEFAULT_TIMEZONE) -> Context:
    """The context of a command that only reads (see :class:`ReadOnlyContext`)."""
    # the role is never consulted (require is the class's own): the one that reads
    reader = CurrentUser(0, command_line_operator(), "command line (read only)", Role.AUDITOR, None)
    return ReadOnlyContext(reader, where, clock, timezone)


#: How a desk turns the logged-in person into the context its services run in.
ContextOf = Callable[[CurrentUser], Context]
