"""Column types that keep money exact and time in UTC.

Money is stored as integer fen (BIGINT) and handed to code as ``Decimal`` yuan.
Unit prices may carry four decimal places of a yuan (gas prices), stored as an
integer count of 0.0001 yuan.  A value that does not fit the column's precision
exactly is refused: rounding is the core's job, done once and explicitly.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

_BIGINT_DIGITS = 19  # 10**19 > 2**63
_BIGINT_MAX = 2**63 - 1
_POWERS: tuple[int, ...] = tuple(10**places for places in range(_BIGINT_DIGITS))


def _scaled_int(value: Decimal, places: int) -> int:
    """``value * 10**places`` as an exact BIGINT, or ValueError.

    Integer arithmetic on purpose: ``Decimal.scaleb`` rounds to the context's 28 digits,
    which would quietly accept a value with too many decimal places.  The value's exact
    fraction (``as_integer_ratio``) times the power of ten must be a whole number; the
    magnitude is checked first on the exponent alone, so that neither ``1E+999999`` nor
    ``1E-999999`` builds a huge integer.
    """
    if not value.is_finite():
        raise ValueError(f"needs a finite Decimal, got {value}")
    if not value:
        return 0
    magnitude = value.adjusted() + places  # the scaled value's highest digit is 10**magnitude
    if magnitude >= _BIGINT_DIGITS:
        raise ValueError(f"{value} is too large for a BIGINT of 10**-{places}")
    if magnitude < 0:
        raise ValueError(f"{value} has more than {places} decimal places")
    numerator, denominator = value.as_integer_ratio()
    scaled, rest = divmod(numerator * _POWERS[places], denominator)
    if rest:
        raise ValueError(f"{value} has more than {places} decimal places")
    if not -_BIGINT_MAX <= scaled <= _BIGINT_MAX:
        raise ValueError(f"{value} is too large for a BIGINT of 10**-{places}")
    return scaled


class _ScaledDecimal(TypeDecorator[Decimal]):
    """A ``Decimal`` stored as an integer multiple of ``10**-places``."""

    impl = BigInteger
    cache_ok = True
    places = 2

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"{type(self).__name__} needs a Decimal, got {type(value).__name__}")
        return _scaled_int(value, self.places)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)


class Fen(_ScaledDecimal):
    """An amount of money: integer fen in the database, Decimal yuan in code."""

    cache_ok = True
    places = 2


class UnitPrice(_ScaledDecimal):
    """A unit price with up to four decimal places of a yuan."""

    cache_ok = True
    places = 4


class Volume(_ScaledDecimal):
    """A gas volume or length in m³ / 米, to three decimal places (the litre)."""

    cache_ok = True
    places = 3


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)
