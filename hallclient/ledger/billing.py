"""Billing readings: each unbilled reading priced by the pricing service into a bill.

A bill prices the reading's consumption at the account's gas item, on the schedule in
force on the reading day, from the account's volume in that tier year; the volume
then joins the tier year.  Bills are written in batches, one transaction each, with
the batch's accounts locked in account order (a counter locks one account, after
its series and shift: no deadlock), as plain Core statements: a month of readings
for a million accounts is billed in one run.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from sqlalchemy import bindparam, exists, insert, select
from sqlalchemy.orm import aliased

from db.bulk import insert_numbered
from db.domain import BillKind
from db.engine import Database
from db.models import Account, Bill, BillLine, MeterReading, TierVolume
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError
from hallclient.ledger.rules import TierVolumes
from hallclient.ledger.volumes import add_volumes_of
from hallclient.tariff.errors import TariffError
from hallclient.tariff.pricing import AccountFacts, Pricer, load_pricer
from hallclient.tariff.rules import Quote
from hallclient.uow import UnitOfWork, run_write

BATCH = 5_000
NAMED_BILLS = 1_000  # a run names its first bills (a month's run has a million)
Progress = Callable[[int], None]
_previous = aliased(MeterReading)
_UNBILLED = (
    select(
        MeterReading.id,
        MeterReading.account_no,
        MeterReading.read_on,
        MeterReading.consumption,
        _previous.read_on.label("period_from"),
    )
    .outerjoin(_previous, _previous.id == MeterReading.previous_id)
    .where(
        MeterReading.consumption.is_not(None),
        MeterReading.id > bindparam("after"),
        MeterReading.read_on <= bindparam("through"),
        ~exists().where(Bill.reading_id == MeterReading.id),
    )
    .order_by(MeterReading.id)
    .limit(bindparam("limit"))
)
_ACCOUNTS = (
    select(Account.account_no, Account.customer_type, Account.household_size, Account.status)
    .where(Account.account_no.in_(bindparam("numbers", expanding=True)))
    .order_by(Account.account_no)
    .with_for_update()
)
_VOLUMES = select(TierVolume.account_no, TierVolume.year_start, TierVolume.volume).where(
    TierVolume.account_no.in_(bindparam("numbers", expanding=True))
)
_INSERT_LINES = insert(BillLine)


@dataclass(frozen=True)
class Unbilled:
    reading_id: int
    account_no: str
    read_on: dt.date
    consumption: Decimal
    period_from: dt.date | None


@dataclass
class BillingRun:
    """What a run billed, and the readings it left unbilled with the reason."""

    bills: int = 0
    volume: Decimal = Decimal("0.000")
    amount: Decimal = Decimal("0.00")
    left: Counter[str] = field(default_factory=Counter)
    bill_nos: list[str] = field(default_factory=list)  # the first NAMED_BILLS


def bill_no_of(reading_id: int, read_on: dt.date) -> str:
    return f"ZD{read_on:%Y%m}-{reading_id}"


def run_billing(
    database: Database,
    context: Context,
    due_days: int,
    *,
    through: dt.date | None = None,
    progress: Progress | None = None,
    batch: int = BATCH,
) -> BillingRun:
    """Bill every reading not billed yet that was read by ``through`` (default: today),
    oldest first, in batches of one transaction each."""
    context.require(Action.MANAGE_LEDGER)
    run, after, last_day = BillingRun(), 0, through or context.today()
    while True:
        with UnitOfWork(database) as uow:
            parameters = {"after": after, "limit": batch, "through": last_day}
            rows = uow.connection.execute(_UNBILLED, parameters).all()
        if not rows:
            return run
        readings = [
            Unbilled(r.id, r.account_no, r.read_on, r.consumption, r.period_from) for r in rows
        ]
        run_write(
            database,
            partial(_commit, context=context, readings=readings, due_days=due_days, run=run),
        )
        after = readings[-1].reading_id
        if progress is not None:
            progress(run.bills)


def _commit(
    uow: UnitOfWork, context: Context, readings: list[Unbilled], due_days: int, run: BillingRun
) -> None:
    outcome = bill_readings(uow, context, readings, due_days)
    uow.commit()
    run.bills += outcome.bills
    run.volume += outcome.volume
    run.amount += outcome.amount
    run.left.update(outcome.left)
    run.bill_nos += outcome.bill_nos[: NAMED_BILLS - len(run.bill_nos)]


def bill_readings(
    uow: UnitOfWork, context: Context, readings: Sequence[Unbilled], due_days: int
) -> BillingRun:
    """Bill ``readings`` in the caller's transaction (their accounts locked here)."""
    accounts = _locked_facts(uow, sorted({r.account_no for r in readings}))
    pricers: dict[dt.date, Pricer] = {}
    bills: list[dict[str, object]] = []
    lines: list[list[dict[str, object]]] = []
    deltas: dict[str, dict[dt.date, Decimal]] = defaultdict(dict)
    outcome = BillingRun()
    for reading in readings:
        pricer = pricers.get(reading.read_on) or pricers.setdefault(
            reading.read_on, load_pricer(uow, reading.read_on)
        )
        facts = accounts[reading.account_no]
        try:
            quote = _priced(pricer, facts, reading.consumption)
        except (LedgerError, TariffError) as error:
            outcome.left[str(error)] += 1
            continue
        if quote is not None and quote.tier_year is not None:
            accounts[reading.account_no] = facts.after([quote])
            year = deltas[reading.account_no]
            year[quote.tier_year] = year.get(quote.tier_year, Decimal(0)) + quote.quantity
        bills.append(_bill_row(context, reading, quote, due_days))
        lines.append(_line_rows(quote))
    _write(uow, bills, lines)
    add_volumes_of(uow, deltas)
    outcome.bills = len(bills)
    outcome.volume = sum((r.consumption for r in readings), Decimal("0.000"))
    outcome.amount = sum((_amount(b) for b in bills), Decimal("0.00"))
    outcome.bill_nos = [str(b["bill_no"]) for b in bills]
    return outcome


