"""How a total is paid: pure rules, no database (cash tendered, change, split payments).

Methods are recorded, not processed: a WeChat Pay or card payment is the amount the
clerk saw confirmed on the terminal, with its reference if the clerk typed one.  Only
cash has a tendered amount and change; the payments must add up to the total exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from db.domain import PaymentMethod
from hallclient.money import FEN, MAX_AMOUNT
from hallclient.receipts.errors import ReceiptError, ReceiptProblem, ShortTenderError
from hallclient.text_input import TextInputError, clean_code

__all__ = ["PaymentMethod", "Settlement", "Tender", "settle"]
MAX_REFERENCE = 64
MAX_TENDERS = 8
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Tender:
    """One part of the payment: ``amount`` by ``method`` (cash: the part kept, not handed)."""

    method: PaymentMethod
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True)
class Settlement:
    tenders: tuple[Tender, ...]
    cash_tendered: Decimal  # what the customer handed over in cash (0 without cash)
    change: Decimal

    @property
    def cash(self) -> Decimal:
        return sum((t.amount for t in self.tenders if t.method is PaymentMethod.CASH), ZERO)


def _amount(value: Decimal) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ReceiptError(ReceiptProblem.BAD_AMOUNT, repr(value))
    if value <= 0 or value >= MAX_AMOUNT or value != value.quantize(FEN):
        raise ReceiptError(ReceiptProblem.BAD_AMOUNT, str(value))
    return value.quantize(FEN)


def _tender(tender: Tender) -> Tender:
    try:
        reference = clean_code(tender.reference, "reference", MAX_REFERENCE)
    except TextInputError:
        raise ReceiptError(ReceiptProblem.BAD_REFERENCE, f"longer than {MAX_REFERENCE}") from None
    return Tender(PaymentMethod(tender.method), _amount(tender.amount), reference)


def settle(total: Decimal, tenders: Sequence[Tender], cash_tendered: Decimal | None) -> Settlement:
    """Check that ``tenders`` pay ``total`` exactly; work out the change.

    ``cash_tendered`` is the cash handed over (None: exactly the cash part).
    """
    if total == 0:  # free items alone: a free service is recorded by the visit, not a receipt
        raise ReceiptError(ReceiptProblem.NOTHING_TO_PAY)
    if not tenders or len(tenders) > MAX_TENDERS:
        raise ReceiptError(ReceiptProblem.NOT_BALANCED, f"{len(tenders)} payments")
    checked = tuple(_tender(tender) for tender in tenders)
    paid = sum((t.amount for t in checked), ZERO)
    if paid != total:
        raise ReceiptError(ReceiptProblem.NOT_BALANCED, f"paid {paid}, total {total}")
    cash = [t for t in checked if t.method is PaymentMethod.CASH]
    if len(cash) > 1:
        raise ReceiptError(ReceiptProblem.TWO_CASH_PAYMENTS)
    if not cash:
        if cash_tendered is not None:
            raise ReceiptError(ReceiptProblem.TENDER_WITHOUT_CASH)
        return Settlement(checked, ZERO, ZERO)
    handed = cash[0].amount if cash_tendered is None else _amount(cash_tendered)
    if handed < cash[0].amount:
        raise ShortTenderError(cash[0].amount, handed)
    return Settlement(checked, handed, handed - cash[0].amount)
