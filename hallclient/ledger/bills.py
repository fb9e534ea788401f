"""An account's bills: which are open, what paying them puts in the cart, and the check
inside the payment that a bill is paid once, oldest first, with its late fee.

A bill is open while no sale line of an unvoided receipt and no outside payment names
it: that is read from records that never change, so a void reopens the bills it paid
without writing anything.  Paying is safe against a second counter because the
issuing transaction holds the account's row lock before it reads which bills are open.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, bindparam, exists, select
from sqlalchemy.orm import aliased

from db.domain import BillKind, ReceiptKind
from db.models import Bill, BillLine, OutsidePayment
from db.models.receipts import Receipt, ReceiptLine
from hallclient.access.approvals import use_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.rules import check_bills_payable
from hallclient.receipts.cart import Waiver
from hallclient.tariff.pricing import AccountFacts, Pricer
from hallclient.tariff.rules import LATE_FEE_CODE, BasisLine, Quote
from hallclient.uow import UnitOfWork

_void = aliased(Receipt)
PAID_AT_COUNTER = exists().where(
    ReceiptLine.bill_no == Bill.bill_no,
    Receipt.id == ReceiptLine.receipt_id,
    Receipt.kind == ReceiptKind.SALE,
    ~exists().where(_void.voids_receipt_no == Receipt.receipt_no),
)
PAID_OUTSIDE = exists().where(OutsidePayment.bill_no == Bill.bill_no)
IS_OPEN = and_(Bill.amount > Decimal("0.00"), ~PAID_AT_COUNTER, ~PAID_OUTSIDE)
_OPEN = (
    select(Bill)
    .where(Bill.account_no == bindparam("account_no"), IS_OPEN)
    .order_by(Bill.due_on, Bill.id)
)


@dataclass(frozen=True)
class BillView:
    """A bill as issued: its period, volume, amount, dates and priced lines."""

    bill_no: str
    account_no: str
    kind: BillKind
    period_from: dt.date | None
    period_to: dt.date | None
    volume: Decimal
    item_code: str
    amount: Decimal
    issued_on: dt.date
    due_on: dt.date
    lines: tuple[BasisLine, ...]

    @property
    def accrues_late_fee(self) -> bool:
        """A carried-over bill's real due date is unknown: it accrues none."""
        return self.kind is BillKind.READING


@dataclass(frozen=True)
class OpenBill:
    """An open bill as the account panel shows it, with today's late fee."""

    bill: BillView
    late_fee: Quote | None

    @property
    def late_fee_amount(self) -> Decimal:
        return self.late_fee.amount if self.late_fee else Decimal("0.00")


def open_bills(uow: UnitOfWork, account_no: str) -> list[BillView]:
    """The account's open bills, oldest due first."""
    rows = list(uow.session.scalars(_OPEN, {"account_no": account_no}))
    return views_of(uow, rows)


def views_of(uow: UnitOfWork, rows: Sequence[Bill]) -> list[BillView]:
    lines: dict[int, list[BasisLine]] = defaultdict(list)
    query = select(BillLine).where(BillLine.bill_id.in_([b.id for b in rows]))
    for line in uow.session.scalars(query.order_by(BillLine.bill_id, BillLine.line_no)):
        lines[line.bill_id].append(
            BasisLine(
                line.schedule_code,
                line.approval_doc_no,
                line.item_code,
                line.item_name,
                line.band,
                line.quantity,
                line.unit,
                line.unit_price,
                line.amount,
            )
        )
    return [
        BillView(
            b.bill_no,
            b.account_no,
            b.kind,
            b.period_from,
            b.period_to,
            b.volume,
            b.item_code,
            b.amount,
            b.issued_on,
            b.due_on,
            tuple(lines[b.id]),
        )
        for b in rows
    ]


def bill_quote(bill: BillView, on: dt.date) -> Quote:
    """The bill as a cart line: its own lines, never re-priced."""
    quantity = sum((line.quantity for line in bill.lines), Decimal("0.000"))
    unit = bill.lines[0].unit if bill.lines else "m³"
    return Quote(
        bill.item_code or "CARRIED",
        f"账单 {bill.bill_no}",
        quantity,
        unit,
        on,
        bill.account_no,
        bill.lines,
        bill.amount,
        bill_no=bill.bill_no,
    )


