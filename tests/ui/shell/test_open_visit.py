"""Logging out, quitting or switching user with a visit open: it never stays without outcome."""

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
        assert box.windowTitle() == "有接待未结束"
        assert ticket in box.text()
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
        qtbot.keyClick(_question(qtbot, window), Qt.Key.Key_E)
    stored = window.core.intake.visit(window.user, visit_id)
    assert stored.outcome is VisitOutcome.NO_SHOW and stored.closed_at is not None
    assert stored.notes.startswith("中断") and "客户要求改日再来" in stored.notes


def test_quitting_with_a_visit_open_asks_first_then_closes_it(qtbot, window):
    visit_id = window.pages.intake.visit.id
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    box = _question(qtbot, window)
    assert window.isVisible()  # not closed while the question is open
    qtbot.keyClick(box, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.core.intake.visit(window.user, visit_id).outcome is VisitOutcome.NO_SHOW


def test_switching_user_at_the_lock_closes_the_visit_left_open(qtbot, window):
    visit_id = window.pages.intake.visit.id
    window.lock()
    with qtbot.waitSignal(window.sig_logged_out, timeout=10_000):
        qtbot.mouseClick(window.lock_panel.switch_button, Qt.MouseButton.LeftButton)
    assert window.core.intake.visit(window.user, visit_id).outcome is VisitOutcome.NO_SHOW
    assert window.visit_guard.question is None  # nobody to ask: the clerk is away
