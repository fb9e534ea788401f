"""The visit's cart: quoted lines waiting to be charged (the Payment issue charges them).

Lines come only from the pricing service (:class:`~hallclient.tariff.rules.Quote`);
there is no way to put a typed amount in.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hallclient.tariff.rules import Quote


@dataclass(frozen=True)
class Cart:
    lines: tuple[Quote, ...] = ()

    def add(self, quote: Quote) -> Cart:
        return Cart((*self.lines, quote))

    def without(self, index: int) -> Cart:
        return Cart(self.lines[:index] + self.lines[index + 1 :])

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))
