"""The permission table: which role may do what.  Deny by default.

Services call :func:`require` before they act, so a role is refused whatever the
screen shows; the UI reads :func:`allowed` from the same table to hide or disable
what a role cannot do.  Each capability adds its actions here together with the
services that check them (a test tries every role × action through the services).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from db.domain import Role
from hallclient.errors import HallError


class Action(enum.StrEnum):
    CHANGE_OWN_PASSWORD = "change_own_password"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    VERIFY_AUDIT = "verify_audit"
    GRANT_APPROVAL = "grant_approval"
    LOOK_UP_FEES = "look_up_fees"
    MANAGE_TARIFF = "manage_tariff"
    ISSUE_TICKETS = "issue_tickets"
    SERVE_CUSTOMERS = "serve_customers"  # call tickets, keep visits, charge, own shift
    RECONCILE_SHIFTS = "reconcile_shifts"  # approve or return shifts, close the hall's day
    VIEW_REPORTS = "view_reports"  # the hall's overview, day reports and exports
    EDIT_SCRIPTS = "edit_scripts"  # service scripts: new versions, import, export
    REFER_MATTERS = "refer_matters"  # hand a matter to a department; see its status
    HANDLE_REFERRALS = "handle_referrals"  # the department's board: acknowledge, close, return
    READ_INFORMANTS = "read_informants"  # who reported gas theft: the auditor only, journaled
    MANAGE_DEPARTMENTS = "manage_departments"  # the department directory and its targets
    MANAGE_LEDGER = "manage_ledger"  # import meter readings, bill them, record outside payments
    RESTORE_RECEIPTS = "restore_receipts"  # upload again, from a counter's journal, lost receipts
    FOLLOW_UP_RATINGS = "follow_up_ratings"  # bad ratings' cases, the monthly rating figures


class ApprovalKind(enum.StrEnum):
    """Privileged actions that need a second person's approval (DESIGN §3.5-3.7)."""

    VOID_RECEIPT = "void_receipt"
    OVER_LIMIT_DIFFERENCE = "over_limit_difference"
    REPRINT_AGAIN = "reprint_again"
    APPROVE_TARIFF = "approve_tariff"
    REOPEN_SHIFT = "reopen_shift"
    WAIVE_LATE_FEE = "waive_late_fee"  # leave out an overdue bill's late fee (违约金)


_MONEY_APPROVERS = frozenset({Role.SHIFT_MANAGER})
APPROVERS: Mapping[ApprovalKind, frozenset[Role]] = {
    # IT apart from money: the administrator approves no void, difference or reprint
    ApprovalKind.VOID_RECEIPT: _MONEY_APPROVERS,
    ApprovalKind.OVER_LIMIT_DIFFERENCE: _MONEY_APPROVERS,
    ApprovalKind.REPRINT_AGAIN: _MONEY_APPROVERS,
    ApprovalKind.REOPEN_SHIFT: _MONEY_APPROVERS,
    ApprovalKind.WAIVE_LATE_FEE: _MONEY_APPROVERS,
    ApprovalKind.APPROVE_TARIFF: frozenset({Role.SHIFT_MANAGER, Role.ADMIN}),
}

_EVERYONE = frozenset({Action.CHANGE_OWN_PASSWORD, Action.LOOK_UP_FEES})

_COUNTER = frozenset({Action.ISSUE_TICKETS, Action.SERVE_CUSTOMERS, Action.REFER_MATTERS})

PERMISSIONS: Mapping[Role, frozenset[Action]] = {
    Role.CLERK: _EVERYONE | _COUNTER,
    Role.SHIFT_MANAGER: _EVERYONE
    | _COUNTER
    | {
        Action.GRANT_APPROVAL,
        Action.VIEW_AUDIT,
        Action.RECONCILE_SHIFTS,
        Action.VIEW_REPORTS,
        Action.FOLLOW_UP_RATINGS,
    },
    Role.DEPARTMENT_STAFF: _EVERYONE | {Action.HANDLE_REFERRALS},
    Role.AUDITOR: _EVERYONE
    | {Action.VIEW_AUDIT, Action.VERIFY_AUDIT, Action.VIEW_REPORTS, Action.READ_INFORMANTS},
    Role.ADMIN: _EVERYONE
    | {
        Action.MANAGE_USERS,
        Action.VIEW_AUDIT,
        Action.VERIFY_AUDIT,
        Action.GRANT_APPROVAL,
        Action.MANAGE_TARIFF,
        Action.EDIT_SCRIPTS,
        Action.MANAGE_DEPARTMENTS,
        Action.MANAGE_LEDGER,
        Action.RESTORE_RECEIPTS,
    },
}


class PermissionDeniedError(HallError):
    def __init__(self, role: Role, action: Action) -> None:
        self.role, self.action = role, action
        super().__init__(f"the {role.value} role may not {action.value.replace('_', ' ')}")


def allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS.get(role, frozenset())


def may_approve(role: Role, kind: ApprovalKind) -> bool:
    """Whether this role approves this kind (and approves at all)."""
    return allowed(role, Action.GRANT_APPROVAL) and role in APPROVERS[kind]


def require(role: Role, action: Action) -> None:
    """Refuse, with :class:`PermissionDeniedError`, an action the role does not have."""
    if not allowed(role, action):
        raise PermissionDeniedError(role, action)