def late_fee_of(pricer: Pricer, bill: BillView, account: AccountFacts) -> Quote | None:
    if not bill.accrues_late_fee:
        return None
    return pricer.late_fee(bill.bill_no, bill.amount, bill.due_on, account)


def with_late_fees(
    pricer: Pricer, bills: Iterable[BillView], account: AccountFacts
) -> list[OpenBill]:
    return [OpenBill(bill, late_fee_of(pricer, bill, account)) for bill in bills]


def cart_lines(open_: Sequence[OpenBill], on: dt.date, count: int | None = None) -> list[Quote]:
    """What paying the ``count`` oldest open bills (all by default) puts in the cart: each
    bill, then its late fee if it is overdue."""
    quotes: list[Quote] = []
    for entry in open_[:count]:
        quotes.append(bill_quote(entry.bill, on))
        if entry.late_fee is not None:
            quotes.append(entry.late_fee)
    return quotes


def confirm_bills(
    uow: UnitOfWork,
    context: Context,
    pricer: Pricer,
    account: AccountFacts,
    quotes: Sequence[Quote],
    waivers: Sequence[Waiver],
) -> tuple[Quote, ...]:
    """Inside the payment (the account locked): the bill lines of the cart again, or a refusal.

    Refused for a closed account, and unless the bills are open, they are the oldest
    ones (none skipped), each is exactly as quoted, and each overdue bill comes with
    its late fee as computed today or a manager's waiver, which is used up here.
    """
    check_bills_payable(account.status)
    wanted = [q.bill_no for q in quotes if q.bill_no and q.item_code != LATE_FEE_CODE]
    bills = {bill.bill_no: bill for bill in _open_prefix(uow, account.account_no, wanted)}
    waived = {w.bill_no: w for w in waivers}
    confirmed: list[Quote] = []
    for bill_no in wanted:
        bill = bills[bill_no]
        confirmed.append(bill_quote(bill, pricer.on))
        late = late_fee_of(pricer, bill, account)
        if late is None:
            if bill_no in waived:
                raise LedgerError(LedgerProblem.NOTHING_TO_WAIVE, bill_no)
        elif bill_no in waived:
            _use_waiver(uow, context, waived[bill_no], late)
        else:
            confirmed.append(late)
    if list(quotes) != confirmed:
        missing = [q for q in confirmed if q not in quotes and q.item_code == LATE_FEE_CODE]
        problem = LedgerProblem.LATE_FEE_MISSING if missing else LedgerProblem.BILL_CHANGED
        raise LedgerError(problem, ", ".join(wanted))
    return tuple(confirmed)


def _open_prefix(uow: UnitOfWork, account_no: str, wanted: Sequence[str]) -> list[BillView]:
    """The bills wanted, which must be the account's oldest open ones, in that order."""
    open_ = open_bills(uow, account_no)
    numbers = [bill.bill_no for bill in open_]
    for bill_no in wanted:
        if bill_no not in numbers:
            known = uow.session.scalar(select(Bill.account_no).where(Bill.bill_no == bill_no))
            problem = LedgerProblem.BILL_PAID if known == account_no else LedgerProblem.UNKNOWN_BILL
            raise LedgerError(problem, bill_no)
    if len(set(wanted)) != len(wanted) or numbers[: len(wanted)] != list(wanted):
        raise LedgerError(LedgerProblem.BILLS_OUT_OF_ORDER, numbers[0] if numbers else "")
    return open_[: len(wanted)]


def _use_waiver(uow: UnitOfWork, context: Context, waiver: Waiver, late: Quote) -> None:
    approval = use_approval(
        uow, context, waiver.approval_id, ApprovalKind.WAIVE_LATE_FEE, waiver.bill_no
    )
    details = {"amount": f"{late.amount}", "approval": approval.id, "reason": approval.reason}
    context.record(uow, "bill.late_fee_waived", "bill", waiver.bill_no, details)
