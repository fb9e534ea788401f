"""Tariff data shapes and arithmetic, without a database.

Amounts are ``Decimal`` yuan rounded once per basis line with ROUND_HALF_UP
(:func:`hallclient.money.round_fen`); the amount of a quote is the sum of its lines.
Residential gas may be tiered (阶梯): bands on the volume used since the tier year
began, each band's upper limit raised for every registered person above the
household base size.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal

from hallclient.money import round_fen

CUSTOMER_TYPES = ("residential", "commercial", "industrial", "public_institution")
UNITS = ("m³", "次", "个", "米", "户", "套", "台", "块", "处")
COUNTED_UNITS = frozenset({"次", "个", "户", "套", "台", "块", "处"})  # whole quantities only
QUANTITY_PLACES = 3  # m³ and 米 to the litre / millimetre
MAX_QUANTITY = Decimal(1_000_000)


class Category(enum.StrEnum):
    GAS_VOLUME = "gas_volume"
    SERVICE_FEE = "service_fee"
    MATERIAL = "material"
    DEPOSIT = "deposit"
    BACK_CHARGE = "back_charge"
    ABOLISHED = "abolished"  # a fee a state document abolished: shown, never charged


FREE_CATEGORIES = frozenset({Category.SERVICE_FEE, Category.MATERIAL})  # may cost 0 (免费)

PRICE_PLACES = {Category.GAS_VOLUME: 4, Category.BACK_CHARGE: 4}  # others: to the fen
MAX_UNIT_PRICE = {Category.GAS_VOLUME: Decimal(100), Category.BACK_CHARGE: Decimal(100)}
MAX_OTHER_UNIT_PRICE = Decimal(100_000)


def price_places(category: Category) -> int:
    return PRICE_PLACES.get(category, 2)


def max_unit_price(category: Category) -> Decimal:
    return MAX_UNIT_PRICE.get(category, MAX_OTHER_UNIT_PRICE)


@dataclass(frozen=True)
class Band:
    """One tier: volume up to ``up_to_m3`` a year (``None`` for the last), at ``unit_price``;
    the limit rises by ``uplift_per_person_m3`` for each person above the base size, by
    at most ``uplift_cap_m3`` for the household (``None``: no cap)."""

    number: int
    up_to_m3: Decimal | None
    unit_price: Decimal
    uplift_per_person_m3: Decimal = Decimal(0)
    uplift_cap_m3: Decimal | None = None

    def limit(self, extra_people: int) -> Decimal | None:
        """The band's upper limit for a household ``extra_people`` above the base size."""
        if self.up_to_m3 is None:
            return None
        uplift = extra_people * self.uplift_per_person_m3
        if self.uplift_cap_m3 is not None:
            uplift = min(uplift, self.uplift_cap_m3)
        return self.up_to_m3 + uplift


