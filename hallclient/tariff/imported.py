"""A tariff as its files hold it: items, tier bands and late-fee rules, before any schedule.

What the import reads, the export writes and a schedule is created from; apart from
the reading itself so that the cell checks can name these records without importing
the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hallclient.tariff.rules import Category


@dataclass(frozen=True)
class ImportedItem:
    code: str
    name: str
    category: Category
    unit: str
    unit_price: Decimal
    customer_types: tuple[str, ...]
    note: str
    abolished_by: str = ""  # the document that abolished the fee (category abolished)


@dataclass(frozen=True)
class ImportedBand:
    item_code: str
    band: int
    up_to_m3: Decimal | None
    unit_price: Decimal
    uplift_per_person_m3: Decimal
    uplift_cap_m3: Decimal | None = None  # at most this much more for the household


@dataclass(frozen=True)
class ImportedLateFee:
    customer_type: str
    daily_rate: Decimal
    grace_days: int


@dataclass(frozen=True)
class ImportedTariff:
    items: tuple[ImportedItem, ...]
    bands: tuple[ImportedBand, ...]
    late_fees: tuple[ImportedLateFee, ...] = ()
