"""The parts of the admin's user forms: the form itself, a password typed twice, the role
with its department.

A refusal is said in the form and the cursor goes to the field to fix; the shared words
have one translation context ("UserForm") whichever form shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.domain import Role
from hallclient.access.users import UserField
from hallclient.errors import HallError
from ui.kit.attempt import Attempt
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.widgets import named
from ui.words.users import role_text, user_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.referrals.directory import DepartmentEntry

TYPE_IT = QT_TRANSLATE_NOOP("UserForm", "Type the first password.")
NOT_THE_SAME = QT_TRANSLATE_NOOP("UserForm", "The two passwords are not the same.")


def _tr(source: str) -> str:
    """The shared parts' words: one context whichever form shows them."""
    return QCoreApplication.translate("UserForm", source)


def department_name(department: DepartmentEntry) -> str:
    chinese = QLocale().language() == QLocale.Language.Chinese
    return department.name_zh if chinese else department.name_en


class UserForm(QDialog):
    """Heading, what the form does, its fields, a hint, the refusal, Cancel and the action."""

    sig_done = Signal(str)  # what was done, in the admin's words, for the page's message

    def __init__(self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.core, self._user_of = core, user_of
        self._refusal: Callable[[], str] = str
        self.heading = named(QLabel(wordWrap=True), "dialogHeading")
        self.intro = named(QLabel(wordWrap=True), "dialogText")
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(10)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint = named(QLabel(wordWrap=True), "dialogHint")
        self.error = named(QLabel(wordWrap=True), "dialogError")
        self.submit = named(QPushButton(default=True), "primaryButton")
        self.submit.clicked.connect(self.send)
        self.cancel = named(QPushButton(autoDefault=False), "secondaryButton")
        self.cancel.clicked.connect(self.reject)
        self.attempt = Attempt(self)
        self._labels: list[tuple[QLabel, Callable[[], str]]] = []

    def lay_out(self) -> None:
        """After the subclass added its rows: the whole form, top to bottom."""
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setFixedWidth(600)
        self.retranslate()

    def add_row(self, label: Callable[[], str], field: QWidget) -> None:
        title = named(QLabel(), "formLabel")
        title.setBuddy(field)
        title.setMinimumHeight(field.sizeHint().height())
        self._labels.append((title, label))
        self.form.addRow(title, field)

    def retranslate(self) -> None:
        for title, label in self._labels:
            title.setText(label())
        self.cancel.setText(_tr(QT_TRANSLATE_NOOP("UserForm", "Cancel")))
        self.refuse(self._refusal)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refuse(self, text: Callable[[], str], field: QWidget | None = None) -> None:
        """Say what is wrong (worded again on a language change) and go to ``field``."""
        self._refusal = text
        self.error.setText(text())
        self.error.setVisible(bool(self.error.text()))
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def send(self) -> None:
        """The subclass's core call, or its refusal before the core is asked."""
        raise NotImplementedError

    def run(self, call: Callable[[], object], done: Callable[[], str]) -> None:
        def succeeded(_result: object) -> None:
            self.sig_done.emit(done())
            self.accept()

        self.attempt.run(call, succeeded, self.refused)

    def refused(self, error: HallError) -> None:
        self.refuse(lambda: user_problem_text(error), self.field_for(error))

    def field_for(self, error: HallError) -> QWidget | None:
        """The field a refusal is about, if this form has it."""
        return None


class PasswordTwice:
    """A first password and its repeat, compared before the core checks the policy."""

    def __init__(self) -> None:
        self.first, self.repeat = (self._field() for _ in range(2))

    @staticmethod
    def _field() -> QLineEdit:
        field = QLineEdit(maxLength=128)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def mismatch(self, form: UserForm) -> bool:
        """Refuse an empty or differing repeat in ``form``; True when refused."""
        if not self.first.text():
            form.refuse(
                lambda: _tr(QT_TRANSLATE_NOOP("UserForm", "Type the first password.")), self.first
            )
            return True
        if self.first.text() != self.repeat.text():
            self.repeat.clear()
            form.refuse(
                lambda: _tr(QT_TRANSLATE_NOOP("UserForm", "The two passwords are not the same.")),
                self.repeat,
            )
            return True
        return False

    def refused(self) -> QLineEdit:
        self.repeat.clear()
        return self.first


def role_combo(chosen: Role = Role.CLERK) -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_text(role), role.value)
    combo.setCurrentIndex(combo.findData(chosen.value))
    return combo


def department_combo(departments: Sequence[DepartmentEntry], chosen: str | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", None)
    for department in departments:
        combo.addItem(department_name(department), department.code)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


class RoleFields:
    """The role, and the department that only department staff have (off for the others)."""

    def __init__(self, departments: Sequence[DepartmentEntry], role: Role, department: str | None):
        self.role = role_combo(role)
        self.department = department_combo(departments, department)
        self.role.currentIndexChanged.connect(self._role_chosen)
        self._role_chosen()

    def _role_chosen(self) -> None:
        staff = self.chosen_role() == Role.DEPARTMENT_STAFF.value
        self.department.setEnabled(staff)
        if not staff:
            self.department.setCurrentIndex(0)

    def chosen_role(self) -> str:
        return str(self.role.currentData())

    def chosen_department(self) -> str | None:
        code = self.department.currentData()
        return str(code) if code else None

    def field(self, which: UserField) -> QWidget | None:
        if which is UserField.DEPARTMENT:
            return self.department
        return self.role if which is UserField.ROLE else None
