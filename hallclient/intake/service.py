"""What the intake screen reads besides queue and visit: purposes, queue categories and
the account panel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from db.domain import ReceiptKind, VisitOutcome
from db.engine import Database
from db.models import Account, ServiceCategory, Visit, VisitPurpose
from db.models.receipts import Receipt
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.intake.visits import VisitError, VisitProblem
from hallclient.ledger.bills import OpenBill, open_bills, with_late_fees
from hallclient.ledger.errors import LedgerError
from hallclient.ledger.rules import gas_item
from hallclient.tariff.pricing import Pricer, load_account, load_pricer
from hallclient.text_input import clean_code
from hallclient.uow import UnitOfWork

RECENT_VISITS = 5
RECENT_PAYMENTS = 3


@dataclass(frozen=True)
class Purpose:
    code: str
    category_code: str
    name_zh: str
    name_en: str
    department_code: str | None  # who handles it when the counter cannot: routing starts here


@dataclass(frozen=True)
class QueueCategory:
    code: str
    prefix: str
    name_zh: str
    name_en: str
    priority: bool


@dataclass(frozen=True)
class PastVisit:
    called_at: dt.datetime
    counter_code: str
    purpose_code: str | None
    outcome: VisitOutcome | None


@dataclass(frozen=True)
class PastPayment:
    receipt_no: str
    issued_at: dt.datetime
    total: Decimal
    voided: bool


@dataclass(frozen=True)
class AccountPanel:
    """What the clerk sees of the customer's account beside the visit."""

    account_no: str
    name: str
    customer_type: str
    status: str
    meter_no: str
    address: str
    phone: str
    household_size: int
    recent_visits: tuple[PastVisit, ...]
    recent_payments: tuple[PastPayment, ...] = ()
    open_bills: tuple[OpenBill, ...] = ()  # oldest due first, with today's late fees
    tier_year: dt.date | None = None  # the tier year of today, for tiered gas
    tier_volume: Decimal | None = None  # the account's volume in it so far

    @property
    def arrears(self) -> Decimal:
        """What the account owes: its open bills (late fees apart)."""
        return sum((entry.bill.amount for entry in self.open_bills), Decimal("0.00"))

    @property
    def late_fees(self) -> Decimal:
        return sum((entry.late_fee_amount for entry in self.open_bills), Decimal("0.00"))


def purposes(database: Database, context: Context) -> list[Purpose]:
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(VisitPurpose).order_by(VisitPurpose.sort_order))
        return [
            Purpose(p.code, p.category_code, p.name_zh, p.name_en, p.department_code) for p in rows
        ]


def queue_categories(database: Database, context: Context) -> list[QueueCategory]:
    context.require(Action.ISSUE_TICKETS)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(ServiceCategory).order_by(ServiceCategory.sort_order))
        return [QueueCategory(c.code, c.prefix, c.name_zh, c.name_en, c.priority) for c in rows]


def account_panel(database: Database, context: Context, account_no: str) -> AccountPanel:
    """The account with its open bills, tier year, recent visits and payments."""
    context.require(Action.SERVE_CUSTOMERS)
    number = clean_code(account_no, "account_no", 20)
    with UnitOfWork(database) as uow:
        account = uow.session.scalar(select(Account).where(Account.account_no == number))
        if account is None:
            raise VisitError(VisitProblem.UNKNOWN_ACCOUNT, number)
        visits = uow.session.scalars(
            select(Visit)
            .where(Visit.account_no == number)
            .order_by(Visit.called_at.desc())
            .limit(RECENT_VISITS)
        )
        recent = tuple(
            PastVisit(v.called_at, v.counter_code, v.purpose_code, v.outcome) for v in visits
        )
        facts = load_account(uow, number)
        pricer = load_pricer(uow, context.today())
        year = _tier_year(pricer, account.customer_type)
        return AccountPanel(
            account.account_no,
            account.name,
            account.customer_type,
            account.status,
            account.meter_no,
            account.address,
            account.phone,
            account.household_size,
            recent,
            _payments(uow, number),
            tuple(with_late_fees(pricer, open_bills(uow, number), facts)),
            year,
            None if year is None else facts.volumes.used(year),
        )


def _tier_year(pricer: Pricer, customer_type: str) -> dt.date | None:
    """Today's tier year of the account's gas item, if it is tiered."""
    try:
        tiers = gas_item(pricer.items.values(), customer_type).tiers
    except LedgerError:
        return None
    return None if tiers is None else tiers.year_start(pricer.on)


def _payments(uow: UnitOfWork, account_no: str) -> tuple[PastPayment, ...]:
    """The account's latest receipts (voids left out; a voided receipt says so)."""
    voids = select(Receipt.voids_receipt_no).where(Receipt.voids_receipt_no.is_not(None))
    rows = uow.session.execute(
        select(
            Receipt.receipt_no,
            Receipt.issued_at,
            Receipt.total,
            Receipt.receipt_no.in_(voids.scalar_subquery()),
        )
        .where(Receipt.account_no == account_no, Receipt.kind == ReceiptKind.SALE)
        .order_by(Receipt.issued_at.desc(), Receipt.id.desc())
        .limit(RECENT_PAYMENTS)
    )
    return tuple(PastPayment(no, at, total, bool(voided)) for no, at, total, voided in rows)
