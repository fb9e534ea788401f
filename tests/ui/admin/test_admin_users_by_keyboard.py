"""The admin's users page by keyboard only: add a clerk (a weak first password refused
first), reset the shift manager's password (who must then change it and approves nothing
until then), change a role, unlock and deactivate; every change journaled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from db.domain import Role
from hallclient.access.approvals import ApprovalError, ApprovalProblem, ApprovalRequest
from hallclient.access.audit import recent_entries
from hallclient.access.auth import LoginRefused, RefusalReason
from hallclient.access.permissions import ApprovalKind
from hallclient.uow import UnitOfWork
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.admin.page import AdminPage
from ui.admin.users_tab import UsersTab
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ADMIN_PASSWORD = "admin-pass-77"
NEW_CLERK, NEW_NAME, FIRST = "1003", "张敏", "Counter-2027"
RESET = "Reset-Pass-2027"


@pytest.fixture
def admin(private_core):
    user = private_core.access.login("9001", "demo9001")
    return private_core.access.change_own_password(user, "demo9001", ADMIN_PASSWORD)


@pytest.fixture
def window(qtbot, app, private_core, admin) -> MainWindow:
    return open_window(qtbot, private_core, admin)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard is, as the admin would."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _type_chinese(text: str) -> None:
    """Chinese arrives as the input method commits it (QTest types ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(QApplication.focusWidget(), event)


def _open_users(qtbot, window: MainWindow) -> UsersTab:
    row = [area.key for area in window.areas].index("admin")
    _key(qtbot, Qt.Key(Qt.Key.Key_1.value + row), CTRL)
    page = window.pages.admin
    assert isinstance(page, AdminPage) and page.users is not None
    assert window.current_area() == "admin" and page.tabs.currentWidget() is page.users
    tab = page.users
    qtbot.waitUntil(lambda: tab.users.rowCount() == 6)
    settle(qtbot, tab)
    assert QApplication.focusWidget() is tab.table  # the list has the keyboard
    return tab


def _select(qtbot, tab: UsersTab, number: str) -> None:
    """Home, then ↓ until the person is the current row."""
    _key(qtbot, Qt.Key.Key_Home)
    for _ in range(tab.users.rowCount()):
        person = tab.selected()
        if person is not None and person.employee_no == number:
            return
        _key(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{number} is not in the list")


def _form(qtbot, tab: UsersTab):
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isActiveWindow())
    return tab.dialog


def _journal(core) -> list[tuple[str, str, str]]:
    with UnitOfWork(core.database) as uow:
        return [(e.actor, e.action, e.object_id) for e in recent_entries(uow, 100)]


def _add_the_clerk(qtbot, tab: UsersTab) -> None:
    """Ctrl+N: number, name, role, a much used first password refused, then a good one."""
    _key(qtbot, Qt.Key.Key_N, CTRL)
    form = _form(qtbot, tab)
    assert QApplication.focusWidget() is form.employee_no
    _type(qtbot, NEW_CLERK)
    _key(qtbot, Qt.Key.Key_Tab)
    _type_chinese(NEW_NAME)
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.roles.role and not form.roles.department.isEnabled()
    _key(qtbot, Qt.Key.Key_Tab)  # the department is off for a clerk: straight to the password
    _type(qtbot, "password")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "password")
    _key(qtbot, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert (
        form.isVisible()
        and form.error.text() == "这个密码是最常用的密码之一，最先被猜中：请换一个。"
    )
    assert QApplication.focusWidget() is form.password.first  # the field to fix
    _type(qtbot, FIRST)  # over the selected weak one
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, FIRST)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.users.rowCount() == 7)
    settle(qtbot, tab)


def _reset_the_managers_password(qtbot, tab: UsersTab) -> None:
    _select(qtbot, tab, "2001")
    _key(qtbot, Qt.Key.Key_R, CTRL)
    form = _form(qtbot, tab)
    assert "下次登录时必须" in form.intro.text()
    _type(qtbot, RESET)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, RESET)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.dialog is None)
    settle(qtbot, tab)


