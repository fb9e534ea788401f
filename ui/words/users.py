"""The admin page's words: roles, paper states, and the refusals of the user services.

A refusal is worded for the admin who typed it (the first password they chose, the
person they selected), never for the person the account belongs to.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.domain import Role
from hallclient.access.passwords import MIN_LENGTH, PasswordPolicyError, PolicyRule
from hallclient.access.users import UserInputError, UserProblem
from hallclient.errors import HallError
from hallclient.printing.printers import PaperStatus
from hallclient.text_input import TextInputError
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.problems import problem_text

ROLES = {
    Role.CLERK: QT_TRANSLATE_NOOP("Users", "Counter clerk"),
    Role.SHIFT_MANAGER: QT_TRANSLATE_NOOP("Users", "Shift manager"),
    Role.DEPARTMENT_STAFF: QT_TRANSLATE_NOOP("Users", "Department staff"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Users", "Auditor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Users", "Administrator"),
}
PAPER = {
    PaperStatus.OK: QT_TRANSLATE_NOOP("Users", "paper OK"),
    PaperStatus.NEAR_END: QT_TRANSLATE_NOOP("Users", "paper nearly out"),
    PaperStatus.OUT: QT_TRANSLATE_NOOP("Users", "out of paper"),
    PaperStatus.UNKNOWN: QT_TRANSLATE_NOOP("Users", "the printer's answer was unreadable"),
    PaperStatus.NO_ANSWER: QT_TRANSLATE_NOOP("Users", "this printer does not report its paper"),
}
_PROBLEMS = {
    UserProblem.BAD_EMPLOYEE_NO: QT_TRANSLATE_NOOP(
        "Users", "An employee number has 3 to 16 letters or digits."
    ),
    UserProblem.EMPLOYEE_NO_TAKEN: QT_TRANSLATE_NOOP(
        "Users", "Employee number {detail} is already taken: users are never deleted."
    ),
    UserProblem.NAME_REQUIRED: QT_TRANSLATE_NOOP("Users", "Type the person's name."),
    UserProblem.UNKNOWN_ROLE: QT_TRANSLATE_NOOP("Users", "Choose a role."),
    UserProblem.DEPARTMENT_REQUIRED: QT_TRANSLATE_NOOP(
        "Users", "Department staff need their department: choose it."
    ),
    UserProblem.NO_DEPARTMENT: QT_TRANSLATE_NOOP(
        "Users", "Only department staff belong to a department."
    ),
    UserProblem.UNKNOWN_USER: QT_TRANSLATE_NOOP(
        "Users", "There is no user with employee number {detail}."
    ),
    UserProblem.OWN_ACCOUNT: QT_TRANSLATE_NOOP(
        "Users", "You cannot deactivate or reactivate your own account."
    ),
    UserProblem.OWN_ROLE: QT_TRANSLATE_NOOP(
        "Users", "You cannot change your own role: another administrator does it."
    ),
    UserProblem.LAST_ADMIN: QT_TRANSLATE_NOOP(
        "Users",
        "This is the last active administrator: add or reactivate another administrator first.",
    ),
}
_POLICY = {
    PolicyRule.TOO_SHORT: QT_TRANSLATE_NOOP(
        "Users", "The first password needs at least {count} characters."
    ),
    PolicyRule.ONE_CHARACTER: QT_TRANSLATE_NOOP(
        "Users", "The first password cannot be one character repeated."
    ),
    PolicyRule.CONTAINS_EMPLOYEE_NO: QT_TRANSLATE_NOOP(
        "Users", "The first password cannot contain the employee number."
    ),
    PolicyRule.SAME_AS_OLD: QT_TRANSLATE_NOOP(
        "Users", "The first password must differ from the old one."
    ),
    PolicyRule.COMMON: QT_TRANSLATE_NOOP(
        "Users", "This password is one of the most used ones and is guessed first: choose another."
    ),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Users", source)


def role_text(role: Role) -> str:
    return _tr(ROLES[role])


def paper_text(status: PaperStatus) -> str:
    return _tr(PAPER[status])


def policy_rules_text() -> str:
    """The policy, said before a first password is typed."""
    return _tr(
        QT_TRANSLATE_NOOP(
            "Users",
            "At least {count} characters, not one character repeated, without the employee "
            "number, not one of the most used passwords.",
        )
    ).format(count=MIN_LENGTH)


def user_problem_text(error: HallError) -> str:
    if isinstance(error, UserInputError):
        return _tr(_PROBLEMS[error.problem]).format(detail=error.detail)
    if isinstance(error, PasswordPolicyError):
        return _tr(_POLICY[error.rule]).format(count=MIN_LENGTH)
    if isinstance(error, TextInputError):
        return _tr(QT_TRANSLATE_NOOP("Users", "That name is too long."))
    return problem_text(error)
