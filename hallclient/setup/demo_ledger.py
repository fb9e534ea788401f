"""The demo accounts' ledger: three meter readings each, two months billed, some paid.

Each open account's meter is read 70, 40 and 10 days ago (the first reading opens it);
the two later readings are billed two days after they were read, by the billing run
itself, so every demo bill is priced by the pricing service like a real one.  Tiered
accounts bring the tier year's volume before the first reading as a carried-over bill
(承前, no amount), so their bands have moved on.  Most first-month bills were paid by
bank deduction and some second-month bills online; the rest are open: the first
month's overdue (a late fee today), the second's not yet due.  Suspended accounts used
nothing in the second month and paid the first; closed accounts have no readings.

Usage is drawn from the seed in account order, so the same seed gives the same ledger.
Rows go in as bulk inserts of 50,000; only the billing run prices one reading at a time.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Insert, Integer, String, cast, func, insert, literal, select

from db.domain import BillKind, ReadingKind, ReadingSource
from db.engine import Database
from db.models import Account, Bill, MeterReading, OutsidePayment, TierVolume
from db.types import UTCDateTime
from hallclient.access.audit import Where
from hallclient.access.auth import Role
from hallclient.clock import FixedClock
from hallclient.context import Context, CurrentUser
from hallclient.ledger.billing import run_billing
from hallclient.ledger.errors import LedgerError
from hallclient.ledger.opening import carried_bill_no
from hallclient.ledger.rules import gas_item
from hallclient.tariff.pricing import load_pricer
from hallclient.tariff.rules import PricedItem
from hallclient.uow import UnitOfWork

READ_DAYS_AGO = (70, 40, 10)  # opening, first month, second month
BILLED_AFTER = dt.timedelta(days=2)
BATCH = 50_000
DEMO_READER = "demo"
_MONTHLY_M3 = {  # the range of a month's use, whole m³
    "residential": (8, 45),
    "commercial": (150, 900),
    "industrial": (2_000, 9_000),
    "public_institution": (200, 1_200),
}
_BANK_PERCENT, _ONLINE_PERCENT = 70, 30  # bills paid outside the hall, of each month
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Account:
    account_no: str
    meter_no: str
    customer_type: str
    status: str


def build_ledger(
    database: Database, seed: int, timezone: str, today: dt.date, progress: Progress | None = None
) -> int:
    """Readings, bills and outside payments for every demo account; the bills made."""
    days = [today - dt.timedelta(days=ago) for ago in READ_DAYS_AGO]
    first_id = _next_reading_id(database)
    count = _write_readings_and_carried(database, seed, days, first_id, progress)
    bills = 0
    for day in days[1:]:
        context = _billing_context(day + BILLED_AFTER, timezone)
        bills += run_billing(database, context, due_days=15, through=day).bills
    _record_outside_payments(database, first_id, days, count)
    return bills


def _billing_context(on: dt.date, timezone: str) -> Context:
    nine = dt.datetime.combine(on, dt.time(9), ZoneInfo(timezone))
    user = CurrentUser(0, DEMO_READER, "演示数据", Role.ADMIN, None)
    return Context(user, Where("H01", ""), FixedClock(nine), timezone)


def _next_reading_id(database: Database) -> int:
    with UnitOfWork(database) as uow:
        return (uow.session.scalar(select(func.max(MeterReading.id))) or 0) + 1


def _open_accounts(uow: UnitOfWork) -> Iterator[_Account]:
    rows = uow.connection.execute(
        select(Account.account_no, Account.meter_no, Account.customer_type, Account.status)
        .where(Account.status != "closed")
        .order_by(Account.account_no)
    )
    return (_Account(*row) for row in rows.all())


def _write_readings_and_carried(
    database: Database, seed: int, days: list[dt.date], first_id: int, progress: Progress | None
) -> int:
    """One transaction: the readings of every open account, and the carried volumes."""
    rng = random.Random(seed * 7 + 18)
    recorded_at = dt.datetime.combine(days[0], dt.time(1), dt.UTC)
    with UnitOfWork(database) as uow:
        pricer = load_pricer(uow, days[0])
        accounts = list(_open_accounts(uow))
        gas = {t: _gas(pricer.items.values(), t) for t in {a.customer_type for a in accounts}}
        rows = _rows(accounts, rng, days, first_id, recorded_at, gas)
        done = 0
        while chunk := list(islice(rows, BATCH)):
            _insert_chunk(uow, chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, len(accounts))
        uow.commit()
    return len(accounts)


def _gas(items: Iterable[PricedItem], customer_type: str) -> PricedItem | None:
    try:
        return gas_item(items, customer_type)
    except LedgerError:
        return None  # no gas item for this type: its meters are read, never billed


_Rows = tuple[list[dict[str, object]], dict[str, object] | None, dict[str, object] | None]


def _rows(
    accounts: list[_Account],
    rng: random.Random,
    days: list[dt.date],
    first_id: int,
    recorded_at: dt.datetime,
    gas: dict[str, PricedItem | None],
) -> Iterator[_Rows]:
    for index, account in enumerate(accounts):
        low, high = _MONTHLY_M3.get(account.customer_type, (10, 50))
        start = rng.randint(100, 90_000)
        first, second = rng.randint(low, high), rng.randint(low, high)
        if account.status != "normal":
            second = 0
        figures = (start, start + first, start + first + second)
        ids = [first_id + 3 * index + k for k in range(3)]
        readings = [_reading(ids[0], account, figures[0], days[0], recorded_at, None, None)]
        readings += [
            _reading(
                ids[k],
                account,
                figures[k],
                days[k],
                recorded_at,
                ids[k - 1],
                figures[k] - figures[k - 1],
            )
            for k in (1, 2)
        ]
        item = gas[account.customer_type]
        carried = None
        if item is not None and item.tiers is not None:
            year = item.tiers.year_start(days[0])
            months = Decimal((days[0] - year).days) / 30
            volume = (months * (low + high) / 2 * Decimal(rng.uniform(0.6, 1.4))).quantize(
                Decimal("1")
            )
            carried = _carried(account, item.code, year, volume, days[0], recorded_at)
        tier = (
            None
            if carried is None
            else {
                "account_no": account.account_no,
                "year_start": carried["tier_year"],
                "volume": carried["volume"],
            }
        )
        yield readings, carried, tier


def _reading(
    reading_id: int,
    account: _Account,
    figure: int,
    on: dt.date,
    recorded_at: dt.datetime,
    previous_id: int | None,
    used: int | None,
) -> dict[str, object]:
    return {
        "id": reading_id,
        "account_no": account.account_no,
        "meter_no": account.meter_no,
        "reading": Decimal(figure),
        "read_on": on,
        "reader": DEMO_READER,
        "source": ReadingSource.READER,
        "kind": ReadingKind.OPENING if used is None else ReadingKind.REGULAR,
        "start_reading": None,
        "old_final": None,
        "previous_id": previous_id,
        "consumption": None if used is None else Decimal(used),
        "recorded_at": recorded_at,
        "recorded_by": DEMO_READER,
        "batch": "demo",
    }


def _carried(
    account: _Account,
    item_code: str,
    year: dt.date,
    volume: Decimal,
    on: dt.date,
    recorded_at: dt.datetime,
) -> dict[str, object]:
    return {
        "bill_no": carried_bill_no(account.account_no),
        "account_no": account.account_no,
        "kind": BillKind.CARRIED,
        "reading_id": None,
        "period_from": year,
        "period_to": on,
        "volume": volume,
        "item_code": item_code,
        "tier_year": year,
        "volume_before": Decimal("0.000"),
        "amount": Decimal("0.00"),
        "issued_on": on,
        "due_on": on,
        "created_at": recorded_at,
        "created_by": DEMO_READER,
    }


def _insert_chunk(uow: UnitOfWork, chunk: list[_Rows]) -> None:
    readings = [row for group, _, _ in chunk for row in group]
    carried = [bill for _, bill, _ in chunk if bill is not None and bill["volume"]]
    volumes = [tier for _, bill, tier in chunk if tier is not None and bill and bill["volume"]]
    uow.connection.execute(insert(MeterReading), readings)
    if carried:
        uow.connection.execute(insert(Bill), carried)
        uow.connection.execute(insert(TierVolume), volumes)


def _record_outside_payments(
    database: Database, first_id: int, days: list[dt.date], count: int
) -> None:
    """Bank deductions for most first-month bills (all of a suspended account's), online
    payments for some second-month ones: chosen by a hash of the reading id, in SQL."""
    last_id = first_id + 3 * count - 1
    with UnitOfWork(database) as uow:
        for offset, channel, percent, day in (
            (1, "bank", _BANK_PERCENT, days[1] + BILLED_AFTER + dt.timedelta(days=5)),
            (2, "online", _ONLINE_PERCENT, days[2] + BILLED_AFTER + dt.timedelta(days=1)),
        ):
            uow.connection.execute(
                _outside_payments(first_id, last_id, offset, channel, percent, day)
            )
        uow.commit()


def _outside_payments(
    first_id: int, last_id: int, offset: int, channel: str, percent: int, paid_on: dt.date
) -> Insert:
    recorded_at = dt.datetime.combine(paid_on, dt.time(20), dt.UTC)
    chosen = (Bill.reading_id * 7919 + offset) % 100 < percent
    if channel == "bank":
        chosen = chosen | (Account.status == "suspended")
    picked = (
        select(
            Bill.bill_no,
            literal(channel),
            literal(channel.upper()[:2]) + cast(Bill.id, String),
            Bill.amount,
            literal(paid_on, Date()),
            literal(recorded_at, UTCDateTime()),
            literal(DEMO_READER),
        )
        .join(Account, Account.account_no == Bill.account_no)
        .where(
            Bill.kind == BillKind.READING,
            Bill.reading_id.between(first_id, last_id),
            cast((Bill.reading_id - first_id) % 3, Integer) == offset,
            Bill.amount > Decimal("0.00"),
            chosen,
        )
    )
    columns = ["bill_no", "channel", "reference", "amount", "paid_on", "recorded_at", "recorded_by"]
    return insert(OutsidePayment).from_select(columns, picked)
