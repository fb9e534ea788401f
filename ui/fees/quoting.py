"""The fee quoted as the quantity is typed, off the GUI thread, the newest answer winning.

Tiered gas needs the account's volumes from the database; the clerk goes on typing
meanwhile, so an answer for text that has changed since is dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from hallclient.errors import HallError
from hallclient.tariff.errors import TariffError, TariffProblem
from ui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.tariff.pricing import Pricer
    from hallclient.tariff.rules import PricedItem, Quote

LIVE_QUOTE_MS = 250  # the quote follows the typing after this pause


def parse_quantity(text: str) -> Decimal:
    """A typed quantity (full-width digits allowed); the pricing service checks the rest."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise TariffError(TariffProblem.BAD_QUANTITY, text) from None


def basis_note(quote: Quote, item: PricedItem | None) -> str:
    """What a tiered split started from, so the clerk can explain it."""
    if quote.estimated:
        return QCoreApplication.translate(
            "FeesPage", "Estimate: no account given, the year's volume is taken as 0."
        )
    if item is None or item.tiers is None or quote.household_size is None:
        return ""
    limits = [limit for limit in item.tiers.limits(quote.household_size) if limit is not None]
    return QCoreApplication.translate(
        "FeesPage", "Used this year: {used} m³; household of {size}; tier limits {limits} m³."
    ).format(
        used=f"{quote.used_this_year:f}",
        size=quote.household_size,
        limits=" / ".join(f"{limit.normalize():f}" for limit in limits),
    )


class LiveQuote(QObject):
    """Asks the pricing service for one quote at a time; ``later`` after each keystroke."""

    sig_quoted = Signal(object)  # the Quote for the text typed now
    sig_refused = Signal(object, bool)  # the HallError, and whether it came while typing

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        ask_again: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._core, self._user_of = core, user_of
        self._runner = TaskRunner(self)
        self._asked = 0  # the newest question; older answers are dropped
        self._timer = QTimer(self, singleShot=True, interval=LIVE_QUOTE_MS)
        self._timer.timeout.connect(ask_again)

    @property
    def busy(self) -> bool:
        """A quote is asked for, or will be once the typing pauses."""
        return self._runner.busy() or self._timer.isActive()

    def later(self) -> None:
        """The text changed: any answer on its way is stale, a new question follows."""
        self._asked += 1
        self._timer.start()

    def drop(self) -> None:
        """Nothing to quote (no quantity, no item): no question follows."""
        self._asked += 1
        self._timer.stop()

    def ask(
        self,
        pricer: Pricer,
        item: PricedItem,
        quantity_text: str,
        account_no: str,
        cart: Sequence[Quote],
        *,
        quiet: bool,
    ) -> None:
        self._timer.stop()
        self._asked += 1
        asked, user = self._asked, self._user_of()
        try:
            quantity = parse_quantity(quantity_text)
        except TariffError as error:
            self.sig_refused.emit(error, quiet)
            return

        def work(_progress: object) -> Quote:
            facts = self._core.tariff.account_facts(user, account_no) if account_no else None
            return pricer.quote(item.code, quantity, facts.after(cart) if facts else None)

        def failed(error: BaseException) -> None:
            if not isinstance(error, HallError):
                raise error
            if asked == self._asked:
                self.sig_refused.emit(error, quiet)

        self._runner.start(
            work,
            lambda quote: self.sig_quoted.emit(quote) if asked == self._asked else None,
            failed,
        )
