"""The follow-up screens' words: a bad rating's level, where its case stands, the next step
and what its field asks for ("FollowUp" context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.domain import FollowUpStatus, RatingLevel
from ui.kit.i18n import QT_TRANSLATE_NOOP

CONTEXT = "FollowUp"
LEVELS = {
    RatingLevel.VERY_SATISFIED: QT_TRANSLATE_NOOP("FollowUp", "very satisfied"),
    RatingLevel.SATISFIED: QT_TRANSLATE_NOOP("FollowUp", "satisfied"),
    RatingLevel.FAIRLY_SATISFIED: QT_TRANSLATE_NOOP("FollowUp", "fairly satisfied"),
    RatingLevel.DISSATISFIED: QT_TRANSLATE_NOOP("FollowUp", "dissatisfied"),
    RatingLevel.VERY_DISSATISFIED: QT_TRANSLATE_NOOP("FollowUp", "very dissatisfied"),
}
STATUS = {
    FollowUpStatus.OPENED: QT_TRANSLATE_NOOP("FollowUp", "to call back"),
    FollowUpStatus.CALLED_BACK: QT_TRANSLATE_NOOP("FollowUp", "called back"),
    FollowUpStatus.CAUSE_RECORDED: QT_TRANSLATE_NOOP("FollowUp", "cause recorded"),
    FollowUpStatus.FIXED: QT_TRANSLATE_NOOP("FollowUp", "fixed"),
    FollowUpStatus.CLOSED: QT_TRANSLATE_NOOP("FollowUp", "closed"),
}
#: What the field asks for, by the state the step reaches.
STEP_PROMPTS = {
    FollowUpStatus.CALLED_BACK: QT_TRANSLATE_NOOP(
        "FollowUp", "Call back: what the customer said on the phone"
    ),
    FollowUpStatus.CAUSE_RECORDED: QT_TRANSLATE_NOOP(
        "FollowUp", "Cause: why the service fell short"
    ),
    FollowUpStatus.FIXED: QT_TRANSLATE_NOOP("FollowUp", "Fix: what was put right"),
    FollowUpStatus.CLOSED: QT_TRANSLATE_NOOP("FollowUp", "Close: the result for the customer"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def level_text(level: RatingLevel | None) -> str:
    return _tr(LEVELS[level]) if level is not None else "—"


def status_text(status: FollowUpStatus) -> str:
    return _tr(STATUS[status])


def step_prompt(to: FollowUpStatus) -> str:
    return _tr(STEP_PROMPTS[to])


OVERDUE_CASES = (
    QT_TRANSLATE_NOOP("FollowUp", "{n} follow-up of a bad rating overdue"),
    QT_TRANSLATE_NOOP("FollowUp", "{n} follow-ups of bad ratings overdue"),
)
