"""Two people means two people: one person holding two roles' passwords approves nothing.

An admin who resets a shift manager's password, a first password nobody has changed, and
an admin approving money are each refused, for every kind of approval; each approval
records both people.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.domain import Role
from db.models import Approval
from hallclient.access import approvals, auth, users
from hallclient.access.approvals import ApprovalError, ApprovalProblem, ApprovalRequest
from hallclient.access.permissions import APPROVERS, ApprovalKind
from hallclient.clock import FixedClock
from hallclient.text_input import TextInputError
from hallclient.uow import UnitOfWork
from tests.db.security_helpers import (
    EMPLOYEE_NO,
    PASSWORD,
    START,
    WHERE,
    add_users,
    context_for,
    journal,
)

MANAGER, ADMIN = EMPLOYEE_NO[Role.SHIFT_MANAGER], EMPLOYEE_NO[Role.ADMIN]
TEMPORARY = "Temp-Pass-2026"
OWN = "Own-Choice-2026"
MONEY = [kind for kind in ApprovalKind if kind is not ApprovalKind.APPROVE_TARIFF]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    return add_users(database)


def _request(kind: ApprovalKind) -> ApprovalRequest:
    return ApprovalRequest(kind, f"OBJECT-{kind.value}", "测试审批")


def _refused(database, requester, kind, approver_no, password) -> ApprovalProblem:
    with pytest.raises(ApprovalError) as refused:
        approvals.grant_approval(database, requester, _request(kind), approver_no, password)
    return refused.value.problem


def _approvals(database) -> int:
    with UnitOfWork(database) as uow:
        return len(uow.session.scalars(select(Approval.id)).all())


@pytest.mark.parametrize("kind", list(ApprovalKind))
def test_an_admin_who_resets_a_managers_password_cannot_approve_as_that_manager(
    database, clock, people, kind
):
    admin = context_for(people[Role.ADMIN], clock)
    users.reset_password(database, admin, MANAGER, TEMPORARY)
    problem = _refused(database, admin, kind, MANAGER, TEMPORARY)
    assert problem is ApprovalProblem.PASSWORD_NOT_CHANGED
    assert _approvals(database) == 0
    assert (ADMIN, "user.password_reset", MANAGER) in journal(database)
    assert (MANAGER, "approval.refused_unchanged_password", MANAGER) in journal(database)


@pytest.mark.parametrize("kind", list(ApprovalKind))
def test_a_first_password_nobody_changed_approves_nothing(database, clock, people, kind):
    admin = context_for(people[Role.ADMIN], clock)
    users.add_user(database, admin, "2901", "新班长", Role.SHIFT_MANAGER.value, TEMPORARY)
    requester = context_for(people["requester"], clock)
    assert _refused(database, requester, kind, "2901", TEMPORARY) is (
        ApprovalProblem.PASSWORD_NOT_CHANGED
    )
    assert _approvals(database) == 0


@pytest.mark.parametrize("kind", MONEY)
def test_the_admin_approves_no_money(database, clock, people, kind):
    requester = context_for(people["requester"], clock)
    assert _refused(database, requester, kind, ADMIN, PASSWORD) is ApprovalProblem.NOT_AN_APPROVER
    assert APPROVERS[kind] == {Role.SHIFT_MANAGER}
    assert _approvals(database) == 0


@pytest.mark.parametrize("kind", list(ApprovalKind))
def test_after_their_own_password_the_manager_approves_and_both_are_recorded(
    database, clock, people, kind
):
    admin = context_for(people[Role.ADMIN], clock)
    users.reset_password(database, admin, MANAGER, TEMPORARY)
    manager = auth.login(database, WHERE, MANAGER, TEMPORARY, clock)
    users.change_own_password(database, context_for(manager, clock), TEMPORARY, OWN)
    requester = people[Role.ADMIN] if kind is ApprovalKind.APPROVE_TARIFF else people["requester"]
    grant = approvals.grant_approval(
        database, context_for(requester, clock), _request(kind), MANAGER, OWN
    )
    with UnitOfWork(database) as uow:
        approval = uow.session.get(Approval, grant.approval_id)
        assert approval is not None
        assert (approval.requester_id, approval.approver_id) == (
            requester.user_id,
            people[Role.SHIFT_MANAGER].user_id,
        )


def test_the_reset_is_told_at_the_next_login_until_the_password_is_changed(database, clock, people):
    admin = context_for(people[Role.ADMIN], clock)
    users.reset_password(database, admin, MANAGER, TEMPORARY)
    manager = auth.login(database, WHERE, MANAGER, TEMPORARY, clock)
    assert manager.must_change_password and manager.password_reset is not None
    assert manager.password_reset.by_employee_no == ADMIN
    assert manager.password_reset.at == START
    users.change_own_password(database, context_for(manager, clock), TEMPORARY, OWN)
    assert auth.login(database, WHERE, MANAGER, OWN, clock).password_reset is None


def test_a_first_login_is_no_reset(database, clock, people):
    admin = context_for(people[Role.ADMIN], clock)
    users.add_user(database, admin, "2902", "新员工", Role.CLERK.value, TEMPORARY)
    first = auth.login(database, WHERE, "2902", TEMPORARY, clock)
    assert first.must_change_password and first.password_reset is None


def test_a_display_name_is_cleaned_and_limited_like_every_text(database, clock, people):
    admin = context_for(people[Role.ADMIN], clock)
    users.add_user(database, admin, "2903", " 王\u202e丽\x00 ", Role.CLERK.value, TEMPORARY)
    assert auth.login(database, WHERE, "2903", TEMPORARY, clock).display_name == "王丽"
    with pytest.raises(TextInputError):
        users.add_user(database, admin, "2904", "名" * 51, Role.CLERK.value, TEMPORARY)
