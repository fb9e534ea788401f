"""Cash counted by denomination: the pieces of each note and coin, and their total."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from hallclient.shifts.errors import ShiftError, ShiftProblem

# the notes (100 to 1 yuan) and the coins that are legal tender: 1 yuan, 5 and 1 jiao, and
# 5, 2 and 1 fen (a figure like ￥461.35 can only be counted with fen); 2 jiao is not taken
DENOMINATIONS = tuple(
    Decimal(v) for v in ("100", "50", "20", "10", "5", "1", "0.5", "0.1", "0.05", "0.02", "0.01")
)
MAX_PIECES = 100_000


def denomination_text(denomination: Decimal) -> str:
    """A note or coin as the count reads it: 100元, 5角, 1角, 5分 (not 0.05元)."""
    if denomination >= 1:
        return f"{denomination.normalize():f}元"
    if denomination >= Decimal("0.1"):
        return f"{(denomination * 10).normalize():f}角"
    return f"{(denomination * 100).normalize():f}分"


def checked_count(pieces: Mapping[Decimal, int]) -> dict[Decimal, int]:
    """The count for every denomination (missing ones are 0), or a refusal naming the fault."""
    unknown = set(pieces) - set(DENOMINATIONS)
    if unknown:
        raise ShiftError(ShiftProblem.BAD_COUNT, ", ".join(str(d) for d in sorted(unknown)))
    count = {d: pieces.get(d, 0) for d in DENOMINATIONS}
    for denomination, number in count.items():
        if isinstance(number, bool) or not isinstance(number, int):
            raise ShiftError(ShiftProblem.BAD_COUNT, str(denomination))
        if not 0 <= number <= MAX_PIECES:
            raise ShiftError(ShiftProblem.BAD_COUNT, str(denomination))
    return count


def count_total(pieces: Mapping[Decimal, int]) -> Decimal:
    """The amount a count comes to, exact to the fen."""
    count = checked_count(pieces)
    return sum((d * n for d, n in count.items()), Decimal("0.00")).quantize(Decimal("0.01"))
