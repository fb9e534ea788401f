"""The stored tier-year volumes: read with the account, moved under its row lock.

Every writer -- a receipt, a void, a bill -- locks the account's row first (after the
series and the shift, the order every issuer keeps), so two counters selling gas to
one household cannot both start from the same volume.  Plain Core statements built
once: a receipt of tiered gas runs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from itertools import groupby

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.dml import Insert

from db.domain import ReceiptKind
from db.models import Account, Bill, TierVolume
from db.models.receipts import Receipt, ReceiptLine
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.rules import ZERO_M3, TierVolumes
from hallclient.receipts.record import LineRecord, ReceiptRecord
from hallclient.uow import UnitOfWork

_READ = select(TierVolume.year_start, TierVolume.volume).where(
    TierVolume.account_no == bindparam("account_no")
)
_LOCK = select(Account.id).where(Account.account_no == bindparam("account_no")).with_for_update()


def _upsert(insert: type[Insert]) -> Insert:
    statement = insert(TierVolume)
    return statement.on_conflict_do_update(  # type: ignore[attr-defined,no-any-return]
        index_elements=[TierVolume.account_no, TierVolume.year_start],
        set_={"volume": TierVolume.volume + statement.excluded.volume},  # type: ignore[attr-defined]
    )


_ADD = {"sqlite": _upsert(sqlite_insert), "postgresql": _upsert(postgresql_insert)}  # type: ignore[arg-type]


def read_volumes(uow: UnitOfWork, account_no: str) -> TierVolumes:
    rows = uow.connection.execute(_READ, {"account_no": account_no})
    return TierVolumes.of({year: volume for year, volume in rows})


def lock_account(uow: UnitOfWork, account_no: str) -> bool:
    """Lock the account's row (``FOR UPDATE``; SQLite's write lock holds already); False
    if there is no such account."""
    return uow.connection.execute(_LOCK, {"account_no": account_no}).first() is not None


def add_volumes(uow: UnitOfWork, account_no: str, deltas: Mapping[dt.date, Decimal]) -> None:
    """Move the account's tier years by ``deltas`` (a void's are negative); row locked."""
    add_volumes_of(uow, {account_no: deltas})


def add_volumes_of(uow: UnitOfWork, deltas: Mapping[str, Mapping[dt.date, Decimal]]) -> None:
    """Move the tier years of many accounts (all locked) in one batch of upserts: a
    billing run moves thousands at once, where one statement each cost more than pricing."""
    rows = [
        {"account_no": account_no, "year_start": year, "volume": volume}
        for account_no, by_year in deltas.items()
        for year, volume in by_year.items()
        if volume
    ]
    if rows:
        uow.connection.execute(_ADD[uow.database.backend], rows)


def unwind_receipt(uow: UnitOfWork, record: ReceiptRecord) -> None:
    """A void: lock the account and take the receipt's tiered gas off its tier years.

    Only the newest gas of a tier year can be taken off: a later purchase or bill was
    priced on top of it, in higher bands, and would then be charged outside the tariff.
    Such a void is refused naming the later record (void that first).
    """
    if not record.account_no:
        return
    lock_account(uow, record.account_no)
    tops: dict[dt.date, Decimal] = {}
    for _, lines in groupby(record.lines, key=lambda line: line.cart_line):
        counted = [line for line in lines if line.tier_year is not None]
        if counted and counted[0].used_before is not None and counted[0].tier_year is not None:
            top = counted[0].used_before + sum((line.quantity for line in counted), ZERO_M3)
            tops[counted[0].tier_year] = max(top, tops.get(counted[0].tier_year, ZERO_M3))
    if not tops:
        return
    stored = read_volumes(uow, record.account_no)
    for year, top in tops.items():
        if stored.used(year) != top:
            raise LedgerError(LedgerProblem.NOT_ON_TOP, _later(uow, record, year))
    deltas = {year: -volume for year, volume in tier_deltas_of(record.lines).items()}
    add_volumes(uow, record.account_no, deltas)


def tier_deltas_of(lines: Iterable[LineRecord]) -> dict[dt.date, Decimal]:
    deltas: dict[dt.date, Decimal] = {}
    for line in lines:
        if line.tier_year is not None:
            deltas[line.tier_year] = deltas.get(line.tier_year, ZERO_M3) + line.quantity
    return deltas


def _later(uow: UnitOfWork, record: ReceiptRecord, year: dt.date) -> str:
    """The newest receipt or bill of the account's tier year after this receipt."""
    receipt = uow.session.scalar(
        select(Receipt.receipt_no)
        .join(ReceiptLine, ReceiptLine.receipt_id == Receipt.id)
        .where(
            Receipt.account_no == record.account_no,
            ReceiptLine.tier_year == year,
            Receipt.kind == ReceiptKind.SALE,
            Receipt.receipt_no != record.receipt_no,
            Receipt.issued_at >= record.issued_at,
        )
        .order_by(Receipt.issued_at.desc(), Receipt.id.desc())
        .limit(1)
    )
    if receipt is not None:
        return receipt
    bill = uow.session.scalar(
        select(Bill.bill_no)
        .where(
            Bill.account_no == record.account_no,
            Bill.tier_year == year,
            Bill.created_at >= record.issued_at,
        )
        .order_by(Bill.id.desc())
        .limit(1)
    )
    return bill or ""
