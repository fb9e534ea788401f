"""Money: ``Decimal`` yuan in code, integer fen in the database, never float.

There is one rounding rule, :func:`round_fen` (ROUND_HALF_UP to the fen), applied
once per line by whoever computes an amount.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 12  # far above any counter transaction, far below BIGINT fen


class MoneyError(ValueError):
    """An amount that is not a valid money value."""


def round_fen(amount: Decimal) -> Decimal:
    """Round to the fen, halves away from zero (0.005 → 0.01, -0.005 → -0.01)."""
    if not isinstance(amount, Decimal):
        raise MoneyError(f"money must be Decimal, not {type(amount).__name__}")
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    """Whole fen of an amount that is already exact to the fen."""
    rounded = round_fen(amount)
    if rounded != amount:
        raise MoneyError(f"{amount} is not a whole number of fen; round it first")
    return int(rounded * 100)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def parse_yuan(text: str) -> Decimal:
    """Parse a clerk-typed amount such as ``12.5`` or ``￥1,234.00``; at most two decimals."""
    cleaned = text.strip().replace("￥", "").replace("¥", "").replace(",", "").replace("，", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(f"not an amount: {text!r}") from None
    if not amount.is_finite() or amount.adjusted() >= 12:  # before any arithmetic: 1e99999999
        raise MoneyError(f"not a plausible amount: {text!r}")
    if abs(amount) >= MAX_AMOUNT:
        raise MoneyError(f"not a plausible amount: {text!r}")
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise MoneyError(f"not an amount to the fen: {text!r}")
    return amount.quantize(FEN)


def format_yuan(amount: Decimal, *, symbol: bool = True) -> str:
    """``￥1,234.50``: full-width yuan sign (the ¥ half-width sign prints badly, DESIGN §6a)."""
    text = f"{round_fen(amount):,.2f}"
    return f"￥{text}" if symbol else text


def format_unit_price(price: Decimal, *, symbol: bool = True, grouping: bool = True) -> str:
    """A unit price with every decimal approved and at least two: ``￥2.881``, ``￥2.61``,
    ``￥2,000.00`` (a price is exact to four places; it is never rounded to the fen)."""
    if not isinstance(price, Decimal):
        raise MoneyError(f"a price must be Decimal, not {type(price).__name__}")
    places = max(2, -min(price.normalize().as_tuple().exponent, 0))  # type: ignore[operator]
    text = f"{price:,.{places}f}" if grouping else f"{price:.{places}f}"
    return f"￥{text}" if symbol else text
