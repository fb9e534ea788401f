"""The admin's users: every account in a list, changed by key, never deleted.

Keys: Ctrl+N add a user, Ctrl+E role and department, Ctrl+R reset the password (the
person must change it at the next login), Ctrl+U unlock, Ctrl+D deactivate or
reactivate (after a question naming the person; Esc keeps it), F5 read the list again.
Every change is journaled by the core; a refusal is said below the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui.admin.models import UsersModel
from ui.admin.user_dialogs import AddUserDialog, ResetPasswordDialog, RoleDialog
from ui.admin.user_form import UserForm, department_name
from ui.kit.attempt import Attempt
from ui.kit.widgets import named, table_view
from ui.words.users import user_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.access.users import UserView
    from hallclient.core import Core
    from hallclient.errors import HallError
    from hallclient.referrals.directory import DepartmentEntry


class UsersTab(QWidget):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._core, self._user_of = core, user_of
        self.users = UsersModel(core.settings.timezone, core.clock.now)
        self.table = table_view(self.users, "adminUsers", UsersModel.COL_DEPARTMENT)
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)
        self.departments: list[DepartmentEntry] = []
        self.dialog: UserForm | None = None
        self.question: QMessageBox | None = None
        self.attempt = Attempt(self)
        self.say("")
        for key, slot in (
            ("Ctrl+N", self.add_user),
            ("Ctrl+E", self.change_role),
            ("Ctrl+R", self.reset_password),
            ("Ctrl+U", self.unlock),
            ("Ctrl+D", self.ask_to_switch_active),
            ("F5", self.reload),
        ):
            QShortcut(QKeySequence(key), self, slot)
        self.retranslate()

    def retranslate(self) -> None:
        self.keys.setText(
            self.tr(
                "Ctrl+N add a user · Ctrl+E role and department · Ctrl+R reset the password · "
                "Ctrl+U unlock · Ctrl+D deactivate or reactivate · F5 read again. Users are "
                "never deleted: a deactivated person cannot log in, and the journal keeps "
                "naming them."
            )
        )
        self.users.set_rows(self.users.rows())  # the roles and states in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Read afresh whenever the tab opens; the list takes the keyboard."""
        super().showEvent(event)
        self.reload()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.table.setFocus()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the list ---------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        user, core = self._user_of(), self._core
        keep = keep or self._selected_number()
        self.attempt.run(
            lambda: (core.access.users(user), core.referrals.departments()),
            lambda loaded: self._loaded(*loaded, keep=keep),
            self._refused,
        )

    def _loaded(
        self, rows: list[UserView], departments: list[DepartmentEntry], *, keep: str | None
    ) -> None:
        self.departments = departments
        self.users.department_names = {d.code: department_name(d) for d in departments}
        self.users.set_rows(rows)
        at = next((i for i, row in enumerate(rows) if row.employee_no == keep), 0)
        if rows:
            self.table.selectRow(at)

    def _selected_number(self) -> str | None:
        person = self.selected()
        return person.employee_no if person else None

    def selected(self) -> UserView | None:
        return self.users.row_at(self.table.currentIndex().row())

    def _chosen(self) -> UserView | None:
        """The person the key is for; without one, say how to choose."""
        person = self.selected()
        if person is None:
            self.say(self.tr("Choose a person in the list first (↑ ↓)."))
        return person

    def _who(self, person: UserView) -> str:
        return self.tr("{name} (employee no. {number})").format(
            name=person.display_name, number=person.employee_no
        )

    # -- the forms --------------------------------------------------------------------------

    def add_user(self) -> None:
        form = AddUserDialog(self._core, self._user_of, self.departments, self)
        self._open(form, lambda: form.employee_no.text().strip())

    def change_role(self) -> None:
        person = self._chosen()
        if person is not None:
            form = RoleDialog(self._core, self._user_of, person, self.departments, self)
            self._open(form, lambda: person.employee_no)

    def reset_password(self) -> None:
        person = self._chosen()
        if person is not None:
            form = ResetPasswordDialog(self._core, self._user_of, person, self)
            self._open(form, lambda: person.employee_no)

    def _open(self, form: UserForm, number: Callable[[], str]) -> None:
        if self.dialog is not None or self.attempt.running:
            return
        self.say("")
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.sig_done.connect(lambda text: self._done(text, number()))
        form.finished.connect(lambda _result: self._closed(form))
        self.dialog = form
        form.open()
        form.activateWindow()

    def _closed(self, form: UserForm) -> None:
        self.dialog = None
        form.deleteLater()
        self.activateWindow()  # back from the form (offscreen, no window manager does it)
        self.table.setFocus()

    def _done(self, text: str, number: str) -> None:
        self.say(text)
        self.reload(number)

    # -- unlock, deactivate -----------------------------------------------------------------

    def unlock(self) -> None:
        person = self._chosen()
        if person is None:
            return
        if not self.users.is_locked(person):
            self.say(self.tr("{who} is not locked out.").format(who=self._who(person)))
            return
        user, number, who = self._user_of(), person.employee_no, self._who(person)
        self.attempt.run(
            lambda: self._core.access.unlock_user(user, number),
            lambda _none: self._done(self.tr("{who} may log in again.").format(who=who), number),
            self._refused,
        )

    def ask_to_switch_active(self) -> None:
        """Deactivate (or reactivate) the person selected, once the admin confirms."""
        person = self._chosen()
        if person is None or self.question is not None:
            return
        who = self._who(person)
        if person.active:
            title, action = self.tr("Deactivate"), self.tr("&Deactivate")
            text = self.tr(
                "Deactivate {who}? They can no longer log in. Nothing is deleted: the journal "
                "keeps naming them, and they can be reactivated."
            ).format(who=who)
        else:
            title, action = self.tr("Reactivate"), self.tr("&Reactivate")
            text = self.tr("Reactivate {who}? They can log in again.").format(who=who)
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep as it is"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self._answered(box, box.clickedButton() is yes, person))
        self.question = box
        box.open()

    def _answered(self, box: QMessageBox, confirmed: bool, person: UserView) -> None:
        self.question = None
        box.deleteLater()
        self.activateWindow()  # back from the question (offscreen, no window manager does it)
        self.table.setFocus()
        if not confirmed:
            return
        user, number, active, who = (
            self._user_of(),
            person.employee_no,
            not person.active,
            self._who(person),
        )
        done = self.tr("{who} is reactivated.") if active else self.tr("{who} is deactivated.")
        self.attempt.run(
            lambda: self._core.access.set_active(user, number, active),
            lambda _none: self._done(done.format(who=who), number),
            self._refused,
        )

    def _refused(self, error: HallError) -> None:
        self.say(user_problem_text(error))
        self.table.setFocus()
