"""Helpers for the session tests: a clerk who has changed the demo password, the journal."""

from __future__ import annotations

from decimal import Decimal

from hallclient.access.audit import recent_entries
from hallclient.access.auth import CurrentUser
from hallclient.core import Core
from hallclient.uow import UnitOfWork
from ui.shell.main_window import MainWindow

CLERK_NEW_PASSWORD = "counter-2026"
MANAGER_NEW_PASSWORD = "Manager-Pass-2026"


def clerk_after_first_login(core: Core) -> CurrentUser:
    """The demo clerk 1001 logged in, with the required password change already done."""
    user = core.access.login("1001", "demo1001")
    return core.access.change_own_password(user, "demo1001", CLERK_NEW_PASSWORD)


def manager_chose_password(core: Core) -> str:
    """The demo shift manager 2001 has logged in once and chosen a password (nobody
    approves with a first password); returns it, for the approval dialog."""
    user = core.access.login("2001", "demo2001")
    core.access.change_own_password(user, "demo2001", MANAGER_NEW_PASSWORD)
    return MANAGER_NEW_PASSWORD


def clerk_with_open_shift(core: Core) -> CurrentUser:
    """The demo clerk 1001 at work: first login done, their shift open with a 500 yuan float."""
    user = clerk_after_first_login(core)
    core.shifts.open(user, {Decimal(100): 5})
    return user


def journal_actions(core: Core, limit: int = 50) -> list[str]:
    """The newest journal entries' actions, oldest first."""
    with UnitOfWork(core.database) as uow:
        return [entry.action for entry in reversed(recent_entries(uow, limit))]


def open_window(qtbot, core: Core, user: CurrentUser) -> MainWindow:
    """The main window for ``user``, 1366×768, active, its session started."""
    window = MainWindow(core, user)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_session()
    return window
