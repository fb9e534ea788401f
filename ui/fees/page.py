"""The fee lookup page: find an item as you type, see its price with its basis, charge it.

It works for the visit at the intake page: the visit's account is filled in (tiered gas
is quoted on it), a new visit starts the page afresh, and a fee for another account is
refused until the visit's account is changed.  Keys: type to search (code, name or
pinyin initials), ↓ into the list, Enter to the quantity; the fee is quoted as the
quantity is typed; Enter then puts it in the cart and goes to the payment, Ctrl+Enter
puts it in the cart and goes back to the search for the next item.  Ctrl+G quotes the
visit account's gas, Esc goes back to the search, F5 reloads the tariff in force,
Delete removes a cart line (on a bill's late fee: the reason and a manager's approval
waive it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
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
from ui.fees.keys import FeeKeys
from ui.fees.late_fee_waiver import LateFeeWaiver
from ui.fees.layout import cart_box, lay_out_calculator
from ui.fees.models import BasisTableModel, ItemTableModel
from ui.fees.quoting import LiveQuote, basis_note
from ui.fees.visit_side import VisitSide
from ui.kit.area import Area
from ui.kit.tasks import TaskRunner
from ui.kit.visit_bar import OnVisit, VisitBar
from ui.kit.widgets import named, table_view
from ui.words.problems import problem_text
from ui.words.tariff import abolished_text, amount_text, tariff_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.tariff.pricing import Pricer


class FeesPage(QFrame):
    sig_cart_changed = Signal(object)  # the Cart
    sig_pay = Signal()  # Enter on a quote: the cart goes to the payments page

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
        self.visit_side = VisitSide(self, self)
        self._runner = TaskRunner(self)
        self.live = LiveQuote(core, user_of, lambda: self.calculate(quiet=True), self)
        self.live.sig_quoted.connect(self._calculated)
        self.live.sig_refused.connect(lambda error, quiet: self.refused(error, quiet=quiet))
        self._build()
        self.waiver = LateFeeWaiver(core, user_of, self)
        self.waiver.sig_waived.connect(self._waived)
        self.waiver.sig_message.connect(self.say)
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
        self.visit_bar = VisitBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.visit_bar)
        layout.addLayout(top, 1)
        self.keys = FeeKeys(self, self)
        for widget in (self.search, self.results, self.quantity, self.account, self.cart_list):
            widget.installEventFilter(self.keys)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_to_cart)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.add_to_cart)
        QShortcut(QKeySequence("Ctrl+G"), self, self.quote_gas)

    def _build_calculator(self) -> QFrame:
        self._calculator = named(QFrame(), "feeCalculator")
        self.quantity = named(QLineEdit(maxLength=16), "feeQuantity")
        self.account = named(QLineEdit(maxLength=20), "feeAccount")
        for edit in (self.quantity, self.account):
            edit.textChanged.connect(self._inputs_changed)
        self.add_button = named(QPushButton(), "secondaryButton")
        self.add_button.clicked.connect(self.add_to_cart)
        self.pay_button = named(QPushButton(), "primaryButton")
        self.pay_button.clicked.connect(self.add_and_pay)
        self.basis = BasisTableModel()
        self.basis_view = table_view(self.basis, "feeBasis", BasisTableModel.COL_DOCUMENT)
        self.basis_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total = named(QLabel(), "feeTotal")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.cart_list = named(QListWidget(), "feeCart")
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
        self.add_button.setText(self.tr("Add, next item (Ctrl+Enter)"))
        self.pay_button.setText(self.tr("Charge (Enter)"))
        self.detail.retranslate()
        self._show_found()
        self.show_quote()
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
        self.visit_side.tariff_read()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.found.setText(problem_text(error))

    # -- the visit -----------------------------------------------------------------------------

    def set_visit(self, visit: OnVisit | None) -> None:
        self.visit_side.set_visit(visit)

    @property
    def visit(self) -> OnVisit | None:
        return self.visit_side.visit

    def quote_gas(self) -> None:
        self.visit_side.quote_gas()

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
        item = self.current_item()
        self.detail.show_item(item)
        self.quote = None
        self.say(abolished_text(item.name, item.abolished_by) if item and item.abolished else "")
        self.show_quote()

    # -- calculating -------------------------------------------------------------------------

    def _inputs_changed(self) -> None:
        """The quote shown is for what is typed: it goes, and a new one follows the typing."""
        if self.quote is not None:
            self.quote = None
            self.show_quote()
        if self.quantity.text().strip() and self.current_item() is not None:
            self.live.later()
        else:
            self.live.drop()

    def calculate(self, *, quiet: bool = False) -> None:
        """Quote the typed quantity; ``quiet`` (as it is typed): a refusal is shown without
        taking the cursor from where the clerk types."""
        item, pricer = self.current_item(), self.pricer
        if item is None or pricer is None:
            self.live.drop()
            self.say(self.tr("Please choose an item first."))
            self.search.setFocus()
            return
        account_no = self.account.text().strip()
        self.live.ask(pricer, item, self.quantity.text(), account_no, self.cart.lines, quiet=quiet)

    def _calculated(self, quote: Quote) -> None:
        self.quote = quote
        self.say(basis_note(quote, self.current_item()))
        self.show_quote()

    def refused(self, error: HallError, *, quiet: bool = False) -> None:
        self.quote = None
        self.show_quote()
        text = tariff_problem_text(error) if isinstance(error, TariffError) else problem_text(error)
        self.say(text)
        if not quiet:
            self.quantity.setFocus()
            self.quantity.selectAll()

    def say(self, text: str) -> None:
        self.message.setText(text)

    def show_quote(self) -> None:
        self.basis.set_rows(self.quote.lines if self.quote else ())
        amount = amount_text(self.quote.amount) if self.quote else "—"
        self.total.setText(self.tr("Amount: {amount}").format(amount=amount))

    # -- the cart ----------------------------------------------------------------------------

    def add_to_cart(self) -> None:
        """Ctrl+Enter: the quote goes in the cart, the cursor back to the search."""
        if self._take_quote():
            self.say(self.tr("Added to the cart."))
            self.search.setFocus()
            self.search.selectAll()

    def add_and_pay(self) -> None:
        """Enter on a quote: it goes in the cart, and the cart to the payments page."""
        if self._take_quote():
            self.say(self.tr("Added to the cart."))
            self.sig_pay.emit()

    def _take_quote(self) -> bool:
        quote, item = self.quote, self.current_item()
        if quote is None:
            self.say(
                abolished_text(item.name, item.abolished_by)
                if item is not None and item.abolished
                else self.tr("Type the quantity first: the fee is quoted as you type.")
            )
            return False
        if quote.estimated:
            self.refused(TariffError(TariffProblem.ESTIMATE, quote.item_code))
            return False
        refusal = self.visit_side.refusal(quote)
        if refusal is not None:
            self.say(refusal)
            self.account.setFocus()
            self.account.selectAll()
            return False
        self.set_cart(self.cart.add(quote))
        self.quote = None
        self.show_quote()
        return True

    def put_bills(self, lines: list[Quote]) -> None:
        """The account's bills (from the intake page's F10), instead of any taken before."""
        self.set_cart(self.cart.with_bills(lines))
        self.say(
            self.tr(
                "The bills are in the cart; remove the newest to pay fewer "
                "(Delete). Delete on a late fee asks a manager to waive it."
            )
        )

    def clear_cart(self) -> None:
        """After the cart was charged on the payments page."""
        self.set_cart(Cart())

    def set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self._show_cart()
        self.sig_cart_changed.emit(cart)

    def _show_cart(self) -> None:
        self.cart_list.clear()
        for line in self.cart.lines:
            # a late fee's quantity is the bill it is charged on: its name says enough
            late = line.item_code == LATE_FEE_CODE
            quantity = "" if late else f" {line.quantity.normalize():f} {line.unit}"
            self.cart_list.addItem(f"{line.item_name}{quantity}  {amount_text(line.amount)}")
        self.cart_total.setText(
            self.tr("Cart total: {amount}").format(amount=format_yuan(self.cart.total))
        )

    def _waived(self, waiver: Waiver) -> None:
        self.set_cart(self.cart.waive(waiver))
        self.say(
            self.tr("The late fee of bill {bill} is waived with the manager's approval.").format(
                bill=waiver.bill_no
            )
        )
        self.cart_list.setFocus()
