"""Issuing a receipt: one transaction for the receipt, its lines, payments, chain link
and pending print job (DESIGN §5).

The number comes from the series row (a counter's year), locked in the same
transaction: ``SELECT … FOR UPDATE`` on PostgreSQL, the write lock of ``BEGIN
IMMEDIATE`` on SQLite.  A rollback therefore never leaves a gap, and the row also
carries the chain head, so each counter's chain grows without waiting for the others.
The client makes an idempotency key per payment and sends it again after an unknown
outcome (a timeout, a dropped connection, a crash): the key is checked after the
series lock, so a replay finds the receipt its first attempt committed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from db.domain import ReceiptKind
from db.engine import Database
from db.models import Visit
from db.models.receipts import PrintJob, Receipt
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ledger.bills import confirm_bills
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.rules import tier_deltas
from hallclient.ledger.volumes import add_volumes
from hallclient.receipts.cart import Cart
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.journal_codec import JournalEntry
from hallclient.receipts.numbering import (
    advance_series,
    locked_series,
    next_record,
    series_code,
)
from hallclient.receipts.payment import Settlement, Tender, settle
from hallclient.receipts.record import PaymentRecord, ReceiptRecord, lines_from_quotes
from hallclient.receipts.store import add_first_print_job, add_receipt, load_record
from hallclient.shifts.service import shift_id_for_receipt
from hallclient.tariff.pricing import AccountFacts, confirm_all, load_named_account, load_pricer
from hallclient.tariff.rules import Quote
from hallclient.text_input import clean_code, clean_text
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
MAX_CART_LINES = 40
_KEY = re.compile(r"[0-9A-Za-z-]{16,64}")
# built once: these run for every receipt, and building a statement costs more than sending it
_BY_KEY = select(Receipt.id).where(Receipt.idempotency_key == bindparam("key"))


@dataclass(frozen=True)
class PaymentRequest:
    """What the counter sends to be charged; ``key`` is made once per payment (uuid4)."""

    key: str
    cart: Cart
    tenders: tuple[Tender, ...]
    cash_tendered: Decimal | None = None
    account_no: str = ""
    customer_name: str = ""  # for a customer without an account
    visit_id: int | None = None


@dataclass(frozen=True)
class Issued:
    record: ReceiptRecord
    print_job_id: int
    replayed: bool  # the key had already been charged: this is that receipt
    key: str = ""  # the row's idempotency key, visit and shift: what the counter's journal keeps
    visit_id: int | None = None
    shift_id: int | None = None

    def journal_entry(self) -> JournalEntry:
        return JournalEntry(self.record, self.key, self.visit_id, self.shift_id)


def issue_receipt(
    database: Database,
    context: Context,
    request: PaymentRequest,
    journal: CounterJournal | None = None,
) -> Issued:
    """Charge the cart: the receipt, or a refusal that changed nothing.

    With the counter's ``journal`` the series is checked against it before a number is
    drawn, and the receipt is kept in it once its commit is confirmed.
    """
    context.require(Action.SERVE_CUSTOMERS)
    settlement = check_request(request)
    try:
        issued = run_write(
            database, lambda uow: _issue_and_commit(uow, context, request, settlement, journal)
        )
    except IntegrityError as error:  # the same key committed by another attempt meanwhile
        log.warning("payment %s: replay after a concurrent commit (%s)", request.key, error.orig)
        issued = run_write(database, lambda uow: _replay(uow, request, settlement))
    if journal is not None:
        journal.append(issued.journal_entry())
    return issued


def check_request(request: PaymentRequest) -> Settlement:
    """The request's refusals that need no database; how it is paid (settled once here)."""
    if not _KEY.fullmatch(request.key):
        raise ReceiptError(ReceiptProblem.BAD_KEY)
    if not request.cart.lines or len(request.cart.lines) > MAX_CART_LINES:
        raise ReceiptError(ReceiptProblem.EMPTY_CART, str(len(request.cart.lines)))
    return settle(request.cart.total, request.tenders, request.cash_tendered)


def _issue_and_commit(
    uow: UnitOfWork,
    context: Context,
    request: PaymentRequest,
    settlement: Settlement,
    journal: CounterJournal | None,
) -> Issued:
    issued = stage_receipt(uow, context, request, settlement, journal)
    if not issued.replayed:
        uow.commit()
        log.info("receipt %s issued: %s", issued.record.receipt_no, issued.record.total)
    return issued


def stage_receipt(
    uow: UnitOfWork,
    context: Context,
    request: PaymentRequest,
    settlement: Settlement,
    journal: CounterJournal | None = None,
) -> Issued:
    """Everything of an issuance but the commit: the number is drawn and the rows written.

    ``settlement`` is the request's, from :func:`check_request`.  Rolling back (which
    the unit of work does unless committed) leaves no trace, not even a used number;
    tests abort here on purpose.  The receipt goes into the clerk's open shift, locked
    after the series (the order every issuer keeps), so a close either counts it or the
    charge is refused.
    """
    series = locked_series(uow, series_code(context))
    if (replayed := _by_key(uow, request, settlement)) is not None:
        return replayed
    if journal is not None:
        journal.check_series(uow, series)
    shift_id = shift_id_for_receipt(uow, context)
    account_no, customer, known = _customer(uow, request)
    quotes = _confirmed(uow, context, request.cart, known.get(account_no))
    _check_visit(uow, context, request.visit_id, account_no)
    record = next_record(
        series,
        context,
        ReceiptKind.SALE,
        account_no=account_no,
        customer_name=customer,
        total=sum((q.amount for q in quotes), Decimal("0.00")),
        cash_tendered=settlement.cash_tendered,
        change=settlement.change,
        lines=lines_from_quotes(quotes),
        payments=_payments(settlement),
    )
    receipt_id = add_receipt(uow, record, request.key, request.visit_id, shift_id)
    job_id = add_first_print_job(uow, context, receipt_id)
    add_volumes(uow, account_no, tier_deltas(quotes))
    advance_series(uow, series.code, record.number, record.hash)
    return Issued(record, job_id, False, request.key, request.visit_id, shift_id)


