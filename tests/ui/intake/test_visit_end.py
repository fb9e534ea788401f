"""F9 after a referral, a payment or neither (issue 20): the close dialog preselects the
outcome the visit produced (referred, charged, resolved; read by the core), and the script
panel says the farewell that fits (the slip and the department's call, the receipt to keep,
or a plain goodbye)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from db.domain import PaymentMethod, VisitOutcome
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import PaymentRequest
from hallclient.receipts.payment import Tender
from hallclient.scripts.catalogue import ScriptKey as K
from tests.ui.helpers import serve_account, settle
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.intake.close_visit_dialog import CloseVisitDialog
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ACCOUNT_NO = "1028100001"


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    user = clerk_with_open_shift(private_core)
    private_core.intake.issue_ticket(user, "business")
    return open_window(qtbot, private_core, user)


def _served(qtbot, window) -> IntakePage:
    page = serve_account(qtbot, window, ACCOUNT_NO)
    page.purpose.setCurrentIndex(page.purpose.findData("meter_fault"))
    page._purpose_chosen(page.purpose.currentIndex())
    settle(qtbot, page)
    return page


def _refer(qtbot, page: IntakePage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_F5)
    dialog = page.referral_flow.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.matter.insertPlainText("客户对上月抄表读数有疑问，认为气量不对，怀疑是估抄")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text().startswith("已转办"))
    page.window().activateWindow()  # the form has gone: the counter's window has the keys
    qtbot.waitUntil(page.window().isActiveWindow)


def _charge(window, page: IntakePage) -> None:
    core, user = window.core, window.user
    cart = Cart().add(core.tariff.fee_pricer(user).quote("S105", Decimal(1)))
    tender = Tender(PaymentMethod.CASH, cart.total)
    request = PaymentRequest(
        uuid.uuid4().hex, cart, (tender,), account_no=ACCOUNT_NO, visit_id=page.visit.id
    )
    core.receipts.charge(user, request)


def _f9(qtbot, window, page: IntakePage, outcome: VisitOutcome) -> tuple[CloseVisitDialog, K, str]:
    """F9: the outcome preselected, and the farewell the panel shows for the visit."""
    qtbot.keyClick(page, Qt.Key.Key_F9)
    dialog = page.tickets.close_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.chosen_outcome is outcome)
    panel = window.script_panel
    qtbot.waitUntil(lambda: not panel.busy())
    own = [s for s in panel.shown if s.for_stage]
    assert own[0].script.key is K.SATISFACTION
    return dialog, own[1].script.key, own[1].text


def _rated_and_closed(qtbot, window, page, dialog) -> VisitOutcome:
    visit_id = page.visit.id
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_5)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.visit is None
    return window.core.intake.visit(window.user, visit_id).outcome


def test_f9_after_a_referral_says_referred_and_the_department_will_call(qtbot, window):
    page = _served(qtbot, window)
    _refer(qtbot, page)
    dialog, farewell, text = _f9(qtbot, window, page, VisitOutcome.REFERRED)
    assert farewell is K.FAREWELL_REFERRAL
    assert "转办单" in text and "会主动与您联系" in text and "票据" not in text
    assert _rated_and_closed(qtbot, window, page, dialog) is VisitOutcome.REFERRED


def test_f9_after_a_receipt_says_charged_and_keep_the_receipt(qtbot, window):
    page = _served(qtbot, window)
    _charge(window, page)
    dialog, farewell, text = _f9(qtbot, window, page, VisitOutcome.CHARGED)
    assert farewell is K.FAREWELL_RECEIPT and "请收好您的票据" in text
    assert _rated_and_closed(qtbot, window, page, dialog) is VisitOutcome.CHARGED


def test_f9_with_nothing_issued_says_resolved_and_mentions_no_receipt(qtbot, window):
    page = _served(qtbot, window)
    dialog, farewell, text = _f9(qtbot, window, page, VisitOutcome.RESOLVED)
    assert farewell is K.FAREWELL and "票据" not in text
    assert _rated_and_closed(qtbot, window, page, dialog) is VisitOutcome.RESOLVED


def test_enter_before_the_outcome_is_read_closes_with_it(qtbot, app):
    dialog = CloseVisitDialog()
    qtbot.addWidget(dialog)
    dialog.expect_suggestion()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_5)
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    assert dialog.result() == 0  # not yet: the outcome is on its way
    dialog.suggest(VisitOutcome.REFERRED)
    assert dialog.result() == CloseVisitDialog.DialogCode.Accepted
    assert dialog.chosen_outcome is VisitOutcome.REFERRED


def test_an_outcome_picked_by_hand_stays(qtbot, app):
    dialog = CloseVisitDialog()
    qtbot.addWidget(dialog)
    dialog.expect_suggestion()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(VisitOutcome.PENDING))
    dialog.outcome.activated.emit(dialog.outcome.currentIndex())
    dialog.suggest(VisitOutcome.CHARGED)
    assert dialog.chosen_outcome is VisitOutcome.PENDING


def test_without_a_customer_screen_the_clerk_records_the_spoken_answer(qtbot, window):
    page = _served(qtbot, window)
    dialog, _farewell, _text = _f9(qtbot, window, page, VisitOutcome.RESOLVED)
    assert not dialog.customer_screen and dialog.screen_note.isHidden()
    assert dialog._labels[1].text() == "客户口头评价（代录）"
    assert window.customer_screen is not None and not window.customer_screen.screen.isVisible()
    assert _rated_and_closed(qtbot, window, page, dialog) is VisitOutcome.RESOLVED
