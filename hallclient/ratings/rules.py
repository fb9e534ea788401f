"""The rating's rules: its levels as the old 1-5 score, which are bad, how a case moves on,
and the monthly figures.  Pure: no database, so the rules are tested alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from db.domain import FollowUpStatus, RatingLevel

REASON_MAX = 500
FOLLOW_UP_WORKING_DAYS = 15  # a bad rating is followed up within 15 working days

#: The score the F9 dialog gives (5 best), for each level.
SCORES: dict[RatingLevel, int] = {
    RatingLevel.VERY_SATISFIED: 5,
    RatingLevel.SATISFIED: 4,
    RatingLevel.FAIRLY_SATISFIED: 3,
    RatingLevel.DISSATISFIED: 2,
    RatingLevel.VERY_DISSATISFIED: 1,
}
LEVELS_BY_SCORE = {score: level for level, score in SCORES.items()}
BAD = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})

#: The one step a case may take from each state.
NEXT_STATUS: dict[FollowUpStatus, FollowUpStatus] = {
    FollowUpStatus.OPENED: FollowUpStatus.CALLED_BACK,
    FollowUpStatus.CALLED_BACK: FollowUpStatus.CAUSE_RECORDED,
    FollowUpStatus.CAUSE_RECORDED: FollowUpStatus.FIXED,
    FollowUpStatus.FIXED: FollowUpStatus.CLOSED,
}
_CALLED_BACK = frozenset(set(FollowUpStatus) - {FollowUpStatus.OPENED})
_FIXED = frozenset({FollowUpStatus.FIXED, FollowUpStatus.CLOSED})


def is_bad(level: RatingLevel | None) -> bool:
    return level in BAD


@dataclass(frozen=True)
class RatedVisit:
    """What the monthly figures need of one rating and its case."""

    counter_code: str
    clerk_employee_no: str
    level: RatingLevel | None  # None: not rated
    case_status: FollowUpStatus | None = None
    case_overdue: bool = False


@dataclass(frozen=True)
class RatingFigures:
    """One counter's or clerk's month; rates are fractions rounded to 4 places, None when
    there is nothing to divide by."""

    key: str
    levels: dict[RatingLevel, int]
    not_rated: int
    bad: int
    satisfaction_rate: Decimal | None  # (very + satisfied + fairly) / rated
    call_back_rate: Decimal | None  # bad ratings called back / bad ratings
    fix_rate: Decimal | None  # bad ratings fixed / bad ratings
    overdue: int  # cases past their due day and not closed

    @property
    def rated(self) -> int:
        return sum(self.levels.values())


def _rate(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def figures_of(key: str, rows: Iterable[RatedVisit]) -> RatingFigures:
    rows = list(rows)
    counted = Counter(row.level for row in rows if row.level is not None)
    levels = {level: counted.get(level, 0) for level in RatingLevel}
    rated, bad = sum(levels.values()), sum(levels[level] for level in BAD)
    cases = [row.case_status for row in rows if row.case_status is not None]
    return RatingFigures(
        key,
        levels,
        sum(1 for row in rows if row.level is None),
        bad,
        _rate(rated - bad, rated),
        _rate(sum(1 for status in cases if status in _CALLED_BACK), bad),
        _rate(sum(1 for status in cases if status in _FIXED), bad),
        sum(1 for row in rows if row.case_overdue),
    )


def figures_by(rows: Iterable[RatedVisit], by_clerk: bool) -> list[RatingFigures]:
    """The figures per counter (or per clerk), in the order of their codes."""
    groups: dict[str, list[RatedVisit]] = {}
    for row in rows:
        groups.setdefault(row.clerk_employee_no if by_clerk else row.counter_code, []).append(row)
    return [figures_of(key, groups[key]) for key in sorted(groups)]
