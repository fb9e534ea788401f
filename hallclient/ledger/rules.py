"""The ledger's rules, without a database: consumption, what an account may be charged,
and how a cart's tiered gas moves the account's tier year.

An account's tier-year volume is the sum of its tiered gas: bought by volume at a
counter (receipt lines, less the voided ones) and billed from meter readings.  Two
tiered purchases in one cart chain: the second starts where the first ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from db.domain import AccountStatus, ReadingKind
from hallclient.ledger.errors import LedgerError, LedgerProblem, ReadingFault, reading_refused
from hallclient.tariff.rules import Category, PricedItem, Quote

ZERO_M3 = Decimal("0.000")
MAX_READING = Decimal("99999999.999")
# what a customer may tell at the counter: a regular reading, a new meter, dials reset
COUNTER_KINDS = (ReadingKind.REGULAR, ReadingKind.METER_CHANGE, ReadingKind.ROLLOVER)


def check_chargeable(status: str, *, gas: bool) -> None:
    """Gas by volume only for an account in service; the fees that apply to a suspended
    or closed account -- reconnection, reopening -- are still charged."""
    if gas and status != AccountStatus.NORMAL:
        raise LedgerError(LedgerProblem.ACCOUNT_INACTIVE, status)


def check_bills_payable(status: str) -> None:
    """A suspended account's bills are paid at the counter: gas stopped for arrears (欠费
    停气) comes back once they are settled, so refusing them would strand the customer.
    A closed account's are not: they were settled when it closed (销户结清)."""
    if status == AccountStatus.CLOSED:
        raise LedgerError(LedgerProblem.ACCOUNT_INACTIVE, status)


@dataclass(frozen=True)
class TierVolumes:
    """An account's volume per tier year (keyed by the year's first day)."""

    by_year: tuple[tuple[dt.date, Decimal], ...] = ()

    @classmethod
    def of(cls, volumes: Mapping[dt.date, Decimal]) -> TierVolumes:
        return cls(tuple(sorted((year, v) for year, v in volumes.items() if v)))

    def used(self, year_start: dt.date) -> Decimal:
        return next((v for year, v in self.by_year if year == year_start), ZERO_M3)

    def plus(self, year_start: dt.date, volume: Decimal) -> TierVolumes:
        found = dict(self.by_year)
        found[year_start] = found.get(year_start, ZERO_M3) + volume
        return TierVolumes.of(found)

    def after(self, quotes: Iterable[Quote]) -> TierVolumes:
        """These volumes once the tiered gas of ``quotes`` is bought."""
        volumes = self
        for quote in quotes:
            if quote.counts_in_tier_year and quote.tier_year is not None:
                volumes = volumes.plus(quote.tier_year, quote.quantity)
        return volumes


def tier_deltas(quotes: Iterable[Quote]) -> dict[dt.date, Decimal]:
    """The volume ``quotes`` add to each tier year."""
    return dict(TierVolumes().after(quotes).by_year)


@dataclass(frozen=True)
class ReadingFigures:
    """A new reading as typed: the figure, and for a meter change or rollover the
    figure the dials began from and the old meter's last figure (or the dials' maximum)."""

    reading: Decimal
    kind: ReadingKind = ReadingKind.REGULAR
    start_reading: Decimal | None = None
    old_final: Decimal | None = None


def consumption(previous: Decimal | None, figures: ReadingFigures) -> Decimal | None:
    """The gas used since ``previous`` (None: an account's first reading), or a refusal.

    A reading below the last is refused unless it is a meter change or a rollover,
    which count from their start reading; what the old dials showed after the last
    reading (``old_final`` less the last) counts too.
    """
    value = _figure(figures.reading, "reading")
    if previous is None:
        if figures.kind not in (ReadingKind.REGULAR, ReadingKind.OPENING):
            raise reading_refused(ReadingFault.NO_EARLIER)
        return None
    if figures.kind in (ReadingKind.REGULAR, ReadingKind.OPENING):
        if figures.start_reading is not None or figures.old_final is not None:
            raise reading_refused(ReadingFault.START_WITHOUT_CHANGE)
        if value < previous:
            raise reading_refused(ReadingFault.BELOW_LAST, value, previous)
        return value - previous
    if figures.start_reading is None:
        raise reading_refused(ReadingFault.START_NEEDED)
    start = _figure(figures.start_reading, "start reading")
    old_final = previous if figures.old_final is None else _figure(figures.old_final, "old")
    if old_final < previous:
        raise reading_refused(ReadingFault.OLD_BELOW_LAST, old_final, previous)
    if value < start:
        raise reading_refused(ReadingFault.BELOW_START, value, start)
    return (old_final - previous) + (value - start)


def _figure(value: Decimal, what: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise reading_refused(ReadingFault.NOT_A_NUMBER, what)
    if value < 0 or value > MAX_READING or value != value.quantize(Decimal("0.001")):
        raise reading_refused(ReadingFault.OUT_OF_RANGE, what, value)
    return value.quantize(Decimal("0.001"))


def gas_item(items: Iterable[PricedItem], customer_type: str) -> PricedItem:
    """The one gas item a reading of this customer type is billed at, or a refusal."""
    found = [
        i for i in items if i.category is Category.GAS_VOLUME and customer_type in i.customer_types
    ]
    if len(found) != 1:
        codes = ", ".join(i.code for i in found) or "none"
        raise LedgerError(LedgerProblem.NO_GAS_ITEM, f"{customer_type}: {codes}")
    return found[0]
