"""Lockout, approvals, password changes and user administration: what the journal shows."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.domain import Role
from db.models import Approval, User
from hallclient.access import approvals, auth, users
from hallclient.access.approvals import ApprovalError, ApprovalProblem, ApprovalRequest
from hallclient.access.auth import MAX_FAILED_LOGINS, UNKNOWN_USER, LoginRefused, RefusalReason
from hallclient.access.passwords import PasswordPolicyError
from hallclient.access.permissions import Action, ApprovalKind
from hallclient.clock import FixedClock
from hallclient.context import PasswordChangeRequiredError
from hallclient.uow import UnitOfWork, run_write
from tests.db.security_helpers import (
    EMPLOYEE_NO,
    PASSWORD,
    REQUESTER_NO,
    START,
    WHERE,
    add_users,
    context_for,
    journal,
    user_row,
)

CLERK = EMPLOYEE_NO[Role.CLERK]
MANAGER = EMPLOYEE_NO[Role.SHIFT_MANAGER]
VOID = ApprovalRequest(ApprovalKind.VOID_RECEIPT, "C01-2026-000042", "客户重复缴费")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    return add_users(database)


def _login(database, clock, employee_no, password):
    return auth.login(database, WHERE, employee_no, password, clock)


def _actions(database, actor=None) -> list[str]:
    return [action for who, action, _ in journal(database) if actor in (None, who)]


def test_lock_failures_and_unlock_are_journaled(database, clock, people):
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginRefused):
            _login(database, clock, CLERK, "wrong-password")
    clock.advance(timedelta(minutes=30, seconds=1))
    _login(database, clock, CLERK, PASSWORD)
    assert _actions(database, CLERK) == [
        *["login.failed"] * MAX_FAILED_LOGINS,
        "account.locked",
        "account.unlocked",
        "login.succeeded",
    ]


def test_unknown_number_is_journaled_without_what_was_typed(database, clock, people):
    with pytest.raises(LoginRefused):
        _login(database, clock, "Secret-Typed-1", PASSWORD)
    assert journal(database) == [(UNKNOWN_USER, "login.failed", UNKNOWN_USER)]


def test_unlock_counts_failures_and_only_the_same_user_unlocks(database, clock, people):
    context = context_for(people[Role.CLERK], clock)
    auth.lock_session(database, context)
    with pytest.raises(LoginRefused):
        auth.unlock_session(database, context, "wrong-password")
    assert user_row(database, CLERK, User.failed_logins) == 1
    assert auth.unlock_session(database, context, PASSWORD).employee_no == CLERK
    assert _actions(database, CLERK) == ["session.locked", "unlock.failed", "session.unlocked"]


def test_password_change_clears_the_flag_and_is_required_first(database, clock, people):
    admin = context_for(people[Role.ADMIN], clock)
    users.reset_password(database, admin, CLERK, "Temporary-Pass-5")
    clerk = _login(database, clock, CLERK, "Temporary-Pass-5")
    assert clerk.must_change_password
    with pytest.raises(PasswordChangeRequiredError):
        context_for(clerk, clock).require(Action.VIEW_AUDIT)
    with pytest.raises(PasswordPolicyError):
        users.change_own_password(database, context_for(clerk, clock), "Temporary-Pass-5", "short")
    changed = users.change_own_password(
        database, context_for(clerk, clock), "Temporary-Pass-5", "Brand-New-Pass-7"
    )
    assert not changed.must_change_password
    assert _login(database, clock, CLERK, "Brand-New-Pass-7").employee_no == CLERK


def test_admin_user_changes_are_journaled(database, clock, people):
    admin = context_for(people[Role.ADMIN], clock)
    users.add_user(database, admin, "1010", "新同事", "clerk", "Fresh-Pass-88")
    users.set_active(database, admin, "1010", False)
    users.unlock_user(database, admin, "1010")
    assert _actions(database, EMPLOYEE_NO[Role.ADMIN]) == [
        "user.added",
        "user.deactivated",
        "account.unlocked",
    ]
    with pytest.raises(users.UserInputError):
        users.set_active(database, admin, EMPLOYEE_NO[Role.ADMIN], False)


def test_a_manager_approves_once_for_exactly_that_action(database, clock, people):
    requester = context_for(people["requester"], clock)
    grant = approvals.grant_approval(database, requester, VOID, MANAGER, PASSWORD)
    assert grant.approver_employee_no == MANAGER

    def use(kind, object_ref):
        def use_case(uow: UnitOfWork) -> None:
            approvals.use_approval(uow, requester, grant.approval_id, kind, object_ref)
            uow.commit()

        run_write(database, use_case)

    with pytest.raises(ApprovalError) as other:
        use(ApprovalKind.REPRINT_AGAIN, VOID.object_ref)
    assert other.value.problem is ApprovalProblem.OTHER_ACTION
    use(VOID.kind, VOID.object_ref)
    with pytest.raises(ApprovalError) as again:
        use(VOID.kind, VOID.object_ref)
    assert again.value.problem is ApprovalProblem.USED
    assert _actions(database, REQUESTER_NO) == ["approval.granted", "approval.used"]
    with UnitOfWork(database) as uow:
        approval = uow.session.get(Approval, grant.approval_id)
        assert (approval.requester_id, approval.approver_id) == (
            people["requester"].user_id,
            people[Role.SHIFT_MANAGER].user_id,
        )


@pytest.mark.parametrize(
    ("approver", "password", "problem"),
    [
        (REQUESTER_NO, PASSWORD, ApprovalProblem.OWN_ACTION),
        (CLERK, PASSWORD, ApprovalProblem.NOT_AN_APPROVER),
    ],
)
def test_nobody_approves_their_own_action_and_clerks_approve_nothing(
    database, clock, people, approver, password, problem
):
    requester = context_for(people["requester"], clock)
    with pytest.raises(ApprovalError) as caught:
        approvals.grant_approval(database, requester, VOID, approver, password)
    assert caught.value.problem is problem


def test_a_wrong_approver_password_counts_towards_the_approvers_lockout(database, clock, people):
    requester = context_for(people["requester"], clock)
    with pytest.raises(LoginRefused) as caught:
        approvals.grant_approval(database, requester, VOID, MANAGER, "wrong-password")
    assert caught.value.reason is RefusalReason.BAD_CREDENTIALS
    assert user_row(database, MANAGER, User.failed_logins) == 1
    assert _actions(database, MANAGER) == ["approval.failed"]


def test_no_password_reaches_the_log_or_the_journal(database, clock, people, caplog):
    caplog.set_level("DEBUG")
    for typed in ("Typed-Secret-1", PASSWORD + "x"):
        with pytest.raises(LoginRefused):
            _login(database, clock, typed if typed.startswith("Typed") else CLERK, typed)
    admin = context_for(people[Role.ADMIN], clock)
    users.reset_password(database, admin, CLERK, "Temporary-Pass-5")
    text = caplog.text + repr(journal(database))
    for secret in ("Typed-Secret-1", PASSWORD, "Temporary-Pass-5", "$argon2"):
        assert secret not in text
