"""The visit's cart: quoted lines waiting to be charged.

Lines come only from the pricing service (:class:`~hallclient.tariff.rules.Quote`) or
from the account's bills (quotes that name the bill); there is no way to put a typed
amount in.  A bill's late fee leaves the cart only with a manager's waiver, which the
cart carries to the payment.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hallclient.tariff.rules import LATE_FEE_CODE, Quote


@dataclass(frozen=True)
class Waiver:
    """A manager's approval to leave out the late fee of one bill."""

    bill_no: str
    approval_id: int


@dataclass(frozen=True)
class Cart:
    lines: tuple[Quote, ...] = ()
    waivers: tuple[Waiver, ...] = ()

    def add(self, quote: Quote) -> Cart:
        return Cart((*self.lines, quote), self.waivers)

    def without(self, index: int) -> Cart:
        """The cart without one line; a bill goes with its late fee (and its waiver)."""
        gone = self.lines[index]
        kept = self.lines[:index] + self.lines[index + 1 :]
        if gone.bill_no is None or gone.item_code == LATE_FEE_CODE:
            return Cart(kept, self.waivers)
        kept = tuple(q for q in kept if not _late_fee_of(q, gone.bill_no))
        return Cart(kept, tuple(w for w in self.waivers if w.bill_no != gone.bill_no))

    def with_bills(self, lines: tuple[Quote, ...] | list[Quote]) -> Cart:
        """The cart with these bill lines instead of any bills it held (taken again)."""
        kept = tuple(q for q in self.lines if q.bill_no is None)
        return Cart((*kept, *lines), ())

    def waive(self, waiver: Waiver) -> Cart:
        """The cart without the bill's late fee, carrying the approval that waives it."""
        kept = tuple(q for q in self.lines if not _late_fee_of(q, waiver.bill_no))
        others = tuple(w for w in self.waivers if w.bill_no != waiver.bill_no)
        return Cart(kept, (*others, waiver))

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def bill_nos(self) -> tuple[str, ...]:
        """The bills paid, in cart order."""
        return tuple(q.bill_no for q in self.lines if q.bill_no and q.item_code != LATE_FEE_CODE)


def _late_fee_of(quote: Quote, bill_no: str) -> bool:
    return quote.bill_no == bill_no and quote.item_code == LATE_FEE_CODE
