"""The kiosk's words for the customer ("Kiosk" context): refusals and the printer's fault.

A customer is never shown a server's address or a code: what went wrong, and what to do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.domain import PriorityReason
from hallclient.errors import HallError
from hallclient.kiosk.tickets import KioskError, KioskProblem
from ui.kit.i18n import QT_TRANSLATE_NOOP

_PROBLEMS = {
    KioskProblem.NO_SUCH_ACCOUNT: QT_TRANSLATE_NOOP(
        "Kiosk", "No gas account has this number. Please check it, or skip it."
    ),
    KioskProblem.BAD_ACCOUNT_NO: QT_TRANSLATE_NOOP(
        "Kiosk", "An account number has at most 20 digits. Please check it, or skip it."
    ),
}
_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "Kiosk", "Tickets cannot be issued at the moment. Please ask at the service desk."
)
_REASONS = {
    PriorityReason.ELDERLY: QT_TRANSLATE_NOOP("Kiosk", "Elderly"),
    PriorityReason.DISABLED: QT_TRANSLATE_NOOP("Kiosk", "Disabled"),
    PriorityReason.PREGNANT: QT_TRANSLATE_NOOP("Kiosk", "Pregnant"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Kiosk", source)


def kiosk_problem_text(error: HallError) -> str:
    """A refusal in the customer's words; any other fault as "ask at the desk"."""
    if isinstance(error, KioskError):
        return _tr(_PROBLEMS[error.problem])
    return _tr(_UNAVAILABLE)


def reason_text(reason: PriorityReason) -> str:
    return _tr(_REASONS[reason])
