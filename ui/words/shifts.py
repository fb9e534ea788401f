"""The shift screens' words: states, refusals of the shift services, report outcomes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.errors import HallError
from hallclient.printing.printers import PrinterFault
from hallclient.shifts.day_close import PendingShift, PendingShiftsError
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.shifts.views import ShiftView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.printer import Printed, printer_problem_text
from ui.words.problems import problem_text

STATUS = {
    "open": QT_TRANSLATE_NOOP("Shift", "open"),
    "submitted": QT_TRANSLATE_NOOP("Shift", "closed, waiting for the manager"),
    "returned": QT_TRANSLATE_NOOP("Shift", "returned for a recount"),
    "approved": QT_TRANSLATE_NOOP("Shift", "approved"),
}
_REFUSALS = {
    ShiftProblem.NO_OPEN_SHIFT: QT_TRANSLATE_NOOP(
        "Shift", "No shift of yours is open at this counter: open it on the Shift page first."
    ),
    ShiftProblem.OTHER_CLERKS_SHIFT: QT_TRANSLATE_NOOP(
        "Shift", "The shift open at this counter belongs to {detail}: it must be closed first."
    ),
    ShiftProblem.ALREADY_OPEN: QT_TRANSLATE_NOOP("Shift", "A shift is already open here."),
    ShiftProblem.BAD_COUNT: QT_TRANSLATE_NOOP(
        "Shift", "Each count must be a whole number of pieces from 0 to 100,000."
    ),
    ShiftProblem.BAD_AMOUNT: QT_TRANSLATE_NOOP(
        "Shift", "Each amount must be above zero (declared totals: zero or more), exact to the fen."
    ),
    ShiftProblem.NO_REASON: QT_TRANSLATE_NOOP("Shift", "Please give a reason."),
    ShiftProblem.OWN_SHIFT: QT_TRANSLATE_NOOP(
        "Shift", "Nobody approves or returns their own shift: ask another shift manager."
    ),
    ShiftProblem.NOT_SUBMITTED: QT_TRANSLATE_NOOP(
        "Shift", "Only a shift closed by its clerk can be approved or returned."
    ),
    ShiftProblem.NEEDS_APPROVAL: QT_TRANSLATE_NOOP(
        "Shift", "A difference beyond the limit needs a shift manager's approval."
    ),
    ShiftProblem.FUTURE_DAY: QT_TRANSLATE_NOOP("Shift", "A day can be closed once it has begun."),
    ShiftProblem.DAY_CLOSED: QT_TRANSLATE_NOOP(
        "Shift",
        "The business day {detail} is closed already. Shifts opened after a close, and "
        "their payments, count for the next business day.",
    ),
    ShiftProblem.EARLIER_DAY_OPEN: QT_TRANSLATE_NOOP(
        "Shift", "The day {detail} has shifts and is not closed yet: close it first."
    ),
    ShiftProblem.SHIFTS_PENDING: QT_TRANSLATE_NOOP(
        "Shift", "The day closes when every shift is approved; still waiting: {detail}."
    ),
    ShiftProblem.UNKNOWN_SHIFT: QT_TRANSLATE_NOOP("Shift", "That shift was not found."),
    ShiftProblem.CASH_SHORT: QT_TRANSLATE_NOOP(
        "Shift", "The drawer should hold only {detail}: more cannot be taken out."
    ),
}


SHIFT_CONTEXT = "Shift"
# counted() pairs: English says "1 receipt", "2 receipts"
PENDING = (
    QT_TRANSLATE_NOOP("Shift", "Open; {n} shift still to approve"),
    QT_TRANSLATE_NOOP("Shift", "Open; {n} shifts still to approve"),
)
RECEIPTS = (
    QT_TRANSLATE_NOOP("Shift", "{n} receipt"),
    QT_TRANSLATE_NOOP("Shift", "{n} receipts"),
)
VOIDS = (QT_TRANSLATE_NOOP("Shift", "{n} void"), QT_TRANSLATE_NOOP("Shift", "{n} voids"))
REPRINTS = (
    QT_TRANSLATE_NOOP("Shift", "{n} reprint"),
    QT_TRANSLATE_NOOP("Shift", "{n} reprints"),
)


def _tr(source: str) -> str:
    return QCoreApplication.translate("Shift", source)


def status_text(shift: ShiftView) -> str:
    return _tr(STATUS[shift.status.value])


_PENDING_SHIFT = QT_TRANSLATE_NOOP(
    "Shift", "{counter} {clerk} (no. {number}), shift {id}: {status}"
)


def pending_shift_text(shift: PendingShift) -> str:
    """A shift that keeps the day open, named as the manager finds it on the list."""
    return _tr(_PENDING_SHIFT).format(
        counter=shift.counter_code,
        clerk=shift.clerk_name,
        number=shift.clerk_employee_no,
        id=shift.shift_id,
        status=_tr(STATUS[shift.status.value]),
    )


def shift_problem_text(error: HallError) -> str:
    """A refusal of the shift services; a printer's fault worded for a report."""
    if isinstance(error, PendingShiftsError):
        waiting = "; ".join(pending_shift_text(shift) for shift in error.shifts)
        return _tr(_REFUSALS[error.problem]).format(detail=waiting)
    if isinstance(error, ShiftError):
        return _tr(_REFUSALS[error.problem]).format(detail=error.detail)
    if isinstance(error, PrinterFault):
        return printer_problem_text(error.problem, Printed.REPORT)
    return problem_text(error)
