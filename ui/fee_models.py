"""Table models of the fee lookup: the items found and a quote's basis (no widgets here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hallclient.money import format_yuan
from hallclient.tariff.rules import BasisLine, PricedItem, Quote
from ui.pages import QT_TRANSLATE_NOOP
from ui.tariff_texts import category_text, unit_price_text

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ItemTableModel(QAbstractTableModel):
    """Items found by the search, best match first."""

    COL_CODE, COL_NAME, COL_PRICE, COL_UNIT, COL_CATEGORY = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("FeeModels", "Code"),
        QT_TRANSLATE_NOOP("FeeModels", "Item"),
        QT_TRANSLATE_NOOP("FeeModels", "Unit price"),
        QT_TRANSLATE_NOOP("FeeModels", "Unit"),
        QT_TRANSLATE_NOOP("FeeModels", "Category"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._items: list[PricedItem] = []

    def set_items(self, items: list[PricedItem]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item_at(self, row: int) -> PricedItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FeeModels", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        item = self.item_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_PRICE:
            return _RIGHT
        return None

    def _display(self, item: PricedItem, column: int) -> str:
        if column == self.COL_CODE:
            return item.code
        if column == self.COL_NAME:
            return item.name
        if column == self.COL_PRICE:
            return unit_price_text(item.unit_price, item.category) + (" *" if item.tiers else "")
        if column == self.COL_UNIT:
            return item.unit
        return category_text(item.category)


class BasisTableModel(QAbstractTableModel):
    """A quote's basis, line by line: schedule, document, band, quantity, price, subtotal."""

    COL_SCHEDULE, COL_DOCUMENT, COL_BAND, COL_QUANTITY, COL_PRICE, COL_SUBTOTAL = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("FeeModels", "Schedule"),
        QT_TRANSLATE_NOOP("FeeModels", "Approval document"),
        QT_TRANSLATE_NOOP("FeeModels", "Tier"),
        QT_TRANSLATE_NOOP("FeeModels", "Quantity"),
        QT_TRANSLATE_NOOP("FeeModels", "Unit price"),
        QT_TRANSLATE_NOOP("FeeModels", "Subtotal"),
    )
    _NUMERIC = frozenset({COL_BAND, COL_QUANTITY, COL_PRICE, COL_SUBTOTAL})

    def __init__(self) -> None:
        super().__init__()
        self._lines: tuple[BasisLine, ...] = ()

    def set_quote(self, quote: Quote | None) -> None:
        self.beginResetModel()
        self._lines = quote.lines if quote else ()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FeeModels", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._NUMERIC:
            return _RIGHT
        return None

    def _display(self, line: BasisLine, column: int) -> str:
        texts = {
            self.COL_SCHEDULE: line.schedule_code,
            self.COL_DOCUMENT: line.approval_doc_no,
            self.COL_BAND: self.tr("Tier {n}").format(n=line.band) if line.band else "—",
            self.COL_QUANTITY: f"{line.quantity.normalize():f} {line.unit}",
            self.COL_PRICE: f"￥{line.unit_price:,.4f}",
            self.COL_SUBTOTAL: format_yuan(line.subtotal),
        }
        return texts[column]
