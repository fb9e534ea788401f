"""A till for the receipt tests: users, a tariff in force, an account, and payments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from decimal import Decimal

from db.domain import PaymentMethod, Role
from db.engine import Database
from hallclient.clock import FixedClock
from hallclient.context import Context
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import PaymentRequest
from hallclient.receipts.payment import Tender
from hallclient.setup.workplace import Workplace, ensure_workplace
from hallclient.shifts import service as shifts
from hallclient.tariff import pricing
from hallclient.uow import run_write
from tests.db.ledger_helpers import add_ledger_account
from tests.db.security_helpers import START, WHERE, add_users, context_for
from tests.db.tariff_helpers import in_force

ACCOUNT_NO = "1028100001"
HALL_NAME = "燃气营业厅"


@dataclass
class Till:
    database: Database
    clock: FixedClock
    clerk: Context
    people: dict

    def context(self, role: Role = Role.CLERK, counter: str = WHERE.counter_code) -> Context:
        """Someone at ``counter``; a clerk there has an open shift (opened if need be)."""
        base = context_for(self.people[role], self.clock)
        context = replace(base, where=replace(base.where, counter_code=counter))
        if role is Role.CLERK:
            ensure_shift(self.database, context)
        return context

    def cart(self, *items: tuple[str, str]) -> Cart:
        return quoted_cart(self.database, self.clerk, *items)


def quoted_cart(database: Database, context: Context, *items: tuple[str, str]) -> Cart:
    """A cart of ``(code, quantity)`` quoted by the pricing service for the account."""
    cart = Cart()
    for code, quantity in items:
        quote = pricing.quote(
            database, context, code, Decimal(quantity), account_no=ACCOUNT_NO, after=cart.lines
        )
        cart = cart.add(quote)
    return cart


def open_till(database: Database) -> Till:
    """The till of counter C01 in hall H01 (燃气营业厅), registered as the core does."""
    clock = FixedClock(START)
    register_counter(database, WHERE.counter_code)
    people = add_users(database)
    in_force(database, context_for(people[Role.ADMIN], clock))
    add_account(database)
    clerk = context_for(people[Role.CLERK], clock)
    ensure_shift(database, clerk)
    return Till(database, clock, clerk, people)


def register_counter(database: Database, counter: str) -> Workplace:
    """Counter ``counter`` of the hall 燃气营业厅 (H01), registered as at a PC's start."""
    hall = WHERE.hall_code
    return run_write(database, lambda uow: ensure_workplace(uow, hall, HALL_NAME, counter))


FLOAT = {Decimal(100): 2, Decimal(10): 5}  # 250.00 yuan


def ensure_shift(database: Database, context: Context) -> None:
    """Open the context's shift at its counter with a 250 yuan float, unless one is open."""
    if shifts.current_shift(database, context) is None:
        shifts.open_shift(database, context, FLOAT)


def add_account(database: Database) -> None:
    """The one gas account of the receipt tests (张伟, residential, 250 m³ used this year)."""
    add_ledger_account(
        database,
        used=250,
        account_no=ACCOUNT_NO,
        meter_no="211906000002",
        address="成都市武侯区锦华路25号",
    )


def cash_request(cart: Cart, tendered: str | None = None, key: str | None = None) -> PaymentRequest:
    return PaymentRequest(
        key=key or uuid.uuid4().hex,
        cart=cart,
        tenders=(Tender(PaymentMethod.CASH, cart.total),),
        cash_tendered=Decimal(tendered) if tendered else None,
        account_no=ACCOUNT_NO,
    )
