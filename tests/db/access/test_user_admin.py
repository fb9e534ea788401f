"""The admin's user services: the list, roles and departments, the last administrator,
refusals that name their field and change nothing, every change journaled."""

from __future__ import annotations

import pytest

from db.domain import Role
from db.models import User
from hallclient.access import audit, auth, users
from hallclient.access.passwords import PasswordPolicyError, PolicyRule
from hallclient.access.permissions import PermissionDeniedError
from hallclient.access.users import UserField, UserInputError, UserProblem
from hallclient.clock import FixedClock
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import install_reference_data
from tests.db.security_helpers import (
    EMPLOYEE_NO,
    PASSWORD,
    START,
    WHERE,
    add_users,
    context_for,
    journal,
    user_row,
)

ADMIN = EMPLOYEE_NO[Role.ADMIN]
CLERK = EMPLOYEE_NO[Role.CLERK]
FIRST = "First-Pass-2026"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    install_reference_data(database)  # the departments
    return add_users(database)


@pytest.fixture
def admin(people, clock):
    return context_for(people[Role.ADMIN], clock)


def _refused(call, *args) -> UserInputError:
    with pytest.raises(UserInputError) as caught:
        call(*args)
    return caught.value


def _entries(database, action):
    with UnitOfWork(database) as uow:
        return [entry for entry in audit.recent_entries(uow, 500) if entry.action == action]


def test_the_list_shows_every_account_active_first_without_secrets(database, admin):
    users.add_user(database, admin, "1010", "新同事", "clerk", FIRST)
    users.set_active(database, admin, "1010", False)
    listed = users.list_users(database, admin)
    assert [view.employee_no for view in listed][-1] == "1010"
    new = listed[-1]
    assert (new.display_name, new.role, new.active, new.must_change_password) == (
        "新同事",
        Role.CLERK,
        False,
        True,
    )
    assert new.last_login_at is None and new.locked_until is None
    assert "argon2" not in repr(listed)  # no hash, whatever the field


def test_only_the_admin_lists_or_changes_users(database, people, clock):
    manager = context_for(people[Role.SHIFT_MANAGER], clock)
    with pytest.raises(PermissionDeniedError):
        users.list_users(database, manager)
    with pytest.raises(PermissionDeniedError):
        users.change_role(database, manager, CLERK, "admin")


def test_a_role_change_is_journaled_with_before_and_after(database, admin):
    users.change_role(database, admin, CLERK, "department_staff", "billing")
    assert user_row(database, CLERK, User.role) is Role.DEPARTMENT_STAFF
    assert user_row(database, CLERK, User.department_code) == "billing"
    users.change_role(database, admin, CLERK, "shift_manager")
    [back, first] = _entries(database, "user.role_changed")
    assert (first.actor, first.object_id) == (ADMIN, CLERK)
    assert first.details == {"role": ["clerk", "department_staff"], "department": [None, "billing"]}
    assert back.details == {
        "role": ["department_staff", "shift_manager"],
        "department": ["billing", None],
    }
    users.change_role(database, admin, CLERK, "shift_manager")  # no change: no entry
    assert len(_entries(database, "user.role_changed")) == 2


@pytest.mark.parametrize(
    ("role", "department", "problem"),
    [
        ("department_staff", None, UserProblem.DEPARTMENT_REQUIRED),
        ("department_staff", "no-such-dept", UserProblem.DEPARTMENT_REQUIRED),
        ("clerk", "billing", UserProblem.NO_DEPARTMENT),
        ("cashier", None, UserProblem.UNKNOWN_ROLE),
    ],
)
def test_a_role_and_department_that_do_not_fit_are_refused(
    database, admin, role, department, problem
):
    error = _refused(users.change_role, database, admin, CLERK, role, department)
    assert error.problem is problem
    assert error.field is (
        UserField.ROLE if problem is UserProblem.UNKNOWN_ROLE else UserField.DEPARTMENT
    )
    assert user_row(database, CLERK, User.role) is Role.CLERK
    assert _entries(database, "user.role_changed") == []


def test_an_admin_changes_neither_their_own_role_nor_their_own_activity(database, admin):
    assert _refused(users.change_role, database, admin, ADMIN, "clerk").problem is (
        UserProblem.OWN_ROLE
    )
    assert _refused(users.set_active, database, admin, ADMIN, False).problem is (
        UserProblem.OWN_ACCOUNT
    )
    assert user_row(database, ADMIN, User.role) is Role.ADMIN
    assert user_row(database, ADMIN, User.active) is True


def test_the_last_active_admin_stays_an_active_admin(database, admin, clock):
    users.add_user(database, admin, "9002", "第二管理员", "admin", FIRST)
    second = auth.login(database, WHERE, "9002", FIRST, clock)
    second = users.change_own_password(database, context_for(second, clock), FIRST, "Own-Second-x")
    other = context_for(second, clock)
    users.change_role(database, other, ADMIN, "auditor")  # two admins: one may go
    error = _refused(users.change_role, database, admin, "9002", "clerk")
    assert (error.problem, error.field) == (UserProblem.LAST_ADMIN, UserField.ROLE)
    users.change_role(database, other, ADMIN, "admin")
    users.set_active(database, other, ADMIN, False)
    assert _refused(users.set_active, database, admin, "9002", False).problem is (
        UserProblem.LAST_ADMIN
    )
    assert user_row(database, "9002", User.active) is True
    assert [action for _, action, _ in journal(database)].count("user.deactivated") == 1


def test_deactivating_twice_is_journaled_once_and_reactivating_lets_them_log_in(
    database, admin, clock
):
    users.set_active(database, admin, CLERK, False)
    users.set_active(database, admin, CLERK, False)
    with pytest.raises(auth.LoginRefused):
        auth.login(database, WHERE, CLERK, PASSWORD, clock)
    users.set_active(database, admin, CLERK, True)
    assert auth.login(database, WHERE, CLERK, PASSWORD, clock).employee_no == CLERK
    actions = [action for _, action, who in journal(database) if who == CLERK]
    assert actions.count("user.deactivated") == 1 and "user.activated" in actions


def test_adding_refuses_field_by_field_and_writes_nothing(database, admin):
    assert _refused(users.add_user, database, admin, "1-0", "名", "clerk", FIRST).field is (
        UserField.EMPLOYEE_NO
    )
    assert _refused(users.add_user, database, admin, CLERK, "名", "clerk", FIRST).problem is (
        UserProblem.EMPLOYEE_NO_TAKEN
    )
    assert _refused(users.add_user, database, admin, "1011", "  ", "clerk", FIRST).field is (
        UserField.DISPLAY_NAME
    )
    staff = _refused(users.add_user, database, admin, "1011", "名", "department_staff", FIRST)
    assert staff.field is UserField.DEPARTMENT
    with pytest.raises(PasswordPolicyError) as weak:
        users.add_user(database, admin, "1011", "名", "clerk", "password")
    assert weak.value.rule is PolicyRule.COMMON
    assert [view.employee_no for view in users.list_users(database, admin)].count("1011") == 0
    assert _entries(database, "user.added") == []


def test_an_unknown_number_is_named(database, admin):
    error = _refused(users.unlock_user, database, admin, "7777")
    assert (error.problem, error.field, error.detail) == (
        UserProblem.UNKNOWN_USER,
        UserField.ACCOUNT,
        "7777",
    )