@dataclass(frozen=True)
class TierPlan:
    """The tiered prices of one item: bands, the day the tier year starts, the base size."""

    bands: tuple[Band, ...]
    year_start_month: int = 1
    year_start_day: int = 1
    household_base: int = 4
    _limits: dict[int, tuple[Decimal | None, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def limits(self, household_size: int) -> tuple[Decimal | None, ...]:
        """Each band's upper limit for a household of this size.

        Kept per size on the plan, which never changes (a schedule's items and bands are
        append-only; another schedule is another plan): a billing run asks for the same
        few sizes a million times.
        """
        known = self._limits.get(household_size)
        if known is None:
            extra = max(household_size - self.household_base, 0)
            known = tuple(band.limit(extra) for band in self.bands)
            self._limits[household_size] = known
        return known

    def year_start(self, on: dt.date) -> dt.date:
        """The first day of the tier year that contains ``on``."""
        start = dt.date(on.year, self.year_start_month, self.year_start_day)
        return start if start <= on else start.replace(year=on.year - 1)


@dataclass(frozen=True)
class BandShare:
    band: int
    volume: Decimal
    unit_price: Decimal


def split_volume(
    plan: TierPlan, used_this_year: Decimal, volume: Decimal, household_size: int
) -> list[BandShare]:
    """Split ``volume`` over the bands, starting where ``used_this_year`` left off.

    Bands that take no volume are left out; the shares add up to ``volume`` exactly.
    """
    shares: list[BandShare] = []
    left, position = volume, used_this_year
    for band, limit in zip(plan.bands, plan.limits(household_size), strict=True):
        room = left if limit is None else max(min(limit - position, left), Decimal(0))
        if room > 0:
            shares.append(BandShare(band.number, room, band.unit_price))
            left -= room
            position += room
    return shares


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """One basis line's subtotal: quantity × unit price, rounded once to the fen."""
    return round_fen(quantity * unit_price)


@dataclass(frozen=True)
class ScheduleRef:
    """What a basis line cites: the schedule and its approval document."""

    code: str
    title: str
    approval_doc_no: str
    issuing_body: str
    effective_from: dt.date
    effective_to: dt.date | None


@dataclass(frozen=True)
class PricedItem:
    """An item of an approved schedule, as the catalog and the pricing service see it.

    An abolished fee (category ``abolished``) names the document that abolished it in
    ``abolished_by``: the lookup shows it so the clerk can say why it is not charged,
    and the pricing service refuses to quote it.  A free item costs 0 (免费).
    """

    code: str
    name: str
    pinyin_initials: str
    category: Category
    unit: str
    unit_price: Decimal
    customer_types: tuple[str, ...]
    note: str
    schedule: ScheduleRef
    tiers: TierPlan | None = None
    abolished_by: str = ""

    @property
    def abolished(self) -> bool:
        return self.category is Category.ABOLISHED

    @property
    def free(self) -> bool:
        """Provided at no charge (免费): priced at 0 in the approved schedule."""
        return not self.abolished and self.unit_price == 0


@dataclass(frozen=True)
class BasisLine:
    """One line of a quote's basis: schedule, document, band, quantity, price, subtotal."""

    schedule_code: str
    approval_doc_no: str
    item_code: str
    item_name: str
    band: int | None
    quantity: Decimal
    unit: str
    unit_price: Decimal
    subtotal: Decimal


@dataclass(frozen=True)
class Quote:
    """The price of ``quantity`` of one item on one day, with its basis line by line.

    ``used_this_year`` and ``household_size`` are what a tiered split started from,
    in the tier year that begins on ``tier_year``; ``estimated`` says they were assumed
    (no account given), so the quote may inform but not be charged.  ``bill_no`` marks
    the lines of a bill being paid, or the late fee of that bill.
    """

    item_code: str
    item_name: str
    quantity: Decimal
    unit: str
    on: dt.date
    account_no: str | None
    lines: tuple[BasisLine, ...]
    amount: Decimal
    used_this_year: Decimal | None = None
    household_size: int | None = None
    estimated: bool = False
    tier_year: dt.date | None = None
    bill_no: str | None = None

    @property
    def counts_in_tier_year(self) -> bool:
        """Tiered gas bought by volume: its volume joins the account's tier year."""
        return self.tier_year is not None and self.bill_no is None


def quote_item(
    item: PricedItem,
    quantity: Decimal,
    on: dt.date,
    *,
    account_no: str | None = None,
    used_this_year: Decimal | None = None,
    household_size: int | None = None,
) -> Quote:
    """Price ``quantity`` of ``item``: one line, or one line per band for tiered gas."""
    ref = item.schedule
    if item.tiers is None:
        shares = [BandShare(0, quantity, item.unit_price)]
        used, size, estimated, year = None, None, False, None
    else:
        estimated = used_this_year is None or household_size is None
        used = Decimal(0) if used_this_year is None else used_this_year
        size = item.tiers.household_base if household_size is None else household_size
        shares = split_volume(item.tiers, used, quantity, size)
        year = item.tiers.year_start(on)
    lines = tuple(
        BasisLine(
            ref.code,
            ref.approval_doc_no,
            item.code,
            item.name,
            share.band if item.tiers else None,
            share.volume,
            item.unit,
            share.unit_price,
            line_amount(share.volume, share.unit_price),
        )
        for share in shares
    )
    return Quote(
        item.code,
        item.name,
        quantity,
        item.unit,
        on,
        account_no,
        lines,
        sum((line.subtotal for line in lines), Decimal("0.00")),
        used,
        size,
        estimated,
        year,
    )


LATE_FEE_CODE = "LATE_FEE"  # reserved: no tariff item may take this code
LATE_FEE_UNIT = "元"
RATE_PLACES = 4  # a daily rate to 0.01 % (万分之一): 0.0010 is 千分之一 a day
MAX_DAILY_RATE = Decimal("0.01")
MAX_GRACE_DAYS = 365


@dataclass(frozen=True)
class LateFeeRule:
    """The late fee (违约金) of one customer type in one schedule: ``daily_rate`` of the
    bill's amount for each day past its due date beyond the first ``grace_days``."""

    customer_type: str
    daily_rate: Decimal
    grace_days: int
    schedule: ScheduleRef


def late_days(due_on: dt.date, on: dt.date, grace_days: int) -> int:
    """The days a late fee is charged for, paying on ``on``: none within the grace days."""
    late = (on - due_on).days
    return late - grace_days if late > grace_days else 0


def late_fee_quote(
    rule: LateFeeRule,
    bill_no: str,
    bill_amount: Decimal,
    due_on: dt.date,
    on: dt.date,
    account_no: str,
) -> Quote | None:
    """The late fee of an overdue bill paid on ``on``, as one basis line, or None.

    The line reads as the bill's amount × (daily rate × days): the rate has four
    places, so the product is a unit price the receipt can carry exactly; the
    amount is rounded once, to the fen.
    """
    days = late_days(due_on, on, rule.grace_days)
    factor = rule.daily_rate * days
    fee = line_amount(bill_amount, factor)
    if fee <= 0:
        return None
    ref, name = rule.schedule, f"违约金（逾期{days}天）"
    line = BasisLine(
        ref.code,
        ref.approval_doc_no,
        LATE_FEE_CODE,
        name,
        None,
        bill_amount,
        LATE_FEE_UNIT,
        factor,
        fee,
    )
    return Quote(
        LATE_FEE_CODE,
        name,
        bill_amount,
        LATE_FEE_UNIT,
        on,
        account_no,
        (line,),
        fee,
        bill_no=bill_no,
    )
