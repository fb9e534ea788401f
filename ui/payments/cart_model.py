"""The cart on the payments page: one row per quoted item (no widgets here)."""

from __future__ import annotations

from hallclient.tariff.rules import Quote
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.words.tariff import amount_text


class CartTableModel(RowsTableModel[Quote]):
    COL_ITEM, COL_QUANTITY, COL_ACCOUNT, COL_AMOUNT = range(4)
    CONTEXT = "Payments"
    HEADERS = (
        QT_TRANSLATE_NOOP("Payments", "Item"),
        QT_TRANSLATE_NOOP("Payments", "Quantity"),
        QT_TRANSLATE_NOOP("Payments", "Account"),
        QT_TRANSLATE_NOOP("Payments", "Amount"),
    )
    RIGHT_ALIGNED = frozenset({COL_QUANTITY, COL_AMOUNT})

    def display(self, row: Quote, column: int) -> str:
        texts = {
            self.COL_ITEM: f"{row.item_code} {row.item_name}",
            self.COL_QUANTITY: f"{row.quantity.normalize():f} {row.unit}",
            self.COL_ACCOUNT: row.account_no or "—",
            self.COL_AMOUNT: amount_text(row.amount),
        }
        return texts[column]
