"""Table models of the shift screens: a shift's methods, a close's tallies, the hall's shifts."""

from __future__ import annotations

from hallclient.money import format_yuan
from hallclient.shifts.figures import MethodFigures, Tally
from hallclient.shifts.manager import ShiftLine
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.words.payments import method_text
from ui.words.shifts import status_text


class MethodsModel(RowsTableModel[MethodFigures]):
    CONTEXT = "ShiftModels"
    COL_METHOD, COL_COUNT, COL_NET, COL_EXPECTED = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ShiftModels", "Method"),
        QT_TRANSLATE_NOOP("ShiftModels", "Payments"),
        QT_TRANSLATE_NOOP("ShiftModels", "Taken"),
        QT_TRANSLATE_NOOP("ShiftModels", "Should hold"),
    )
    RIGHT_ALIGNED = frozenset({COL_COUNT, COL_NET, COL_EXPECTED})

    def display(self, row: MethodFigures, column: int) -> str:
        if column == self.COL_METHOD:
            return method_text(row.method)
        if column == self.COL_COUNT:
            return str(row.expected_count)
        return format_yuan(row.net if column == self.COL_NET else row.expected)


class TalliesModel(RowsTableModel[Tally]):
    CONTEXT = "ShiftModels"
    COL_METHOD, COL_EXPECTED, COL_COUNTED, COL_DIFFERENCE = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ShiftModels", "Method"),
        QT_TRANSLATE_NOOP("ShiftModels", "Should hold"),
        QT_TRANSLATE_NOOP("ShiftModels", "Counted / declared"),
        QT_TRANSLATE_NOOP("ShiftModels", "Difference"),
    )
    RIGHT_ALIGNED = frozenset({COL_EXPECTED, COL_COUNTED, COL_DIFFERENCE})

    def display(self, row: Tally, column: int) -> str:
        if column == self.COL_METHOD:
            return method_text(row.method)
        if column == self.COL_DIFFERENCE:
            return format_yuan(row.difference) if row.difference else "—"
        return format_yuan(row.expected if column == self.COL_EXPECTED else row.counted)


class ShiftsModel(RowsTableModel[ShiftLine]):
    CONTEXT = "ShiftModels"
    COL_COUNTER, COL_CLERK, COL_STATUS, COL_RECEIPTS, COL_VOIDS, COL_NET, COL_DIFFERENCE = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("ShiftModels", "Counter"),
        QT_TRANSLATE_NOOP("ShiftModels", "Clerk"),
        QT_TRANSLATE_NOOP("ShiftModels", "State"),
        QT_TRANSLATE_NOOP("ShiftModels", "Receipts"),
        QT_TRANSLATE_NOOP("ShiftModels", "Voids"),
        QT_TRANSLATE_NOOP("ShiftModels", "Taken"),
        QT_TRANSLATE_NOOP("ShiftModels", "Difference"),
    )
    RIGHT_ALIGNED = frozenset({COL_RECEIPTS, COL_VOIDS, COL_NET, COL_DIFFERENCE})

    def display(self, row: ShiftLine, column: int) -> str:
        shift, figures = row.shift, row.figures
        values = {
            self.COL_COUNTER: lambda: shift.counter_code,
            self.COL_CLERK: lambda: f"{shift.clerk_name} {shift.clerk_employee_no}",
            self.COL_STATUS: lambda: status_text(shift),
            self.COL_RECEIPTS: lambda: str(figures.receipts),
            self.COL_VOIDS: lambda: str(figures.voids),
            self.COL_NET: lambda: format_yuan(figures.net),
            self.COL_DIFFERENCE: lambda: row.differences_text(method_text),
        }
        return values[column]()
