"""The login dialog: employee number (工号), password and language, shown before anything else.

It is shown before the database is open (fast first paint); the composition root
attaches the core's login function once the core is ready.  Refusals are shown as
the core allows: a wrong number and a wrong password get the same message.

PySide6 needs ~30 ms to load its ``Qt`` namespace, so this module leaves it out of
the way to the first paint: alignments come from the style sheet
(``qproperty-alignment``) and ``Qt`` is imported where it is used, after the paint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hallclient.clock import local
from hallclient.errors import HallError
from ui.kit.attempt import Attempt
from ui.kit.language_switch import LanguageSwitch
from ui.kit.widgets import named

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser, LoginRefused

LoginFunction = Callable[[str, str], "CurrentUser"]


class LoginDialog(QDialog):
    """Asks who is at the counter; emits ``sig_logged_in`` with the CurrentUser."""

    sig_logged_in = Signal(object)
    sig_language_chosen = Signal(str)
    sig_painted = Signal()  # once, after the first paint: slow work may start behind it

    def __init__(self, workplace_text: str, timezone: str, language: str) -> None:
        super().__init__()
        self.setObjectName("loginDialog")
        self._timezone = timezone
        self._workplace_text = workplace_text
        self._login: LoginFunction | None = None
        self._message: Callable[[], str] = str
        self.attempt = Attempt(self)
        self._status: Callable[[], str] = self._opening_text
        self._painted = False
        self._waiting_enter = False  # Enter pressed before the core was ready
        self._build(language)
        self.retranslate()
        self.employee.setFocus()

    def _build(self, language: str) -> None:
        self.title = named(QLabel(), "loginTitle")
        self.workplace = named(QLabel(), "loginWorkplace")
        rule = named(QFrame(frameShape=QFrame.Shape.HLine), "loginRule")
        self.employee = named(QLineEdit(maxLength=16), "employeeNo")
        self.password = named(QLineEdit(maxLength=128), "password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = LanguageSwitch(language)
        self.language.sig_chosen.connect(self.sig_language_chosen)
        self.error = named(QLabel(wordWrap=True), "loginError")
        self.submit = named(QPushButton(default=True), "loginButton")
        self.submit.setEnabled(False)
        self.submit.clicked.connect(self._submit)
        self.status = named(QLabel(), "loginStatus")
        self._form = QFormLayout()
        self._form.setHorizontalSpacing(14)
        self._form.setVerticalSpacing(12)
        self._labels: list[QLabel] = []
        for field in (self.employee, self.password, self.language):
            label = named(QLabel(), "loginLabel")
            label.setMinimumHeight(field.sizeHint().height())
            label.setBuddy(field)
            self._form.addRow(label, field)
            self._labels.append(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 22)
        layout.setSpacing(10)
        for widget in (self.title, self.workplace, rule):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addLayout(self._form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        layout.addWidget(self.status)
        self.setFixedWidth(480)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in — HallClient"))
        self.title.setText(self.tr("HallClient gas service hall"))
        self.workplace.setText(self._workplace_text)
        labels = (self.tr("Employee no."), self.tr("Password"), self.tr("Language"))
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.employee.setPlaceholderText(self.tr("e.g. 1001"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.submit.setText(self.tr("Log in"))
        self.error.setText(self._message())
        self.error.setVisible(bool(self.error.text()))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.sig_painted.emit)  # after this paint reaches the screen

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape clears the form instead of closing the app by accident; Enter before the
        core is ready logs in as soon as it is."""
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._login is None:
            self._waiting_enter = True
            return
        super().keyPressEvent(event)

    def set_workplace(self, text: str) -> None:
        self._workplace_text = text
        self.workplace.setText(text)

    def attach(self, login: LoginFunction) -> None:
        """The core is ready: logging in is now possible."""
        self._login = login
        self._set_status(str)
        self.submit.setEnabled(True)
        if self._waiting_enter:
            self._waiting_enter = False
            self._submit()

    def show_problem(self, message: str) -> None:
        """A message about the app itself (no users yet, demo data failed …) under the form."""
        self._set_status(lambda: message)

    def reset(self) -> None:
        """Empty the form for the next person (after logout)."""
        self.employee.clear()
        self.password.clear()
        self._waiting_enter = False
        self._set_message(str)
        self.employee.setFocus()

    def _opening_text(self) -> str:
        return self.tr("Opening the database…")

    def _set_status(self, text: Callable[[], str]) -> None:
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        self.status.setText(self._status())
        self.status.setVisible(bool(self.status.text()))

    def _set_message(self, text: Callable[[], str]) -> None:
        self._message = text
        self.error.setText(text())
        self.error.setVisible(bool(self.error.text()))

    def _submit(self) -> None:
        if self._login is None:
            return
        employee_no, password = self.employee.text().strip(), self.password.text()
        if not employee_no or not password:
            self._set_message(lambda: self.tr("Please enter your employee number and password."))
            (self.password if employee_no else self.employee).setFocus()
            return
        login = self._login
        self.attempt.run(lambda: login(employee_no, password), self._logged_in, self._refused)

    def _logged_in(self, user: CurrentUser) -> None:
        self._set_message(str)
        self.password.clear()
        self.sig_logged_in.emit(user)

    def _refused(self, error: HallError) -> None:
        from hallclient.access.auth import LoginRefused, RefusalReason  # the core is loaded by now
        from ui.words.problems import problem_text  # loads the models: not before the paint

        self.password.clear()
        if isinstance(error, LoginRefused):
            self._set_message(lambda: self._refusal_text(error))
        else:
            self._set_message(lambda: problem_text(error))
        if isinstance(error, LoginRefused) and error.reason is RefusalReason.BAD_CREDENTIALS:
            self.password.setFocus()
        else:
            self.employee.selectAll()
            self.employee.setFocus()

    def _refusal_text(self, refusal: LoginRefused) -> str:
        from hallclient.access.auth import RefusalReason

        if refusal.reason is RefusalReason.LOCKED:
            return self.tr(
                "This account is locked after too many failed attempts. "
                "Please try again after {time}."
            ).format(time=self._local_time(refusal.locked_until))
        if refusal.reason is RefusalReason.INACTIVE:
            return self.tr("This account is disabled. Please contact the administrator.")
        return self.tr("Employee number or password is incorrect.")

    def _local_time(self, moment: datetime | None) -> str:
        return local(moment, self._timezone).strftime("%H:%M") if moment else "—"
