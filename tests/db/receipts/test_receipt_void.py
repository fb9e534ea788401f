"""Voiding a receipt: a manager's approval, a reversing record, the original intact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from db.domain import PaymentMethod, ReceiptKind, Role
from hallclient.access.approvals import ApprovalError, ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.printing.layout import Paper, plain_lines
from hallclient.printing.receipt_layout import Copy, receipt_layout
from hallclient.receipts import jobs
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.verify import check_all
from hallclient.receipts.void import void_receipt
from tests.db.receipt_helpers import cash_request, open_till
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD, journal
from tests.printing.samples import HEADING, PLACE


@pytest.fixture
def till(database):
    return open_till(database)


def _grant(till, receipt_no: str) -> int:
    request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, receipt_no, "顾客重复缴费")
    manager = EMPLOYEE_NO[Role.SHIFT_MANAGER]
    return grant_approval(till.database, till.clerk, request, manager, PASSWORD).approval_id


def test_a_void_reverses_the_receipt_and_leaves_it_intact(till):
    original = issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))
    number = original.record.receipt_no
    void = void_receipt(till.database, till.clerk, number, "顾客重复缴费", _grant(till, number))
    record = void.record
    assert (record.kind, record.voids_receipt_no, record.number) == (ReceiptKind.VOID, number, 2)
    assert record.total == Decimal("-30.00")
    assert [(p.method, p.amount) for p in record.payments] == [
        (PaymentMethod.CASH, Decimal("-30.00"))
    ]
    assert record.approved_by == EMPLOYEE_NO[Role.SHIFT_MANAGER]
    assert check_all(till.database).ok  # the original's hash still verifies
    slip = [
        line.strip()
        for line in plain_lines(receipt_layout(record, PLACE, HEADING, Paper.MM58, Copy()))
    ]
    assert "作废凭证" in slip and f"作废票据：{number}" in slip
    content = jobs.job_content(till.database, till.clerk, original.print_job_id)
    assert (
        content.record == original.record and content.voided
    )  # a reprint of the original reads 作废
    assert "receipt.void" in [action for _, action, _ in journal(till.database)]


def test_no_void_without_an_approval_for_that_receipt(till):
    first, second = (
        issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1")))).record
        for _ in range(2)
    )
    grant = _grant(till, first.receipt_no)
    with pytest.raises(ApprovalError):
        void_receipt(till.database, till.clerk, second.receipt_no, "错收", grant)
    done = void_receipt(till.database, till.clerk, first.receipt_no, "错收", grant)
    again_grant = _grant(till, first.receipt_no)
    again = void_receipt(till.database, till.clerk, first.receipt_no, "错收", again_grant)
    assert again.replayed and again.record == done.record  # one void per receipt, ever
    assert check_all(till.database).series[0].receipts == 3
    with pytest.raises(ReceiptError) as caught:
        void_receipt(till.database, till.clerk, done.record.receipt_no, "错收", again_grant)
    assert caught.value.problem is ReceiptProblem.NOT_VOIDABLE  # a void is not voided
