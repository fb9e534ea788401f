"""Two counters closing while a third is still issuing, on PostgreSQL (issue 7).

Every receipt must be in exactly one shift, and a close's frozen figures must hold
exactly the receipts of its shift: a payment racing the close is either counted in
it or refused because the shift has closed, never issued into a closed shift.
"""

from __future__ import annotations

import itertools
import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from db.domain import PaymentMethod
from db.models.receipts import Receipt, ReceiptPayment
from hallclient.receipts.issue import issue_receipt
from hallclient.shifts import service as shifts
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import FLOAT, cash_request, open_till

COUNTERS = ("C01", "C02", "C03")


def _issue_until_closed(database, context, cart, issued: list[str], stop: threading.Event):
    while not stop.is_set():
        try:
            issued.append(issue_receipt(database, context, cash_request(cart)).record.receipt_no)
        except ShiftError as error:
            assert error.problem is ShiftProblem.NO_OPEN_SHIFT
            return


def _close_when(database, context, issued: list[str], after: int, result: list):
    while len(issued) < after:
        time.sleep(0.005)
    result.append(shifts.close_shift(database, context, FLOAT, {}, Decimal(10**9)))


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_every_receipt_is_in_exactly_one_shift(database):
    till = open_till(database)
    cart = till.cart(("S105", "1"))
    contexts = [till.context(counter=code) for code in COUNTERS]
    issued: dict[str, list[str]] = {code: [] for code in COUNTERS}
    stop, closes = threading.Event(), []
    issuers = [
        threading.Thread(
            target=_issue_until_closed, args=(database, context, cart, issued[code], stop)
        )
        for code, context in zip(COUNTERS, contexts, strict=True)
    ]
    closers = [
        threading.Thread(
            target=_close_when,
            args=(database, contexts[n], issued[COUNTERS[n]], 40 + 20 * n, closes),
        )
        for n in (0, 1)
    ]
    for thread in issuers + closers:
        thread.start()
    for thread in closers:
        thread.join()
    time.sleep(0.2)  # the third counter goes on issuing after both closes
    stop.set()
    for thread in issuers:
        thread.join()
    _assert_each_receipt_in_its_shift(database, issued, closes)


def _assert_each_receipt_in_its_shift(database, issued, closes):
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(
            select(Receipt.receipt_no, Receipt.counter_code, Receipt.shift_id)
        ).all()
        by_shift = dict(
            uow.session.execute(
                select(Receipt.shift_id, func.sum(ReceiptPayment.amount))
                .select_from(ReceiptPayment)
                .join(Receipt, Receipt.id == ReceiptPayment.receipt_id)
                .where(ReceiptPayment.method == PaymentMethod.CASH)
                .group_by(Receipt.shift_id)
            ).all()
        )
    assert sorted(no for no, _, _ in rows) == sorted(itertools.chain(*issued.values()))
    shift_of_counter = {}
    for _no, counter, shift_id in rows:
        assert shift_id is not None
        assert shift_of_counter.setdefault(counter, shift_id) == shift_id  # one shift a counter
    for z in closes:
        cash = z.tallies[0]
        assert cash.method is PaymentMethod.CASH
        assert cash.expected == z.shift.opening_float + by_shift[z.shift.id]
        assert z.figures.receipts == len(issued[z.shift.counter_code])
    assert len(issued["C03"]) > max(len(issued["C01"]), len(issued["C02"]))
