"""Rendered shift screens (``hallclient render``): a clerk's X reading, the close, the overview.

"shift-reading": the demo clerk 1001's shift at this counter with payments, a cash
move and the X reading printed at the right; "shift-close": the close dialog with the
cash counted two jiao short; "overview": the shift manager 2001's day, with a second
counter (clerk 1002 at C02) closed and approved, and the charts; "day-close": both
shifts approved and F10's confirmation of the day close over the overview.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap

from db.domain import MoveDirection, PaymentMethod
from hallclient.context import Context
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import PaymentRequest, issue_receipt
from hallclient.receipts.payment import Tender
from hallclient.shifts import manager
from hallclient.shifts import service as shifts
from hallclient.shifts.cash import DENOMINATIONS
from hallclient.tariff import pricing
from ui.shifts.overview_page import OverviewPage
from ui.shifts.page import ShiftPage
from ui.tools.render_tools import framed, grab, wait_until

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.shell.main_window import MainWindow

SHIFT_SCREENS = ("shift-reading", "shift-close", "overview", "day-close")
CLERK, SECOND_CLERK, MANAGER = ("1001", "demo1001"), ("1002", "demo1002"), ("2001", "demo2001")
FLOAT = {Decimal(100): 4, Decimal(50): 2, Decimal(10): 10}  # 600.00
_SALES = (
    ("G101", "380", PaymentMethod.CASH),
    ("S105", "1", PaymentMethod.WECHAT),
    ("M101", "1", PaymentMethod.ALIPAY),
)


class Renderer(Protocol):
    core: Core

    def _window(self, who: tuple[str, str], area: str, screen: str) -> MainWindow: ...
    def _user(self, who: tuple[str, str], screen: str) -> CurrentUser: ...


def shift_screen(renderer: Renderer, name: str, account_no: str) -> QPixmap:
    core = renderer.core
    clerk = core.context(renderer._user(CLERK, name))
    _working_shift(core, clerk, account_no)
    if name in ("overview", "day-close"):
        return _overview_screen(renderer, name, clerk, account_no)
    window = renderer._window(CLERK, "shift", name)
    page = window.pages.shift
    assert isinstance(page, ShiftPage)
    window.show()
    wait_until(lambda: page.shift is not None)
    page.x_report()
    wait_until(lambda: not page.attempt.running)  # the reading is back and shown
    if name == "shift-reading":
        return grab(window)
    page.close_shift()
    dialog = page.close_dialog
    assert dialog is not None
    expected = shifts.reading(core.database, clerk).figures
    cash = expected.method(PaymentMethod.CASH).expected - Decimal("0.20")
    dialog.cash.set_count(_pieces(cash))
    for method in (PaymentMethod.WECHAT, PaymentMethod.ALIPAY):
        dialog.amounts[method].setText(str(expected.method(method).expected))
        dialog.counts[method].setValue(expected.method(method).expected_count)
    dialog.explanation.setText("找零时少收两角")
    return framed(grab(window), grab(dialog))


def _overview_screen(renderer: Renderer, name: str, clerk: Context, account_no: str) -> QPixmap:
    """The manager's day; "day-close": every shift approved, F10's confirmation over it."""
    core, boss = renderer.core, renderer._user(MANAGER, name)
    _second_counter(core, renderer._user(SECOND_CLERK, name), boss, account_no)
    if name == "day-close":
        _close_and_approve(core, clerk, boss)
    window = renderer._window(MANAGER, "overview", name)
    overview = window.pages.overview
    assert isinstance(overview, OverviewPage)
    window.show()
    wait_until(lambda: overview.report is not None and not overview.attempt.running)
    if name == "overview":
        return grab(window)
    overview.close_day()
    wait_until(lambda: overview.close_dialog is not None and overview.close_dialog.isVisible())
    dialog = overview.close_dialog
    assert dialog is not None
    return framed(grab(window), grab(dialog))


def _pieces(amount: Decimal) -> dict[Decimal, int]:
    count, rest = {}, amount
    for denomination in DENOMINATIONS:
        count[denomination], rest = int(rest // denomination), rest % denomination
    return count


def _working_shift(core: Core, clerk: Context, account_no: str) -> None:
    """The clerk's shift here with three payments and a cash move (once per database)."""
    if shifts.current_shift(core.database, clerk) is not None:
        return
    shifts.open_shift(core.database, clerk, FLOAT)
    _pay(core, clerk, account_no)
    shifts.move_cash(core.database, clerk, MoveDirection.OUT, Decimal("500.00"), "中午上缴银行")


def _pay(core: Core, context: Context, account_no: str) -> None:
    shift = shifts.current_shift(core.database, context)
    assert shift is not None
    for code, quantity, method in _SALES:
        quote = pricing.quote(
            core.database, context, code, Decimal(quantity), account_no=account_no
        )
        cart = Cart().add(quote)
        tender = Tender(method, cart.total, "" if method is PaymentMethod.CASH else "4200001234")
        key = f"render-{context.where.counter_code}-{shift.id}-{code}"
        request = PaymentRequest(key, cart, (tender,), account_no=account_no)
        issue_receipt(core.database, context, request)


def _second_counter(core: Core, clerk: CurrentUser, boss: CurrentUser, account_no: str) -> None:
    base = core.context(clerk)
    context = replace(base, where=replace(base.where, counter_code="C02"))
    if shifts.current_shift(core.database, context) is not None or _has_day(core, boss):
        return
    shifts.open_shift(core.database, context, FLOAT)
    _pay(core, context, account_no)
    _close_and_approve(core, context, boss)


def _close_and_approve(core: Core, context: Context, boss: CurrentUser) -> None:
    """The shift counted exactly as expected, and approved by the manager."""
    reading = shifts.reading(core.database, context)
    declared: dict[PaymentMethod, shifts.Declared] = {
        m.method: shifts.Declared(m.expected, m.expected_count)
        for m in reading.figures.methods
        if m.method is not PaymentMethod.CASH
    }
    cash = _pieces(reading.figures.method(PaymentMethod.CASH).expected)
    z = shifts.close_shift(core.database, context, cash, declared, Decimal("10.00"))
    manager.approve_shift(core.database, core.context(boss), z.shift.id)


def _has_day(core: Core, boss: CurrentUser) -> bool:
    return any(
        line.shift.counter_code == "C02"
        for line in manager.hall_day(core.database, core.context(boss)).shifts
    )
