"""The department board's table: reference, urgency, state, due time and lateness, matter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hallclient.clock import local
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.rules import Lateness
from hallclient.referrals.service import ReferralView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import Index, RowsTableModel
from ui.words.referrals import lateness_text, status_text, urgency_text

LATE_COLOURS = {
    Lateness.DUE_SOON: QColor("#8a4b00"),
    Lateness.OVERDUE: QColor("#b3261e"),
    Lateness.ESCALATED: QColor("#b3261e"),
}


class BoardModel(RowsTableModel[ReferralView]):
    CONTEXT = "ReferralModels"
    COL_REFERENCE, COL_URGENCY, COL_STATUS, COL_DUE, COL_LATENESS, COL_MATTER = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReferralModels", "Reference"),
        QT_TRANSLATE_NOOP("ReferralModels", "Urgency"),
        QT_TRANSLATE_NOOP("ReferralModels", "State"),
        QT_TRANSLATE_NOOP("ReferralModels", "Due"),
        QT_TRANSLATE_NOOP("ReferralModels", "Time"),
        QT_TRANSLATE_NOOP("ReferralModels", "Matter"),
    )

    def __init__(self, timezone: str) -> None:
        super().__init__()
        self._timezone = timezone

    def display(self, row: ReferralView, column: int) -> str:
        if column == self.COL_REFERENCE:
            return redacted_reference(row.reference) if row.confidential else row.reference
        if column == self.COL_URGENCY:
            return urgency_text(row.urgency.value)
        if column == self.COL_STATUS:
            return status_text(row.status.value)
        if column == self.COL_DUE:
            return f"{local(row.due_at, self._timezone):%m-%d %H:%M}"
        if column == self.COL_LATENESS:
            return lateness_text(row.lateness)
        return " ".join(row.matter.split())

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None:
            return LATE_COLOURS.get(row.lateness)
        return super().data(index, role)
