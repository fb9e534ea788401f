"""A charge that hangs for real: another connection holds the database's write lock (as a
stuck counter or a hanging server would), the page says that it waits, Esc gives up, the
window stays usable, and the payment is charged exactly once with the key it was given."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models.receipts import Receipt
from hallclient.core import Core
from hallclient.uow import UnitOfWork
from tests.ui.payments.test_payments_page import _transfer_fee_in_cart
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.kit.visit_bar import OnVisit
from ui.payments.page import PaymentsPage
from ui.shell.main_window import MainWindow

WAITING = "正在等待数据库…（Esc 放弃）"
GIVEN_UP = "已停止等待：本次收款可能已保存，也可能没有。再按 F12 可查明，最多只收一次。"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


@contextmanager
def write_lock(core: Core) -> Iterator[sqlite3.Connection]:
    """Another connection in ``BEGIN IMMEDIATE`` on the same file: writers wait for it."""
    path = Path(core.database.engine.url.database or "")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def _receipt_keys(core: Core) -> list[tuple[str, str]]:
    with UnitOfWork(core.database) as uow:
        rows = uow.session.execute(select(Receipt.receipt_no, Receipt.idempotency_key))
        return [(number, key) for number, key in rows]


def _confirm_by_keyboard(qtbot, page: PaymentsPage) -> None:
    """F12, then Enter in the confirm box: the charge starts (and waits for the lock)."""
    qtbot.keyClick(page, Qt.Key.Key_F12)
    box = page.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    window = page.window()
    window.activateWindow()  # back from the box (offscreen, no window manager does it)
    qtbot.waitUntil(window.isActiveWindow)


def _charge_and_give_up(qtbot, window: MainWindow, page: PaymentsPage) -> str:
    """The charge waits; after a moment the page says so; Esc gives up; the payment's key."""
    _confirm_by_keyboard(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text() == WAITING, timeout=10_000)
    assert page.attempt.running and not page.form.isEnabled()
    key = page.key
    assert key is not None
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    assert not page.attempt.running and page.form.isEnabled()
    assert page.message.text() == GIVEN_UP
    assert page.key == key and page.unconfirmed
    return key


def _window_responds(qtbot, window: MainWindow, page: PaymentsPage) -> None:
    """Another page and back, and the cash field takes typing, while the charge still hangs."""
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_area() == "fees"
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.current_area() == "payments"
    page.form.tendered.setFocus()
    page.form.tendered.selectAll()
    qtbot.keyClicks(page.form.tendered, "60")
    assert page.form.tendered.text() == "60"


def test_giving_up_and_pressing_f12_again_charges_once_with_the_same_key(
    qtbot, window, private_core
):
    page = _transfer_fee_in_cart(qtbot, window)
    page.form.tendered.setText("50")
    issued = []
    page.sig_charged.connect(issued.append)
    with write_lock(private_core):
        key = _charge_and_give_up(qtbot, window, page)
        _window_responds(qtbot, window, page)  # the edit keeps the key: the outcome is open
        assert page.key == key
        _confirm_by_keyboard(qtbot, page)  # again, while the first try still waits
        qtbot.waitUntil(lambda: page.message.text() == WAITING, timeout=10_000)
    qtbot.waitUntil(lambda: bool(issued), timeout=15_000)
    [(number, stored_key)] = _receipt_keys(private_core)
    assert stored_key == key and issued[0].record.receipt_no == number
    assert page.message.text() == f"票据 {number} 已开具：￥30.00。"
    assert page.key is None and not page.unconfirmed and page.cart.lines == ()
    qtbot.wait(300)  # the other try's answer (the same receipt) changes nothing
    assert len(issued) == 1 and _receipt_keys(private_core) == [(number, key)]


def test_a_receipt_issued_after_giving_up_is_shown_as_issued(qtbot, window, private_core):
    page = _transfer_fee_in_cart(qtbot, window)
    page.form.tendered.setText("50")
    with write_lock(private_core):
        key = _charge_and_give_up(qtbot, window, page)
        _window_responds(qtbot, window, page)
    qtbot.waitUntil(lambda: page.key is None, timeout=15_000)  # the late answer settles it
    [(number, stored_key)] = _receipt_keys(private_core)
    assert stored_key == key
    assert page.message.text() == f"票据 {number} 已开具：￥30.00。"
    assert page.receipt_no.text() == number and page.cart.lines == ()
    qtbot.waitUntil(lambda: not page.preview.pixmap().isNull())  # the receipt is on screen
    qtbot.keyClick(page, Qt.Key.Key_F12)  # nothing left to charge
    assert page.message.text().startswith("待收费用为空")
    assert len(_receipt_keys(private_core)) == 1


def test_a_late_receipt_of_a_customer_gone_leaves_the_next_customers_cart(
    qtbot, window, private_core
):
    """Given up on, then the next customer's visit (the intake page moved on): the late
    receipt settles the old payment and is named, and the new customer's cart stays."""
    page = _transfer_fee_in_cart(qtbot, window)
    page.form.tendered.setText("50")
    before = page.visit
    with write_lock(private_core):
        _charge_and_give_up(qtbot, window, page)
        after = OnVisit((before.visit_id if before else 0) + 1000, "", None, "", None)
        page.set_visit(after)  # the next customer, called at the intake page
        cart = page.cart  # the fees page's cart for them (the same item, by chance)
        cleared = []
        page.sig_charged.connect(cleared.append)
    qtbot.waitUntil(lambda: page.key is None, timeout=15_000)
    [(number, _key)] = _receipt_keys(private_core)
    assert page.message.text() == (
        f"先前放弃等待的收款已经保存：票据 {number}，￥30.00。按 F5 打印。本页的待收费用未变。"
    )
    assert page.cart is cart and cart.lines and cleared == []
