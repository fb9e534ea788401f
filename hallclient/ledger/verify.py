"""The ledger check: the stored tier-year volumes recomputed from the records, and the
bills -- each adding up and paid at most once.

Tiered gas bought by volume counts in the tier year its receipt line names, unless
the receipt was voided; a bill counts in its own tier year.  The stored figure of
every account and year must equal that sum; an account whose figure disagrees is
named.  Reading only, in grouped queries (a million accounts are checked at once).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from db.domain import ReceiptKind
from db.engine import Database
from db.models import Bill, BillLine, OutsidePayment, TierVolume
from db.models.receipts import Receipt, ReceiptLine
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.uow import UnitOfWork

MAX_NAMED = 20
Key = tuple[str, dt.date]


@dataclass(frozen=True)
class VolumeMismatch:
    account_no: str
    year_start: dt.date
    stored: Decimal
    derived: Decimal


@dataclass(frozen=True)
class LedgerCheck:
    accounts: int  # accounts with a tier-year volume, stored or derived
    mismatches: tuple[VolumeMismatch, ...]
    bill_faults: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatches and not self.bill_faults

    def describe(self) -> list[str]:
        """The faults in words, the first :data:`MAX_NAMED` of each kind."""
        lines = [
            f"account {m.account_no}, tier year from {m.year_start}: stored {m.stored} m³, "
            f"its lines and bills give {m.derived} m³"
            for m in self.mismatches[:MAX_NAMED]
        ]
        lines += list(self.bill_faults[:MAX_NAMED])
        return lines


def verify_ledger(database: Database, context: Context) -> LedgerCheck:
    context.require(Action.VERIFY_AUDIT)
    return check_volumes(database)


def check_volumes(database: Database) -> LedgerCheck:
    """The check without a permission check (tests, and ``receipts verify`` as admin)."""
    with UnitOfWork(database) as uow:
        stored = _stored(uow)
        derived = _derived(uow)
        keys = sorted(set(stored) | set(derived))
        zero = Decimal("0.000")
        mismatches = tuple(
            VolumeMismatch(
                account, year, stored.get((account, year), zero), derived.get((account, year), zero)
            )
            for account, year in keys
            if stored.get((account, year), zero) != derived.get((account, year), zero)
        )
        accounts = len({account for account, _ in keys})
        return LedgerCheck(accounts, mismatches, tuple(_bill_faults(uow)))


def _stored(uow: UnitOfWork) -> dict[Key, Decimal]:
    rows = uow.session.execute(
        select(TierVolume.account_no, TierVolume.year_start, TierVolume.volume)
    )
    return {(account, year): volume for account, year, volume in rows}


def _derived(uow: UnitOfWork) -> dict[Key, Decimal]:
    void = aliased(Receipt)
    voided = select(void.voids_receipt_no).where(void.voids_receipt_no.is_not(None))
    sold = uow.session.execute(
        select(Receipt.account_no, ReceiptLine.tier_year, func.sum(ReceiptLine.quantity))
        .join(ReceiptLine, ReceiptLine.receipt_id == Receipt.id)
        .where(
            ReceiptLine.tier_year.is_not(None),
            Receipt.kind == ReceiptKind.SALE,
            Receipt.receipt_no.not_in(voided.scalar_subquery()),
        )
        .group_by(Receipt.account_no, ReceiptLine.tier_year)
    )
    billed = uow.session.execute(
        select(Bill.account_no, Bill.tier_year, func.sum(Bill.volume))
        .where(Bill.tier_year.is_not(None))
        .group_by(Bill.account_no, Bill.tier_year)
    )
    found: dict[Key, Decimal] = defaultdict(lambda: Decimal("0.000"))
    for rows in (sold, billed):
        for account, year, volume in rows:
            if year is not None:
                found[(account, year)] += volume
    return {key: volume for key, volume in found.items() if volume}


def _bill_faults(uow: UnitOfWork) -> list[str]:
    """Bills whose lines do not add up, and bills paid more than once."""
    sums = (
        select(BillLine.bill_id, func.sum(BillLine.amount).label("total"))
        .group_by(BillLine.bill_id)
        .subquery()
    )
    unbalanced = uow.session.execute(
        select(Bill.bill_no, Bill.amount, sums.c.total)
        .outerjoin(sums, sums.c.bill_id == Bill.id)
        .where(Bill.amount != func.coalesce(sums.c.total, 0))
    )
    faults = [
        f"bill {no}: amount {amount}, its lines {total or 0}" for no, amount, total in unbalanced
    ]
    return faults + _paid_twice(uow)


def _paid_twice(uow: UnitOfWork) -> list[str]:
    void = aliased(Receipt)
    voided = select(void.voids_receipt_no).where(void.voids_receipt_no.is_not(None))
    counter = (
        select(ReceiptLine.bill_no, func.count(func.distinct(ReceiptLine.receipt_id)))
        .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
        .where(
            ReceiptLine.bill_no.is_not(None),
            Receipt.kind == ReceiptKind.SALE,
            Receipt.receipt_no.not_in(voided.scalar_subquery()),
        )
        .group_by(ReceiptLine.bill_no)
    )
    paid: dict[str, int] = defaultdict(int)
    for bill_no, count in uow.session.execute(counter):
        if bill_no is not None:
            paid[bill_no] += count
    for bill_no in uow.session.scalars(select(OutsidePayment.bill_no)):
        paid[bill_no] += 1
    return [f"bill {no}: paid {count} times" for no, count in sorted(paid.items()) if count > 1]
