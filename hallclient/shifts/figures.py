"""Reconciliation arithmetic, in one place for every screen and report (no database).

Per payment method: expected = opening float (cash only) + receipts − voids ± cash
moves (cash only).  Voids are receipts with negated payments, so "receipts − voids"
is a plain sum that the store splits into its two parts for the reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from db.domain import PaymentMethod

ZERO = Decimal("0.00")
METHODS = tuple(PaymentMethod)
BILLS, LATE_FEES = "bills", "late_fees"
# the income kinds in report order: bills paid, their late fees, gas bought by volume
# (prepaid), then the tariff's other categories (services, materials, ...)
INCOME_ORDER = (BILLS, LATE_FEES, "gas_volume", "service_fee", "material", "deposit", "back_charge")


def in_report_order(amounts: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """The income kinds in :data:`INCOME_ORDER`, any unknown kind after them by name."""
    rank = {kind: number for number, kind in enumerate(INCOME_ORDER)}
    return dict(sorted(amounts.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


@dataclass(frozen=True)
class MethodFigures:
    method: PaymentMethod
    sales: Decimal = ZERO
    sales_count: int = 0
    voids: Decimal = ZERO  # the amount given back, as a positive figure
    void_count: int = 0
    opening: Decimal = ZERO  # the float: cash only
    moved_in: Decimal = ZERO  # cash only
    moved_out: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        """Receipts minus voids: what this method brought in."""
        return self.sales - self.voids

    @property
    def expected(self) -> Decimal:
        return self.opening + self.net + self.moved_in - self.moved_out

    @property
    def expected_count(self) -> int:
        return self.sales_count - self.void_count


@dataclass(frozen=True)
class ShiftFigures:
    """Everything a reading of a shift shows, by method, plus the counts of the day's work."""

    methods: tuple[MethodFigures, ...]
    receipts: int = 0
    voids: int = 0
    reprints: int = 0
    by_category: Mapping[str, Decimal] = field(default_factory=dict)  # by income kind
    bills_paid: int = 0  # bills settled in the shift, less those its voids reopened

    def method(self, method: PaymentMethod) -> MethodFigures:
        return next(m for m in self.methods if m.method is method)

    @property
    def net(self) -> Decimal:
        return sum((m.net for m in self.methods), ZERO)

    @property
    def expected_total(self) -> Decimal:
        return sum((m.expected for m in self.methods), ZERO)


def empty_figures() -> ShiftFigures:
    return ShiftFigures(tuple(MethodFigures(m) for m in METHODS))


@dataclass(frozen=True)
class Tally:
    """One method at a close: what the drawer or the terminal should show, and what did."""

    method: PaymentMethod
    expected: Decimal
    counted: Decimal  # cash counted by denomination, or the declared non-cash total
    expected_count: int
    declared_count: int

    @property
    def difference(self) -> Decimal:
        """Over (positive) or short (negative)."""
        return self.counted - self.expected

    @property
    def count_difference(self) -> int:
        return self.declared_count - self.expected_count


def tallies(
    figures: ShiftFigures,
    counted: Mapping[PaymentMethod, Decimal],
    declared_counts: Mapping[PaymentMethod, int],
) -> tuple[Tally, ...]:
    """Expected against counted for every method (a method not declared counts as nothing)."""
    return tuple(
        Tally(
            m.method,
            m.expected,
            counted.get(m.method, ZERO),
            m.expected_count,
            declared_counts.get(m.method, 0) if m.method is not PaymentMethod.CASH else 0,
        )
        for m in figures.methods
    )


def beyond_limit(rows: Iterable[Tally], limit: Decimal) -> list[Tally]:
    """The methods whose difference (either way) exceeds the limit: they need a manager."""
    return [t for t in rows if abs(t.difference) > limit]
