"""The referral screens' words: states, urgencies, lateness, what the counter should do about a
referral, and the services' refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.domain import ReferralStatus
from hallclient.errors import HallError
from hallclient.intake.visits import VisitError
from hallclient.printing.printers import PrinterFault, PrinterProblem
from hallclient.referrals.rules import CounterOrder, Lateness, counter_order
from hallclient.referrals.service import ReferralError, ReferralProblem
from hallclient.text_input import TextInputError
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.intake import intake_problem_text
from ui.words.printer import printer_problem_text
from ui.words.problems import problem_text

STATUS = {
    "new": QT_TRANSLATE_NOOP("Referrals", "new"),
    "acknowledged": QT_TRANSLATE_NOOP("Referrals", "acknowledged"),
    "in_progress": QT_TRANSLATE_NOOP("Referrals", "in progress"),
    "closed": QT_TRANSLATE_NOOP("Referrals", "closed"),
    "returned": QT_TRANSLATE_NOOP("Referrals", "returned to the hall"),
    "taken_up": QT_TRANSLATE_NOOP("Referrals", "taken up by the counter"),
}
URGENCY = {
    "normal": QT_TRANSLATE_NOOP("Referrals", "normal"),
    "urgent": QT_TRANSLATE_NOOP("Referrals", "urgent"),
    "emergency": QT_TRANSLATE_NOOP("Referrals", "emergency"),
}
LATENESS = {
    Lateness.ON_TIME: QT_TRANSLATE_NOOP("Referrals", "on time"),
    Lateness.DUE_SOON: QT_TRANSLATE_NOOP("Referrals", "due soon"),
    Lateness.OVERDUE: QT_TRANSLATE_NOOP("Referrals", "OVERDUE"),
    Lateness.ESCALATED: QT_TRANSLATE_NOOP("Referrals", "OVERDUE, escalated"),
    Lateness.DONE: QT_TRANSLATE_NOOP("Referrals", "done"),
}
_PROBLEMS = {
    ReferralProblem.UNKNOWN_DEPARTMENT: QT_TRANSLATE_NOOP("Referrals", "Choose a department."),
    ReferralProblem.UNKNOWN_REFERRAL: QT_TRANSLATE_NOOP(
        "Referrals", "That referral was not found."
    ),
    ReferralProblem.UNKNOWN_VISIT: QT_TRANSLATE_NOOP("Referrals", "That visit was not found."),
    ReferralProblem.UNKNOWN_ACCOUNT: QT_TRANSLATE_NOOP("Referrals", "That account was not found."),
    ReferralProblem.MATTER_TOO_SHORT: QT_TRANSLATE_NOOP(
        "Referrals", "Please describe the matter so that the department can act on it."
    ),
    ReferralProblem.OUTCOME_REQUIRED: QT_TRANSLATE_NOOP(
        "Referrals", "Write the result (closing) or the reason (returning) in the note first."
    ),
    ReferralProblem.NOTE_REQUIRED: QT_TRANSLATE_NOOP(
        "Referrals", "Write in the note what the counter did (called the customer, referred again)."
    ),
    ReferralProblem.NOT_YOUR_DEPARTMENT: QT_TRANSLATE_NOOP(
        "Referrals", "This referral belongs to another department."
    ),
    ReferralProblem.BAD_STEP: QT_TRANSLATE_NOOP(
        "Referrals", "That step does not follow from the referral's state."
    ),
    ReferralProblem.BAD_DEPARTMENT: QT_TRANSLATE_NOOP(
        "Referrals",
        "Code, both names, phone, location and hours are needed, and the targets "
        "must run emergency ≤ urgent ≤ normal.",
    ),
    ReferralProblem.DEPARTMENT_EXISTS: QT_TRANSLATE_NOOP(
        "Referrals", "A department with that code exists: choose it in the list to change it."
    ),
    ReferralProblem.CONTACT_WITH_INFORMANT: QT_TRANSLATE_NOOP(
        "Referrals", "A reporter's name and phone go in the confidential fields only."
    ),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Referrals", source)


def status_text(status: str) -> str:
    return _tr(STATUS[status])


def urgency_text(urgency: str) -> str:
    return _tr(URGENCY[urgency])


def lateness_text(lateness: Lateness) -> str:
    return _tr(LATENESS[lateness])


# What the counter does about a referral, by where it stands (the service standard: no
# passing the customer on, no wrangling; the counter contacts the department itself).
_ADVICE = {
    CounterOrder.RETURNED: QT_TRANSLATE_NOOP(
        "Referrals",
        "The department returned it: do not leave the customer waiting. Call the customer, "
        "explain the department's reason, then take the matter up again at the counter or "
        "refer it to the department in charge. Then F2 with what was done.",
    ),
    CounterOrder.OVERDUE: QT_TRANSLATE_NOOP(
        "Referrals",
        "Overdue: call {department} on {phone} and ask when it will be done; if the customer "
        "asks, tell them what the department said.",
    ),
    CounterOrder.OPEN: QT_TRANSLATE_NOOP(
        "Referrals",
        "With {department}, due {due}. Nothing to do unless the customer asks; then give the "
        "department's phone, {phone}.",
    ),
}
_CLOSED_ADVICE = QT_TRANSLATE_NOOP(
    "Referrals", "Done. If the customer asks or comes back, tell them the result."
)
_TAKEN_UP_ADVICE = QT_TRANSLATE_NOOP(
    "Referrals", "Taken up again by the counter: the history says what was done."
)
_ESCALATED_ADVICE = QT_TRANSLATE_NOOP(
    "Referrals",
    "Overdue for as long again as its target; the shift manager is told. Call {department} "
    "on {phone} and ask when it will be done.",
)
_THEFT_RETURNED_ADVICE = QT_TRANSLATE_NOOP(
    "Referrals",
    "A theft report came back. The counter never contacts the reporter: call {department} "
    "on {phone}, agree on the next step, then F2 with what was agreed.",
)


def counter_advice(status: ReferralStatus, lateness: Lateness, *, confidential: bool) -> str:
    """What the counter should do, with {department}, {phone} and {due} left to fill in."""
    order = counter_order(status, lateness)
    if order is CounterOrder.RETURNED and confidential:
        return _tr(_THEFT_RETURNED_ADVICE)
    if lateness is Lateness.ESCALATED:
        return _tr(_ESCALATED_ADVICE)
    if order is CounterOrder.DONE:
        return _tr(_TAKEN_UP_ADVICE if status is ReferralStatus.TAKEN_UP else _CLOSED_ADVICE)
    return _tr(_ADVICE[order])


def referral_problem_text(error: HallError) -> str:
    if isinstance(error, ReferralError):
        return _tr(_PROBLEMS[error.problem])
    if isinstance(error, TextInputError) and error.problem == "not_a_phone":
        return _tr(QT_TRANSLATE_NOOP("Referrals", "A phone number is 5 to 20 digits."))
    if isinstance(error, TextInputError):
        return _tr(QT_TRANSLATE_NOOP("Referrals", "That text is too long."))
    return fault_text(error)


def fault_text(error: HallError) -> str:
    """A printer's fault in the clerk's words; anything else as the core words it."""
    if isinstance(error, PrinterFault):
        return printer_problem_text(error.problem)
    if isinstance(error, VisitError):
        return intake_problem_text(error)
    return problem_text(error)


_SLIP_FAULTS = {  # where the receipt's words would say "receipt" or leave the outcome open
    PrinterProblem.NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "Referrals", "No printer is set up for this counter."
    ),
    PrinterProblem.TIMEOUT: QT_TRANSLATE_NOOP(
        "Referrals", "The printer did not answer; check whether the slip came out."
    ),
    PrinterProblem.DROPPED: QT_TRANSLATE_NOOP(
        "Referrals", "The connection to the printer broke; part of the slip may have come out."
    ),
}


def slip_fault_text(error: HallError) -> str:
    """Why a referral slip did not print, in words about the slip."""
    if isinstance(error, PrinterFault) and error.problem in _SLIP_FAULTS:
        return _tr(_SLIP_FAULTS[error.problem])
    return fault_text(error)
