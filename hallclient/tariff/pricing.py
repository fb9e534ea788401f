"""The one pricing service: price and basis for item X, quantity Q, account A, on day D.

Nothing else in the program computes a price.  A :class:`Pricer` holds the items in
force on one day (a snapshot read in one query) and prices from them: the fee
lookup keeps one for the calculator; :func:`quote` reads a fresh one for each call;
:func:`confirm` re-prices a quote inside the charging transaction and refuses it if
the schedule in force no longer gives exactly the same basis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, select

from db.engine import Database
from db.models import Account
from hallclient.context import Context
from hallclient.permissions import Action
from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.tariff.rules import (
    COUNTED_UNITS,
    MAX_QUANTITY,
    QUANTITY_PLACES,
    PricedItem,
    Quote,
    quote_item,
)
from hallclient.tariff.store import items_in_force
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class AccountFacts:
    """What pricing needs of a gas account."""

    account_no: str
    customer_type: str
    ytd_volume_m3: Decimal
    ytd_as_of: dt.date | None
    household_size: int


def check_quantity(item: PricedItem, quantity: Decimal) -> None:
    if not isinstance(quantity, Decimal) or not quantity.is_finite():
        raise TariffError(TariffProblem.BAD_QUANTITY, f"{quantity!r} is not a number")
    if quantity <= 0 or quantity > MAX_QUANTITY:
        raise TariffError(TariffProblem.BAD_QUANTITY, f"{quantity} is out of range")
    places = 0 if item.unit in COUNTED_UNITS else QUANTITY_PLACES
    if quantity != quantity.quantize(Decimal(1).scaleb(-places)):
        raise TariffError(TariffProblem.BAD_QUANTITY, f"{quantity} {item.unit}: {places} places")


class Pricer:
    """Prices from the items in force on one day."""

    def __init__(self, items: Iterable[PricedItem], on: dt.date) -> None:
        self.on = on
        self.items = {item.code: item for item in items}

    def item(self, code: str) -> PricedItem:
        try:
            return self.items[code.strip().upper()]
        except KeyError:
            raise TariffError(TariffProblem.UNKNOWN_ITEM, f"{code} on {self.on}") from None

    def quote(self, code: str, quantity: Decimal, account: AccountFacts | None = None) -> Quote:
        item = self.item(code)
        check_quantity(item, quantity)
        if account is None:
            return quote_item(item, quantity, self.on)
        if account.customer_type not in item.customer_types:
            raise TariffError(
                TariffProblem.NOT_FOR_CUSTOMER, f"{item.code} / {account.customer_type}"
            )
        return quote_item(
            item, quantity, self.on, account_no=account.account_no,
            used_this_year=_used_this_year(item, account, self.on),
            household_size=account.household_size,
        )  # fmt: skip


def _used_this_year(item: PricedItem, account: AccountFacts, on: dt.date) -> Decimal:
    """The account's volume so far in the tier year of ``on``: zero if the reading is older."""
    if item.tiers is None or account.ytd_as_of is None:
        return account.ytd_volume_m3
    if account.ytd_as_of < item.tiers.year_start(on):
        return Decimal(0)
    return account.ytd_volume_m3


def load_pricer(uow: UnitOfWork, on: dt.date) -> Pricer:
    return Pricer(items_in_force(uow.session, on), on)


_FACTS = select(  # built once: every payment reads it
    Account.account_no, Account.customer_type, Account.ytd_volume_m3,
    Account.ytd_as_of, Account.household_size, Account.name,
).where(Account.account_no == bindparam("account_no"))  # fmt: skip


def load_account(uow: UnitOfWork, account_no: str) -> AccountFacts:
    return load_named_account(uow, account_no)[0]


def load_named_account(uow: UnitOfWork, account_no: str) -> tuple[AccountFacts, str]:
    """The account's pricing facts and its holder's name (a receipt needs both), or a refusal."""
    row = uow.connection.execute(_FACTS, {"account_no": account_no}).one_or_none()
    if row is None:
        raise TariffError(TariffProblem.UNKNOWN_ACCOUNT, account_no)
    facts = AccountFacts(
        row.account_no, row.customer_type, Decimal(row.ytd_volume_m3), row.ytd_as_of,
        row.household_size,
    )  # fmt: skip
    return facts, row.name


def pricer(database: Database, context: Context, on: dt.date | None = None) -> Pricer:
    """A snapshot of the items in force today (or on ``on``), for lookups and the calculator."""
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        return load_pricer(uow, on or context.today())


def account_facts(database: Database, context: Context, account_no: str) -> AccountFacts:
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        return load_account(uow, account_no)


def quote(
    database: Database,
    context: Context,
    item_code: str,
    quantity: Decimal,
    *,
    account_no: str | None = None,
    on: dt.date | None = None,
) -> Quote:
    """Price and basis of ``quantity`` of one item, from the schedule in force on ``on``."""
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        account = load_account(uow, account_no) if account_no else None
        return load_pricer(uow, on or context.today()).quote(item_code, quantity, account)


def confirm(uow: UnitOfWork, quote_to_charge: Quote) -> Quote:
    """Inside a charging transaction: the quote again from the database, or a refusal.

    Refused when the item left the schedule in force, a price or band changed, the
    amount was edited, or a tiered quote was only an estimate (no account).
    """
    return confirm_all(uow, [quote_to_charge], quote_to_charge.on)[0]


def confirm_all(
    uow: UnitOfWork,
    quotes: Iterable[Quote],
    on: dt.date,
    known: Mapping[str, AccountFacts] | None = None,
) -> tuple[Quote, ...]:
    """:func:`confirm` for a cart charged on ``on``: the schedule is read once.

    A quote made on another day (a cart left open overnight) is refused as changed.
    ``known`` holds accounts the caller has just read in this transaction.
    """
    pricer, accounts = load_pricer(uow, on), dict(known or {})
    confirmed = []
    for quote_to_charge in quotes:
        if quote_to_charge.estimated:
            raise TariffError(TariffProblem.ESTIMATE, quote_to_charge.item_code)
        if quote_to_charge.on != on:
            raise TariffError(TariffProblem.PRICE_CHANGED, quote_to_charge.item_code)
        number = quote_to_charge.account_no
        if number and number not in accounts:
            accounts[number] = load_account(uow, number)
        account = accounts[number] if number else None
        fresh = pricer.quote(quote_to_charge.item_code, quote_to_charge.quantity, account)
        if fresh != quote_to_charge:
            raise TariffError(TariffProblem.PRICE_CHANGED, quote_to_charge.item_code)
        confirmed.append(fresh)
    return tuple(confirmed)
