"""The accounts found by the intake search, as a table model (no widgets here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hallclient.account_search import AccountHit
from ui.pages import QT_TRANSLATE_NOOP
from ui.tariff_texts import customer_types_text

Index = QModelIndex | QPersistentModelIndex


def masked_phone(phone: str) -> str:
    """138****1111: enough to confirm with the customer, not enough to read out."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone


class AccountTableModel(QAbstractTableModel):
    COL_ACCOUNT, COL_NAME, COL_PHONE, COL_ADDRESS, COL_TYPE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("AccountModels", "Account no."),
        QT_TRANSLATE_NOOP("AccountModels", "Name"),
        QT_TRANSLATE_NOOP("AccountModels", "Phone"),
        QT_TRANSLATE_NOOP("AccountModels", "Address"),
        QT_TRANSLATE_NOOP("AccountModels", "Type"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[AccountHit] = []

    def set_hits(self, hits: list[AccountHit]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hit_at(self, row: int) -> AccountHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AccountModels", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        hit = self.hit_at(index.row())
        if hit is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = (hit.account_no, hit.name, masked_phone(hit.phone), hit.address,
                 customer_types_text((hit.customer_type,)))  # fmt: skip
        return texts[index.column()]
