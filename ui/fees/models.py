"""Table models of the fee lookup: the items found and a quote's basis (no widgets here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.money import format_yuan
from hallclient.tariff.rules import BasisLine, PricedItem
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.words.tariff import category_text, item_price_text, unit_price_text


class ItemTableModel(RowsTableModel[PricedItem]):
    """Items found by the search, best match first."""

    COL_CODE, COL_NAME, COL_PRICE, COL_UNIT, COL_CATEGORY = range(5)
    CONTEXT = "FeeModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("FeeModels", "Code"),
        QT_TRANSLATE_NOOP("FeeModels", "Item"),
        QT_TRANSLATE_NOOP("FeeModels", "Unit price"),
        QT_TRANSLATE_NOOP("FeeModels", "Unit"),
        QT_TRANSLATE_NOOP("FeeModels", "Category"),
    )
    RIGHT_ALIGNED = frozenset({COL_PRICE})

    def display(self, row: PricedItem, column: int) -> str:
        if column == self.COL_PRICE:  # * marks a tiered price
            return item_price_text(row) + (" *" if row.tiers else "")
        texts = {self.COL_CODE: row.code, self.COL_NAME: row.name, self.COL_UNIT: row.unit}
        return texts.get(column) or category_text(row.category)


class BasisTableModel(RowsTableModel[BasisLine]):
    """A quote's basis, line by line: schedule, document, band, quantity, price, subtotal."""

    COL_SCHEDULE, COL_DOCUMENT, COL_BAND, COL_QUANTITY, COL_PRICE, COL_SUBTOTAL = range(6)
    CONTEXT = "FeeModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("FeeModels", "Schedule"),
        QT_TRANSLATE_NOOP("FeeModels", "Approval no."),  # short: the calculator is narrow
        QT_TRANSLATE_NOOP("FeeModels", "Tier"),
        QT_TRANSLATE_NOOP("FeeModels", "Quantity"),
        QT_TRANSLATE_NOOP("FeeModels", "Price"),
        QT_TRANSLATE_NOOP("FeeModels", "Subtotal"),
    )
    RIGHT_ALIGNED = frozenset({COL_BAND, COL_QUANTITY, COL_PRICE, COL_SUBTOTAL})

    def display(self, row: BasisLine, column: int) -> str:
        band = QCoreApplication.translate("FeeModels", "Tier {n}").format(n=row.band)
        texts = {
            self.COL_SCHEDULE: row.schedule_code,
            self.COL_DOCUMENT: row.approval_doc_no,
            self.COL_BAND: band if row.band else "—",
            self.COL_QUANTITY: f"{row.quantity.normalize():f} {row.unit}",
            self.COL_PRICE: unit_price_text(row.unit_price),
            self.COL_SUBTOTAL: format_yuan(row.subtotal),
        }
        return texts[column]
