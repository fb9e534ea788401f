"""The words for a receipt printer's state and faults: the status bar, payments and shifts."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from hallclient.printing.printers import PrinterProblem
from ui.kit.i18n import QT_TRANSLATE_NOOP

_PRINTER = {
    PrinterProblem.NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "Payments",
        "No receipt printer is set up for this counter; the receipt waits to be printed.",
    ),
    PrinterProblem.OFFLINE: QT_TRANSLATE_NOOP(
        "Payments",
        "The printer cannot be reached (switched off or disconnected).",
    ),
    PrinterProblem.PAPER_OUT: QT_TRANSLATE_NOOP(
        "Payments", "The printer is out of paper: load a new roll."
    ),
    PrinterProblem.TIMEOUT: QT_TRANSLATE_NOOP(
        "Payments", "The printer did not answer; the receipt may or may not have printed."
    ),
    PrinterProblem.DROPPED: QT_TRANSLATE_NOOP(
        "Payments", "The connection to the printer broke during printing; part may have printed."
    ),
    PrinterProblem.FAILED: QT_TRANSLATE_NOOP("Payments", "The printer reported a fault: check it."),
}


_REPORT_PRINTER = {  # where the receipt's words would be wrong for a report or a slip
    PrinterProblem.NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "Payments", "No printer is set up for this counter."
    ),
    PrinterProblem.TIMEOUT: QT_TRANSLATE_NOOP(
        "Payments", "The printer did not answer; it may or may not have printed."
    ),
}


class Printed(enum.Enum):
    """What was being printed, for words that name it."""

    RECEIPT = "receipt"
    REPORT = "report"  # a shift report, a day close, a referral slip: no receipt waits


_STATES = {
    PrinterProblem.NOT_CONFIGURED: QT_TRANSLATE_NOOP("Payments", "not set up"),
    PrinterProblem.OFFLINE: QT_TRANSLATE_NOOP("Payments", "offline"),
    PrinterProblem.PAPER_OUT: QT_TRANSLATE_NOOP("Payments", "out of paper"),
    PrinterProblem.TIMEOUT: QT_TRANSLATE_NOOP("Payments", "not answering"),
    PrinterProblem.DROPPED: QT_TRANSLATE_NOOP("Payments", "connection lost"),
    PrinterProblem.FAILED: QT_TRANSLATE_NOOP("Payments", "fault"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Payments", source)


def printer_state_text(problem: PrinterProblem) -> str:
    """A word or two for the status bar."""
    return _tr(_STATES[problem])


def printer_problem_text(problem: PrinterProblem, printed: Printed = Printed.RECEIPT) -> str:
    """The printer's fault, without the key that tries again: each screen has its own."""
    if printed is Printed.REPORT and problem in _REPORT_PRINTER:
        return _tr(_REPORT_PRINTER[problem])
    return _tr(_PRINTER[problem])
