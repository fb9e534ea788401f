"""The admin's user forms: a new user (Ctrl+N), a new first password (Ctrl+R), another role
or department (Ctrl+E).

Each form asks the core off the GUI thread; a refusal says what is wrong in the admin's
words and puts the cursor in the field to fix, and nothing is saved.  Enter submits,
Esc cancels.  A first password (new or reset) must be changed by its owner at the next
login: the forms say so before it is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from db.domain import Role
from hallclient.access.passwords import PasswordPolicyError
from hallclient.access.users import DISPLAY_NAME_MAX, NewUser, UserField, UserInputError
from hallclient.errors import HallError
from hallclient.text_input import TextInputError
from ui.admin.user_form import PasswordTwice, RoleFields, UserForm
from ui.words.users import policy_rules_text, role_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.access.users import UserView
    from hallclient.core import Core
    from hallclient.referrals.directory import DepartmentEntry

EMPLOYEE_NO_MAX = 16


class AddUserDialog(UserForm):
    """Ctrl+N: employee number, name, role (and department), the first password twice."""

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        departments: Sequence[DepartmentEntry],
        parent: QWidget,
    ) -> None:
        super().__init__(core, user_of, parent)
        self.employee_no = QLineEdit(maxLength=EMPLOYEE_NO_MAX)
        self.name = QLineEdit(maxLength=DISPLAY_NAME_MAX)
        self.roles = RoleFields(departments, Role.CLERK, None)
        self.password = PasswordTwice()
        self.add_row(lambda: self.tr("Employee no."), self.employee_no)
        self.add_row(lambda: self.tr("Name"), self.name)
        self.add_row(lambda: self.tr("Role"), self.roles.role)
        self.add_row(lambda: self.tr("Department"), self.roles.department)
        self.add_row(lambda: self.tr("First password"), self.password.first)
        self.add_row(lambda: self.tr("Repeat"), self.password.repeat)
        self.lay_out()
        self.employee_no.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a user"))
        self.heading.setText(self.tr("Add a user"))
        self.intro.setText(
            self.tr(
                "Tell the person their first password in person. They must change it at "
                "their first login, and approve nothing until they have."
            )
        )
        self.hint.setText(policy_rules_text())
        self.submit.setText(self.tr("Add"))
        super().retranslate()

    def send(self) -> None:
        if self.password.mismatch(self):
            return
        new = NewUser(
            self.employee_no.text(),
            self.name.text(),
            self.roles.chosen_role(),
            self.password.first.text(),
            self.roles.chosen_department(),
        )
        user = self._user_of()

        def done() -> str:
            return self.tr(
                "{name} (employee no. {number}) added as {role}: the first password must be "
                "changed at the first login."
            ).format(
                name=new.display_name.strip(),
                number=new.employee_no.strip(),
                role=role_text(Role(new.role)),
            )

        self.run(lambda: self.core.access.add_user(user, new), done)

    def field_for(self, error: HallError) -> QWidget | None:
        if isinstance(error, PasswordPolicyError):
            return self.password.refused()
        if isinstance(error, TextInputError):
            return self.name
        if not isinstance(error, UserInputError):
            return None
        fields = {UserField.EMPLOYEE_NO: self.employee_no, UserField.DISPLAY_NAME: self.name}
        return fields.get(error.field) or self.roles.field(error.field)


class ResetPasswordDialog(UserForm):
    """Ctrl+R: a new first password for the person selected, which they must change."""

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        person: UserView,
        parent: QWidget,
    ) -> None:
        super().__init__(core, user_of, parent)
        self.person = person
        self.password = PasswordTwice()
        self.add_row(lambda: self.tr("New first password"), self.password.first)
        self.add_row(lambda: self.tr("Repeat"), self.password.repeat)
        self.lay_out()
        self.password.first.setFocus()

    def _who(self) -> str:
        return self.tr("{name} (employee no. {number})").format(
            name=self.person.display_name, number=self.person.employee_no
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset password"))
        self.heading.setText(self.tr("Reset the password of {who}").format(who=self._who()))
        self.intro.setText(
            self.tr(
                "Type a first password and tell it to the person. They must change it at their "
                "next login, and approve nothing until they have; the login tells them who "
                "reset it and when. A lockout is lifted too."
            )
        )
        self.hint.setText(policy_rules_text())
        self.submit.setText(self.tr("Reset password"))
        super().retranslate()

    def send(self) -> None:
        if self.password.mismatch(self):
            return
        user, number, first = self._user_of(), self.person.employee_no, self.password.first.text()

        def done() -> str:
            return self.tr(
                "The password of {who} is reset: they must change it at their next login."
            ).format(who=self._who())

        self.run(lambda: self.core.access.reset_password(user, number, first), done)

    def field_for(self, error: HallError) -> QWidget | None:
        return self.password.refused() if isinstance(error, PasswordPolicyError) else None


class RoleDialog(UserForm):
    """Ctrl+E: another role, or another department for department staff."""

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        person: UserView,
        departments: Sequence[DepartmentEntry],
        parent: QWidget,
    ) -> None:
        super().__init__(core, user_of, parent)
        self.person = person
        self.roles = RoleFields(departments, person.role, person.department_code)
        self.add_row(lambda: self.tr("Role"), self.roles.role)
        self.add_row(lambda: self.tr("Department"), self.roles.department)
        self.lay_out()
        self.roles.role.setFocus()

    def _who(self) -> str:
        return self.tr("{name} (employee no. {number})").format(
            name=self.person.display_name, number=self.person.employee_no
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Role and department"))
        self.heading.setText(self.tr("The role of {who}").format(who=self._who()))
        self.intro.setText(
            self.tr(
                "The role decides which pages and actions the person has from their next "
                "login. Only department staff belong to a department."
            )
        )
        self.hint.setText(self.tr("The change is recorded in the audit journal, before and after."))
        self.submit.setText(self.tr("Save"))
        super().retranslate()

    def send(self) -> None:
        user, number = self._user_of(), self.person.employee_no
        role, department = self.roles.chosen_role(), self.roles.chosen_department()

        def done() -> str:
            return self.tr("{who} is now {role}.").format(
                who=self._who(), role=role_text(Role(role))
            )

        self.run(lambda: self.core.access.change_role(user, number, role, department), done)

    def field_for(self, error: HallError) -> QWidget | None:
        return self.roles.field(error.field) if isinstance(error, UserInputError) else None
