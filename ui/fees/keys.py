"""What a key does where it is pressed on the fees page.

↓ from the search into the list, Enter from the search or the list to the quantity,
Enter on the quantity charges the quote shown (or quotes what is typed when none is
shown yet), Esc back to the search, Delete on a cart line removes it (on a bill's late
fee: asks a manager to waive it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QTableView, QWidget

from hallclient.receipts.cart import Cart
from hallclient.tariff.rules import LATE_FEE_CODE, Quote
from ui.fees.late_fee_waiver import LateFeeWaiver
from ui.kit.widgets import is_plain

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyedPage(Protocol):
    """What the keys act on: the fees page (not imported here, which imports this)."""

    search: QLineEdit
    results: QTableView
    quantity: QLineEdit
    account: QLineEdit
    cart_list: QListWidget
    quote: Quote | None
    cart: Cart
    waiver: LateFeeWaiver

    def add_and_pay(self) -> None: ...
    def calculate(self, *, quiet: bool = False) -> None: ...
    def set_cart(self, cart: Cart) -> None: ...


class FeeKeys(QObject):
    """The page's key filter, installed on its search, list, fields and cart."""

    def __init__(self, page: KeyedPage, parent: QObject) -> None:
        super().__init__(parent)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._action(watched, event)
            if action is not None:
                return action()
        return super().eventFilter(watched, event)

    def _action(self, watched: QObject, event: QKeyEvent) -> Callable[[], bool] | None:
        """The action for this key here; it returns whether it took the key."""
        page, key = self._page, event.key()
        enter = is_plain(event) and key in ENTER
        if watched is page.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            return lambda: _focus(page.results, taken=False)  # the list moves too
        if watched in (page.search, page.results) and enter:
            return lambda: _focus(page.quantity)
        if watched in (page.quantity, page.account) and enter:
            return self._enter_on_quantity
        if key == Qt.Key.Key_Escape and watched is not page.search:
            return lambda: _focus(page.search)
        if watched is page.cart_list and key == Qt.Key.Key_Delete:
            return self._remove_cart_line
        return None

    def _enter_on_quantity(self) -> bool:
        """Charge the quote shown, or quote what is typed when none is shown yet."""
        if self._page.quote is not None:
            self._page.add_and_pay()
        else:
            self._page.calculate()
        return True

    def _remove_cart_line(self) -> bool:
        page = self._page
        row = page.cart_list.currentRow()
        if row < 0:
            return False
        line = page.cart.lines[row]
        if line.bill_no is not None and line.item_code == LATE_FEE_CODE:
            page.waiver.ask(line.bill_no)
        else:
            page.set_cart(page.cart.without(row))
        return True


def _focus(widget: QWidget, *, taken: bool = True) -> bool:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    return taken
