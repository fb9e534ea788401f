"""Meter readings: checked against the account's last one, then recorded for good.

One rule for the readers' file and for a customer's own reading at the counter: the
meter must be the account's (a meter change names the new one), the day must come
after the last reading and not after today, and a figure below the last is refused
unless it is a meter change or a rollover with the figure the dials began from.
Consumption is the difference, stored with the reading; the first reading of an
account only opens it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, insert, select, update

from db.domain import AccountStatus, ReadingKind, ReadingSource
from db.models import Account, MeterReading
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError, LedgerProblem, ReadingFault, reading_refused
from hallclient.ledger.rules import ReadingFigures, consumption
from hallclient.uow import UnitOfWork

_LAST = (
    select(MeterReading.id, MeterReading.reading, MeterReading.read_on)
    .where(MeterReading.account_no == bindparam("account_no"))
    .order_by(MeterReading.read_on.desc(), MeterReading.id.desc())
    .limit(1)
)
_METER = (
    select(Account.account_no, Account.meter_no, Account.status)
    .where(Account.account_no == bindparam("account_no"))
    .with_for_update()
)


@dataclass(frozen=True)
class ReadingInput:
    """A reading as given: by a reader (the file) or by the customer (at the counter)."""

    account_no: str
    meter_no: str  # blank: the account's meter; a meter change: the new meter
    figures: ReadingFigures
    read_on: dt.date
    reader: str
    source: ReadingSource = ReadingSource.READER


@dataclass(frozen=True)
class LastReading:
    reading_id: int
    reading: Decimal
    read_on: dt.date


@dataclass(frozen=True)
class AccountMeter:
    account_no: str
    meter_no: str
    status: str


@dataclass(frozen=True)
class CheckedReading:
    """A reading that passed: what will be written."""

    given: ReadingInput
    meter_no: str
    kind: ReadingKind
    previous_id: int | None
    consumption: Decimal | None


def check_reading(
    given: ReadingInput, account: AccountMeter | None, last: LastReading | None, today: dt.date
) -> CheckedReading:
    """The reading checked against the account and its last reading, or a refusal."""
    if account is None:
        raise LedgerError(LedgerProblem.UNKNOWN_ACCOUNT, given.account_no)
    if account.status == AccountStatus.CLOSED:
        raise LedgerError(LedgerProblem.ACCOUNT_INACTIVE, account.status)
    changing = given.figures.kind is ReadingKind.METER_CHANGE
    meter = given.meter_no or account.meter_no
    if changing and meter == account.meter_no:
        raise reading_refused(ReadingFault.SAME_METER, meter)
    if not changing and meter != account.meter_no:
        raise reading_refused(ReadingFault.OTHER_METER, meter, account.meter_no)
    if given.read_on > today:
        raise reading_refused(ReadingFault.IN_FUTURE, given.read_on)
    if last is not None and given.read_on <= last.read_on:
        raise reading_refused(ReadingFault.NOT_AFTER_LAST, last.read_on)
    used = consumption(None if last is None else last.reading, given.figures)
    kind = ReadingKind.OPENING if last is None else given.figures.kind
    return CheckedReading(given, meter, kind, None if last is None else last.reading_id, used)


def account_meter(uow: UnitOfWork, account_no: str) -> AccountMeter | None:
    """The account's meter and status, its row locked (readings and bills change its ledger)."""
    row = uow.connection.execute(_METER, {"account_no": account_no}).one_or_none()
    return None if row is None else AccountMeter(row.account_no, row.meter_no, row.status)


def last_reading(uow: UnitOfWork, account_no: str) -> LastReading | None:
    row = uow.connection.execute(_LAST, {"account_no": account_no}).one_or_none()
    return None if row is None else LastReading(row.id, row.reading, row.read_on)


def reading_row(checked: CheckedReading, context: Context, batch: str) -> dict[str, object]:
    """The ``meter_readings`` row of a checked reading (the bulk insert's shape)."""
    given, figures = checked.given, checked.given.figures
    return {
        "account_no": given.account_no,
        "meter_no": checked.meter_no,
        "reading": figures.reading,
        "read_on": given.read_on,
        "reader": given.reader,
        "source": given.source,
        "kind": checked.kind,
        "start_reading": figures.start_reading,
        "old_final": figures.old_final,
        "previous_id": checked.previous_id,
        "consumption": checked.consumption,
        "recorded_at": context.clock.now(),
        "recorded_by": context.user.employee_no,
        "batch": batch[:100],
    }


def change_meter(uow: UnitOfWork, checked: CheckedReading) -> None:
    """A meter change puts the new meter on the account (meter numbers are unique)."""
    if checked.kind is not ReadingKind.METER_CHANGE:
        return
    taken = uow.connection.scalar(
        select(Account.account_no).where(Account.meter_no == checked.meter_no)
    )
    if taken is not None:
        raise reading_refused(ReadingFault.METER_ELSEWHERE, checked.meter_no, taken)
    uow.connection.execute(
        update(Account)
        .where(Account.account_no == checked.given.account_no)
        .values(meter_no=checked.meter_no)
    )


def record_reading(
    uow: UnitOfWork, context: Context, given: ReadingInput, batch: str = ""
) -> tuple[int, CheckedReading]:
    """Check and write one reading in the caller's transaction; its id and what was written."""
    account = account_meter(uow, given.account_no)
    checked = check_reading(given, account, last_reading(uow, given.account_no), context.today())
    change_meter(uow, checked)
    row = reading_row(checked, context, batch)
    reading_id: int = uow.connection.execute(
        insert(MeterReading).returning(MeterReading.id), row
    ).scalar_one()
    return reading_id, checked
