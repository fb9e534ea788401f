"""The fee lookup page: find an item as you type, calculate with its basis, add it to the cart.

Keys: type to search (code, name or pinyin initials), ↓ into the list, Enter to the
quantity, Enter to calculate, Ctrl+Enter to add the line to the cart, Esc back to
the search, F5 to reload the tariff in force, Delete to remove a cart line (on a
bill's late fee: the reason and a manager's approval waive it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.errors import HallError
from hallclient.money import format_yuan
from hallclient.receipts.cart import Cart, Waiver
from hallclient.tariff.catalog import Catalog
from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.tariff.rules import LATE_FEE_CODE, PricedItem, Quote
from ui.fees.detail import FeeDetail
from ui.fees.late_fee_waiver import LateFeeWaiver
from ui.fees.layout import cart_box, lay_out_calculator
from ui.fees.models import BasisTableModel, ItemTableModel
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import is_plain, named, table_view
from ui.words.problems import problem_text
from ui.words.tariff import tariff_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.tariff.pricing import Pricer


def parse_quantity(text: str) -> Decimal:
    """A typed quantity (full-width digits allowed); the pricing service checks the rest."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise TariffError(TariffProblem.BAD_QUANTITY, text) from None


class FeesPage(QFrame):
    sig_cart_changed = Signal(object)  # the Cart

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        area: Area,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.area = area
        self._core, self._user_of = core, user_of
        self.pricer: Pricer | None = None
        self.catalog = Catalog([])
        self.quote: Quote | None = None
        self.cart = Cart()
        self._runner = TaskRunner(self)
        self._build()
        self.attempt = Attempt(self._calculator)
        self.waiver = LateFeeWaiver(core, user_of, self)
        self.waiver.sig_waived.connect(self._waived)
        self.waiver.sig_message.connect(self._set_message)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = named(QLineEdit(), "feeSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.items = ItemTableModel()
        self.results = table_view(self.items, "feeResults", ItemTableModel.COL_NAME)
        self.results.selectionModel().currentRowChanged.connect(self._row_changed)
        self.found = named(QLabel(), "feeFound")
        self.detail = FeeDetail()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        left.addWidget(self.found)
        left.addWidget(self._build_calculator(), 1)
        right = QVBoxLayout()
        right.addWidget(self.detail, 3)
        right.addWidget(cart_box(self, self._labels[2]), 1)
        top = QHBoxLayout()
        top.addLayout(left, 5)
        top.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(top, 1)
        for widget in (self.search, self.results, self.quantity, self.account):
            widget.installEventFilter(self)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_to_cart)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.add_to_cart)

    def _build_calculator(self) -> QFrame:
        self._calculator = named(QFrame(), "feeCalculator")
        self.quantity = named(QLineEdit(maxLength=16), "feeQuantity")
        self.account = named(QLineEdit(maxLength=20), "feeAccount")
        self.calculate_button = named(QPushButton(), "secondaryButton")
        self.calculate_button.clicked.connect(self.calculate)
        self.add_button = named(QPushButton(), "primaryButton")
        self.add_button.clicked.connect(self.add_to_cart)
        self.basis = BasisTableModel()
        self.basis_view = table_view(self.basis, "feeBasis", BasisTableModel.COL_DOCUMENT)
        self.basis_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total = named(QLabel(), "feeTotal")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.cart_list = named(QListWidget(), "feeCart")
        self.cart_list.installEventFilter(self)
        self.cart_total = named(QLabel(), "feeCartTotal")
        self._labels = [named(QLabel(), "feeFieldLabel") for _ in range(3)]
        lay_out_calculator(self, self._calculator, self._labels)
        return self._calculator

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Code, name or pinyin initials, e.g. GHF"))
        texts = (self.tr("Quantity"), self.tr("Account no."), self.tr("Cart"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.quantity.setPlaceholderText(self.tr("e.g. 1 or 25.5"))
        self.account.setPlaceholderText(self.tr("needed for tiered gas"))
        self.calculate_button.setText(self.tr("Calculate (Enter)"))
        self.add_button.setText(self.tr("Add to cart (Ctrl+Enter)"))
        self.detail.retranslate()
        self._show_found()
        self._show_quote()
        self._show_cart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the tariff in force -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The tariff is read on first show; the cursor goes to the search (Ctrl+2, type)."""
        super().showEvent(event)
        if self.pricer is None and not self.loading:
            self.reload()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.search.setFocus()

    @property
    def loading(self) -> bool:
        """The tariff in force is being read (the page shows that it is)."""
        return self._runner.busy()

    def reload(self) -> None:
        """Read the items in force today again (after midnight, or a new schedule)."""
        user = self._user_of()
        self.found.setText(self.tr("Loading the tariff in force…"))
        self._runner.start(
            lambda _p: self._core.tariff.fee_pricer(user), self._loaded, self._load_failed
        )

    def _loaded(self, pricer: Pricer) -> None:
        self.pricer = pricer
        self.catalog = Catalog(list(pricer.items.values()))
        self._search()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.found.setText(problem_text(error))

    # -- searching ---------------------------------------------------------------------------

    def _search(self) -> None:
        self.items.set_rows(self.catalog.search(self.search.text()))
        if self.items.rowCount():
            self.results.selectRow(0)
        else:
            self.detail.show_item(None)
        self._show_found()

    def _show_found(self) -> None:
        if self.pricer is None:
            return
        if not len(self.catalog):
            self.found.setText(self.tr("No tariff schedule is in force today."))
            return
        self.found.setText(
            self.tr("{count} of {total} items").format(
                count=self.items.rowCount(), total=len(self.catalog)
            )
        )

    def current_item(self) -> PricedItem | None:
        return self.items.row_at(self.results.currentIndex().row())

    def _row_changed(self) -> None:
        self.detail.show_item(self.current_item())
        self.quote = None
        self._set_message("")
        self._show_quote()

    # -- calculating -------------------------------------------------------------------------

    def calculate(self) -> None:
        item, pricer = self.current_item(), self.pricer
        if item is None or pricer is None:
            self._set_message(self.tr("Please choose an item first."))
            self.search.setFocus()
            return
        account_no, user, cart = self.account.text().strip(), self._user_of(), self.cart.lines
        try:
            quantity = parse_quantity(self.quantity.text())
        except TariffError as error:
            self._refused(error)
            return

        def work() -> Quote:
            facts = self._core.tariff.account_facts(user, account_no) if account_no else None
            return pricer.quote(item.code, quantity, facts.after(cart) if facts else None)

        self.attempt.run(work, self._calculated, self._refused)

    def _calculated(self, quote: Quote) -> None:
        self.quote = quote
        self._set_message(self._basis_note(quote))
        self._show_quote()

    def _basis_note(self, quote: Quote) -> str:
        """What a tiered split started from, so the clerk can explain it."""
        if quote.estimated:
            return self.tr("Estimate: no account given, the year's volume is taken as 0.")
        item = self.current_item()
        if item is None or item.tiers is None or quote.household_size is None:
            return ""
        limits = [limit for limit in item.tiers.limits(quote.household_size) if limit is not None]
        return self.tr(
            "Used this year: {used} m³; household of {size}; tier limits {limits} m³."
        ).format(
            used=f"{quote.used_this_year:f}",
            size=quote.household_size,
            limits=" / ".join(f"{limit.normalize():f}" for limit in limits),
        )

    def _refused(self, error: HallError) -> None:
        self.quote = None
        self._show_quote()
        text = tariff_problem_text(error) if isinstance(error, TariffError) else problem_text(error)
        self._set_message(text)
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _set_message(self, text: str) -> None:
        self.message.setText(text)

    def _show_quote(self) -> None:
        self.basis.set_rows(self.quote.lines if self.quote else ())
        amount = format_yuan(self.quote.amount) if self.quote else "—"
        self.total.setText(self.tr("Amount: {amount}").format(amount=amount))

    # -- the cart ----------------------------------------------------------------------------

    def add_to_cart(self) -> None:
        if self.quote is None:
            self._set_message(self.tr("Calculate the fee first (Enter), then add it."))
            return
        if self.quote.estimated:
            self._refused(TariffError(TariffProblem.ESTIMATE, self.quote.item_code))
            return
        self._set_cart(self.cart.add(self.quote))
        self.quote = None
        self._show_quote()
        self._set_message(self.tr("Added to the cart."))
        self.search.setFocus()
        self.search.selectAll()

    def put_bills(self, lines: list[Quote]) -> None:
        """The account's bills (from the intake page's F10), instead of any taken before."""
        self._set_cart(self.cart.with_bills(lines))
        self._set_message(
            self.tr(
                "The bills are in the cart; remove the newest to pay fewer "
                "(Delete). Delete on a late fee asks a manager to waive it."
            )
        )

    def clear_cart(self) -> None:
        """After the cart was charged on the payments page."""
        self._set_cart(Cart())

    def _set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self._show_cart()
        self.sig_cart_changed.emit(cart)

    def _show_cart(self) -> None:
        self.cart_list.clear()
        for line in self.cart.lines:
            # a late fee's quantity is the bill it is charged on: its name says enough
            late = line.item_code == LATE_FEE_CODE
            quantity = "" if late else f" {line.quantity.normalize():f} {line.unit}"
            self.cart_list.addItem(f"{line.item_name}{quantity}  {format_yuan(line.amount)}")
        self.cart_total.setText(
            self.tr("Cart total: {amount}").format(amount=format_yuan(self.cart.total))
        )

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._key_action(watched, event)
            if action is not None:
                return action()
        return super().eventFilter(watched, event)

    def _calculate_taking_key(self) -> bool:
        self.calculate()
        return True

    def _key_action(self, watched: QObject, event: QKeyEvent) -> Callable[[], bool] | None:
        """What a key does where it is pressed; the action returns whether it took the key."""
        key = event.key()
        plain = is_plain(event)
        enter = plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            return lambda: self._focus(self.results, taken=False)  # the list moves too
        if watched in (self.search, self.results) and enter:
            return lambda: self._focus(self.quantity)
        if watched in (self.quantity, self.account) and enter:
            return self._calculate_taking_key
        if key == Qt.Key.Key_Escape and watched is not self.search:
            return lambda: self._focus(self.search)
        if watched is self.cart_list and key == Qt.Key.Key_Delete:
            return self._remove_cart_line
        return None

    def _focus(self, widget: QWidget, *, taken: bool = True) -> bool:
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return taken

    def _remove_cart_line(self) -> bool:
        row = self.cart_list.currentRow()
        if row < 0:
            return False
        line = self.cart.lines[row]
        if line.bill_no is not None and line.item_code == LATE_FEE_CODE:
            self.waiver.ask(line.bill_no)
        else:
            self._set_cart(self.cart.without(row))
        return True

    def _waived(self, waiver: Waiver) -> None:
        self._set_cart(self.cart.waive(waiver))
        self._set_message(
            self.tr("The late fee of bill {bill} is waived with the manager's approval.").format(
                bill=waiver.bill_no
            )
        )
        self.cart_list.setFocus()
