"""Generated from the permission table: every role × action, through the services.

Exactly the pairs the table allows succeed; every other pair is refused by the
service itself, whatever a screen would show.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from db.domain import Role, Urgency
from db.engine import Database
from hallclient.access import journal, users
from hallclient.access.approvals import (
    ApprovalError,
    ApprovalProblem,
    ApprovalRequest,
    grant_approval,
)
from hallclient.access.permissions import PERMISSIONS, Action, ApprovalKind, PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.context import Context, CurrentUser
from hallclient.intake import queue
from hallclient.ledger.billing import run_billing
from hallclient.ratings.monthly import monthly_ratings
from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.journal_restore import restore_from_counter
from hallclient.referrals import directory, informants
from hallclient.referrals import service as referrals
from hallclient.referrals.service import NewReferral
from hallclient.scripts import service as script_service
from hallclient.shifts import manager
from hallclient.shifts import service as shifts
from hallclient.tariff import pricing, schedules
from tests.db.intake_helpers import install_reference_data
from tests.db.script_helpers import default_scripts
from tests.db.security_helpers import PASSWORD, START, add_users, context_for
from tests.db.tariff_helpers import TARIFF, header

Invoker = Callable[[Database, Context, dict[Role | str, CurrentUser]], object]
_counter = itertools.count(100)


def _change_password(database, context, _users):
    return users.change_own_password(database, context, PASSWORD, "Another-Pass-9")


def _manage_users(database, context, _users):
    return users.add_user(
        database, context, f"N{next(_counter)}", "新同事", "clerk", "Fresh-Pass-8"
    )


def _view_audit(database, context, _users):
    return journal.view_journal(database, context)


def _verify_audit(database, context, _users):
    return journal.verify_journal(database, context)


def _grant_approval(database, context, all_users):
    """The acting role is the approver's; another clerk asks for the approval (of a
    tariff: the kind both approving roles approve; money kinds are in test_approvals)."""
    requester = context_for(all_users["requester"], context.clock)
    request = ApprovalRequest(ApprovalKind.APPROVE_TARIFF, "SCHEDULE-1", "新收费标准")
    try:
        return grant_approval(database, requester, request, context.user.employee_no, PASSWORD)
    except ApprovalError as error:
        assert error.problem is ApprovalProblem.NOT_AN_APPROVER
        raise PermissionDeniedError(context.user.role, Action.GRANT_APPROVAL) from error


def _look_up_fees(database, context, _users):
    return pricing.pricer(database, context)


def _manage_tariff(database, context, _users):
    return schedules.create_draft(database, context, header(), TARIFF, "permission-table.csv")


def _issue_tickets(database, context, _users):
    install_reference_data(database)
    return queue.issue_ticket(database, context, "payment")


def _serve_customers(database, context, _users):
    return queue.call_next(database, context)


def _reconcile_shifts(database, context, all_users):
    return manager.approve_shift(database, context, _submitted_shift(database, context, all_users))


def _submitted_shift(database, context, all_users):
    """A clerk's shift at another counter, opened and closed (as the requester)."""
    clerk = context_for(all_users["requester"], context.clock)
    clerk = replace(clerk, where=replace(clerk.where, counter_code=f"P{next(_counter)}"))
    shifts.open_shift(database, clerk, {})
    return shifts.close_shift(database, clerk, {}, {}, Decimal(0)).shift.id


def _view_reports(database, context, _users):
    return manager.hall_day(database, context)


def _refer_matters(database, context, _users):
    install_reference_data(database)
    matter = NewReferral("billing", Urgency.NORMAL, "发票抬头需要更正，客户要求重开")
    return referrals.refer(database, context, matter)


def _handle_referrals(database, context, _users):
    return referrals.board(
        database, replace(context, user=replace(context.user, department_code="billing"))
    )


def _read_informants(database, context, _users):
    return informants.read_informant(database, context, 1)  # none stored: None, but checked


def _manage_departments(database, context, _users):
    return directory.department_entries(database, context)


def _edit_scripts(database, context, _users):
    return script_service.export_set(database, context, default_scripts())


def _manage_ledger(database, context, _users):
    return run_billing(database, context, due_days=15)


def _restore_receipts(database, context, _users):
    return restore_from_counter(database, context, CounterJournal.of(database))


def _follow_up_ratings(database, context, _users):
    return monthly_ratings(database, context, 2026, 11)


INVOKERS: dict[Action, Invoker] = {
    Action.CHANGE_OWN_PASSWORD: _change_password,
    Action.MANAGE_USERS: _manage_users,
    Action.VIEW_AUDIT: _view_audit,
    Action.VERIFY_AUDIT: _verify_audit,
    Action.GRANT_APPROVAL: _grant_approval,
    Action.LOOK_UP_FEES: _look_up_fees,
    Action.MANAGE_TARIFF: _manage_tariff,
    Action.ISSUE_TICKETS: _issue_tickets,
    Action.SERVE_CUSTOMERS: _serve_customers,
    Action.RECONCILE_SHIFTS: _reconcile_shifts,
    Action.VIEW_REPORTS: _view_reports,
    Action.EDIT_SCRIPTS: _edit_scripts,
    Action.REFER_MATTERS: _refer_matters,
    Action.HANDLE_REFERRALS: _handle_referrals,
    Action.READ_INFORMANTS: _read_informants,
    Action.MANAGE_DEPARTMENTS: _manage_departments,
    Action.MANAGE_LEDGER: _manage_ledger,
    Action.RESTORE_RECEIPTS: _restore_receipts,
    Action.FOLLOW_UP_RATINGS: _follow_up_ratings,
}


def test_every_action_has_an_invoker():
    assert set(INVOKERS) == set(Action)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", list(Role))
def test_role_action_pair_through_the_service(database, role, action):
    all_users = add_users(database)
    context = context_for(all_users[role], FixedClock(START))
    if action in PERMISSIONS[role]:
        INVOKERS[action](database, context, all_users)
    else:
        with pytest.raises(PermissionDeniedError):
            INVOKERS[action](database, context, all_users)
