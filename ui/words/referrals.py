"""The referral screens' words: states, urgencies, lateness, and the services' refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.errors import HallError
from hallclient.intake.visits import VisitError
from hallclient.printing.printers import PrinterFault, PrinterProblem
from hallclient.referrals.rules import Lateness
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
