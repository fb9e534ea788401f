"""A payment for a visit is for the visit's account; another account needs the visit
changed first, and the change is journaled on the visit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from db.models.receipts import Receipt
from hallclient.intake import visits
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.issue import issue_receipt
from hallclient.uow import UnitOfWork
from tests.db.ledger_helpers import add_ledger_account
from tests.db.receipt_helpers import ACCOUNT_NO, cash_request, open_till
from tests.db.security_helpers import journal

OTHER_ACCOUNT = "1028100002"


def _receipts(database) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(Receipt)) or 0


@pytest.fixture
def till(database):
    till = open_till(database)
    add_ledger_account(database, account_no=OTHER_ACCOUNT, meter_no="M2", name="李娜")
    return till


def test_another_account_than_the_visits_is_refused_and_nothing_is_written(database, till):
    visit = visits.start_walk_in(database, till.clerk)
    visits.set_account(database, till.clerk, visit.id, OTHER_ACCOUNT)
    request = replace(cash_request(till.cart(("S105", "1"))), visit_id=visit.id)
    with pytest.raises(ReceiptError) as refused:
        issue_receipt(database, till.clerk, request)
    assert refused.value.problem is ReceiptProblem.NOT_THE_VISITS_ACCOUNT
    assert refused.value.detail == OTHER_ACCOUNT  # the refusal names the visit's account
    assert _receipts(database) == 0


def test_after_the_visits_account_is_changed_the_payment_goes_through(database, till):
    visit = visits.start_walk_in(database, till.clerk)
    visits.set_account(database, till.clerk, visit.id, OTHER_ACCOUNT)
    visits.set_account(database, till.clerk, visit.id, ACCOUNT_NO)
    request = replace(cash_request(till.cart(("S105", "1"))), visit_id=visit.id)
    issued = issue_receipt(database, till.clerk, request)
    assert issued.record.account_no == ACCOUNT_NO
    changes = [entry for entry in journal(database) if entry[1] == "visit.account_changed"]
    assert changes == [(till.clerk.user.employee_no, "visit.account_changed", str(visit.id))]


def test_taking_the_first_account_or_the_same_again_journals_nothing(database, till):
    visit = visits.start_walk_in(database, till.clerk)
    visits.set_account(database, till.clerk, visit.id, ACCOUNT_NO)
    visits.set_account(database, till.clerk, visit.id, ACCOUNT_NO)
    assert "visit.account_changed" not in [entry[1] for entry in journal(database)]


def test_a_visit_without_an_account_takes_any_payment(database, till):
    visit = visits.start_walk_in(database, till.clerk)
    request = replace(cash_request(till.cart(("S105", "1"))), visit_id=visit.id)
    assert issue_receipt(database, till.clerk, request).record.account_no == ACCOUNT_NO
