"""The ratings desk's refusals in the clerk's and the manager's words ("Ratings" context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.ratings.errors import RatingError, RatingProblem
from ui.kit.i18n import QT_TRANSLATE_NOOP

_SOURCES = {
    RatingProblem.UNKNOWN_VISIT: QT_TRANSLATE_NOOP(
        "Ratings", "Visit {detail} is not one of this counter's."
    ),
    RatingProblem.ALREADY_RATED: QT_TRANSLATE_NOOP(
        "Ratings", "This visit has its rating already; a rating is never changed."
    ),
    RatingProblem.SCREEN_ATTACHED: QT_TRANSLATE_NOOP(
        "Ratings",
        "Counter {detail} has a customer screen: the customer rates the service there, "
        "not the clerk.",
    ),
    RatingProblem.NO_SCREEN: QT_TRANSLATE_NOOP(
        "Ratings",
        "Counter {detail} has no customer screen: the clerk records the customer's answer.",
    ),
    RatingProblem.LEVEL_REQUIRED: QT_TRANSLATE_NOOP(
        "Ratings", "Please choose how satisfied the customer is."
    ),
    RatingProblem.LEVEL_ON_TIMEOUT: QT_TRANSLATE_NOOP(
        "Ratings", "A visit nobody rated carries no level."
    ),
    RatingProblem.UNKNOWN_COUNTER: QT_TRANSLATE_NOOP("Ratings", "No counter {detail}."),
    RatingProblem.UNKNOWN_CASE: QT_TRANSLATE_NOOP(
        "Ratings", "No follow-up case {detail} that you may see."
    ),
    RatingProblem.OUT_OF_ORDER: QT_TRANSLATE_NOOP(
        "Ratings",
        "A follow-up case goes step by step: call back, cause, what was fixed, then the "
        "result. This step does not follow where the case stands.",
    ),
    RatingProblem.TEXT_REQUIRED: QT_TRANSLATE_NOOP(
        "Ratings", "Please write what was done in this step of the case."
    ),
    RatingProblem.RATING_PENDING: QT_TRANSLATE_NOOP(
        "Ratings",
        "Waiting for the customer's rating… ({detail} s left). The next ticket is called "
        "as soon as it is given.",
    ),
}


def rating_problem_text(error: RatingError) -> str:
    source = _SOURCES[error.problem]
    return QCoreApplication.translate("Ratings", source).format(detail=error.detail)
