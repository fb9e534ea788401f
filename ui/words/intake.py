"""The intake screen's words for the core's codes: visit stages and refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.domain import VisitOutcome, VisitStage
from hallclient.errors import HallError
from hallclient.intake.queue import QueueError, QueueProblem
from hallclient.intake.visits import VisitError, VisitProblem
from hallclient.text_input import TextInputError
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.problems import problem_text

_STAGES = {
    VisitStage.CALLED: QT_TRANSLATE_NOOP("Intake", "Called"),
    VisitStage.GREETED: QT_TRANSLATE_NOOP("Intake", "Greeted"),
    VisitStage.SERVING: QT_TRANSLATE_NOOP("Intake", "Serving"),
    VisitStage.CHARGING: QT_TRANSLATE_NOOP("Intake", "Charging"),
    VisitStage.REFERRING: QT_TRANSLATE_NOOP("Intake", "Referring"),
    VisitStage.CLOSING: QT_TRANSLATE_NOOP("Intake", "Closing"),
    VisitStage.CLOSED: QT_TRANSLATE_NOOP("Intake", "Closed"),
}
_PROBLEMS = {
    QueueProblem.TOO_LATE: QT_TRANSLATE_NOOP(
        "Intake", "More than 15 minutes since it was skipped: please issue a new ticket."
    ),
    QueueProblem.NOT_AT_THIS_COUNTER: QT_TRANSLATE_NOOP(
        "Intake", "This ticket is being served at another counter."
    ),
    VisitProblem.UNKNOWN_ACCOUNT: QT_TRANSLATE_NOOP("Intake", "No gas account has this number."),
    VisitProblem.CLOSED: QT_TRANSLATE_NOOP("Intake", "This visit is already closed."),
    VisitProblem.RATING_REQUIRED: QT_TRANSLATE_NOOP(
        "Intake", "Please ask for the customer's rating (1 to 5)."
    ),
}
_OUTCOMES = {
    VisitOutcome.RESOLVED: QT_TRANSLATE_NOOP("Intake", "Resolved"),
    VisitOutcome.CHARGED: QT_TRANSLATE_NOOP("Intake", "Charged"),
    VisitOutcome.REFERRED: QT_TRANSLATE_NOOP("Intake", "Referred"),
    VisitOutcome.PENDING: QT_TRANSLATE_NOOP("Intake", "Pending"),
    VisitOutcome.NO_SHOW: QT_TRANSLATE_NOOP("Intake", "Not present"),
}
_TOO_LONG = QT_TRANSLATE_NOOP("Intake", "The text is too long; please shorten it.")
_OTHER = QT_TRANSLATE_NOOP("Intake", "This cannot be done now. Please check and try again.")


def _tr(source: str) -> str:
    return QCoreApplication.translate("Intake", source)


def stage_text(stage: VisitStage) -> str:
    return _tr(_STAGES[stage])


def outcome_text(outcome: VisitOutcome) -> str:
    return _tr(_OUTCOMES[outcome])


def intake_problem_text(error: HallError) -> str:
    if isinstance(error, QueueError | VisitError):
        return _tr(_PROBLEMS.get(error.problem, _OTHER))
    if isinstance(error, TextInputError):
        return _tr(_TOO_LONG) if error.problem.startswith("too_long") else _tr(_OTHER)
    return problem_text(error)
