"""A charge that does not answer (a hanging network, a locked series): the clerk may stop waiting.

After a moment the page says that it waits for the database and that Esc gives up.  Giving
up stops the waiting, not the charge: its thread may still commit.  So the payment keeps
its key, as after "could not confirm", and F12 again sends the same payment: the core
returns the receipt if the first try issued it, never a second one.

The abandoned charge's late answer still counts while its payment is the one pending (the
page's key is still its key): a receipt issued is shown and printed like any other, and a
newer try with the same key is given up on (it can only answer with that receipt); a
refusal is shown like any other, unless a newer try is under way.  Once the payment is
settled, a late answer is only logged.  If another customer is at the counter by then, the
late receipt settles the payment but is only announced (its number and amount; it waits
for F5 like any receipt not printed): the cart on the page is the new customer's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hallclient.errors import HallError
from hallclient.money import format_yuan
from hallclient.receipts.issue import Issued
from ui.kit.attempt import Attempt
from ui.kit.visit_bar import OnVisit

log = logging.getLogger(__name__)


class PendingPayment(Protocol):
    """The payments page as seen from here: the pending payment's key, the customer being
    served, and its message."""

    key: str | None
    unconfirmed: bool
    visit: OnVisit | None

    def say(self, text: str) -> None: ...


class ChargeWait(QObject):
    """Esc gives up waiting for ``attempt``; late answers go to ``charged`` / ``refused``."""

    def __init__(
        self,
        page: QWidget,
        payment: PendingPayment,
        attempt: Attempt,
        charged: Callable[[Issued], None],
        refused: Callable[[HallError], None],
    ) -> None:
        """``page``: where Esc works (the form itself is disabled while it waits)."""
        super().__init__(page)
        self._payment, self._attempt = payment, attempt
        self._charged, self._refused = charged, refused
        self._customer: int | None = None  # the visit whose payment was given up on
        # only while a charge waits: Esc means nothing else on this page
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), page, self.give_up)
        self.escape.setEnabled(False)
        attempt.sig_slow.connect(self._slow)
        attempt.sig_idle.connect(lambda: self.escape.setEnabled(False))

    def waiting_text(self) -> str:
        return self.tr("Waiting for the database… (Esc gives up)")

    def given_up_text(self) -> str:
        return self.tr(
            "Stopped waiting: the payment may or may not be saved. F12 again is safe: at most "
            "one charge."
        )

    def _slow(self) -> None:
        self.escape.setEnabled(True)
        self._payment.say(self.waiting_text())

    def give_up(self) -> None:
        key = self._payment.key
        if key is None or not self._attempt.give_up(
            lambda issued: self._late_charged(key, issued),
            lambda error: self._late_refused(key, error),
        ):
            return
        self._payment.unconfirmed = True  # keeps the key, whatever the clerk edits next
        self._customer = _visit_id(self._payment.visit)
        log.warning("payment %s: the clerk stopped waiting for the database", key)
        self._payment.say(self.given_up_text())

    def _late_charged(self, key: str, issued: Issued) -> None:
        if self._payment.key != key:
            _ignored_receipt(key)(issued)
            return
        number = issued.record.receipt_no
        log.warning("payment %s: receipt %s issued after the clerk stopped waiting", key, number)
        self._attempt.give_up(_ignored_receipt(key), _ignored_refusal(key))
        if _visit_id(self._payment.visit) == self._customer:
            self._charged(issued)
            return
        self._payment.key, self._payment.unconfirmed = None, False
        text = self.tr(
            "The payment given up on earlier was saved after all: receipt {number}, {amount}. "
            "F5 prints it. The cart on this page is unchanged."
        )
        self._payment.say(text.format(number=number, amount=format_yuan(issued.record.total)))

    def _late_refused(self, key: str, error: HallError) -> None:
        if self._payment.key != key or self._attempt.running:
            _ignored_refusal(key)(error)
            return
        log.warning("payment %s: refused after the clerk stopped waiting: %s", key, error)
        self._refused(error)


def _visit_id(visit: OnVisit | None) -> int | None:
    return None if visit is None else visit.visit_id


def _ignored_receipt(key: str) -> Callable[[Issued], None]:
    """For a receipt that settles nothing any more: the payment was settled meanwhile (only
    its number is logged, not the customer's data)."""
    return lambda issued: log.info(
        "payment %s: receipt %s answered late, already settled", key, issued.record.receipt_no
    )


def _ignored_refusal(key: str) -> Callable[[HallError], None]:
    return lambda error: log.info("payment %s: a late refusal ignored: %s", key, error)
