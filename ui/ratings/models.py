"""The follow-up cases' table: due day (red when overdue, "(estimated)" while the calendar
does not cover its year), counter, clerk, level, the customer's reason, where it stands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hallclient.ratings.cases import CaseView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import Index, RowsTableModel
from ui.words.follow_up import level_text, status_text

OVERDUE_COLOUR = QColor("#b3261e")
ESTIMATED = QT_TRANSLATE_NOOP("FollowUpModels", " (estimated)")  # no calendar for the year yet
OVERDUE = QT_TRANSLATE_NOOP("FollowUpModels", " overdue")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def clerk_text(case: CaseView) -> str:
    """The clerk by name and number (the number alone for one no longer known)."""
    return f"{case.clerk_name} {case.clerk_employee_no}".strip()


class CasesModel(RowsTableModel[CaseView]):
    CONTEXT = "FollowUpModels"
    COL_DUE, COL_COUNTER, COL_CLERK, COL_LEVEL, COL_REASON, COL_STATUS = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("FollowUpModels", "Due"),
        QT_TRANSLATE_NOOP("FollowUpModels", "Counter"),
        QT_TRANSLATE_NOOP("FollowUpModels", "Clerk"),
        QT_TRANSLATE_NOOP("FollowUpModels", "Rating"),
        QT_TRANSLATE_NOOP("FollowUpModels", "Customer's reason"),
        QT_TRANSLATE_NOOP("FollowUpModels", "State"),
    )

    def display(self, row: CaseView, column: int) -> str:
        values = {
            self.COL_DUE: lambda: self._due(row),
            self.COL_COUNTER: lambda: row.counter_code,
            self.COL_CLERK: lambda: clerk_text(row),
            self.COL_LEVEL: lambda: level_text(row.level),
            self.COL_REASON: lambda: _one_line(row.reason) or "—",
            self.COL_STATUS: lambda: status_text(row.status),
        }
        return values[column]()

    def _due(self, row: CaseView) -> str:
        due = row.due_on.isoformat()
        if row.due_estimated:
            due += self.tr_source(ESTIMATED)
        if row.overdue:
            due += self.tr_source(OVERDUE)
        return due

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and row.overdue:
            return OVERDUE_COLOUR
        return super().data(index, role)
