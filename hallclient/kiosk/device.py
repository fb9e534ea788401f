"""Who acts at a kiosk: the device itself, named in the journal, allowed one thing.

Nobody logs in at a kiosk, and nobody is pretended to be: the acting "user" is the
device (``kiosk:<code>``), it may only issue tickets, and its journal entries name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.domain import Role
from hallclient.access.audit import Where
from hallclient.access.permissions import Action
from hallclient.clock import DEFAULT_TIMEZONE, Clock
from hallclient.context import Context, CurrentUser
from hallclient.errors import HallError

KIOSK_ACTIONS = frozenset({Action.ISSUE_TICKETS})
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


class DeviceRefusedError(HallError):
    def __init__(self, device: str, action: Action) -> None:
        self.device, self.action = device, action
        super().__init__(f"{device} may only issue tickets, not {action.value}")


@dataclass(frozen=True)
class DeviceContext(Context):
    """A kiosk's context: :data:`KIOSK_ACTIONS`, not a role, says what it may do."""

    def require(self, action: Action) -> None:
        if action not in KIOSK_ACTIONS:
            raise DeviceRefusedError(self.user.employee_no, action)


def kiosk_context(
    hall_code: str, kiosk_code: str, clock: Clock, timezone: str = DEFAULT_TIMEZONE
) -> DeviceContext:
    """The context of kiosk ``kiosk_code`` in ``hall_code`` (the code as a counter's is:
    letters, digits, ``-`` or ``_``, at most 16)."""
    if not _CODE.match(kiosk_code):
        raise HallError(f"a kiosk code is 1-16 letters, digits, - or _: {kiosk_code!r}")
    name = f"kiosk:{kiosk_code}"
    # the role is never consulted (require is the class's own)
    device = CurrentUser(0, name, name, Role.CLERK, None)
    return DeviceContext(device, Where(hall_code, kiosk_code), clock, timezone)
