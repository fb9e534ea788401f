"""What the payments page says before the customer confirms, and where the keyboard goes
after a refusal: too little cash, a wrong method amount, no shift open at the counter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from hallclient.access.auth import Role
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.payments.test_payments_page import _charge_by_keyboard, _receipts
from tests.ui.payments.test_payments_page import _transfer_fee_in_cart as fee_in_cart
from tests.ui.sessions import clerk_after_first_login, clerk_with_open_shift, open_window
from ui.shell.pages import areas_for

CTRL = Qt.KeyboardModifier.ControlModifier
NO_SHIFT = "本窗口尚未开班，暂不能收款。请先在“班次”页（Ctrl+5）开班。"


@pytest.fixture
def window(qtbot, app, private_core):
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


def _fix_focus(window, field) -> bool:
    return window.focusWidget() is field and field.selectedText() == field.text() != ""


def test_too_little_cash_shows_the_shortfall_before_the_confirm_box(qtbot, window, private_core):
    page = fee_in_cart(qtbot, window)
    qtbot.keyClicks(page.form.tendered, "22.2")
    qtbot.keyClick(page, Qt.Key.Key_F12)
    assert page.confirm_box is None  # nothing to confirm with the customer
    assert page.message.text() == (
        "现金不足：应收现金 ￥30.00，还差 ￥7.80。请核对实收现金后重新输入。"
    )
    assert _fix_focus(window, page.form.tendered)  # typing replaces the amount
    qtbot.keyClicks(page.form.tendered, "50")
    assert page.form.tendered.text() == "50"
    assert _receipts(private_core) == [] and len(page.cart.lines) == 1
    assert untranslated(page.message.text()) == []


def test_the_confirm_box_shows_the_cash_handed_over_and_the_change(qtbot, window):
    page = fee_in_cart(qtbot, window)
    qtbot.keyClicks(page.form.tendered, "50")
    qtbot.keyClick(page, Qt.Key.Key_F12)
    box = page.confirm_box
    assert box is not None
    assert box.text().endswith("现金 ￥30.00\n实收现金 ￥50.00\n找零 ￥20.00")
    qtbot.keyClick(box, Qt.Key.Key_Escape)


def test_a_method_paying_more_than_the_total_puts_the_cursor_on_that_method(qtbot, window):
    page = fee_in_cart(qtbot, window)
    wechat = page.form.amounts[next(iter(page.form.amounts))]
    wechat.setFocus()
    qtbot.keyClicks(wechat, "40")
    qtbot.keyClick(page, Qt.Key.Key_F12)
    assert page.confirm_box is None
    assert page.message.text() == "各项付款之和与合计不符，请核对金额。"
    assert _fix_focus(window, wechat)


def test_without_a_shift_the_page_says_so_on_arrival_and_after_the_refusal(
    qtbot, app, private_core
):
    user = clerk_after_first_login(private_core)
    assert [area.key for area in areas_for(user.role)].index("shift") == 4  # Ctrl+5
    assert [area.key for area in areas_for(Role.SHIFT_MANAGER)].index("shift") == 4
    window = open_window(qtbot, private_core, user)
    page = fee_in_cart(qtbot, window)  # Ctrl+3: the cart has arrived, the page is shown
    qtbot.waitUntil(page.shift_note.isVisible)
    assert page.shift_note.text() == NO_SHIFT
    assert {text: untranslated(text) for text in visible_texts(page) if untranslated(text)} == {}
    _charge_by_keyboard(qtbot, page, "50")  # the core refuses it too, after confirming
    assert page.message.text() == "您在本窗口没有营业中的班次：请先在“班次”页开班。"
    assert page.shift_note.text() == NO_SHIFT  # still there, with the key
    assert _fix_focus(window, page.form.tendered)
    assert _receipts(private_core) == []
    private_core.shifts.open(user, {Decimal(100): 5})  # on the shift page, say
    window.activateWindow()  # the offscreen platform does not hand it back after the box
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # shown again: read again
    qtbot.waitUntil(lambda: not page.shift_note.isVisible())
    assert page.shift_note.text() == ""


def test_the_cart_arriving_reads_the_shift(qtbot, app, private_core):
    """The fees page hands over the cart while the payments page is not shown."""
    user = clerk_after_first_login(private_core)
    window = open_window(qtbot, private_core, user)
    page = window.pages.payments
    assert page is not None and not page.shift_read
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    fees = window.pages.fees
    qtbot.waitUntil(lambda: fees.pricer is not None)
    qtbot.keyClicks(fees.search, "ghf")
    qtbot.keyClick(fees.search, Qt.Key.Key_Return)
    qtbot.keyClicks(fees.quantity, "1")
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return)
    settle(qtbot, fees)
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.shift_read)
    assert not page.isVisible() and page.shift_note.text() == NO_SHIFT


def test_another_clerks_shift_at_the_counter_is_named(qtbot, app, private_core):
    clerk_with_open_shift(private_core)  # 王丽 (1001) has the counter's shift open
    user = private_core.access.login("1002", "demo1002")
    user = private_core.access.change_own_password(user, "demo1002", "counter-2026")
    window = open_window(qtbot, private_core, user)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.pages.payments
    qtbot.waitUntil(page.shift_note.isVisible)
    assert page.shift_note.text().startswith("本窗口当前开着的是 王丽（1001）的班次")
