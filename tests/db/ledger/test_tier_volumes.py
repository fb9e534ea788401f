"""The tier year's volume: every purchase of tiered gas advances it, a void takes the
newest back, two lines of one cart chain, and the year rolls over."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from db.domain import Role
from hallclient.access.approvals import ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.verify import check_volumes
from hallclient.ledger.volumes import read_volumes
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.void import void_receipt
from hallclient.uow import UnitOfWork
from tests.db.ledger_helpers import TIER_YEAR
from tests.db.receipt_helpers import ACCOUNT_NO, cash_request, open_till
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD


@pytest.fixture
def till(database):
    return open_till(database)  # 张伟: household of 5 (limits 360 / 720), 250 m³ used


def _bands(record):
    return [(line.band, line.quantity) for line in record.lines]


def _used(till, year=TIER_YEAR) -> Decimal:
    with UnitOfWork(till.database) as uow:
        return read_volumes(uow, ACCOUNT_NO).used(year)


def _buy(till, *volumes: str):
    cart = till.cart(*(("G101", v) for v in volumes))
    return issue_receipt(till.database, till.clerk, cash_request(cart)).record


def _void(till, receipt_no: str):
    request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, receipt_no, "顾客退气")
    manager = EMPLOYEE_NO[Role.SHIFT_MANAGER]
    grant = grant_approval(till.database, till.clerk, request, manager, PASSWORD)
    return void_receipt(till.database, till.clerk, receipt_no, "顾客退气", grant.approval_id)


def test_three_purchases_climb_the_bands_instead_of_repeating_the_first_split(till):
    first, second, third = (_buy(till, "250") for _ in range(3))
    assert _bands(first) == [(1, 110), (2, 140)]
    assert _bands(second) == [(2, 220), (3, 30)]
    assert _bands(third) == [(3, 250)]
    assert [line.used_before for line in third.lines] == [Decimal(750)]
    assert _used(till) == Decimal(1000)
    assert check_volumes(till.database).ok


def test_two_tiered_lines_of_one_cart_chain(till):
    record = _buy(till, "100", "100")
    assert _bands(record) == [(1, 100), (1, 10), (2, 90)]
    assert {line.cart_line: line.used_before for line in record.lines} == {1: 250, 2: 350}
    assert _used(till) == Decimal(450)


def test_a_void_takes_the_newest_gas_back_and_reopens_its_room_in_the_bands(till):
    first = _buy(till, "100")
    second = _buy(till, "50")
    with pytest.raises(LedgerError) as caught:
        _void(till, first.receipt_no)
    assert caught.value.problem is LedgerProblem.NOT_ON_TOP
    assert caught.value.detail == second.receipt_no  # void that one first
    _void(till, second.receipt_no)
    _void(till, first.receipt_no)
    assert _used(till) == Decimal(250)
    assert _bands(_buy(till, "110")) == [(1, 110)]
    assert check_volumes(till.database).ok


def test_a_quote_made_before_another_purchase_is_refused_as_stale(till):
    stale = till.cart(("G101", "100"))
    _buy(till, "100")
    with pytest.raises(LedgerError) as caught:
        issue_receipt(till.database, till.clerk, cash_request(stale))
    assert caught.value.problem is LedgerProblem.TIER_VOLUME_CHANGED
    assert _used(till) == Decimal(350)


def test_the_tier_year_rolls_over_on_its_first_day(till):
    till.clock.advance(dt.datetime(2027, 1, 1, 2, 0, tzinfo=dt.UTC) - till.clock.now())
    till.context(Role.CLERK)
    record = _buy(till, "30")
    assert _bands(record) == [(1, 30)]
    assert record.lines[0].tier_year == dt.date(2027, 1, 1)
    assert (_used(till), _used(till, dt.date(2027, 1, 1))) == (Decimal(250), Decimal(30))
