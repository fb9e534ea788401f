"""Issuing receipts on both databases: numbering, payments, idempotency, the chain."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from db.domain import PaymentMethod, PrintStatus
from db.immutability import unprotect
from db.models.receipts import PrintJob, Receipt
from hallclient.receipts import issue
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.issue import check_request, issue_receipt, stage_receipt
from hallclient.receipts.payment import Tender
from hallclient.receipts.record import GENESIS
from hallclient.receipts.verify import check_all
from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import ACCOUNT_NO, cash_request, open_till


@pytest.fixture
def till(database):
    return open_till(database)


def _count(database, table) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(table))


def test_a_cash_payment_issues_receipt_lines_payment_and_a_pending_job(till):
    cart = till.cart(("G101", "350"), ("S105", "1"))  # tiered gas across two bands
    issued = issue_receipt(till.database, till.clerk, cash_request(cart, tendered="1200"))
    record = issued.record
    assert record.receipt_no == "H01-C01-2026-000001" and record.number == 1
    assert record.total == cart.total == sum(x.amount for x in record.lines)
    basis = [(b.item_code, b.band, b.quantity, b.unit_price) for q in cart.lines for b in q.lines]
    assert [(x.item_code, x.band, x.quantity, x.unit_price) for x in record.lines] == basis
    assert [x.band for x in record.lines] == [1, 2, None]
    assert (record.cash_tendered, record.change) == (Decimal("1200.00"), 1200 - record.total)
    assert (record.account_no, record.customer_name) == (ACCOUNT_NO, "张伟")
    assert record.prev_hash == GENESIS and len(record.hash) == 64
    assert all(line.approval_doc_no.startswith("测价〔2026〕") for line in record.lines)
    with UnitOfWork(till.database) as uow:
        job = uow.session.get(PrintJob, issued.print_job_id)
        assert (job.copy_no, job.status) == (1, PrintStatus.PENDING)
    assert check_all(till.database).ok


def test_split_payment_across_methods_with_references(till):
    cart = till.cart(("S105", "1"), ("M101", "1"))
    tenders = (
        Tender(PaymentMethod.WECHAT, Decimal("200.00"), " 4200001234 "),
        Tender(PaymentMethod.CASH, Decimal("110.00")),
    )
    request = replace(cash_request(cart, tendered="120"), tenders=tenders)
    record = issue_receipt(till.database, till.clerk, request).record
    assert [(p.method, p.amount, p.reference) for p in record.payments] == [
        (PaymentMethod.WECHAT, Decimal("200.00"), "4200001234"),
        (PaymentMethod.CASH, Decimal("110.00"), ""),
    ]
    assert record.change == Decimal("10.00")


@pytest.mark.parametrize(
    ("tenders", "tendered", "problem"),
    [
        ((Tender(PaymentMethod.CASH, Decimal("29.99")),), None, ReceiptProblem.NOT_BALANCED),
        ((Tender(PaymentMethod.CASH, Decimal("30.00")),), "20", ReceiptProblem.SHORT_TENDER),
        ((Tender(PaymentMethod.ALIPAY, Decimal(30)),), "50", ReceiptProblem.TENDER_WITHOUT_CASH),
        ((Tender(PaymentMethod.CASH, Decimal("30.001")),), None, ReceiptProblem.BAD_AMOUNT),
        (
            (Tender(PaymentMethod.CASH, Decimal("-1")), Tender(PaymentMethod.CASH, Decimal("31"))),
            None,
            ReceiptProblem.BAD_AMOUNT,
        ),
        (
            (Tender(PaymentMethod.CASH, Decimal(15)), Tender(PaymentMethod.CASH, Decimal(15))),
            None,
            ReceiptProblem.TWO_CASH_PAYMENTS,
        ),
        (
            (Tender(PaymentMethod.UNIONPAY, Decimal(30), "9" * 65),),
            None,
            ReceiptProblem.BAD_REFERENCE,
        ),
        ((), None, ReceiptProblem.NOT_BALANCED),
    ],
)
def test_bad_payments_are_refused_and_change_nothing(till, tenders, tendered, problem):
    cart = till.cart(("S105", "1"))
    request = replace(
        cash_request(cart), tenders=tenders, cash_tendered=Decimal(tendered) if tendered else None
    )
    with pytest.raises(ReceiptError) as caught:
        issue_receipt(till.database, till.clerk, request)
    assert caught.value.problem is problem
    assert _count(till.database, Receipt) == 0


def test_a_price_not_from_the_pricing_service_is_refused(till):
    cart = till.cart(("S105", "1"))
    quote = cart.lines[0]
    one = Decimal("1.00")
    cheap = replace(quote, amount=one, lines=(replace(quote.lines[0], subtotal=one),))
    for forged in (
        replace(cart, lines=(cheap,)),
        replace(cart, lines=(replace(quote, on=quote.on.replace(day=1)),)),
    ):
        with pytest.raises(TariffError) as caught:
            issue_receipt(till.database, till.clerk, cash_request(forged))
        assert caught.value.problem is TariffProblem.PRICE_CHANGED
    assert _count(till.database, Receipt) == 0


def test_fees_quoted_for_another_account_are_refused(till):
    cart = till.cart(("S105", "1"))  # quoted for ACCOUNT_NO
    for account_no in ("1028100002", ""):  # another account, or a customer without one
        with pytest.raises(ReceiptError) as caught:
            issue_receipt(
                till.database, till.clerk, replace(cash_request(cart), account_no=account_no)
            )
        assert caught.value.problem is ReceiptProblem.MIXED_ACCOUNTS
    assert _count(till.database, Receipt) == 0


def test_an_unknown_account_is_refused(till):
    cart = till.cart(("S105", "1"))
    unknown = replace(cart, lines=tuple(replace(q, account_no="1028199999") for q in cart.lines))
    with pytest.raises(TariffError) as caught:
        issue_receipt(
            till.database, till.clerk, replace(cash_request(unknown), account_no="1028199999")
        )
    assert caught.value.problem is TariffProblem.UNKNOWN_ACCOUNT
    assert _count(till.database, Receipt) == 0


def test_bad_keys_and_empty_carts_are_refused(till):
    cart = till.cart(("S105", "1"))
    for request, problem in (
        (cash_request(cart, key="short"), ReceiptProblem.BAD_KEY),
        (cash_request(cart, key="x" * 20 + "'; --"), ReceiptProblem.BAD_KEY),
        (cash_request(replace(cart, lines=())), ReceiptProblem.EMPTY_CART),
    ):
        with pytest.raises(ReceiptError) as caught:
            issue_receipt(till.database, till.clerk, request)
        assert caught.value.problem is problem


def test_the_same_payment_sent_again_returns_the_same_receipt(till):
    request = cash_request(till.cart(("S105", "1")))
    first = issue_receipt(till.database, till.clerk, request)
    again = issue_receipt(till.database, till.clerk, request)
    assert (again.replayed, again.record, again.print_job_id) == (
        True,
        first.record,
        first.print_job_id,
    )
    assert _count(till.database, Receipt) == 1 and _count(till.database, PrintJob) == 1
    other = replace(
        request, cart=till.cart(("S105", "2")), tenders=(Tender(PaymentMethod.CASH, Decimal(60)),)
    )
    same_total = replace(request, tenders=(Tender(PaymentMethod.WECHAT, Decimal(30)),))
    for reused in (other, same_total):  # never someone else's receipt for a reused key
        with pytest.raises(ReceiptError) as caught:
            issue_receipt(till.database, till.clerk, reused)
        assert caught.value.problem is ReceiptProblem.KEY_REUSED


def _counting_settles(monkeypatch) -> list[object]:
    """Count the calls of the real ``settle`` made by issuing (it still runs)."""
    settled: list[object] = []
    real = issue.settle

    def counted(*args):
        settled.append(real(*args))
        return settled[-1]

    monkeypatch.setattr(issue, "settle", counted)
    return settled


def test_a_payment_is_settled_once_when_issued_replayed_or_refused(sqlite_database, monkeypatch):
    till = open_till(sqlite_database)
    request = cash_request(till.cart(("S105", "1")))
    settled = _counting_settles(monkeypatch)
    first = issue_receipt(till.database, till.clerk, request)
    assert len(settled) == 1 and settled[0].tenders == request.tenders
    again = issue_receipt(till.database, till.clerk, request)  # checks the stored payment
    assert again.replayed and again.record == first.record and len(settled) == 2
    reused = replace(request, tenders=(Tender(PaymentMethod.WECHAT, Decimal(30)),))
    with pytest.raises(ReceiptError) as caught:
        issue_receipt(till.database, till.clerk, reused)
    assert caught.value.problem is ReceiptProblem.KEY_REUSED and len(settled) == 3


def test_a_concurrent_commit_of_the_key_is_replayed_with_the_one_settlement(
    sqlite_database, monkeypatch
):
    """The key committed by another attempt after this one looked: the insert fails on the
    key, and the replay compares the stored receipt with the settlement made at the start."""
    till = open_till(sqlite_database)
    request = cash_request(till.cart(("S105", "1")))
    first = issue_receipt(till.database, till.clerk, request)
    real, looked = issue._by_key, []

    def not_yet_committed(uow, request, settlement):
        looked.append(settlement)
        return None if len(looked) == 1 else real(uow, request, settlement)

    monkeypatch.setattr(issue, "_by_key", not_yet_committed)
    settled = _counting_settles(monkeypatch)
    again = issue_receipt(till.database, till.clerk, request)
    assert again.replayed and again.record == first.record
    assert len(settled) == 1 and len(looked) == 2
    assert all(settlement is settled[0] for settlement in looked)
    assert _count(till.database, Receipt) == 1


def test_an_aborted_issuance_leaves_no_gap(till):
    cart = till.cart(("S105", "1"))
    request = cash_request(cart)
    with UnitOfWork(till.database, write=True) as uow:
        assert stage_receipt(uow, till.clerk, request, check_request(request)).record.number == 1
    numbers = [
        issue_receipt(till.database, till.clerk, cash_request(cart)).record.number for _ in range(3)
    ]
    assert numbers == [1, 2, 3]
    assert check_all(till.database).ok


def test_each_counter_numbers_and_chains_its_own_series(till):
    other = till.context(counter="C02")
    cart = till.cart(("S105", "1"))
    a = issue_receipt(till.database, till.clerk, cash_request(cart)).record
    b = issue_receipt(till.database, other, cash_request(cart)).record
    assert (a.receipt_no, b.receipt_no) == ("H01-C01-2026-000001", "H01-C02-2026-000001")
    assert b.prev_hash == GENESIS
    checks = check_all(till.database).series
    assert [(c.series, c.receipts, c.fault) for c in checks] == [
        ("H01-C01-2026", 1, None),
        ("H01-C02-2026", 1, None),
    ]


def test_issued_receipts_cannot_be_changed_or_deleted(till):
    issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))
    statements = (
        "UPDATE receipts SET total = 1",
        "DELETE FROM receipts",
        "UPDATE receipt_lines SET amount = 1",
        "DELETE FROM receipt_payments",
    )
    for statement in statements:
        with pytest.raises(Exception, match="append-only"), till.database.engine.begin() as conn:
            conn.execute(text(statement))


def _issue_three(till):
    cart = till.cart(("S105", "1"))
    return [issue_receipt(till.database, till.clerk, cash_request(cart)).record for _ in range(3)]


def test_the_verifier_names_a_changed_amount(till):
    _issue_three(till)
    with till.database.engine.begin() as conn:
        unprotect(conn, "receipt_lines")
        conn.execute(text("UPDATE receipt_lines SET amount = 100 WHERE receipt_id = 2"))
    verification = check_all(till.database)
    assert verification.first_fault == "H01-C01-2026-000002: contents do not match the hash"


def test_the_verifier_catches_a_gap(till):
    """The negative control: a receipt removed from the middle is found."""
    _issue_three(till)
    with till.database.engine.begin() as conn:
        for table in ("receipts", "receipt_lines", "receipt_payments"):
            unprotect(conn, table)
        conn.execute(text("DELETE FROM print_jobs WHERE receipt_id = 2"))
        for table in ("receipt_lines", "receipt_payments"):
            conn.execute(text(f"DELETE FROM {table} WHERE receipt_id = 2"))
        conn.execute(text("DELETE FROM receipts WHERE id = 2"))
    fault = check_all(till.database).first_fault
    assert fault == "H01-C01-2026-000003: number 2 missing (found 3)"


def test_the_verifier_catches_a_rewritten_tail(till):
    """The last receipt rewritten with a fresh, valid hash disagrees with the series head."""
    records = _issue_three(till)
    forged = replace(records[2], customer_name="李四").sealed()
    with till.database.engine.begin() as conn:
        unprotect(conn, "receipts")
        conn.execute(
            text("UPDATE receipts SET customer_name = '李四', hash = :h WHERE number = 3"),
            {"h": forged.hash},
        )
    fault = check_all(till.database).first_fault
    assert fault is not None and fault.startswith("H01-C01-2026: series row says 3 receipts")
