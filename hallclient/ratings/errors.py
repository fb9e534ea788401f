"""The refusals of the ratings desk, each a problem the UI puts in words."""

from __future__ import annotations

import enum

from hallclient.errors import HallError


class RatingProblem(enum.StrEnum):
    UNKNOWN_VISIT = "unknown_visit"  # none of this counter's visits
    ALREADY_RATED = "already_rated"  # one rating per visit, never changed
    SCREEN_ATTACHED = "screen_attached"  # the customer rates on the screen, not the clerk
    NO_SCREEN = "no_screen"  # a screen's rating at a counter without one
    LEVEL_REQUIRED = "level_required"  # a rating given without its level
    LEVEL_ON_TIMEOUT = "level_on_timeout"  # 'not rated' carries no level
    UNKNOWN_COUNTER = "unknown_counter"
    UNKNOWN_CASE = "unknown_case"  # or another clerk's case, for a clerk
    OUT_OF_ORDER = "out_of_order"  # a case step that does not follow the case's state
    TEXT_REQUIRED = "text_required"  # each step of a case says what was done
    RATING_PENDING = "rating_pending"  # the last customer is rating; detail: seconds left


class RatingError(HallError):
    def __init__(self, problem: RatingProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
