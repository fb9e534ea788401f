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
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import bindparam, select

from db.domain import AccountStatus
from db.engine import Database
from db.models import Account
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.rules import TierVolumes, check_chargeable, gas_item
from hallclient.ledger.volumes import read_volumes
from hallclient.tariff.errors import AbolishedFeeError, TariffError, TariffProblem
from hallclient.tariff.rules import (
    COUNTED_UNITS,
    MAX_QUANTITY,
    QUANTITY_PLACES,
    Category,
    LateFeeRule,
    PricedItem,
    Quote,
    late_fee_quote,
    quote_item,
)
from hallclient.tariff.store import tariff_in_force
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class AccountFacts:
    """What pricing needs of a gas account: its type, household, status, tier volumes."""

    account_no: str
    customer_type: str
    household_size: int
    status: str = AccountStatus.NORMAL
    volumes: TierVolumes = field(default_factory=TierVolumes)

    def after(self, quotes: Iterable[Quote]) -> AccountFacts:
        """The account once the tiered gas of ``quotes`` is bought (the next line chains)."""
        return replace(self, volumes=self.volumes.after(quotes))


def check_quantity(item: PricedItem, quantity: Decimal) -> None:
    if not isinstance(quantity, Decimal) or not quantity.is_finite():
        raise TariffError(TariffProblem.BAD_QUANTITY, f"{quantity!r} is not a number")
    if quantity <= 0 or quantity > MAX_QUANTITY:
        raise TariffError(TariffProblem.BAD_QUANTITY, f"{quantity} is out of range")
    places = 0 if item.unit in COUNTED_UNITS else QUANTITY_PLACES
    if quantity != quantity.quantize(Decimal(1).scaleb(-places)):
        raise TariffError(TariffProblem.BAD_QUANTITY, f"{quantity} {item.unit}: {places} places")


class Pricer:
    """Prices from the items and late-fee rules in force on one day."""

    def __init__(
        self,
        items: Iterable[PricedItem],
        on: dt.date,
        late_fees: Mapping[str, LateFeeRule] | None = None,
    ) -> None:
        self.on = on
        self.items = {item.code: item for item in items}
        self.late_fees = dict(late_fees or {})
        self._gas_items: dict[str, PricedItem] = {}

    def item(self, code: str) -> PricedItem:
        try:
            return self.items[code.strip().upper()]
        except KeyError:
            raise TariffError(TariffProblem.UNKNOWN_ITEM, f"{code} on {self.on}") from None

    def gas_item(self, customer_type: str) -> PricedItem:
        """The one gas item a reading of this customer type is billed at, or a refusal.

        Kept per type for this pricer's day (a billing run asks once per reading); a
        reading on another day has its own pricer, so a new schedule is never missed.
        """
        found = self._gas_items.get(customer_type)
        if found is None:
            found = self._gas_items[customer_type] = gas_item(self.items.values(), customer_type)
        return found

    def quote(
        self,
        code: str,
        quantity: Decimal,
        account: AccountFacts | None = None,
        *,
        metered: bool = False,
    ) -> Quote:
        """The price of ``quantity``; ``metered`` prices gas already used (a bill), which
        the account's status does not stop, where buying gas needs an active account."""
        item = self.item(code)
        if item.abolished:
            raise AbolishedFeeError(item.code, item.name, item.abolished_by)
        check_quantity(item, quantity)
        if account is None:
            return quote_item(item, quantity, self.on)
        if account.customer_type not in item.customer_types:
            raise TariffError(
                TariffProblem.NOT_FOR_CUSTOMER, f"{item.code} / {account.customer_type}"
            )
        if not metered:
            check_chargeable(account.status, gas=item.category is Category.GAS_VOLUME)
        used = None if item.tiers is None else account.volumes.used(item.tiers.year_start(self.on))
        return quote_item(
            item,
            quantity,
            self.on,
            account_no=account.account_no,
            used_this_year=used,
            household_size=account.household_size,
        )

    def late_fee(
        self, bill_no: str, amount: Decimal, due_on: dt.date, account: AccountFacts
    ) -> Quote | None:
        """The late fee of an overdue bill paid today, or None (not overdue, or no rule)."""
        rule = self.late_fees.get(account.customer_type)
        if rule is None:
            return None
        return late_fee_quote(rule, bill_no, amount, due_on, self.on, account.account_no)


def load_pricer(uow: UnitOfWork, on: dt.date) -> Pricer:
    items, late_fees = tariff_in_force(uow.session, on)
    return Pricer(items, on, late_fees)


_FACTS = select(  # built once: every payment reads it
    Account.account_no,
    Account.customer_type,
    Account.household_size,
    Account.status,
    Account.name,
).where(Account.account_no == bindparam("account_no"))
_LOCKED_FACTS = _FACTS.with_for_update()


def load_account(uow: UnitOfWork, account_no: str) -> AccountFacts:
    return load_named_account(uow, account_no)[0]


def load_named_account(
    uow: UnitOfWork, account_no: str, *, lock: bool = False, volumes: bool = True
) -> tuple[AccountFacts, str]:
    """The account's pricing facts and its holder's name (a receipt needs both), or a refusal.

    ``lock`` takes the account's row lock (a payment, after series and shift);
    ``volumes`` reads its tier years too (only tiered gas needs them).
    """
    statement = _LOCKED_FACTS if lock else _FACTS
    row = uow.connection.execute(statement, {"account_no": account_no}).one_or_none()
    if row is None:
        raise TariffError(TariffProblem.UNKNOWN_ACCOUNT, account_no)
    tiers = read_volumes(uow, account_no) if volumes else TierVolumes()
    facts = AccountFacts(row.account_no, row.customer_type, row.household_size, row.status, tiers)
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
    after: Iterable[Quote] = (),
) -> Quote:
    """Price and basis of ``quantity`` of one item, from the schedule in force on ``on``.

    ``after`` are the cart's lines already quoted: tiered gas chains from them.
    """
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        account = load_account(uow, account_no).after(after) if account_no else None
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
    ``known`` holds accounts the caller has just read (and locked) in this transaction.
    Tiered lines chain: each is confirmed from where the ones before it ended; a tiered
    quote made before gas was bought on the account meanwhile is refused as such.
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
        if fresh.used_this_year != quote_to_charge.used_this_year and not fresh.estimated:
            raise LedgerError(LedgerProblem.TIER_VOLUME_CHANGED, number or "")
        if fresh != quote_to_charge:
            raise TariffError(TariffProblem.PRICE_CHANGED, quote_to_charge.item_code)
        if account is not None:
            accounts[account.account_no] = account.after([fresh])
        confirmed.append(fresh)
    return tuple(confirmed)