def _priced(pricer: Pricer, facts: AccountFacts, volume: Decimal) -> Quote | None:
    """The reading's price, or None for nothing used (a bill of nothing, no lines)."""
    item = pricer.gas_item(facts.customer_type)
    return pricer.quote(item.code, volume, facts, metered=True) if volume > 0 else None


def _locked_facts(uow: UnitOfWork, numbers: list[str]) -> dict[str, AccountFacts]:
    volumes: dict[str, dict[dt.date, Decimal]] = defaultdict(dict)
    for account_no, year, volume in uow.connection.execute(_VOLUMES, {"numbers": numbers}):
        volumes[account_no][year] = volume
    return {
        row.account_no: AccountFacts(
            row.account_no,
            row.customer_type,
            row.household_size,
            row.status,
            TierVolumes.of(volumes[row.account_no]),
        )
        for row in uow.connection.execute(_ACCOUNTS, {"numbers": numbers})
    }


def _amount(bill: dict[str, object]) -> Decimal:
    amount = bill["amount"]
    assert isinstance(amount, Decimal)
    return amount


def _bill_row(
    context: Context, reading: Unbilled, quote: Quote | None, due_days: int
) -> dict[str, object]:
    today = context.today()
    return {
        "bill_no": bill_no_of(reading.reading_id, reading.read_on),
        "account_no": reading.account_no,
        "kind": BillKind.READING,
        "reading_id": reading.reading_id,
        "period_from": reading.period_from,
        "period_to": reading.read_on,
        "volume": reading.consumption,
        "item_code": quote.item_code if quote else "",
        "tier_year": quote.tier_year if quote else None,
        "volume_before": quote.used_this_year if quote else None,
        "amount": quote.amount if quote else Decimal("0.00"),
        "issued_on": today,
        "due_on": today + dt.timedelta(days=due_days),
        "created_at": context.clock.now(),
        "created_by": context.user.employee_no,
    }


def _line_rows(quote: Quote | None) -> list[dict[str, object]]:
    if quote is None:
        return []
    return [
        {
            "line_no": number,
            "item_code": b.item_code,
            "item_name": b.item_name,
            "band": b.band,
            "schedule_code": b.schedule_code,
            "approval_doc_no": b.approval_doc_no,
            "quantity": b.quantity,
            "unit": b.unit,
            "unit_price": b.unit_price,
            "amount": b.subtotal,
        }
        for number, b in enumerate(quote.lines, start=1)
    ]


def _write(
    uow: UnitOfWork, bills: list[dict[str, object]], lines: list[list[dict[str, object]]]
) -> None:
    ids = insert_numbered(uow.connection, Bill, bills)
    rows = [
        {"bill_id": bill_id, **line}
        for bill_id, group in zip(ids, lines, strict=True)
        for line in group
    ]
    if rows:
        uow.connection.execute(_INSERT_LINES, rows)
