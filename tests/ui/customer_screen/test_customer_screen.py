"""The counter's customer screen through the clerk's real window (issue 23): one errand by
keyboard shows the clerk, the ticket, the fee lines, the total, what was paid and the
change; F9 hands the rating to the customer, whose tap is recorded and lets the waiting
call go; an informant's name never reaches the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.domain import RatingLevel, RatingSource
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.record import GivenRating
from hallclient.receipts.issue import Issued
from tests.db.referrals.test_informants import CANARY_NAME, CANARY_PHONE
from tests.ui.customer_screen.conftest import (
    ACCOUNT_NO,
    f9_without_rating,
    ratings,
    screen_of,
    screen_texts,
)
from tests.ui.helpers import serve_account, settle, type_text, untranslated
from ui.intake.page import IntakePage
from ui.payments.page import PaymentsPage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _seen(window: MainWindow, texts: list[str]) -> str:
    """The screen's texts now, kept for the canary check at the end."""
    shown = "\n".join(screen_texts(screen_of(window)))
    texts.append(shown)
    return shown


def _theft_report(qtbot, page: IntakePage) -> None:
    """F5: a theft report naming its reporter, the informant canary (ui/intake's test)."""
    qtbot.keyClick(page, Qt.Key.Key_F5)
    dialog = page.referral_flow.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.theft.setChecked(True)
    dialog.matter.insertPlainText("邻居家绕表偷气，私接管道到楼下")
    dialog.suggest_now()
    type_text(dialog.reporter_name, CANARY_NAME)
    dialog.reporter_phone.setText(CANARY_PHONE)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text().startswith("已转办"))
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)


def _fee_charged(qtbot, window: MainWindow, texts: list[str]) -> Issued:
    """Ctrl+2, ghf (过户费), 1, Ctrl+Enter into the cart; Ctrl+3, 100 handed, F12, Enter."""
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    fees = window.pages.fees
    assert fees is not None
    qtbot.waitUntil(lambda: fees.pricer is not None)
    qtbot.keyClicks(fees.search, "ghf")
    qtbot.keyClick(fees.search, Qt.Key.Key_Return)
    qtbot.keyClicks(fees.quantity, "1")
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return)
    settle(qtbot, fees)
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return, CTRL)
    screen = screen_of(window)
    qtbot.waitUntil(lambda: screen.lines.rowCount() == 1)
    shown = _seen(window, texts)
    assert "过户费" in shown and "￥30.00" in shown and "合计 ￥30.00" in shown
    [document] = {line.approval_doc_no for line in screen.lines.rows()}
    assert document and document in shown  # the fee's approval document, as the rules ask
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    payments = window.pages.payments
    assert isinstance(payments, PaymentsPage)
    payments.form.tendered.setFocus()
    qtbot.keyClicks(payments.form.tendered, "100")
    qtbot.keyClick(payments, Qt.Key.Key_F12)
    box = payments.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(payments.sig_charged, timeout=10_000) as charged:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(qtbot, payments)
    qtbot.waitUntil(lambda: "找零" in screen.totals.text())
    assert screen.totals.text() == "合计 ￥30.00   实收 ￥100.00   找零 ￥70.00"
    issued = charged.args[0]
    assert isinstance(issued, Issued)
    return issued


def test_one_errand_on_the_customer_screen_and_the_customers_own_rating(
    qtbot, window, private_core, clerk
):
    screen, texts = screen_of(window), []
    assert "您好，欢迎光临" in _seen(window, texts)
    page = serve_account(qtbot, window, ACCOUNT_NO)
    shown = _seen(window, texts)
    assert f"为您服务：{clerk.display_name} · 工号 {clerk.employee_no}" in shown
    assert f"您的号码：{page.visit.ticket_label}" in shown
    _theft_report(qtbot, page)
    issued = _fee_charged(qtbot, window, texts)
    visit_id = f9_without_rating(qtbot, window, page)
    qtbot.waitUntil(screen.is_asking)
    shown = _seen(window, texts)
    assert all(word in shown for word in ("非常满意", "满意", "基本满意", "不满意", "非常不满意"))
    assert "过户费" not in shown and "找零" not in shown  # the errand is gone from the screen
    qtbot.keyClick(page, Qt.Key.Key_F2)  # the next call waits for the customer
    qtbot.waitUntil(lambda: page.message.text().startswith("正在等待客户评价"))
    assert page.visit is None and page.rating_wait.waiting
    panel = screen.rating
    qtbot.mouseClick(panel.level_button(RatingLevel.SATISFIED), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.reasons[0], Qt.MouseButton.LeftButton)
    _seen(window, texts)
    qtbot.mouseClick(panel.submit, Qt.MouseButton.LeftButton)
    assert "谢谢您的评价" in _seen(window, texts)
    qtbot.waitUntil(lambda: page.visit is not None)  # the call kept waiting has gone
    assert ratings(private_core) == [
        (visit_id, RatingLevel.SATISFIED, RatingSource.CUSTOMER_SCREEN, "办理快捷")
    ]
    window.pages.payments.sig_charged.emit(issued)  # a late receipt of the customer before
    assert "找零" not in _seen(window, texts) and screen.lines.rowCount() == 0
    everything = "\n".join(texts)
    assert CANARY_NAME not in everything and CANARY_PHONE not in everything
    assert [text for text in texts if untranslated(text)] == []
    again = GivenRating(RatingLevel.VERY_DISSATISFIED, RatingSource.CUSTOMER_SCREEN)
    with pytest.raises(RatingError) as caught:
        private_core.ratings.record(clerk, visit_id, again)
    assert caught.value.problem is RatingProblem.ALREADY_RATED


def test_a_second_answer_changes_nothing_and_shows_nothing_to_the_customer(
    qtbot, window, private_core
):
    page = serve_account(qtbot, window, ACCOUNT_NO)
    visit_id = f9_without_rating(qtbot, window, page)
    closed = private_core.intake.visit(window.user, visit_id)
    screen, controller = screen_of(window), window.customer_screen
    assert controller is not None
    qtbot.waitUntil(screen.is_asking)
    level = screen.rating.level_button(RatingLevel.VERY_SATISFIED)
    qtbot.mouseClick(level, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.rating.submit, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(controller.sig_rating_settled, timeout=10_000):
        pass
    controller.visit_closed(closed)  # asked again, as a screen restarted might
    qtbot.mouseClick(
        screen.rating.level_button(RatingLevel.DISSATISFIED), Qt.MouseButton.LeftButton
    )
    with qtbot.waitSignal(controller.sig_rating_settled, timeout=10_000):
        qtbot.mouseClick(screen.rating.submit, Qt.MouseButton.LeftButton)
    assert "谢谢您的评价" in screen.thanks.text() and screen.stack.currentWidget() is screen.thanks
    # refused quietly (one rating per visit): nothing for the clerk's status bar either
    assert controller.status.text() == ""
    assert [r[1] for r in ratings(private_core)] == [RatingLevel.VERY_SATISFIED]
