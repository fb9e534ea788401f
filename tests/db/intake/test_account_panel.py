"""The account panel beside a visit: the account, its recent visits and its payments."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from db.domain import Role
from db.models.receipts import Receipt
from hallclient.access.approvals import ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.intake import service as intake
from hallclient.intake import visits
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.void import void_receipt
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import ACCOUNT_NO, cash_request, open_till
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD


def test_the_panel_shows_the_latest_payments_and_which_were_voided(database):
    till = open_till(database)
    visit = visits.start_walk_in(database, till.clerk)
    visits.set_account(database, till.clerk, visit.id, ACCOUNT_NO)
    cart = till.cart(("S105", "1"))
    first = issue_receipt(database, till.clerk, replace(cash_request(cart), visit_id=visit.id))
    till.clock.advance(timedelta(minutes=5))
    second = issue_receipt(database, till.clerk, cash_request(till.cart(("S105", "2"))))
    request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, first.record.receipt_no, "重复缴费")
    grant = grant_approval(database, till.clerk, request, EMPLOYEE_NO[Role.SHIFT_MANAGER], PASSWORD)
    void_receipt(database, till.clerk, first.record.receipt_no, "重复缴费", grant.approval_id)
    panel = intake.account_panel(database, till.clerk, ACCOUNT_NO)
    assert [(p.receipt_no, p.total, p.voided) for p in panel.recent_payments] == [
        (second.record.receipt_no, Decimal("60.00"), False),
        (first.record.receipt_no, Decimal("30.00"), True),
    ]
    assert len(panel.recent_visits) == 1
    with UnitOfWork(database) as uow:  # the receipt hangs on the visit
        linked = uow.session.scalar(select(Receipt.visit_id).where(Receipt.number == 1))
    assert linked == visit.id
