"""Payments by any method, voids with a manager's approval, and closes, for the shift tests."""

from __future__ import annotations

from decimal import Decimal

from db.domain import PaymentMethod, Role
from hallclient.access.approvals import ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.context import Context
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import Issued, PaymentRequest, issue_receipt
from hallclient.receipts.payment import Tender
from hallclient.receipts.void import void_receipt
from hallclient.shifts import service as shifts
from tests.db.receipt_helpers import ACCOUNT_NO, Till, cash_request
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD

MANAGER_NO = EMPLOYEE_NO[Role.SHIFT_MANAGER]
LIMIT = Decimal("10.00")


def pay(till: Till, context: Context, cart: Cart, method: PaymentMethod) -> Issued:
    if method is PaymentMethod.CASH:
        return issue_receipt(till.database, context, cash_request(cart))
    request = cash_request(cart)
    tender = Tender(method, cart.total, "REF-1")
    return issue_receipt(
        till.database, context, PaymentRequest(request.key, cart, (tender,), account_no=ACCOUNT_NO)
    )


def approve(till: Till, context: Context, kind: ApprovalKind, object_ref: str) -> int:
    request = ApprovalRequest(kind, object_ref, "值班长已核实")
    return grant_approval(till.database, context, request, MANAGER_NO, PASSWORD).approval_id


def void(till: Till, context: Context, receipt_no: str) -> Issued:
    approval = approve(till, context, ApprovalKind.VOID_RECEIPT, receipt_no)
    return void_receipt(till.database, context, receipt_no, "顾客重复缴费", approval)


def close_exact(till: Till, context: Context, cash: dict[Decimal, int]) -> shifts.ShiftReading:
    """Close with the cash ``cash`` and every non-cash method declared as expected."""
    x = shifts.reading(till.database, context)
    declared = {
        m.method: shifts.Declared(m.expected, m.expected_count)
        for m in x.figures.methods
        if m.method is not PaymentMethod.CASH
    }
    return shifts.close_shift(till.database, context, cash, declared, LIMIT)
