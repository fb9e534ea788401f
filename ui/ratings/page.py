"""The shift manager's follow-up of bad ratings: the open cases, and each one's next step.

Every 不满意 or 非常不满意 opens a case due on the 15th working day; the list shows the
cases not closed yet, soonest due first, the overdue ones in red ("(estimated)" where the
working calendar does not cover the year yet).  Keys: F6 overdue cases only (or all
again), F2 or Enter on the list opens the selected case's next step in the field below
(call back, cause, fix, result), Enter there saves it and Esc goes back to the list; F5
reads the list again; Ctrl+P saves the chosen month's rating report as PDF and Ctrl+E as
XLSX, in the HallClient folder in Documents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDateEdit, QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from hallclient.errors import HallError
from hallclient.ratings.cases import STEP_TEXT_MAX, CaseView
from hallclient.ratings.rules import NEXT_STATUS
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.file_saver import FileSaver
from ui.kit.widgets import named, table_view
from ui.ratings.case_text import case_detail
from ui.ratings.models import CasesModel
from ui.words.follow_up import status_text, step_prompt
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from db.domain import FollowUpStatus
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core


class RatingsPage(QFrame):
    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        area: Area,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.area, self._core, self._user_of = area, core, user_of
        self.cases = CasesModel()
        self.overdue_only = False
        self.loaded = False  # the list has been read at least once
        self._step_case: CaseView | None = None  # the case whose step the field takes
        self._build()
        self.attempt = Attempt(self)
        self.files = FileSaver(self, self.message.setText, self._refused)
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.month_label = QLabel()
        self.month = named(QDateEdit(), "ratingsMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.filter_note = named(QLabel(), "feeFound")
        self.table = table_view(self.cases, "followUpCases", CasesModel.COL_REASON)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda _index: self.open_step())
        self.table.setTabKeyNavigation(False)  # rows are chosen whole: Tab leaves the list
        self.detail = named(QLabel(wordWrap=True), "intakePanel")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.step_label = named(QLabel(), "feeFound")
        self.step = named(QLineEdit(maxLength=STEP_TEXT_MAX), "followUpStep")
        self.step.returnPressed.connect(self.save_step)
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 16)
        top = QGridLayout()
        top.addWidget(self.title, 0, 0)
        top.addWidget(self.month_label, 0, 1)
        top.addWidget(self.month, 0, 2)
        top.setColumnStretch(0, 1)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.filter_note, 1, 0, 1, 2)
        grid.addWidget(self.table, 2, 0)
        grid.addWidget(self.detail, 2, 1)
        grid.addWidget(self.step_label, 3, 0, 1, 2)
        grid.addWidget(self.step, 4, 0, 1, 2)
        grid.addWidget(self.message, 5, 0, 1, 2)
        grid.addWidget(self.keys, 6, 0, 1, 2)
        grid.setColumnStretch(0, 3)  # the list's columns first; the case's words wrap
        grid.setColumnStretch(1, 2)
        for first, then in ((self.month, self.table), (self.table, self.step)):
            QWidget.setTabOrder(first, then)
        keys: tuple[tuple[str | Qt.Key, Callable[[], None]], ...] = (
            (Qt.Key.Key_F2, self.open_step),
            (Qt.Key.Key_F5, self.reload),
            (Qt.Key.Key_F6, self.toggle_overdue),
            ("Ctrl+P", self.save_pdf),
            ("Ctrl+E", self.save_xlsx),
        )
        for key, slot in keys:
            QShortcut(QKeySequence(key), self, slot)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.step, self._back_to_list)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)

    def retranslate(self) -> None:
        self.title.setText(self.area.title)
        self.month_label.setText(self.tr("Report month"))
        self.filter_note.setText(
            self.tr("Overdue cases only (F6: every open case)")
            if self.overdue_only
            else self.tr("Open cases, soonest due first (F6: overdue only)")
        )
        self.keys.setText(
            self.tr(
                "F2 or Enter the next step of the case · Enter saves it · Esc back to the list · "
                "F6 overdue only · F5 refresh · Ctrl+P month report (PDF) · "
                "Ctrl+E month report (XLSX)"
            )
        )
        self._show_selected()
        if self._step_case is None:
            self._close_step()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Read afresh each time it is opened; the first time the month is this one."""
        super().showEvent(event)
        if not self.loaded:
            today = self._core.context(self._user_of()).today()
            self.month.setDate(QDate(today.year, today.month, 1))
        self.reload()

    # -- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        user, overdue_only = self._user_of(), self.overdue_only
        self.attempt.run(
            lambda: self._core.ratings.open_cases(user, overdue_only=overdue_only),
            self._loaded,
            self._refused,
        )

    def _loaded(self, rows: list[CaseView]) -> None:
        chosen = self.selected()
        first_time, self.loaded = not self.loaded, True
        self.cases.set_rows(rows)
        at = next((i for i, row in enumerate(rows) if chosen and row.id == chosen.id), 0)
        if rows:
            self.table.selectRow(at)  # a new current row: its words follow
        else:
            self._show_selected()
        if first_time or not self.step.hasFocus():
            self.table.setFocus()

    def toggle_overdue(self) -> None:
        """F6: the overdue cases only, or every open case again."""
        self.overdue_only = not self.overdue_only
        self.retranslate()
        self.reload()

    def selected(self) -> CaseView | None:
        return self.cases.row_at(self.table.currentIndex().row())

    def _show_selected(self) -> None:
        case = self.selected()
        if case is not None:
            self.detail.setText(case_detail(case, self._core.settings.timezone))
        elif self.overdue_only:
            self.detail.setText(self.tr("No overdue case."))
        else:
            self.detail.setText(self.tr("No open case."))
        if self._step_case is not None and (case is None or case.id != self._step_case.id):
            self._close_step()

    # -- the case's next step --------------------------------------------------------------

    def open_step(self) -> None:
        """F2 / Enter: the selected case's next step, its field ready for the words."""
        case = self.selected()
        if case is None:
            return
        to = NEXT_STATUS.get(case.status)
        if to is None:
            return
        self._step_case = case
        self.step_label.setText(
            self.tr("Case {id}, {state} — {prompt} (Enter saves, Esc back)").format(
                id=case.id, state=status_text(case.status), prompt=step_prompt(to)
            )
        )
        self.step.setEnabled(True)
        self.step.setFocus()

    def _next(self) -> FollowUpStatus | None:
        case = self._step_case
        return None if case is None else NEXT_STATUS.get(case.status)

    def save_step(self) -> None:
        """Enter in the field: the step saved through the core, off the GUI thread."""
        case, to = self._step_case, self._next()
        if case is None or to is None:
            return
        user, text = self._user_of(), self.step.text()
        self.attempt.run(
            lambda: self._core.ratings.advance_case(user, case.id, to, text),
            self._step_saved,
            self._step_refused,
        )

    def _step_saved(self, case: CaseView) -> None:
        self._close_step()
        self.message.setText(
            self.tr("Case {id}: {state}.").format(id=case.id, state=status_text(case.status))
        )
        self.table.setFocus()
        self.reload()

    def _step_refused(self, error: HallError) -> None:
        self.message.setText(problem_text(error))
        self.step.setFocus()  # the words are what the refusal is about

    def _back_to_list(self) -> None:
        self._close_step()
        self.table.setFocus()

    def _close_step(self) -> None:
        self._step_case = None
        self.step.clear()
        self.step.setEnabled(False)
        self.step_label.setText(self.tr("F2 or Enter on a case: its next step"))

    def _refused(self, error: HallError) -> None:
        self.message.setText(problem_text(error))

    # -- the month's report ----------------------------------------------------------------

    def chosen_month(self) -> tuple[int, int]:
        chosen = self.month.date()
        return chosen.year(), chosen.month()

    def save_pdf(self) -> None:
        self._save_report("pdf")

    def save_xlsx(self) -> None:
        self._save_report("xlsx")

    def _save_report(self, kind: str) -> None:
        user, (year, month) = self._user_of(), self.chosen_month()
        core = self._core

        def make() -> bytes:  # on a pool thread; reportlab and openpyxl load only for this
            from hallclient.reports.ratings_pdf import monthly_ratings_pdf
            from hallclient.reports.ratings_xlsx import monthly_ratings_xlsx

            report = core.ratings.monthly_report(user, year, month)
            if kind == "pdf":
                return monthly_ratings_pdf(report, core.shifts.heading)
            return monthly_ratings_xlsx(report)

        writing = self.tr("Writing the rating report of {month}…").format(
            month=f"{year}-{month:02d}"
        )
        self.files.save(f"ratings-{year}-{month:02d}.{kind}", make, writing)
