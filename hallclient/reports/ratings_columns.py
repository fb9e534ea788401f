"""The month's rating report, one row per counter or clerk: shared by its PDF and its XLSX.

The documents are in Chinese, as the other reports (the hall's own paperwork); each
row holds plain values -- counts as int, rates as Decimal fractions (None where
nothing was there to divide) -- which each document formats in its own way.
"""

from __future__ import annotations

from decimal import Decimal

from db.domain import RatingLevel
from hallclient.ratings.monthly import MonthlyRatings
from hallclient.ratings.rules import RatingFigures

LEVEL_NAMES = {
    RatingLevel.VERY_SATISFIED: "非常满意",
    RatingLevel.SATISFIED: "满意",
    RatingLevel.FAIRLY_SATISFIED: "基本满意",
    RatingLevel.DISSATISFIED: "不满意",
    RatingLevel.VERY_DISSATISFIED: "非常不满意",
}
HALL_ROW = "全厅合计"
#: After the first column (the counter or the clerk).
FIGURE_TITLES = (
    "评价数",
    *LEVEL_NAMES.values(),
    "未评价",
    "满意率",
    "差评数",
    "回访率",
    "整改率",
    "逾期件数",
)
RATE_COLUMNS = frozenset({8, 10, 11})  # indexes in a row, its first column included
Row = list[str | int | Decimal | None]


def figure_row(name: str, figures: RatingFigures) -> Row:
    """The row of one counter's, clerk's or the hall's figures."""
    return [
        name,
        figures.rated,
        *(figures.levels[level] for level in LEVEL_NAMES),
        figures.not_rated,
        figures.satisfaction_rate,
        figures.bad,
        figures.call_back_rate,
        figures.fix_rate,
        figures.overdue,
    ]


def counter_rows(month: MonthlyRatings) -> list[Row]:
    return [figure_row(f.key, f) for f in month.by_counter] + [figure_row(HALL_ROW, month.hall)]


def clerk_rows(month: MonthlyRatings, names: dict[str, str]) -> list[Row]:
    """Each clerk by name and employee number (the number alone for one no longer known)."""
    return [
        figure_row(f"{names[f.key]} {f.key}" if f.key in names else f.key, f)
        for f in month.by_clerk
    ]


def percent(rate: Decimal | None) -> str:
    """A rate as the PDF shows it: 87.50%, or — where nothing was rated."""
    return "—" if rate is None else f"{rate * 100:.2f}%"
