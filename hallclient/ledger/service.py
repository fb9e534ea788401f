"""The ledger's services for the counter and the command line.

``account_bills``: an account's open bills, oldest first, each with today's late fee.
``report_reading``: a customer's own reading (自报), told at the counter, recorded and
billed at once, so the clerk can take its payment in the same visit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from db.domain import ReadingSource
from db.engine import Database
from db.models.ledger import MeterReading
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ledger.billing import Unbilled, bill_readings
from hallclient.ledger.bills import OpenBill, cart_lines, open_bills, with_late_fees
from hallclient.ledger.errors import LedgerError, LedgerProblem, ReadingFault, reading_refused
from hallclient.ledger.readings import ReadingInput, record_reading
from hallclient.ledger.rules import ReadingFigures
from hallclient.tariff.errors import TariffError
from hallclient.tariff.pricing import AccountFacts, load_named_account, load_pricer
from hallclient.tariff.rules import Quote
from hallclient.uow import UnitOfWork, run_write


@dataclass(frozen=True)
class AccountBills:
    """An account's open bills as of ``facts``' day: what one key puts in the cart."""

    facts: AccountFacts
    on: dt.date
    bills: tuple[OpenBill, ...]

    @property
    def arrears(self) -> Decimal:
        return sum((entry.bill.amount for entry in self.bills), Decimal("0.00"))

    @property
    def late_fees(self) -> Decimal:
        return sum((entry.late_fee_amount for entry in self.bills), Decimal("0.00"))

    def cart_lines(self, count: int | None = None) -> list[Quote]:
        """The ``count`` oldest bills (all by default) as cart lines, each followed by its
        late fee if overdue (only a manager's waiver takes that out: ``Cart.waive``)."""
        return cart_lines(self.bills, self.on, count)


def account_bills(database: Database, context: Context, account_no: str) -> AccountBills:
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        try:
            facts, _ = load_named_account(uow, account_no)
        except TariffError:
            raise LedgerError(LedgerProblem.UNKNOWN_ACCOUNT, account_no) from None
        pricer = load_pricer(uow, context.today())
        bills = with_late_fees(pricer, open_bills(uow, account_no), facts)
        return AccountBills(facts, pricer.on, tuple(bills))


def report_reading(
    database: Database,
    context: Context,
    account_no: str,
    figures: ReadingFigures,
    due_days: int,
    meter_no: str = "",
) -> str:
    """Record the customer's own reading and bill it in one transaction; the bill number.

    ``meter_no`` names the new meter of a meter change (blank: the account's meter).  A
    write unit of work (``run_write``): on SQLite a read transaction that starts writing
    while another counter writes is refused at once ("database is locked"), where a write
    one waits its turn and is retried.
    """
    context.require(Action.SERVE_CUSTOMERS)
    given = ReadingInput(
        account_no,
        meter_no.strip(),
        figures,
        context.today(),
        context.user.employee_no,
        ReadingSource.SELF,
    )

    def use_case(uow: UnitOfWork) -> str:
        reading_id, checked = record_reading(uow, context, given, batch="counter")
        if checked.consumption is None:
            raise reading_refused(ReadingFault.FIRST_READING)
        unbilled = Unbilled(
            reading_id,
            account_no,
            given.read_on,
            checked.consumption,
            _previous_day(uow, checked.previous_id),
        )
        run = bill_readings(uow, context, [unbilled], due_days)
        if run.left:
            raise LedgerError(LedgerProblem.NO_GAS_ITEM, next(iter(run.left)))
        context.record(
            uow,
            "ledger.reading_reported",
            "account",
            account_no,
            {"reading": f"{figures.reading}", "bill": run.bill_nos[0]},
        )
        uow.commit()
        return run.bill_nos[0]

    return run_write(database, use_case)


def _previous_day(uow: UnitOfWork, previous_id: int | None) -> dt.date | None:
    if previous_id is None:
        return None
    return uow.session.scalar(select(MeterReading.read_on).where(MeterReading.id == previous_id))
