"""Today's visits in the hall, filtered, with wait and service times; figures per counter.

Opened from the intake page with F11.  Filters apply as they change; F5 reads again.
The visit chosen in the list shows the service scripts its clerk was shown, with times
(the standard asks for the company's words; this is where a supervisor sees them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.domain import VisitOutcome
from hallclient.clock import local
from hallclient.errors import HallError
from hallclient.intake.day_view import CounterFigures, DayFigures, DayFilter, DayVisit, matches
from ui.intake.close_visit_dialog import OUTCOMES
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.words.intake import outcome_text
from ui.words.problems import problem_text
from ui.words.scripts import key_name

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.service import Purpose
    from hallclient.scripts.visit_record import ShownScript


def minutes_text(span: dt.timedelta | None) -> str:
    """``12:05`` (minutes:seconds), or a dash when there is no figure."""
    if span is None:
        return "—"
    seconds = int(span.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


class DayVisitModel(RowsTableModel[DayVisit]):
    (
        COL_TIME,
        COL_COUNTER,
        COL_CLERK,
        COL_TICKET,
        COL_ACCOUNT,
        COL_WAIT,
        COL_SERVICE,
        COL_OUTCOME,
        COL_RATING,
    ) = range(9)
    CONTEXT = "DayView"
    HEADERS = (
        QT_TRANSLATE_NOOP("DayView", "Called"),
        QT_TRANSLATE_NOOP("DayView", "Counter"),
        QT_TRANSLATE_NOOP("DayView", "Clerk"),
        QT_TRANSLATE_NOOP("DayView", "Ticket"),
        QT_TRANSLATE_NOOP("DayView", "Account"),
        QT_TRANSLATE_NOOP("DayView", "Wait"),
        QT_TRANSLATE_NOOP("DayView", "Service"),
        QT_TRANSLATE_NOOP("DayView", "Outcome"),
        QT_TRANSLATE_NOOP("DayView", "Rating"),
    )
    RIGHT_ALIGNED = frozenset({COL_WAIT, COL_SERVICE, COL_RATING})
    timezone = "Asia/Shanghai"

    def display(self, row: DayVisit, column: int) -> str:
        texts = (
            local(row.called_at, self.timezone).strftime("%H:%M"),
            row.counter_code,
            row.clerk_employee_no,
            row.ticket_label or "—",
            row.account_no or "—",
            minutes_text(row.wait),
            minutes_text(row.service),
            outcome_text(row.outcome) if row.outcome else "—",
            str(row.satisfaction) if row.satisfaction else "—",
        )
        return texts[column]


class CounterFiguresModel(RowsTableModel[CounterFigures]):
    COL_COUNTER, COL_VISITS, COL_WAIT, COL_SERVICE, COL_RATING = range(5)
    CONTEXT = "DayView"
    HEADERS = (
        QT_TRANSLATE_NOOP("DayView", "Counter"),
        QT_TRANSLATE_NOOP("DayView", "Visits"),
        QT_TRANSLATE_NOOP("DayView", "Average wait"),
        QT_TRANSLATE_NOOP("DayView", "Average service"),
        QT_TRANSLATE_NOOP("DayView", "Average rating"),
    )
    RIGHT_ALIGNED = frozenset({COL_VISITS, COL_WAIT, COL_SERVICE, COL_RATING})

    def display(self, row: CounterFigures, column: int) -> str:
        rating = f"{row.average_satisfaction:.2f}" if row.average_satisfaction else "—"
        texts = (
            row.counter_code,
            str(row.visits),
            minutes_text(row.average_wait),
            minutes_text(row.average_service),
            rating,
        )
        return texts[column]


class DayViewDialog(QDialog):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self._core, self._user_of = core, user_of
        self._runner = TaskRunner(self)
        self.visits = DayVisitModel()
        self.visits.timezone = core.settings.timezone
        self.figures = CounterFiguresModel()
        self.filters = {
            name: named(QComboBox(), "dayFilter")
            for name in ("counter", "clerk", "purpose", "outcome")
        }
        self._purpose_names: dict[str, str] = {}
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(self.apply_filters)
        self._all: list[DayVisit] = []
        self._figures = DayFigures(0, ())
        self.summary = named(QLabel(), "feeFound")
        self.shown = named(QLabel(wordWrap=True), "feeFound")
        self._chosen: int | None = None  # the visit whose scripts are asked for
        row = QHBoxLayout()
        for combo in self.filters.values():
            row.addWidget(combo)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.table = table_view(self.visits, "dayVisits", DayVisitModel.COL_ACCOUNT)
        self.table.selectionModel().currentRowChanged.connect(self._visit_chosen)
        self.visits.modelReset.connect(self._forget_chosen)  # a reset selects nothing, silently
        layout.addWidget(self.table, 3)
        layout.addWidget(self.shown)
        layout.addWidget(table_view(self.figures, "dayFigures", CounterFiguresModel.COL_COUNTER), 1)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        self.resize(1000, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Today's visits"))
        anyone = (
            self.tr("All counters"),
            self.tr("All clerks"),
            self.tr("All purposes"),
            self.tr("All outcomes"),
        )
        for combo, text in zip(self.filters.values(), anyone, strict=True):
            combo.blockSignals(True)
            if combo.count():
                combo.setItemText(0, text)
            else:
                combo.addItem(text, None)
            combo.blockSignals(False)
        outcome = self.filters["outcome"]
        if outcome.count() == 1:
            for value in (*OUTCOMES, VisitOutcome.NO_SHOW):
                outcome.addItem(outcome_text(value), value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def wanted(self) -> DayFilter:
        return DayFilter(
            counter_code=self.filters["counter"].currentData(),
            clerk_employee_no=self.filters["clerk"].currentData(),
            purpose_code=self.filters["purpose"].currentData(),
            outcome=self.filters["outcome"].currentData(),
        )

    def reload(self) -> None:
        """Read the day again (F5); the filters then apply without the database."""
        user, first = self._user_of(), not self._purpose_names
        self._runner.start(
            lambda _p: (
                self._core.intake.day_report(user),
                self._core.intake.purposes(user) if first else [],
            ),
            self._loaded,
            self._failed,
        )

    def _loaded(self, result: tuple[tuple[list[DayVisit], DayFigures], list[Purpose]]) -> None:
        (self._all, self._figures), purposes = result
        if purposes:
            chinese = QLocale().language() == QLocale.Language.Chinese
            self._purpose_names = {p.code: p.name_zh if chinese else p.name_en for p in purposes}
            self._offer(self.filters["purpose"], list(self._purpose_names), self._purpose_names)
        self.figures.set_rows(self._figures.counters)
        self._offer(self.filters["counter"], [c.counter_code for c in self._figures.counters])
        self._offer(self.filters["clerk"], sorted({r.clerk_employee_no for r in self._all}))
        self.apply_filters()

    def apply_filters(self) -> None:
        wanted = self.wanted()
        rows = [row for row in self._all if matches(row, wanted)]
        self.visits.set_rows(rows)
        self.summary.setText(
            self.tr("{visits} visits shown · {waiting} waiting now").format(
                visits=len(rows), waiting=self._figures.waiting_now
            )
        )

    def _offer(
        self, combo: QComboBox, values: list[str], names: dict[str, str] | None = None
    ) -> None:
        """Add the values seen so far to a filter (the chosen one stays chosen)."""
        known = {combo.itemData(index) for index in range(combo.count())}
        combo.blockSignals(True)
        for value in values:
            if value not in known:
                combo.addItem((names or {}).get(value, value), value)
        combo.blockSignals(False)

    def _visit_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.visits.row_at(current.row()) if current.isValid() else None
        self._forget_chosen()
        if row is None:
            return
        self._chosen = row.visit_id
        user, visit_id, name = self._user_of(), row.visit_id, self._visit_name(row)
        self._runner.start(
            lambda _p: (visit_id, name, self._core.scripts.shown_on_visit(user, visit_id)),
            self._show_scripts,
            self._failed,
        )

    def _forget_chosen(self) -> None:
        self._chosen = None
        self.shown.clear()

    def _visit_name(self, row: DayVisit) -> str:
        """The visit as the list shows it: counter and ticket (or the time of a walk-in)."""
        called = local(row.called_at, self._core.settings.timezone)
        return f"{row.counter_code} {row.ticket_label or f'{called:%H:%M}'}"

    def _show_scripts(self, answer: tuple[int, str, list[ShownScript]]) -> None:
        visit_id, name, shown = answer
        if visit_id != self._chosen:  # another visit was chosen meanwhile, or none
            return
        if not shown:
            text = self.tr("{visit}: no service script was shown during this visit.")
            self.shown.setText(text.format(visit=name))
            return
        zone = self._core.settings.timezone
        items = [f"{local(s.shown_at, zone):%H:%M} {key_name(s.script.key)}" for s in shown]
        text = self.tr("{visit}: scripts shown: {scripts}")
        self.shown.setText(text.format(visit=name, scripts=" · ".join(items)))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.summary.setText(problem_text(error))
