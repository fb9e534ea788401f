"""Referring from the visit by keyboard: F5, the matter typed, the department suggested,
Ctrl+Enter; the visit is then referring and the script panel names the department.  A
theft report hides the contact and keeps the reporter confidential."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import ReferralStatus, VisitStage
from hallclient import paths
from hallclient.core import open_core
from hallclient.referrals.service import NewReferral
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import FakePrinter
from tests.ui.helpers import serve_account, settle, type_text, untranslated, visible_texts
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    user = clerk_after_first_login(private_core)
    private_core.intake.issue_ticket(user, "business")
    return open_window(qtbot, private_core, user)


@pytest.fixture
def page(qtbot, window) -> IntakePage:
    intake = serve_account(qtbot, window, "1028100001")
    assert isinstance(intake, IntakePage)
    intake.purpose.setCurrentIndex(intake.purpose.findData("meter_fault"))
    intake._purpose_chosen(intake.purpose.currentIndex())
    settle(qtbot, intake)
    return intake


def _open_form(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F5)
    dialog = page.referral_flow.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_refer_from_the_visit_with_the_suggested_department(qtbot, window, page, private_core):
    dialog = _open_form(qtbot, page)
    assert dialog.contact_name.text() and dialog.contact_phone.text()  # from the account
    assert dialog.department.currentData() == "emergency_repair"  # the purpose's department
    dialog.matter.insertPlainText("客户对上月抄表读数有疑问，认为气量不对，怀疑是估抄")
    dialog.suggest_now()
    assert dialog.department.currentData() == "meter_reading"  # the keywords outrank
    texts = visible_texts(dialog)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.visit.stage is VisitStage.REFERRING)
    assert page.message.text().startswith("已转办：ZB2026-000001")
    slip = paths.reports_dir() / "referrals" / "ZB2026-000001.pdf"  # no printer: a PDF
    assert slip.read_bytes().startswith(b"%PDF") and str(slip) in page.message.text()
    panel = window.script_panel
    qtbot.waitUntil(lambda: not panel.busy() and panel.department == "meter_reading")
    qtbot.waitUntil(lambda: panel.current() is not None and "抄表中心" in panel.current().text)
    [made] = private_core.referrals.for_account(window.user, "1028100001")
    assert made.status is ReferralStatus.NEW and made.department_code == "meter_reading"


def test_leak_words_in_the_matter_open_the_emergency(qtbot, page):
    dialog = _open_form(qtbot, page)
    dialog.matter.insertPlainText("客户说家里漏 氣了")
    qtbot.waitUntil(lambda: page.emergency.dialog is not None)


def test_a_short_matter_is_refused_in_the_form_and_nothing_is_lost(qtbot, page):
    dialog = _open_form(qtbot, page)
    dialog.matter.insertPlainText("坏了")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    settle(qtbot, page)
    assert dialog.isVisible() and dialog.error.text() == "请把事项写清楚，便于承办部门处理。"
    assert dialog.matter.toPlainText() == "坏了" and page.visit.stage is VisitStage.SERVING


def test_a_theft_report_keeps_the_reporter_apart(qtbot, window, page, private_core):
    dialog = _open_form(qtbot, page)
    dialog.theft.setChecked(True)
    assert not dialog.contact_name.isVisible() and dialog.reporter_name.isVisible()
    dialog.matter.insertPlainText("邻居家绕表偷气，私接管道到楼下")
    dialog.suggest_now()
    assert dialog.department.currentData() == "inspection"
    dialog.reporter_name.insert("甄秘密")
    dialog.reporter_phone.setText("13912345678")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text().startswith("已转办"))
    assert private_core.referrals.for_account(window.user, "1028100001") == []  # never listed


def test_the_counter_sees_the_referral_closed_when_the_customer_returns(
    qtbot, window, private_core
):
    clerk = window.user
    made = private_core.referrals.refer(
        clerk,
        NewReferral("billing", "urgent", "发票抬头错误，需要重开发票", account_no="1028100001"),
    )
    staff = private_core.access.change_own_password(
        private_core.access.login("3001", "demo3001"), "demo3001", "repair-pass-9"
    )
    staff = replace(staff, department_code="billing")
    private_core.referrals.move(staff, made.id, ReferralStatus.ACKNOWLEDGED)
    private_core.referrals.move(staff, made.id, ReferralStatus.CLOSED, "已重开发票并寄出")
    page = window.pages.intake
    qtbot.waitUntil(lambda: page.purpose.count() > 0)
    page.call_next()
    settle(qtbot, page)
    page.search.setText("1028100001")
    qtbot.waitUntil(lambda: page.accounts.rowCount() == 1)
    page.account_side.take()
    settle(qtbot, page)
    assert f"转办 {made.reference}" in page.panel.text()
    assert "已办结 · 已重开发票并寄出" in page.panel.text()


def test_a_department_picked_by_hand_stays_while_typing(qtbot, page):
    dialog = _open_form(qtbot, page)
    dialog.department.setCurrentIndex(dialog.department.findData("complaints"))
    dialog.department.activated.emit(dialog.department.currentIndex())
    dialog.matter.insertPlainText("客户对抄表读数有疑问，认为气量不对")
    dialog.suggest_now()
    assert dialog.department.currentData() == "complaints"


def test_a_leak_in_a_theft_report_tells_repair_nothing_of_the_reporter(qtbot, page, private_core):
    dialog = _open_form(qtbot, page)
    dialog.theft.setChecked(True)
    dialog.matter.insertPlainText("邻居私接管道偷气，楼道里有燃气味")
    qtbot.waitUntil(lambda: page.emergency.dialog is not None)
    emergency = page.emergency.dialog
    assert emergency.address.text() == ""  # not the reporter's home
    emergency.sig_record.emit()
    settle(qtbot, page)
    assert emergency.error.text() == "燃气味在哪里？请先填写地址。"
    emergency.address.setText("锦华路99号3单元楼道")
    emergency.sig_record.emit()
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.emergency.dialog is None)
    [sent] = private_core.referrals.board(_repair_staff(private_core))
    assert (sent.account_no, sent.contact_name, sent.contact_phone) == (None, "", "")
    assert sent.address == "锦华路99号3单元楼道" and "燃气味" in sent.matter


def _repair_staff(core):
    staff = core.access.login("3001", "demo3001")
    return core.access.change_own_password(staff, "demo3001", "repair-pass-9")


def _ctrl_f5(qtbot, window, intake) -> None:
    window.activateWindow()  # a form may have closed (offscreen, nobody gives it back)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(intake, Qt.Key.Key_F5, CTRL)
    settle(qtbot, intake)


def _references(printout) -> list[str]:
    return [text for text in printout.texts if "ZB2026-" in text]


def test_slips_the_printer_could_not_print_are_printed_with_ctrl_f5(
    qtbot, app, private_settings, clock
):
    printer = FakePrinter(mode="paper_out")
    settings = replace(
        private_settings,
        printer_backend="network",
        printer_target=printer.target,
        printer_mode="native",
    )
    core = open_core(settings, clock)
    try:
        user = clerk_after_first_login(core)
        core.intake.issue_ticket(user, "business")
        window = open_window(qtbot, core, user)
        intake = serve_account(qtbot, window, "1028100001")
        _ctrl_f5(qtbot, window, intake)  # nothing referred yet
        assert intake.message.text() == "本次接待尚无转办，没有可打印的回执。"
        for matter in ("客户对上月抄表读数有疑问，认为气量不对", "客户要求开具增值税发票"):
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            dialog = _open_form(qtbot, intake)
            dialog.matter.insertPlainText(matter)
            qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
            settle(qtbot, intake)
            qtbot.waitUntil(lambda: "回执打印失败：打印机缺纸" in intake.message.text())
            assert "Ctrl+F5" in intake.message.text()
        assert intake.visit.stage is VisitStage.REFERRING
        printer.mode = "ok"  # a new roll: both slips that did not print, in order
        _ctrl_f5(qtbot, window, intake)
        qtbot.waitUntil(
            lambda: (
                intake.message.text() == "ZB2026-000001 的回执已打印。 ZB2026-000002 的回执已打印。"
            )
        )
        first, second = decode(printer.job(-2)), decode(printer.job(-1))
        assert _references(first)[0].endswith("ZB2026-000001")
        assert _references(second)[0].endswith("ZB2026-000002")
        intake.tickets.end_visit()  # F9: the visit just ended still counts for Ctrl+F5
        intake.tickets.close_dialog.ratings.button(5).setChecked(True)
        intake.tickets.close_dialog.accept()
        qtbot.waitUntil(lambda: intake.visit is None)
        _ctrl_f5(qtbot, window, intake)  # all printed: the latest once more
        qtbot.waitUntil(lambda: len(printer.jobs) == 5)
        again = decode(printer.job(-1))
        assert _references(again)[0].endswith("ZB2026-000002")
        assert any("重打" in text for text in again.texts)  # a copy, marked so
        assert not any("重打" in text for text in first.texts + second.texts)
    finally:
        core.close()
        printer.close()


def test_a_slip_printed_on_a_retry_is_no_longer_waiting(page, window, private_core):
    made = private_core.referrals.refer(
        window.user,
        NewReferral("billing", "normal", "发票抬头错误，需要重开发票", account_no="1028100001"),
    )
    page.slips.remember(page.visit.id, made, printed=False)  # made; the visit not moved on
    assert page.slips.unprinted == {made.id}
    page.slips.remember(page.visit.id, made, printed=True)  # the form's retry went through
    assert page.slips.unprinted == set() and page.slips.referrals[page.visit.id] == [made]


def test_without_a_suggestion_no_department_is_chosen_and_the_form_waits_for_one(
    qtbot, window, private_core
):
    intake = serve_account(qtbot, window, "1028100001")
    intake.purpose.setCurrentIndex(intake.purpose.findData("consultation"))  # no department
    intake._purpose_chosen(intake.purpose.currentIndex())
    settle(qtbot, intake)
    dialog = _open_form(qtbot, intake)
    assert dialog.department.currentIndex() == -1 and dialog.target.text() == "—"
    assert dialog.department.placeholderText() == "请选择承办部门"
    type_text(dialog.matter, "客户想了解周末营业时间和可办理的业务")
    dialog.suggest_now()
    assert dialog.suggested.text() == "—" and dialog.department.currentIndex() == -1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    settle(qtbot, intake)
    assert dialog.isVisible() and dialog.error.text() == "请先选择承办部门。"
    assert QApplication.focusWidget() is dialog.department
    assert private_core.referrals.for_account(window.user, "1028100001") == []
    qtbot.keyClick(dialog.department, Qt.Key.Key_Down)  # the first department of the list
    assert dialog.department.currentData() == "billing"
    assert dialog.target.text() == "48 小时"  # its target for a normal matter
    qtbot.keyClick(dialog.urgency, Qt.Key.Key_Down)
    assert dialog.target.text() == "16 小时"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    settle(qtbot, intake)
    qtbot.waitUntil(lambda: intake.message.text().startswith("已转办"))
    [made] = private_core.referrals.for_account(window.user, "1028100001")
    assert (made.department_code, made.urgency) == ("billing", "urgent")
