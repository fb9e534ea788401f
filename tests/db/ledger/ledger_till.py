"""A till for the ledger's tests: a tariff with late fees and a reconnection fee, an
account read from the readers' file, an admin who runs the billing, payments of bills."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from db.domain import PaymentMethod, Role
from db.engine import Database
from hallclient.clock import FixedClock
from hallclient.context import Context
from hallclient.ledger.billing import run_billing
from hallclient.ledger.reading_import import import_readings
from hallclient.ledger.service import AccountBills, account_bills
from hallclient.receipts.cart import Cart, Waiver
from hallclient.receipts.issue import Issued, PaymentRequest, issue_receipt
from hallclient.receipts.payment import Tender
from hallclient.tariff.imported import ImportedItem, ImportedLateFee
from hallclient.tariff.rules import Category
from hallclient.tariff.sheets import write_csv
from tests.db.ledger_helpers import add_ledger_account
from tests.db.receipt_helpers import Till, ensure_shift
from tests.db.security_helpers import START, add_users, context_for
from tests.db.tariff_helpers import ALL_TYPES, TARIFF, in_force

RECONNECT = ImportedItem(
    "S101", "复通费", Category.SERVICE_FEE, "次", Decimal("50.00"), ALL_TYPES, ""
)
LATE_FEES = (ImportedLateFee("residential", Decimal("0.0010"), 10),)
LEDGER_TARIFF = replace(TARIFF, items=(*TARIFF.items, RECONNECT), late_fees=LATE_FEES)
READINGS_HEADER = ["account_no", "meter_no", "reading", "read_on", "reader"]


@dataclass
class LedgerTill:
    """A till whose tariff has late fees and a reconnection fee, and an admin to bill."""

    till: Till
    admin: Context

    @property
    def database(self) -> Database:
        return self.till.database

    def read(self, tmp_path: Path, *rows: tuple[str, str, str, str]) -> None:
        """Import ``(account_no, meter_no, reading, read_on)`` rows as the readers' file."""
        path = tmp_path / f"readings-{len(list(tmp_path.iterdir()))}.csv"
        write_csv(path, READINGS_HEADER, [[*row, "R07"] for row in rows])
        import_readings(self.database, self.admin, path)

    def bill(self, due_days: int = 15) -> list[str]:
        return run_billing(self.database, self.admin, due_days).bill_nos

    def bills(self, account_no: str, context: Context | None = None) -> AccountBills:
        return account_bills(self.database, context or self.till.clerk, account_no)

    def pay(
        self,
        account_no: str,
        count: int | None = None,
        context: Context | None = None,
        waivers: tuple[Waiver, ...] = (),
    ) -> Issued:
        """Pay the ``count`` oldest open bills (with their late fees), in cash."""
        context = context or self.till.clerk
        cart = Cart()
        for quote in self.bills(account_no, context).cart_lines(count):
            cart = cart.add(quote)
        for waiver in waivers:
            cart = cart.waive(waiver)
        request = PaymentRequest(
            uuid.uuid4().hex, cart, (Tender(PaymentMethod.CASH, cart.total),), account_no=account_no
        )
        return issue_receipt(self.database, context, request)


def ledger_till(database: Database) -> LedgerTill:
    clock = FixedClock(START)
    people = add_users(database)
    admin = context_for(people[Role.ADMIN], clock)
    in_force(database, admin, LEDGER_TARIFF)
    add_ledger_account(database, account_no=BILLED_NO, meter_no="211906000777")
    clerk = context_for(people[Role.CLERK], clock)
    ensure_shift(database, clerk)
    return LedgerTill(Till(database, clock, clerk, people), admin)


BILLED_NO = "1028100777"
