"""Logging out, quitting or switching user with work unfinished: asked first, naming it; a
visit never stays without outcome."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallclient.core import Core
from hallclient.intake.visits import VisitOutcome, VisitView
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, app, private_core: Core) -> MainWindow:
    """The clerk serving the ticket just called (F2)."""
    user = clerk_after_first_login(private_core)
    private_core.intake.issue_ticket(user, "payment")
    widget = open_window(qtbot, private_core, user)
    intake = widget.pages.intake
    assert intake is not None
    qtbot.waitUntil(lambda: intake.purpose.count() > 0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    settle(qtbot, intake)
    assert intake.visit is not None and intake.visit.ticket_label
    return widget


def _stored(window: MainWindow) -> VisitView:
    visit = window.pages.intake.visit if window.pages.intake else None
    assert visit is not None
    return window.core.intake.visit(window.user, visit.id)


def _question(qtbot, window: MainWindow):
    qtbot.waitUntil(lambda: window.visit_guard.question is not None)
    box = window.visit_guard.question
    qtbot.waitUntil(box.isVisible)
    return box


def test_logging_out_with_a_visit_open_warns_and_going_back_changes_nothing(qtbot, window):
    ticket = window.pages.intake.visit.ticket_label
    with qtbot.assertNotEmitted(window.sig_logged_out):
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
        box = _question(qtbot, window)
        assert box.windowTitle() == "工作尚未完成"
        assert f"{ticket} 的接待尚未结束" in box.text() and "仍然退出登录" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: go back
        qtbot.waitUntil(lambda: window.visit_guard.question is None)
    stored = _stored(window)
    assert stored.outcome is None and stored.closed_at is None
    assert window.pages.intake.visit is not None and window.isVisible()


def test_logging_out_and_ending_the_visit_closes_it_as_interrupted(qtbot, window):
    visit_id = window.pages.intake.visit.id
    window.pages.intake.notes.setPlainText("客户要求改日再来")
    with qtbot.waitSignal(window.sig_logged_out, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
        qtbot.keyClick(_question(qtbot, window), Qt.Key.Key_L)  # 仍然退出登录(L)
    stored = window.core.intake.visit(window.user, visit_id)
    assert stored.outcome is VisitOutcome.NO_SHOW and stored.closed_at is not None
    assert stored.notes.startswith("中断") and "客户要求改日再来" in stored.notes


def test_quitting_with_a_visit_open_asks_first_then_closes_it(qtbot, window):
    visit_id = window.pages.intake.visit.id
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    box = _question(qtbot, window)
    assert window.isVisible()  # not closed while the question is open
    qtbot.keyClick(box, Qt.Key.Key_Q)  # 仍然退出程序(Q)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.core.intake.visit(window.user, visit_id).outcome is VisitOutcome.NO_SHOW


def test_switching_user_with_a_visit_open_asks_first_and_esc_keeps_the_work(qtbot, window):
    intake = window.pages.intake
    visit_id = intake.visit.id
    qtbot.keyClicks(intake.notes, "customer will come back")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.is_locked()
    switch = window.lock_panel.switch_button
    switch.setFocus()
    with qtbot.assertNotEmitted(window.sig_logged_out):
        qtbot.keyClick(switch, Qt.Key.Key_Space)
        box = _question(qtbot, window)
        assert "王丽的工作尚未完成" in box.text() and "并已填写备注" in box.text()
        assert "仍然切换用户" in box.text() and "按中断结束" in box.informativeText()
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # keeps the work
        qtbot.waitUntil(lambda: window.visit_guard.question is None)
    assert window.is_locked() and intake.visit is not None
    assert intake.notes.toPlainText() == "customer will come back"
    assert window.core.intake.visit(window.user, visit_id).closed_at is None
    with qtbot.waitSignal(window.sig_logged_out, timeout=10_000):
        qtbot.keyClick(switch, Qt.Key.Key_Space)
        qtbot.keyClick(_question(qtbot, window), Qt.Key.Key_S)  # 仍然切换用户(S)
    stored = window.core.intake.visit(window.user, visit_id)
    assert stored.outcome is VisitOutcome.NO_SHOW and "customer will come back" in stored.notes


def test_switching_user_with_nothing_unfinished_asks_nothing(qtbot, window):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)  # the visit ends first
    dialog = window.pages.intake.tickets.close_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    dialog.reject()
    window.pages.intake.visit_ended("")
    window.lock()
    with qtbot.waitSignal(window.sig_logged_out, timeout=10_000):
        qtbot.keyClick(window.lock_panel.switch_button, Qt.Key.Key_Space)
    assert window.visit_guard.question is None


def test_logging_out_with_fees_in_the_cart_names_them_and_esc_keeps_them(qtbot, window):
    window.show_area("fees")
    fees = window.pages.fees
    qtbot.waitUntil(lambda: fees.pricer is not None)
    fees.search.setFocus()
    qtbot.keyClicks(fees.search, "S105")
    qtbot.waitUntil(lambda: fees.items.rowCount() > 0)
    qtbot.keyClick(fees.search, Qt.Key.Key_Return)
    settle(qtbot, fees)
    qtbot.keyClicks(QApplication.focusWidget(), "1")
    settle(qtbot, fees)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(fees.cart.lines) == 1)
    with qtbot.assertNotEmitted(window.sig_logged_out):
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
        box = _question(qtbot, window)
        assert "收费清单中有 1 项" in box.text() and "尚未收费" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.visit_guard.question is None)
    assert len(fees.cart.lines) == 1 and window.pages.intake.visit is not None
    with qtbot.waitSignal(window.sig_logged_out, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
        qtbot.keyClick(_question(qtbot, window), Qt.Key.Key_L)  # 仍然退出登录(L)
    assert window.close() and window.visit_guard.question is None  # nothing more to ask


def test_a_note_typed_on_the_referral_board_is_named_before_logging_out(qtbot, app, private_core):
    staff = private_core.access.login("3001", "demo3001")
    staff = private_core.access.change_own_password(staff, "demo3001", "Repair-Centre-1")
    window = open_window(qtbot, private_core, staff)
    assert window.show_area("referrals")
    board = window.pages.referrals
    settle(qtbot, board)
    board.note.setFocus()
    qtbot.keyClicks(board.note, "on site at 3 pm")
    with qtbot.assertNotEmitted(window.sig_logged_out):
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
        box = _question(qtbot, window)
        assert "转办页面上填写的备注尚未保存" in box.text()
        assert "继续将不保留" in box.informativeText()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: go back
        qtbot.waitUntil(lambda: window.visit_guard.question is None)
    assert board.note.text() == "on site at 3 pm"
