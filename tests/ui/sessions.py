"""Helpers for the session tests: a clerk who has changed the demo password, the journal."""

from __future__ import annotations

from hallclient.audit import recent_entries
from hallclient.auth import CurrentUser
from hallclient.core import Core
from hallclient.uow import UnitOfWork

CLERK_NEW_PASSWORD = "counter-2026"


def clerk_after_first_login(core: Core) -> CurrentUser:
    """The demo clerk 1001 logged in, with the required password change already done."""
    user = core.login("1001", "demo1001")
    return core.change_own_password(user, "demo1001", CLERK_NEW_PASSWORD)


def journal_actions(core: Core, limit: int = 50) -> list[str]:
    """The newest journal entries' actions, oldest first."""
    with UnitOfWork(core.database) as uow:
        return [entry.action for entry in reversed(recent_entries(uow, limit))]
