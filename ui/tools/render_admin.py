"""Rendered admin screens (``hallclient render``): the users, a new user's form, the counters,
and the audit journal as the shift manager reads it.

"main-admin": the demo administrator 9001's users tab with a hall's staff (one locked
out, one deactivated, new clerks who have not logged in yet); "admin-add-user": the form
of Ctrl+N filled in, a much used first password refused; "admin-counters": the hall's
counters and this PC's printer; "admin-audit": the shift manager 2001's journal tab.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap

from hallclient.access.auth import LoginRefused
from hallclient.access.users import NewUser
from ui.admin.page import AdminPage
from ui.admin.user_dialogs import AddUserDialog
from ui.tools.render_tools import framed, grab, wait_until

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.shell.main_window import MainWindow

ADMIN_SCREENS = ("main-admin", "admin-add-user", "admin-counters", "admin-audit")
ADMIN, MANAGER, CLERK = ("9001", "demo9001"), ("2001", "demo2001"), ("1001", "demo1001")
STAFF = (
    NewUser("1003", "张敏", "clerk", "First-Pass-2026"),
    NewUser("1004", "欧阳晓燕", "clerk", "First-Pass-2026"),
    NewUser("3002", "刘洋", "department_staff", "First-Pass-2026", "billing"),
    NewUser("4002", "何军", "auditor", "First-Pass-2026"),
)
# ten wrong passwords: locked for thirty minutes (not a demo user another screen logs in as)
LOCKED_OUT = "1004"
DEACTIVATED = "4002"


class Renderer(Protocol):
    core: Core

    def _window(self, who: tuple[str, str], area: str, screen: str) -> MainWindow: ...
    def _user(self, who: tuple[str, str], screen: str) -> CurrentUser: ...


def admin_screen(renderer: Renderer, name: str) -> QPixmap:
    if name == "admin-audit":
        renderer._user(CLERK, name)  # a clerk at work: logins in the journal
        window = renderer._window(MANAGER, "admin", name)
        page = _page(window)
        journal = page.journal
        assert journal is not None
        wait_until(lambda: journal.page is not None and not journal.attempt.running)
        return grab(window)
    _hall_staff(renderer, name)
    window = renderer._window(ADMIN, "admin", name)
    page = _page(window)
    users = page.users
    assert users is not None and page.counters is not None
    if name == "admin-counters":
        counters = page.counters
        page.show_tab(counters)
        wait_until(lambda: counters.hall is not None and not counters.attempt.running)
        return grab(window)
    wait_until(lambda: users.users.rowCount() > 0 and not users.attempt.running)
    users.table.selectRow(
        next(i for i, u in enumerate(users.users.rows()) if u.employee_no == "1003")
    )
    if name == "main-admin":
        return grab(window)
    users.add_user()
    form = users.dialog
    assert isinstance(form, AddUserDialog)
    form.employee_no.setText("1005")
    form.name.setText("陈小红")
    for field in (form.password.first, form.password.repeat):
        field.setText("password")
    form.send()
    wait_until(lambda: not form.attempt.running)
    dialog = grab(form)
    return framed(grab(window), dialog)


def _page(window: MainWindow) -> AdminPage:
    window.show()
    page = window.pages.admin
    assert isinstance(page, AdminPage)
    return page


def _hall_staff(renderer: Renderer, screen: str) -> None:
    """A hall's staff beside the demo users, once per database."""
    core, admin = renderer.core, renderer._user(ADMIN, screen)
    if any(user.employee_no == STAFF[0].employee_no for user in core.access.users(admin)):
        return
    renderer._user(CLERK, screen)  # logged in today
    renderer._user(MANAGER, screen)
    for new in STAFF:
        core.access.add_user(admin, new)
    core.access.set_active(admin, DEACTIVATED, False)
    for _ in range(10):
        with contextlib.suppress(LoginRefused):
            core.access.login(LOCKED_OUT, "not-the-password")
