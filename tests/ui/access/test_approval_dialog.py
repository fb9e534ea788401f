"""Manager approval: the request is shown, and only another person with the right role approves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from hallclient.access.approvals import ApprovalRequest
from hallclient.access.permissions import ApprovalKind
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import journal_actions, manager_chose_password
from ui.access.approval_dialog import ApprovalDialog, kind_text

VOID = ApprovalRequest(ApprovalKind.VOID_RECEIPT, "C01-2026-000123", "客户重复缴费")


@pytest.fixture
def dialog(qtbot, app, private_core) -> ApprovalDialog:
    clerk = private_core.access.login("1001", "demo1001")
    widget = ApprovalDialog(private_core, clerk, VOID)
    qtbot.addWidget(widget)
    widget.open()
    return widget


def _approve(qtbot, dialog: ApprovalDialog, employee_no: str, password: str) -> None:
    dialog.approver.setText(employee_no)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    settle(qtbot, dialog)


def test_the_request_is_shown_in_peoples_words(dialog):
    assert dialog.windowTitle() == "主管批准"
    assert dialog.kind.text() == "作废票据"
    assert dialog.object.text() == "C01-2026-000123"
    assert dialog.reason.text() == "客户重复缴费"
    assert dialog.requester.text() == "王丽（工号 1001）"


def test_every_kind_has_chinese_words(app):
    assert [kind_text(kind) for kind in ApprovalKind] == [
        "作废票据",
        "现金差额超限",
        "再次重打",
        "批准收费标准",
        "重开班次",
        "免收违约金",
    ]


def test_nobody_approves_their_own_action(qtbot, dialog):
    _approve(qtbot, dialog, "1001", "demo1001")
    assert dialog.isVisible() and dialog.grant is None
    assert dialog.error.text() == "不能批准自己的操作，请找值班长批准。"
    assert dialog.password.text() == ""


def test_a_clerk_cannot_approve(qtbot, dialog):
    _approve(qtbot, dialog, "1002", "demo1002")
    assert dialog.isVisible() and dialog.grant is None
    assert dialog.error.text().startswith("该员工无权批准此事项")


def test_a_wrong_manager_password_does_not_say_which_part(qtbot, dialog):
    _approve(qtbot, dialog, "2001", "not-the-password")
    assert dialog.error.text() == "工号或密码不正确，请重新输入。"


def test_a_first_password_approves_nothing(qtbot, dialog):
    _approve(qtbot, dialog, "2001", "demo2001")  # the demo password nobody has changed
    assert dialog.isVisible() and dialog.grant is None
    assert dialog.error.text().startswith("该审批人仍在使用他人设置的密码")


def test_the_admin_approves_no_void(qtbot, dialog, private_core):
    admin = private_core.access.login("9001", "demo9001")
    private_core.access.change_own_password(admin, "demo9001", "admin-pass-77")
    _approve(qtbot, dialog, "9001", "admin-pass-77")
    assert dialog.isVisible() and dialog.grant is None
    assert "值班长批准" in dialog.error.text()


def test_the_shift_manager_approves(qtbot, dialog, private_core):
    _approve(qtbot, dialog, "2001", manager_chose_password(private_core))
    assert dialog.result() == QDialog.DialogCode.Accepted
    grant = dialog.grant
    assert grant is not None
    assert (grant.kind, grant.object_ref) == (ApprovalKind.VOID_RECEIPT, "C01-2026-000123")
    assert (grant.approver_employee_no, grant.approver_name) == ("2001", "陈静")
    assert journal_actions(private_core)[-1] == "approval.granted"


def test_ask_returns_the_grant_or_none(qtbot, app, private_core):
    clerk = private_core.access.login("1001", "demo1001")

    def answer(employee_no: str, password: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ApprovalDialog)
        if employee_no:
            _approve(qtbot, dialog, employee_no, password)
        else:
            dialog.cancel.click()

    password = manager_chose_password(private_core)
    QTimer.singleShot(0, lambda: answer("2001", password))
    grant = ApprovalDialog.ask(private_core, clerk, VOID, None)
    assert grant is not None and grant.approver_employee_no == "2001"
    QTimer.singleShot(0, lambda: answer("", ""))
    assert ApprovalDialog.ask(private_core, clerk, VOID, None) is None


def test_every_visible_text_of_the_dialog_is_translated(qtbot, dialog):
    _approve(qtbot, dialog, "1002", "demo1002")
    texts = list(visible_texts(dialog))
    assert "批准" in texts
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_the_message_follows_a_language_switch(qtbot, dialog, app):
    _approve(qtbot, dialog, "1001", "demo1001")
    app.set_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Manager approval")
    assert dialog.kind.text() == "Void a receipt"
    assert dialog.error.text() == "Nobody approves their own action. Please ask a shift manager."
