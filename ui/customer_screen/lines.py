"""The fees as the customer sees them: one row per priced line, from the cart or the receipt.

A tiered gas quote gives one row per band; each row names its approval document, as
the price regulator's rules ask a fee to be shown.  Only the fee's own facts are here:
no account, no name, no bill of anyone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from db.domain import PaymentMethod
from hallclient.receipts.cart import Cart
from hallclient.receipts.record import ReceiptRecord
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.words.tariff import amount_text, unit_price_text


@dataclass(frozen=True)
class ScreenLine:
    item_name: str
    band: int | None
    quantity: Decimal
    unit: str
    unit_price: Decimal
    approval_doc_no: str
    amount: Decimal


@dataclass(frozen=True)
class Settled:
    """What the customer handed over and got back, after the charge."""

    total: Decimal
    paid: Decimal
    change: Decimal


def lines_of_cart(cart: Cart) -> list[ScreenLine]:
    return [
        ScreenLine(
            b.item_name, b.band, b.quantity, b.unit, b.unit_price, b.approval_doc_no, b.subtotal
        )
        for quote in cart.lines
        for b in quote.lines
    ]


def lines_of_receipt(record: ReceiptRecord) -> list[ScreenLine]:
    return [
        ScreenLine(
            line.item_name,
            line.band,
            line.quantity,
            line.unit,
            line.unit_price,
            line.approval_doc_no,
            line.amount,
        )
        for line in record.lines
    ]


def settled(record: ReceiptRecord) -> Settled:
    """Paid: the cash handed over plus what the other means paid; the change given back."""
    others = sum(
        (p.amount for p in record.payments if p.method is not PaymentMethod.CASH), Decimal("0.00")
    )
    cash = record.cash_tendered or sum(
        (p.amount for p in record.payments if p.method is PaymentMethod.CASH), Decimal("0.00")
    )
    return Settled(record.total, cash + others, record.change)


def total_of(lines: Iterable[ScreenLine]) -> Decimal:
    return sum((line.amount for line in lines), Decimal("0.00"))


class ScreenLinesModel(RowsTableModel[ScreenLine]):
    CONTEXT = "CustomerScreen"
    COL_ITEM, COL_BAND, COL_QUANTITY, COL_PRICE, COL_DOCUMENT, COL_AMOUNT = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("CustomerScreen", "Item"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Tier"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Quantity"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Unit price"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Approval document"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Amount"),
    )
    RIGHT_ALIGNED = frozenset({COL_QUANTITY, COL_PRICE, COL_AMOUNT})

    def display(self, row: ScreenLine, column: int) -> str:
        band = QCoreApplication.translate("CustomerScreen", "Tier {n}").format(n=row.band)
        texts = {
            self.COL_ITEM: row.item_name,
            self.COL_BAND: band if row.band else "—",
            self.COL_QUANTITY: f"{row.quantity.normalize():f} {row.unit}",
            self.COL_PRICE: unit_price_text(row.unit_price),
            self.COL_DOCUMENT: row.approval_doc_no or "—",
            self.COL_AMOUNT: amount_text(row.amount),
        }
        return texts[column]
