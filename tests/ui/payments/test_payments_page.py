"""Charging by keyboard: a fee into the cart, cash handed over, F12, Enter, the receipt."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from db.domain import PrintStatus
from db.models.receipts import Receipt
from hallclient.core import open_core
from hallclient.errors import DatabaseUnavailableError
from hallclient.uow import UnitOfWork
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import FakePrinter
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import clerk_with_open_shift, manager_chose_password, open_window
from ui.payments.page import PaymentsPage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def printer():
    fake = FakePrinter()
    yield fake
    fake.close()


def _window(qtbot, core) -> MainWindow:
    return open_window(qtbot, core, clerk_with_open_shift(core))


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return _window(qtbot, private_core)


def _transfer_fee_in_cart(qtbot, window) -> PaymentsPage:
    """On the fees page: ghf, Enter, 1, Enter, Ctrl+Enter; then Ctrl+3."""
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    fees = window.pages.fees
    qtbot.waitUntil(lambda: fees.pricer is not None)
    assert QApplication.focusWidget() is fees.search  # Ctrl+2, then type
    qtbot.keyClicks(fees.search, "ghf")
    qtbot.keyClick(fees.search, Qt.Key.Key_Return)
    qtbot.keyClicks(fees.quantity, "1")
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return)
    settle(qtbot, fees)
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.pages.payments
    assert isinstance(page, PaymentsPage) and window.current_area() == "payments"
    assert page.total.text() == "合计 ￥30.00" and page.words.text() == "叁拾圆整"
    assert QApplication.focusWidget() is page.form.tendered  # ready for the cash handed over
    return page


def _charge_by_keyboard(qtbot, page: PaymentsPage, tendered: str) -> None:
    page.form.tendered.setFocus()
    qtbot.keyClicks(page.form.tendered, tendered)
    qtbot.keyClick(page, Qt.Key.Key_F12)
    box = page.confirm_box
    assert box is not None and "合计 ￥30.00" in box.text()
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: the default button, Yes
    settle(qtbot, page)


def _receipts(core) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    with UnitOfWork(core.database) as uow:
        rows = uow.session.execute(
            select(Receipt.receipt_no, Receipt.total, Receipt.cash_tendered, Receipt.change)
        )
        return [tuple(row) for row in rows]


def test_a_cash_payment_by_keyboard_issues_the_receipt_and_keeps_it_for_the_printer(
    qtbot, window, private_core
):
    page = _transfer_fee_in_cart(qtbot, window)
    assert page.form.change.text() == "—"
    _charge_by_keyboard(qtbot, page, "50")
    [(number, *money)] = _receipts(private_core)
    assert money == [Decimal("30.00"), Decimal("50.00"), Decimal("20.00")]
    assert page.message.text() == f"票据 {number} 已开具：￥30.00。"
    qtbot.waitUntil(lambda: page.print_state.text().startswith("本窗口未设置票据打印机"))
    assert not page.preview.pixmap().isNull()  # the receipt is on screen
    assert window.pages.fees.cart.lines == () and page.cart.lines == ()
    [job] = private_core.receipts.unfinished(window.user)
    assert job.status is PrintStatus.PENDING


def test_with_a_printer_the_receipt_is_printed(qtbot, app, private_settings, clock, printer):
    settings = replace(private_settings, printer_backend="network", printer_target=printer.target)
    core = open_core(settings, clock)
    try:
        window = _window(qtbot, core)
        assert window.printer_label.text() == f"打印机：network {printer.target}"
        page = _transfer_fee_in_cart(qtbot, window)
        _charge_by_keyboard(qtbot, page, "30")
        [(number, *_)] = _receipts(core)
        qtbot.waitUntil(lambda: page.print_state.text() == f"票据 {number} 已打印。")
        [image] = decode(printer.job()).images
        assert image.width == 576  # 80 mm, the default paper
        assert core.receipts.unfinished(window.user) == []
    finally:
        core.close()


def test_a_printer_without_status_prints_without_a_question(qtbot, app, private_settings, clock):
    """A network printer that takes the job and never answers status: printed, and said so."""
    printer = FakePrinter("mute")
    settings = replace(private_settings, printer_backend="network", printer_target=printer.target)
    core = open_core(settings, clock)
    try:
        window = _window(qtbot, core)
        page = _transfer_fee_in_cart(qtbot, window)
        _charge_by_keyboard(qtbot, page, "30")
        [(number, *_)] = _receipts(core)
        qtbot.waitUntil(
            lambda: page.print_state.text().startswith(f"票据 {number} 已打印。"), timeout=10_000
        )
        assert page.print_state.text().endswith(
            "打印机不回报状态：程序重启前不再检查纸张，请留意出纸。"
        )
        assert page.printing.interrupted_box is None  # no "did it print?"
        assert decode(printer.job()).images and core.receipts.unfinished(window.user) == []
    finally:
        core.close()
        printer.close()


def test_a_native_receipt_printed_as_an_image_says_so(qtbot, app, private_settings, clock, printer):
    """A character outside the printer's GBK font (䶮 in the company name here) sends the
    receipt as an image; the clerk is told why it looks unlike the others."""
    settings = replace(
        private_settings,
        printer_backend="network",
        printer_target=printer.target,
        printer_mode="native",
        printer_charset="gbk",
        company_name="䶮城燃气有限公司",
    )
    core = open_core(settings, clock)
    try:
        page = _transfer_fee_in_cart(qtbot, _window(qtbot, core))
        _charge_by_keyboard(qtbot, page, "30")
        [(number, *_)] = _receipts(core)
        expected = f"票据 {number} 已打印。 本张票据以图像方式打印：含打印机字库没有的字。"
        qtbot.waitUntil(lambda: page.print_state.text() == expected)
        printed = decode(printer.job(), "gbk")
        assert printed.texts == [] and len(printed.images) == 1
    finally:
        core.close()


def test_every_visible_text_is_translated(qtbot, window):
    page = _transfer_fee_in_cart(qtbot, window)
    texts = visible_texts(page)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}
    assert isinstance(page.confirm_box, QMessageBox | None)


def test_a_copy_and_a_void_by_keyboard(qtbot, window, private_core):
    """Ctrl+P prints 重打 1; Ctrl+D with a reason asks a manager, then the void slip."""
    page = _transfer_fee_in_cart(qtbot, window)
    _charge_by_keyboard(qtbot, page, "30")
    [(number, *_)] = _receipts(private_core)
    assert page.receipt_no.text() == number
    window.activateWindow()  # the offscreen platform does not hand it back after the box
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: len(private_core.receipts.unfinished(window.user)) == 2)
    page.reason.setFocus()
    page.reason.insert("顾客重复缴费")  # QTest cannot type Chinese
    qtbot.keyClick(page, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: page.approval is not None and page.approval.isVisible())
    dialog = page.approval
    assert dialog.object.text() == f"{number} · ￥30.00"  # the amount the manager approves
    qtbot.keyClicks(dialog.approver, "2001")
    qtbot.keyClicks(dialog.password, manager_chose_password(private_core))
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_receipts(private_core)) == 2)
    void_no = _receipts(private_core)[1][0]
    qtbot.waitUntil(lambda: page.message.text() == f"票据 {number} 已作废；作废凭证号 {void_no}。")


def test_after_an_unconfirmed_charge_the_same_payment_is_never_charged_twice(
    qtbot, window, private_core, monkeypatch
):
    """The answer is lost after the commit (a dropped connection): the key stays, even when
    the clerk then edits the payment, and F12 gets the receipt already issued."""
    till, real = private_core.receipts, private_core.receipts.charge

    def lost_answer(user, request):
        real(user, request)
        raise DatabaseUnavailableError("connection lost after the commit")

    monkeypatch.setattr(till, "charge", lost_answer)
    page = _transfer_fee_in_cart(qtbot, window)
    _charge_by_keyboard(qtbot, page, "50")
    assert page.message.text().startswith("数据库未能确认本次收款")
    monkeypatch.setattr(till, "charge", real)
    page.form.tendered.clear()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _charge_by_keyboard(qtbot, page, "100")
    [(number, *_)] = _receipts(private_core)
    assert page.message.text() == f"票据 {number} 已开具：￥30.00。"
