"""The rating's rules alone: scores, bad levels, the case's order and the monthly figures."""

from __future__ import annotations

from decimal import Decimal

from db.domain import FollowUpStatus, RatingLevel
from hallclient.ratings.rules import (
    LEVELS_BY_SCORE,
    NEXT_STATUS,
    RatedVisit,
    figures_by,
    figures_of,
    is_bad,
)

L = RatingLevel


def test_the_f9_scores_map_to_the_five_levels_best_first():
    assert [LEVELS_BY_SCORE[score] for score in (5, 4, 3, 2, 1)] == list(RatingLevel)


def test_only_the_two_dissatisfied_levels_are_bad():
    assert [level for level in RatingLevel if is_bad(level)] == [
        L.DISSATISFIED,
        L.VERY_DISSATISFIED,
    ]
    assert not is_bad(None)


def test_a_case_moves_through_its_states_in_one_order_and_stops_when_closed():
    status, path = FollowUpStatus.OPENED, [FollowUpStatus.OPENED]
    while status in NEXT_STATUS:
        status = NEXT_STATUS[status]
        path.append(status)
    assert path == list(FollowUpStatus)


def test_the_figures_of_a_month():
    rows = [
        RatedVisit("C01", "1001", L.VERY_SATISFIED),
        RatedVisit("C01", "1001", L.SATISFIED),
        RatedVisit("C01", "1001", L.FAIRLY_SATISFIED),
        RatedVisit("C01", "1001", L.DISSATISFIED, FollowUpStatus.FIXED),
        RatedVisit("C02", "8001", L.VERY_DISSATISFIED, FollowUpStatus.CALLED_BACK, True),
        RatedVisit("C02", "8001", L.VERY_DISSATISFIED, FollowUpStatus.OPENED, True),
        RatedVisit("C02", "8001", None),
    ]
    hall = figures_of("H01", rows)
    assert (hall.rated, hall.not_rated, hall.bad, hall.overdue) == (6, 1, 3, 2)
    assert hall.levels[L.VERY_DISSATISFIED] == 2
    assert hall.satisfaction_rate == Decimal("0.5000")  # 3 of 6 rated
    assert hall.call_back_rate == Decimal("0.6667")  # 2 of 3 bad
    assert hall.fix_rate == Decimal("0.3333")  # 1 of 3 bad
    first, second = figures_by(rows, by_clerk=False)
    assert (first.key, first.satisfaction_rate, first.fix_rate) == ("C01", Decimal("0.7500"), 1)
    assert (second.key, second.satisfaction_rate, second.call_back_rate) == (
        "C02",
        Decimal("0.0000"),
        Decimal("0.5000"),
    )
    assert [figures.key for figures in figures_by(rows, by_clerk=True)] == ["1001", "8001"]


def test_nothing_rated_gives_no_rates_rather_than_a_division_by_zero():
    figures = figures_of("C03", [RatedVisit("C03", "1001", None)])
    assert (figures.rated, figures.satisfaction_rate, figures.call_back_rate) == (0, None, None)
