"""Changing one's own password: forced after the first login, or from System → Change password.

The forced dialog cannot be closed: the only ways out are a valid change or logging
out.  The repeat is compared here; the policy and the current password are checked
by the core, and each refusal is worded here in the clerk's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.access.auth import LoginRefused, RefusalReason
from hallclient.access.passwords import MIN_LENGTH, PasswordPolicyError, PolicyRule
from hallclient.clock import local
from hallclient.errors import HallError
from ui.kit.attempt import Attempt
from ui.kit.widgets import named
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core


class PasswordDialog(QDialog):
    """Current, new and repeated password; emits ``sig_password_changed`` with the new user."""

    sig_password_changed = Signal(object)  # CurrentUser, no longer required to change
    sig_logout_chosen = Signal()  # forced mode only

    def __init__(
        self, core: Core, user: CurrentUser, *, forced: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self._core, self.user, self.forced = core, user, forced
        self._message: Callable[[], str] = str
        self.attempt = Attempt(self)
        self._build()
        self.retranslate()
        self.current.setFocus()

    def _build(self) -> None:
        self.heading = named(QLabel(wordWrap=True), "dialogHeading")
        self.intro = named(QLabel(wordWrap=True), "dialogText")
        self.current, self.new, self.repeat = (self._password_field() for _ in range(3))
        self.rules = named(QLabel(wordWrap=True), "dialogHint")
        self.error = named(QLabel(wordWrap=True), "dialogError")
        self.submit = named(QPushButton(default=True), "primaryButton")
        self.submit.clicked.connect(self._submit)
        self.leave = named(QPushButton(autoDefault=False), "secondaryButton")
        self.leave.clicked.connect(self._leave)
        self._form = QFormLayout()
        self._form.setHorizontalSpacing(14)
        self._form.setVerticalSpacing(10)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._labels = [named(QLabel(), "formLabel") for _ in range(3)]
        for label, field in zip(self._labels, (self.current, self.new, self.repeat), strict=True):
            label.setBuddy(field)
            label.setMinimumHeight(field.sizeHint().height())
            self._form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.leave)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 20)
        layout.setSpacing(10)
        for widget in (self.heading, self.intro):
            layout.addWidget(widget)
        layout.addLayout(self._form)
        layout.addWidget(self.rules)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setFixedWidth(540)

    def _password_field(self) -> QLineEdit:
        field = QLineEdit(maxLength=128)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _forced_intro(self) -> str:
        """Why the change comes first; a reset names who made it and when."""
        reset = self.user.password_reset
        if reset is None:
            return self.tr(
                "{name}, your password was set for you (first login or reset by the "
                "administrator). Choose your own password before you start work."
            ).format(name=self.user.display_name)
        when = local(reset.at, self._core.settings.timezone).strftime("%Y-%m-%d %H:%M")
        return self.tr(
            "{name}, your password was reset by employee no. {by} on {when}. If you did not "
            "ask for it, tell your shift manager. Choose your own password before you start "
            "work; until then you cannot approve anything."
        ).format(name=self.user.display_name, by=reset.by_employee_no, when=when)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        if self.forced:
            self.heading.setText(self.tr("Please change your password first"))
            self.intro.setText(self._forced_intro())
        else:
            self.heading.setText(self.tr("Change password"))
            self.intro.setText(self.tr("Enter your current password, then the new one twice."))
        labels = (self.tr("Current password"), self.tr("New password"), self.tr("Repeat"))
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.rules.setText(
            self.tr(
                "At least {count} characters, not all the same character, "
                "without your employee number, different from the current one."
            ).format(count=MIN_LENGTH)
        )
        self.submit.setText(self.tr("Change password"))
        self.leave.setText(self.tr("Log out") if self.forced else self.tr("Cancel"))
        self._show_message()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        """Escape and the close button (QDialog.closeEvent calls this) do nothing while
        the change is required."""
        if not self.forced:
            super().reject()

    def _leave(self) -> None:
        if self.forced:
            self.done(QDialog.DialogCode.Rejected)
            self.sig_logout_chosen.emit()
        else:
            self.reject()

    def _set_message(self, text: Callable[[], str]) -> None:
        self._message = text
        self._show_message()

    def _show_message(self) -> None:
        self.error.setText(self._message())
        self.error.setVisible(bool(self.error.text()))

    def _submit(self) -> None:
        current, new, repeat = self.current.text(), self.new.text(), self.repeat.text()
        if not (current and new and repeat):
            self._set_message(lambda: self.tr("Please fill in all three fields."))
            return
        if new != repeat:
            self._set_message(lambda: self.tr("The two new passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        user = self.user
        self.attempt.run(
            lambda: self._core.access.change_own_password(user, current, new),
            self._changed,
            self._refused,
        )

    def _changed(self, user: CurrentUser) -> None:
        self.user = user
        self.sig_password_changed.emit(user)
        self.accept()

    def _refused(self, error: HallError) -> None:
        self._set_message(lambda: self._refusal_text(error))
        if isinstance(error, LoginRefused):
            self.current.clear()
            self.current.setFocus()
        else:
            self.new.selectAll()
            self.repeat.clear()
            self.new.setFocus()

    def _refusal_text(self, error: HallError) -> str:
        if isinstance(error, PasswordPolicyError):
            return self._policy_text(error.rule)
        if not isinstance(error, LoginRefused):
            return problem_text(error)
        if error.reason is RefusalReason.LOCKED:
            until = error.locked_until
            time = local(until, self._core.settings.timezone).strftime("%H:%M") if until else "—"
            return self.tr("Too many wrong passwords: this account is locked until {time}.").format(
                time=time
            )
        if error.reason is RefusalReason.INACTIVE:
            return self.tr("This account is disabled. Please contact the administrator.")
        return self.tr("The current password is incorrect.")

    def _policy_text(self, rule: PolicyRule) -> str:
        texts = {
            PolicyRule.TOO_SHORT: self.tr("The new password needs at least {count} characters."),
            PolicyRule.ONE_CHARACTER: self.tr("The new password cannot be one character repeated."),
            PolicyRule.CONTAINS_EMPLOYEE_NO: self.tr(
                "The new password cannot contain your employee number."
            ),
            PolicyRule.SAME_AS_OLD: self.tr(
                "The new password must be different from the current one."
            ),
            PolicyRule.COMMON: self.tr(
                "This password is one of the most used ones and is guessed first. Please "
                "choose another."
            ),
        }
        return texts.get(rule, str(rule)).format(count=MIN_LENGTH)