def _confirmed(
    uow: UnitOfWork, context: Context, cart: Cart, account: AccountFacts | None
) -> list[Quote]:
    """The cart's lines confirmed in its order: tariff quotes re-priced (tiered ones chained
    from the account's locked volumes), bills checked open, oldest first, with late fees."""
    today = context.today()
    purchases = [q for q in cart.lines if q.bill_no is None]
    priced = iter(
        confirm_all(uow, purchases, today, {account.account_no: account} if account else None)
    )
    billed: Iterator[Quote] = iter(())
    if len(purchases) < len(cart.lines):
        if account is None:
            raise LedgerError(LedgerProblem.UNKNOWN_ACCOUNT, "")
        pricer = load_pricer(uow, today)
        bill_quotes = [q for q in cart.lines if q.bill_no]
        billed = iter(confirm_bills(uow, context, pricer, account, bill_quotes, cart.waivers))
    elif cart.waivers:
        raise LedgerError(LedgerProblem.NOTHING_TO_WAIVE, cart.waivers[0].bill_no)
    return [next(billed) if q.bill_no else next(priced) for q in cart.lines]


def _by_key(uow: UnitOfWork, request: PaymentRequest, settlement: Settlement) -> Issued | None:
    """The receipt this key already paid for, if any (only its id is read in the usual case)."""
    receipt_id = uow.connection.scalar(_BY_KEY, {"key": request.key})
    if receipt_id is None:
        return None
    receipt = uow.session.get(Receipt, receipt_id)
    assert receipt is not None
    record = load_record(uow, receipt)
    if not _same_payment(record, request, settlement):
        raise ReceiptError(ReceiptProblem.KEY_REUSED, record.receipt_no)
    job_id = uow.session.scalar(
        select(PrintJob.id).where(PrintJob.receipt_id == receipt.id, PrintJob.copy_no == 1)
    )
    assert job_id is not None
    return Issued(record, job_id, True, receipt.idempotency_key, receipt.visit_id, receipt.shift_id)


def _same_payment(record: ReceiptRecord, request: PaymentRequest, settled: Settlement) -> bool:
    """Is the stored receipt this very payment (account, items, quantities, payments)?

    A key sent again must come with the same payment; anything else -- the next
    customer's cart after an unconfirmed attempt -- is refused, never answered with
    someone else's receipt.
    """
    items = [(q.item_code, q.quantity, q.bill_no) for q in request.cart.lines]
    stored: dict[int, tuple[str, Decimal, str | None]] = {}
    for line in record.lines:
        code, quantity, bill = stored.get(
            line.cart_line, (line.item_code, Decimal(0), line.bill_no)
        )
        stored[line.cart_line] = (code, quantity + line.quantity, bill)
    return (
        record.total == request.cart.total
        and record.account_no == clean_code(request.account_no, "account_no", 20)
        and [stored[n] for n in sorted(stored)] == items
        and list(record.payments) == list(_payments(settled))
    )  # the cash handed over may differ: what was charged, and how, is what counts


def _replay(uow: UnitOfWork, request: PaymentRequest, settlement: Settlement) -> Issued:
    issued = _by_key(uow, request, settlement)
    if issued is None:
        raise ReceiptError(ReceiptProblem.KEY_REUSED, "")  # not a receipt number: nothing to name
    return issued


def _customer(uow: UnitOfWork, request: PaymentRequest) -> tuple[str, str, dict[str, AccountFacts]]:
    """The account number and holder's name on the receipt, and the account's pricing facts
    (read in the same query, so that confirming the quotes need not read them again)."""
    number = clean_code(request.account_no, "account_no", 20)
    if any(q.account_no and q.account_no != number for q in request.cart.lines):
        raise ReceiptError(ReceiptProblem.MIXED_ACCOUNTS, number)
    if not number:
        return "", clean_text(request.customer_name, "customer_name", 100), {}
    tiered = any(q.tier_year is not None for q in request.cart.lines)
    facts, name = load_named_account(uow, number, lock=True, volumes=tiered)
    return number, name, {number: facts}


def _check_visit(uow: UnitOfWork, context: Context, visit_id: int | None, account_no: str) -> None:
    """A payment for a visit is for the visit's account: charging another one needs the
    visit's account changed first (which the visit's journal keeps)."""
    if visit_id is None:
        return
    visit = uow.session.get(Visit, visit_id)
    if visit is None or visit.counter_code != context.where.counter_code:
        raise ReceiptError(ReceiptProblem.UNKNOWN_VISIT, str(visit_id))
    if visit.account_no and account_no != visit.account_no:
        raise ReceiptError(ReceiptProblem.NOT_THE_VISITS_ACCOUNT, visit.account_no)


def _payments(settlement: Settlement) -> tuple[PaymentRecord, ...]:
    return tuple(PaymentRecord(t.method, t.amount, t.reference) for t in settlement.tenders)
