"""The fees page works for the visit at the intake page.

The visit's account is filled in, so tiered gas is quoted on it; Ctrl+G chooses the
gas that account buys; another customer starts the page afresh; the fees of an account
the visit no longer serves leave the cart.  Adding a fee quoted for another account
than the visit's is refused (the core refuses charging it too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QTableView

from hallclient.errors import HallError
from hallclient.receipts.cart import Cart
from hallclient.tariff.errors import TariffError
from ui.fees.models import ItemTableModel
from ui.kit.visit_bar import OnVisit, VisitBar, starts_fresh

if TYPE_CHECKING:
    from hallclient.tariff.pricing import Pricer
    from hallclient.tariff.rules import Quote


class VisitPage(Protocol):
    """What the visit changes on the fees page (not imported here, which imports this)."""

    visit_bar: VisitBar
    search: QLineEdit
    results: QTableView
    items: ItemTableModel
    quantity: QLineEdit
    account: QLineEdit
    pricer: Pricer | None
    quote: Quote | None
    cart: Cart

    def show_quote(self) -> None: ...
    def say(self, text: str) -> None: ...
    def set_cart(self, cart: Cart) -> None: ...
    def refused(self, error: HallError, *, quiet: bool = False) -> None: ...


class VisitSide(QObject):
    def __init__(self, page: VisitPage, parent: QObject) -> None:
        super().__init__(parent)
        self._page = page
        self.visit: OnVisit | None = None
        self._gas_wanted = False  # Ctrl+G before the tariff was read: quote it once read

    def set_visit(self, visit: OnVisit | None) -> None:
        """Another customer starts the page afresh; the visit's account is filled in."""
        before, self.visit = self.visit, visit
        self._page.visit_bar.set_visit(visit)
        account = visit.account_no if visit else None
        if starts_fresh(visit, before):
            self._start_fresh()
        elif before is not None and before.account_no != account:
            self._account_changed(account)
        self._page.account.setText(account or "")

    def _start_fresh(self) -> None:
        """Nothing of the customer before stays: search, quantity, quote, message, cart."""
        page = self._page
        self._gas_wanted = False
        page.search.clear()
        page.quantity.clear()
        page.quote = None
        page.show_quote()
        page.say("")
        if page.cart.lines or page.cart.waivers:
            page.set_cart(Cart())

    def _account_changed(self, account: str | None) -> None:
        """The visit serves another account now: the fees quoted on the old one go."""
        page = self._page
        if any(line.account_no not in (None, account) for line in page.cart.lines):
            page.set_cart(Cart())
            page.say(
                self.tr("The visit's account is now {account}: the other's fees are gone.").format(
                    account=account or "—"
                )
            )

    def refusal(self, quote: Quote) -> str | None:
        """Why the quote may not go in the cart for this visit, or None."""
        visit = self.visit
        if visit is None or not visit.account_no or quote.account_no in (None, visit.account_no):
            return None
        return self.tr(
            "This visit is for account {account}. To charge account {other}, take it for "
            "the visit first (Ctrl+1, search, Enter): the change is recorded."
        ).format(account=visit.account_no, other=quote.account_no)

    def tariff_read(self) -> None:
        if self._gas_wanted:
            self.quote_gas()

    def quote_gas(self) -> None:
        """Ctrl+G: the gas the visit's account buys, chosen, the cursor in the quantity."""
        page, visit = self._page, self.visit
        if visit is None or visit.customer_type is None:
            page.say(
                self.tr(
                    "Take the customer's account first (Ctrl+1, search, Enter): gas is "
                    "quoted on it."
                )
            )
            return
        if page.pricer is None:
            self._gas_wanted = True  # quoted once the tariff in force is read
            return
        self._gas_wanted = False
        try:
            item = page.pricer.gas_item(visit.customer_type)
        except TariffError as error:
            page.refused(error, quiet=True)
            return
        page.search.setText(item.code)
        rows = range(page.items.rowCount())
        page.results.selectRow(next((r for r in rows if page.items.row_at(r) == item), 0))
        page.quantity.clear()
        page.quantity.setFocus()
