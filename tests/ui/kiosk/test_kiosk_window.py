"""The kiosk window on a real SQLite hall: keys and touches take tickets, a wrong account
number is refused and nothing issued, a printer fault shows the ticket to photograph, Esc
never quits, the kiosk returns to the start by itself, and everything is big enough."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from sqlalchemy import func, select

from db.domain import PriorityReason, Role, Urgency
from db.models import Account, Ticket
from hallclient.access.audit import Where
from hallclient.config import Settings
from hallclient.context import Context, CurrentUser
from hallclient.kiosk.desk import open_kiosk
from hallclient.referrals import service as referrals
from hallclient.referrals.informants import Informant
from hallclient.referrals.service import NewReferral
from hallclient.uow import UnitOfWork
from tests.db.referrals.test_informants import CANARY_NAME, CANARY_PHONE
from tests.printing.escpos_decoder import decode
from ui.kiosk import style
from ui.kiosk.window import KioskWindow

FAULT = "打印机故障，请拍照保存本票。"
SIZES = [(1080, 1920), (1366, 768)]


@pytest.fixture
def open_window(
    app, qtbot, private_settings: Settings, clock
) -> Iterator[Callable[..., KioskWindow]]:
    opened: list[KioskWindow] = []

    def make(printer: Path, size: tuple[int, int] = (1366, 768)) -> KioskWindow:
        settings = replace(
            private_settings,
            printer_backend="file",
            printer_target=str(printer),
            printer_mode="native",
        )
        window = KioskWindow(open_kiosk(settings, "K1", clock))
        opened.append(window)
        window.resize(*size)
        window.show()
        window.load_categories()
        qtbot.waitUntil(lambda: bool(window.categories.buttons))
        return window

    yield make
    for window in opened:
        window.quit()
        window.desk.close()


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _latest_ticket(window: KioskWindow) -> Ticket | None:
    with UnitOfWork(window.desk.database) as uow:
        ticket = uow.session.scalar(select(Ticket).order_by(Ticket.id.desc()).limit(1))
        if ticket is not None:
            uow.session.expunge(ticket)
        return ticket


def _tickets(window: KioskWindow) -> int:
    with UnitOfWork(window.desk.database) as uow:
        return uow.session.scalar(select(func.count(Ticket.id))) or 0


def _an_account(window: KioskWindow) -> str:
    with UnitOfWork(window.desk.database) as uow:
        return uow.session.scalars(select(Account.account_no).limit(1)).one()


def test_a_ticket_by_keys_with_account_and_green_channel(open_window, qtbot, tmp_path):
    printer = tmp_path / "printer.bin"
    window = open_window(printer)
    account = _an_account(window)
    _press(qtbot, Qt.Key.Key_1)
    assert window.stack.currentWidget() is window.account
    qtbot.keyClicks(QApplication.focusWidget(), account)
    _press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.priority.normal
    _press(qtbot, Qt.Key.Key_Down)  # the arrow moves on to the green channel's first reason
    assert QApplication.focusWidget() is window.priority.reasons[PriorityReason.ELDERLY]
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.ticket)
    stored = _latest_ticket(window)
    assert stored is not None and stored.issued_by == "kiosk:K1"
    assert (stored.account_no, stored.priority_reason) == (account, PriorityReason.ELDERLY)
    assert window.ticket.number.text() == stored.label
    assert window.ticket.green.text() == "绿色通道：老年人"
    assert window.ticket.status.text() == "请取走下方打印的号票。"
    assert stored.label in [text.strip() for text in decode(printer.read_bytes()).texts]


def _click(qtbot, pushed: QPushButton) -> None:
    qtbot.mouseClick(pushed, Qt.MouseButton.LeftButton)


def _key(window: KioskWindow, text: str) -> QPushButton:
    return next(b for b in window.account.findChildren(QPushButton) if b.text() == text)


def test_a_wrong_account_is_refused_by_touch_and_nothing_is_issued(open_window, qtbot, tmp_path):
    window = open_window(tmp_path / "printer.bin")
    before = _tickets(window)
    _click(qtbot, window.categories.buttons[1])
    for digit in "999":
        _click(qtbot, _key(window, digit))
    _click(qtbot, window.account.ok)
    _click(qtbot, window.priority.normal)
    qtbot.waitUntil(lambda: window.account.message.text() != "")
    assert window.stack.currentWidget() is window.account
    assert window.account.message.text() == "没有这个燃气户号，请核对后重新输入，或跳过。"
    assert window.account.number.text() == "999"  # kept, to be corrected
    assert _tickets(window) == before
    _click(qtbot, window.account.skip)
    _click(qtbot, window.priority.normal)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.ticket)
    assert _tickets(window) == before + 1
    stored = _latest_ticket(window)
    assert stored is not None and stored.account_no is None and not stored.priority


def test_a_printer_fault_shows_the_ticket_to_photograph(open_window, qtbot, tmp_path, caplog):
    window = open_window(tmp_path / "no-such-folder" / "printer.bin")
    with caplog.at_level(logging.ERROR):
        _click(qtbot, window.categories.buttons[0])
        _click(qtbot, window.account.skip)
        _click(qtbot, window.priority.normal)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.ticket)
    stored = _latest_ticket(window)
    assert stored is not None and window.ticket.number.text() == stored.label
    assert window.ticket.status.text() == FAULT
    assert window.ticket.ahead.text().startswith("前面还有")
    assert f"kiosk ticket {stored.label} not printed" in caplog.text


def test_esc_goes_back_and_only_the_quit_keys_close(open_window, qtbot, tmp_path):
    window = open_window(tmp_path / "printer.bin")
    _click(qtbot, window.categories.buttons[0])
    _press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.categories
    _press(qtbot, Qt.Key.Key_Escape)
    window.close()  # Alt+F4 or the like
    assert window.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.isVisible()


def test_left_alone_the_kiosk_returns_to_the_start(open_window, qtbot, tmp_path):
    window = open_window(tmp_path / "printer.bin")
    window.idle_ms = window.ticket_ms = 100
    _click(qtbot, window.categories.buttons[0])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.categories)
    _click(qtbot, window.categories.buttons[0])
    _click(qtbot, window.account.skip)
    _click(qtbot, window.priority.normal)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.ticket)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.categories)


def _visible(page: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [
        w
        for w in page.findChildren(kind)
        if w.isVisible() and (w.text() if kind is QLabel else True)
    ]


def _every_page(window: KioskWindow, qtbot) -> Iterator[QWidget]:
    """Each step in turn, the ticket one with a ticket the printer failed."""
    yield window.categories
    _click(qtbot, window.categories.buttons[0])
    yield window.account
    _click(qtbot, window.account.skip)
    yield window.priority
    _click(qtbot, window.priority.reasons[PriorityReason.PREGNANT])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.ticket)
    yield window.ticket


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_large_text_and_touch_targets_that_fit_the_screen(open_window, qtbot, tmp_path, size):
    window = open_window(tmp_path / "missing" / "printer.bin", size)
    assert (window.width(), window.height()) == size
    for page in _every_page(window, qtbot):
        QApplication.processEvents()
        for pushed in _visible(page, QPushButton):
            assert pushed.font().pointSizeF() >= 24, pushed.text()
            assert min(pushed.width(), pushed.height()) >= 60, pushed.text()
        for shown in _visible(page, QLabel):
            assert shown.font().pointSizeF() >= 24, shown.text()
        for widget in _visible(page, QPushButton) + _visible(page, QLabel):
            corner = widget.mapTo(window, widget.rect().bottomRight())
            assert window.rect().contains(corner), f"{widget.text()} is cut off at {size}"
            assert widget.height() >= widget.minimumSizeHint().height(), widget.text()


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("pair", sorted(style.COLOUR_PAIRS))
def test_every_text_colour_has_a_contrast_of_four_and_a_half(pair):
    """WCAG 2.1 contrast ratio of the style's text on its background."""
    light, dark = sorted(map(_luminance, style.COLOUR_PAIRS[pair]), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_the_informant_canary_never_shows_on_the_kiosk(open_window, qtbot, tmp_path, clock):
    window = open_window(tmp_path / "printer.bin")
    clerk = Context(CurrentUser(0, "1001", "测试", Role.CLERK, None), Where("H01", "C01"), clock)
    report = NewReferral(
        "inspection",
        Urgency.URGENT,
        "邻居家疑似私接管道、绕表偷气，请稽查",
        informant=Informant(CANARY_NAME, CANARY_PHONE),
    )
    referrals.refer(window.desk.database, clerk, report)
    for page in _every_page(window, qtbot):
        texts = " ".join(w.text() for w in _visible(page, QLabel) + _visible(page, QPushButton))
        assert CANARY_NAME not in texts and CANARY_PHONE not in texts


def test_any_other_refusal_sends_the_customer_to_the_desk(open_window, qtbot, tmp_path, caplog):
    """A category gone since the start page was read: no ticket, the customer is told to
    ask at the desk, the fault is logged, and the next customer starts clean."""
    window = open_window(tmp_path / "printer.bin")
    before = _tickets(window)
    window.categories.sig_chosen.emit("withdrawn")
    _click(qtbot, window.account.skip)
    with caplog.at_level(logging.ERROR):
        _click(qtbot, window.priority.normal)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.categories)
    assert window.categories.message.text() == "暂时无法取号，请到服务台咨询。"
    assert "kiosk: no ticket issued: unknown_category: withdrawn" in caplog.text
    assert _tickets(window) == before
    _click(qtbot, window.categories.buttons[0])
    _press(qtbot, Qt.Key.Key_Escape)
    assert window.categories.message.text() == ""
