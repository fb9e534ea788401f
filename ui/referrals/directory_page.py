"""The admin's department directory: contacts, duties and response targets per urgency
(typed in hours and minutes).

Keys: Ctrl+S save the department shown, Ctrl+N a new department.  The table shows the
directory; the form below it the selected department.  Every change is journaled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from hallclient.errors import HallError
from hallclient.referrals.directory import DepartmentEntry
from hallclient.referrals.service import ReferralError, ReferralProblem
from hallclient.text_input import TextInputError
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.kit.widgets import named, table_view
from ui.referrals.target_edit import TargetEdit
from ui.words.referrals import referral_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

TEXT_FIELDS = (
    "code",
    "name_zh",
    "name_en",
    "duties",
    "phone",
    "extension",
    "location",
    "hours",
    "hotline",
)
MINUTE_FIELDS = ("minutes_normal", "minutes_urgent", "minutes_emergency")
LABELS = (
    QT_TRANSLATE_NOOP("Directory", "Code"),
    QT_TRANSLATE_NOOP("Directory", "Name (中文)"),
    QT_TRANSLATE_NOOP("Directory", "Name (English)"),
    QT_TRANSLATE_NOOP("Directory", "Duties"),
    QT_TRANSLATE_NOOP("Directory", "Phone"),
    QT_TRANSLATE_NOOP("Directory", "Extension"),
    QT_TRANSLATE_NOOP("Directory", "Location"),
    QT_TRANSLATE_NOOP("Directory", "Hours"),
    QT_TRANSLATE_NOOP("Directory", "Emergency hotline"),
    QT_TRANSLATE_NOOP("Directory", "Target, normal"),
    QT_TRANSLATE_NOOP("Directory", "Target, urgent"),
    QT_TRANSLATE_NOOP("Directory", "Target, emergency"),
)


class DirectoryModel(RowsTableModel[DepartmentEntry]):
    CONTEXT = "Directory"
    COL_CODE, COL_NAME, COL_PHONE, COL_LOCATION = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("Directory", "Code"),
        QT_TRANSLATE_NOOP("Directory", "Name"),
        QT_TRANSLATE_NOOP("Directory", "Phone"),
        QT_TRANSLATE_NOOP("Directory", "Location"),
    )

    def display(self, row: DepartmentEntry, column: int) -> str:
        return (row.code, row.name_zh, row.phone, row.location)[column]


class DirectoryPage(QFrame):
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
        self.departments = DirectoryModel()
        self.table = table_view(self.departments, "directoryTable", DirectoryModel.COL_LOCATION)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.fields = {name: named(QLineEdit(), "closeComment") for name in TEXT_FIELDS}
        self.minutes = {name: TargetEdit() for name in MINUTE_FIELDS}
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in LABELS]
        for label, widget in zip(
            self._labels, [*self.fields.values(), *self.minutes.values()], strict=True
        ):
            self.form.addRow(label, widget)
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.addWidget(self.table, 0, 0)
        grid.addLayout(self.form, 0, 1)
        grid.addWidget(self.message, 1, 0, 1, 2)
        grid.addWidget(self.keys, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_department)
        self.attempt = Attempt(self)
        self.retranslate()

    def retranslate(self) -> None:
        for label, source in zip(self._labels, LABELS, strict=True):
            label.setText(QCoreApplication.translate("Directory", source))
        for target in self.minutes.values():
            target.retranslate()
        self.keys.setText(
            self.tr(
                "Ctrl+S save the department · Ctrl+N a new department · "
                "changes apply to referrals made from now on"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.referrals.department_entries(user),
            lambda rows: self._loaded(rows, keep),
            self._failed,
        )

    def _loaded(self, rows: list[DepartmentEntry], keep: str | None) -> None:
        self.departments.set_rows(rows)
        at = next((i for i, row in enumerate(rows) if row.code == keep), 0)
        if rows:
            self.table.selectRow(at)
        self._show_selected()

    def _show_selected(self) -> None:
        entry = self.departments.row_at(self.table.currentIndex().row())
        if entry is None:
            return
        for name, widget in self.fields.items():
            widget.setText(getattr(entry, name))
        for name, spin in self.minutes.items():
            spin.setValue(getattr(entry, name))
        self.fields["code"].setReadOnly(True)

    def new_department(self) -> None:
        for widget in self.fields.values():
            widget.clear()
        for name, spin in self.minutes.items():
            spin.setValue(
                {"minutes_normal": 2880, "minutes_urgent": 480, "minutes_emergency": 60}[name]
            )
        self.fields["code"].setReadOnly(False)
        self.fields["code"].setFocus()
        self.message.setText(self.tr("A new department: fill in the form, then Ctrl+S."))

    def entry(self) -> DepartmentEntry:
        text = {name: widget.text() for name, widget in self.fields.items()}
        minutes = {name: spin.value() for name, spin in self.minutes.items()}
        return DepartmentEntry(
            code=text["code"],
            name_zh=text["name_zh"],
            name_en=text["name_en"],
            duties=text["duties"],
            phone=text["phone"],
            extension=text["extension"],
            location=text["location"],
            hours=text["hours"],
            hotline=text["hotline"],
            minutes_normal=minutes["minutes_normal"],
            minutes_urgent=minutes["minutes_urgent"],
            minutes_emergency=minutes["minutes_emergency"],
        )

    def save(self) -> None:
        user, entry, new = self._user_of(), self.entry(), not self.fields["code"].isReadOnly()
        self.attempt.run(
            lambda: self._core.referrals.save_department(user, entry, new=new),
            lambda _none: self._saved(entry.code.strip()),
            self._failed,
        )

    def _saved(self, code: str) -> None:
        self.message.setText(self.tr("Saved: {code}.").format(code=code))
        self.reload(code)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.message.setText(referral_problem_text(error))
        field = self._field_of(error)
        if field is not None:
            field.setFocus()

    def _field_of(self, error: HallError) -> QWidget | None:
        """The field a refusal names: the cursor goes there."""
        name = error.field if isinstance(error, TextInputError) else ""
        if isinstance(error, ReferralError) and error.problem is ReferralProblem.DEPARTMENT_EXISTS:
            name = "code"
        elif isinstance(error, ReferralError) and error.problem is ReferralProblem.BAD_DEPARTMENT:
            name = error.detail.split(" ")[0]  # "phone is required", or "targets"
        if name == "targets":
            return self.minutes["minutes_normal"]
        return self.fields.get(name)
