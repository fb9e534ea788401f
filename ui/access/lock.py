"""The lock panel: covers the main window's work after the idle time or on request.

Only the locked-in user's password unlocks it.  Anyone else can only switch user,
which logs the first person out (recorded) and brings back the login dialog.
The pages behind the panel are not touched, so unfinished work stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.access.auth import LoginRefused, RefusalReason
from hallclient.clock import local
from hallclient.errors import HallError
from ui.kit.attempt import Attempt
from ui.kit.widgets import named
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core


class LockPanel(QFrame):
    """ "Locked": the user's name and number, a password field, unlock and switch user."""

    sig_unlocked = Signal(object)  # the CurrentUser returned by the core
    sig_switch_user_chosen = Signal()

    def __init__(self, core: Core, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPanel")
        self._core, self.user = core, user
        self._message: Callable[[], str] = str
        self.idle_minutes: int | None = None  # the idle timer locked it after these minutes
        self.attempt = Attempt(self)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "lockTitle")
        self.who = named(QLabel(wordWrap=True), "lockWho")
        self.password = named(QLineEdit(maxLength=128), "lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._unlock)
        self.error = named(QLabel(wordWrap=True), "lockError")
        self.unlock_button = named(QPushButton(), "lockUnlock")
        self.unlock_button.clicked.connect(self._unlock)
        self.switch_button = named(QPushButton(), "lockSwitch")
        self.switch_button.clicked.connect(self.sig_switch_user_chosen)
        self.switch_note = named(QLabel(wordWrap=True), "lockNote")
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.unlock_button, 1)
        buttons.addWidget(self.switch_button, 1)
        card = named(QFrame(), "lockCard")
        card.setFixedWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 30, 36, 28)
        inner.setSpacing(12)
        for widget in (self.title, self.who, self.password, self.error):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        inner.addWidget(self.switch_note)
        row = QHBoxLayout()  # not an alignment flag: that would ignore the wrapped height
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    def retranslate(self) -> None:
        name = self.user.display_name
        self.title.setText(self.tr("Locked"))
        self.who.setText(self._who_text())
        self.password.setPlaceholderText(self.tr("Password of {name}").format(name=name))
        self.unlock_button.setText(self.tr("Unlock"))
        self.switch_button.setText(self.tr("Switch user"))
        self.switch_note.setText(
            self.tr("Switch user logs {name} out so that another person can log in.").format(
                name=name
            )
        )
        self._show_message()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _who_text(self) -> str:
        name, number, minutes = self.user.display_name, self.user.employee_no, self.idle_minutes
        if minutes is None:
            return self.tr("{name} (employee no. {number}) has locked this window.").format(
                name=name, number=number
            )
        text = (
            self.tr(
                "The window locked itself after a minute without use.\n{name} (employee no. "
                "{number}) is logged in."
            )
            if minutes == 1
            else self.tr(
                "The window locked itself after {minutes} minutes without use.\n{name} "
                "(employee no. {number}) is logged in."
            )
        )
        return text.format(minutes=minutes, name=name, number=number)

    def prepare(self, user: CurrentUser, idle_minutes: int | None = None) -> None:
        """Empty the panel for a new lock, for this user; ``idle_minutes`` when the idle
        timer locked it."""
        self.user, self.idle_minutes = user, idle_minutes
        self.password.clear()
        self._set_message(str)
        self.retranslate()

    def _set_message(self, text: Callable[[], str]) -> None:
        self._message = text
        self._show_message()

    def _show_message(self) -> None:
        self.error.setText(self._message())
        self.error.setVisible(bool(self.error.text()))

    def _unlock(self) -> None:
        password = self.password.text()
        if not password:
            self._set_message(lambda: self.tr("Please enter your password."))
            return
        user = self.user
        self.attempt.run(
            lambda: self._core.access.unlock_session(user, password), self._unlocked, self._refused
        )

    def _unlocked(self, user: CurrentUser) -> None:
        self.password.clear()
        self._set_message(str)
        self.sig_unlocked.emit(user)

    def _refused(self, error: HallError) -> None:
        self.password.clear()
        self._set_message(lambda: self._refusal_text(error))  # worded again on a language change
        self.password.setFocus()

    def _refusal_text(self, error: HallError) -> str:
        if not isinstance(error, LoginRefused):
            return problem_text(error)
        if error.reason is RefusalReason.LOCKED:
            return self.tr(
                "Too many wrong passwords: this account is locked until {time}. "
                "Only Switch user is possible now."
            ).format(time=self._local_time(error.locked_until))
        if error.reason is RefusalReason.INACTIVE:
            return self.tr("This account is disabled. Only Switch user is possible now.")
        return self.tr("The password is incorrect. Please try again.")

    def _local_time(self, moment: datetime | None) -> str:
        return local(moment, self._core.settings.timezone).strftime("%H:%M") if moment else "—"
