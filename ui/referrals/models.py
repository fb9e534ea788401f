"""The referral tables: the department's board and its history, and the hall's list at the
counter (reference, state, department, due time, lateness, the result or the reason)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from db.domain import ReferralStatus
from hallclient.clock import local
from hallclient.referrals.board_history import Finished
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.rules import Lateness, needs_counter
from hallclient.referrals.service import ReferralView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import Index, RowsTableModel
from ui.words.referrals import lateness_text, status_text, urgency_text

LATE_COLOURS = {
    Lateness.DUE_SOON: QColor("#8a4b00"),
    Lateness.OVERDUE: QColor("#b3261e"),
    Lateness.ESCALATED: QColor("#b3261e"),
}
RETURNED_COLOUR = QColor("#8a4b00")


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


def _one_line(text: str) -> str:
    return " ".join(text.split())


class HallModel(RowsTableModel[ReferralView]):
    """The hall's referrals at the counter: returned ones on top, then the overdue."""

    CONTEXT = "ReferralModels"
    COL_REFERENCE, COL_STATUS, COL_DEPARTMENT, COL_DUE, COL_LATENESS, COL_OUTCOME = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReferralModels", "Reference"),
        QT_TRANSLATE_NOOP("ReferralModels", "State"),
        QT_TRANSLATE_NOOP("ReferralModels", "Department"),
        QT_TRANSLATE_NOOP("ReferralModels", "Due"),
        QT_TRANSLATE_NOOP("ReferralModels", "Time"),
        QT_TRANSLATE_NOOP("ReferralModels", "Result or reason"),
    )

    def __init__(self, timezone: str) -> None:
        super().__init__()
        self._timezone = timezone
        self.department_names: dict[str, str] = {}  # code → name in the screen's language
        self._bold = QFont()
        self._bold.setBold(True)

    def display(self, row: ReferralView, column: int) -> str:
        if column == self.COL_REFERENCE:
            return redacted_reference(row.reference) if row.confidential else row.reference
        if column == self.COL_STATUS:
            return status_text(row.status.value)
        if column == self.COL_DEPARTMENT:
            return self.department_names.get(row.department_code, row.department_code)
        if column == self.COL_DUE:
            return f"{local(row.due_at, self._timezone):%m-%d %H:%M}"
        if column == self.COL_LATENESS:
            return lateness_text(row.lateness)
        return _one_line(row.outcome)

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None:
            if row.status is ReferralStatus.RETURNED:
                return RETURNED_COLOUR
            return LATE_COLOURS.get(row.lateness)
        if role == Qt.ItemDataRole.FontRole and row is not None:
            return self._bold if needs_counter(row.status, row.lateness) else None
        return super().data(index, role)


class HistoryModel(RowsTableModel[Finished]):
    """The department's closed and returned referrals, newest first (the matter is in the
    detail beside the list: the result or reason has the room)."""

    CONTEXT = "ReferralModels"
    COL_REFERENCE, COL_STATUS, COL_FINISHED, COL_OUTCOME = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReferralModels", "Reference"),
        QT_TRANSLATE_NOOP("ReferralModels", "State"),
        QT_TRANSLATE_NOOP("ReferralModels", "Finished"),
        QT_TRANSLATE_NOOP("ReferralModels", "Result or reason"),
    )

    def __init__(self, timezone: str) -> None:
        super().__init__()
        self._timezone = timezone

    def display(self, row: Finished, column: int) -> str:
        referral = row.referral
        if column == self.COL_REFERENCE:
            return (
                redacted_reference(referral.reference)
                if referral.confidential
                else referral.reference
            )
        if column == self.COL_STATUS:
            return status_text(referral.status.value)
        if column == self.COL_FINISHED:
            return f"{local(row.at, self._timezone):%m-%d %H:%M}"
        return _one_line(referral.outcome)
