"""Manager approval: a second person vouches for one privileged action on one object.

The approver types their own credentials at the requester's counter: a shift
manager for money (voids, differences, reprints, reopening, late fees), a shift
manager or an admin for a tariff (``permissions.APPROVERS``).  The approval names the
action and the object, is recorded with both people, and is used at most once, by the
service that performs exactly that action on exactly that object.  Nobody approves
their own action, and nobody approves with a password someone else set (a first
password, or one an admin reset and the approver has not changed): otherwise an admin
who resets a manager's password could be both people.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import Role
from db.engine import Database
from db.models import Approval
from hallclient.access.auth import CredentialCheck, check_credentials
from hallclient.access.permissions import ApprovalKind, may_approve
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.uow import UnitOfWork, run_write


class ApprovalProblem(enum.StrEnum):
    NO_REASON = "an approval needs a reason"
    OWN_ACTION = "nobody approves their own action: ask a shift manager"
    NOT_AN_APPROVER = "this person may not approve: ask a shift manager"
    PASSWORD_NOT_CHANGED = "the approver must first change the password someone else set"
    OTHER_ACTION = "this approval is for another action or object"
    USED = "this approval has been used already"


class ApprovalError(HallError):
    """An approval that cannot be given or used (the UI words each ``problem``)."""

    def __init__(self, problem: ApprovalProblem) -> None:
        self.problem = problem
        super().__init__(problem.value)


@dataclass(frozen=True)
class ApprovalRequest:
    """What the requester asks a manager to approve, shown in the approval dialog."""

    kind: ApprovalKind
    object_ref: str
    reason: str


@dataclass(frozen=True)
class ApprovalGrant:
    approval_id: int
    kind: ApprovalKind
    object_ref: str
    approver_employee_no: str
    approver_name: str


def grant_approval(
    database: Database,
    context: Context,
    request: ApprovalRequest,
    approver_employee_no: str,
    approver_password: str,
) -> ApprovalGrant:
    """Check the approver's credentials and role and record the approval.

    A wrong approver password counts towards that approver's lockout.
    """
    kind, object_ref, reason = request.kind, request.object_ref, request.reason.strip()
    if not reason:
        raise ApprovalError(ApprovalProblem.NO_REASON)
    if approver_employee_no.strip() == context.user.employee_no:
        raise ApprovalError(ApprovalProblem.OWN_ACTION)

    def use_case(uow: UnitOfWork) -> ApprovalGrant:
        check = CredentialCheck(uow, context.where, context.clock.now(), "approval")
        approver = check_credentials(check, approver_employee_no, approver_password)
        refusal = _refusal(approver.role, approver.must_change_password, kind)
        if refusal is not None:
            check.journal(approver.employee_no, refusal[0], {"kind": kind.value})
            uow.commit()
            raise ApprovalError(refusal[1])
        approval = Approval(
            action=kind.value,
            object_ref=object_ref,
            reason=reason,
            requester_id=context.user.user_id,
            approver_id=approver.id,
            granted_at=check.now,
        )
        uow.session.add(approval)
        uow.session.flush()
        details = {
            "kind": kind.value,
            "object": object_ref,
            "approver": approver.employee_no,
            "reason": reason,
        }
        context.record(uow, "approval.granted", "approval", str(approval.id), details)
        uow.commit()
        return ApprovalGrant(
            approval.id, kind, object_ref, approver.employee_no, approver.display_name
        )

    return run_write(database, use_case)


def _refusal(
    role: Role, must_change_password: bool, kind: ApprovalKind
) -> tuple[str, ApprovalProblem] | None:
    """Why this approver may not approve this kind (journal action, problem), or None."""
    if not may_approve(role, kind):
        return "approval.refused_role", ApprovalProblem.NOT_AN_APPROVER
    if must_change_password:
        return "approval.refused_unchanged_password", ApprovalProblem.PASSWORD_NOT_CHANGED
    return None


def use_approval(
    uow: UnitOfWork, context: Context, approval_id: int, kind: ApprovalKind, object_ref: str
) -> Approval:
    """Consume an approval inside the privileged action's own transaction.

    Refused unless it was granted to this user, for this action on this object, and
    not used before.  The caller commits (so a rolled-back action leaves it unused).
    """
    approval = uow.session.scalar(
        select(Approval).where(Approval.id == approval_id).with_for_update()
    )
    if (
        approval is None
        or approval.requester_id != context.user.user_id
        or approval.action != kind.value
        or approval.object_ref != object_ref
    ):
        raise ApprovalError(ApprovalProblem.OTHER_ACTION)
    if approval.used_at is not None:
        raise ApprovalError(ApprovalProblem.USED)
    approval.used_at = context.clock.now()
    details = {"kind": kind.value, "object": object_ref}
    context.record(uow, "approval.used", "approval", str(approval.id), details)
    return approval