def test_admin_users_by_keyboard(qtbot, window, private_core):
    tab = _open_users(qtbot, window)
    _add_the_clerk(qtbot, tab)
    assert tab.message.text().startswith(f"已添加{NEW_NAME}（工号 {NEW_CLERK}）")
    added = tab.selected()
    assert added is not None and added.employee_no == NEW_CLERK and added.must_change_password
    assert QApplication.focusWidget() is tab.table
    _reset_the_managers_password(qtbot, tab)
    assert tab.message.text() == "陈静（工号 2001）的密码已重置：本人下次登录时必须修改。"

    manager = private_core.access.login("2001", RESET)
    assert manager.must_change_password and manager.password_reset is not None
    assert manager.password_reset.by_employee_no == "9001"
    clerk = clerk_after_first_login(private_core)
    void = ApprovalRequest(ApprovalKind.VOID_RECEIPT, "H01-C01-2026-000001", "客户重复缴费")
    with pytest.raises(ApprovalError) as refused:
        private_core.access.grant_approval(clerk, void, "2001", RESET)
    assert refused.value.problem is ApprovalProblem.PASSWORD_NOT_CHANGED

    entries = _journal(private_core)
    assert ("9001", "user.added", NEW_CLERK) in entries
    assert ("9001", "user.password_reset", "2001") in entries
    new_clerk = private_core.access.login(NEW_CLERK, FIRST)
    assert new_clerk.must_change_password and new_clerk.role is Role.CLERK


def test_unlock_and_deactivate_by_keyboard(qtbot, window, private_core):
    for _ in range(10):  # 李强 locks himself out
        with pytest.raises(LoginRefused):
            private_core.access.login("1002", "not-the-password")
    tab = _open_users(qtbot, window)
    _select(qtbot, tab, "1002")
    assert tab.users.is_locked(tab.selected())
    _key(qtbot, Qt.Key.Key_U, CTRL)
    settle(qtbot, tab)
    assert tab.message.text() == "李强（工号 1002）可以重新登录了。"
    assert private_core.access.login("1002", "demo1002").employee_no == "1002"

    _key(qtbot, Qt.Key.Key_D, CTRL)  # Esc keeps him
    box = tab.question
    assert isinstance(box, QMessageBox) and "李强（工号 1002）" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.question is None)
    assert tab.selected().active

    _key(qtbot, Qt.Key.Key_D, CTRL)
    box = tab.question
    qtbot.keyClick(box, Qt.Key.Key_D)  # 停用(D)
    qtbot.waitUntil(lambda: tab.question is None)
    settle(qtbot, tab)
    qtbot.waitUntil(lambda: tab.selected() is not None and not tab.selected().active)
    assert tab.message.text() == "李强（工号 1002）已停用。"
    with pytest.raises(LoginRefused) as refused:
        private_core.access.login("1002", "demo1002")
    assert refused.value.reason is RefusalReason.INACTIVE
    entries = _journal(private_core)
    assert ("9001", "account.unlocked", "1002") in entries
    assert ("9001", "user.deactivated", "1002") in entries


def test_a_role_without_its_department_is_refused_at_the_department(qtbot, window, private_core):
    tab = _open_users(qtbot, window)
    _select(qtbot, tab, "1002")
    _key(qtbot, Qt.Key.Key_E, CTRL)
    form = _form(qtbot, tab)
    assert QApplication.focusWidget() is form.roles.role
    _key(qtbot, Qt.Key.Key_Down)  # 营业员 → 值班长
    _key(qtbot, Qt.Key.Key_Down)  # → 承办部门人员: the department opens, still empty
    assert form.roles.department.isEnabled()
    _key(qtbot, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert form.error.text() == "承办部门人员需要所属部门：请选择。"
    assert QApplication.focusWidget() is form.roles.department
    _key(qtbot, Qt.Key.Key_Down)  # the first department of the directory
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.dialog is None)
    settle(qtbot, tab)
    changed = tab.selected()
    assert changed is not None and changed.role is Role.DEPARTMENT_STAFF
    assert changed.department_code == private_core.referrals.departments()[0].code
    assert ("9001", "user.role_changed", "1002") in _journal(private_core)


def test_the_admin_cannot_deactivate_themself(qtbot, window, private_core):
    tab = _open_users(qtbot, window)
    _select(qtbot, tab, "9001")
    _key(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(tab.question, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: tab.question is None)
    settle(qtbot, tab)
    assert tab.message.text() == "不能停用或重新启用自己的账户。"
    assert QApplication.focusWidget() is tab.table
    assert all(person.active for person in tab.users.rows())
