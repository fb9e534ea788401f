"""The ledger's refusals in the clerk's words (translated in the "Ledger" context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.ledger.errors import LedgerError, LedgerProblem, ReadingFault
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.accounts import account_status_text

_SOURCES = {
    LedgerProblem.ACCOUNT_INACTIVE: QT_TRANSLATE_NOOP(
        "Ledger",
        "The account is {detail}: it can be charged neither gas nor bills, only the "
        "fees that apply to it (reconnection, reopening).",
    ),
    LedgerProblem.UNKNOWN_ACCOUNT: QT_TRANSLATE_NOOP("Ledger", "No account {detail}."),
    LedgerProblem.UNKNOWN_BILL: QT_TRANSLATE_NOOP(
        "Ledger", "Bill {detail} is not one of this account's."
    ),
    LedgerProblem.BILL_PAID: QT_TRANSLATE_NOOP(
        "Ledger",
        "Bill {detail} has been paid already (at another counter or outside the "
        "hall). Nothing was charged; take the account again to see its open bills.",
    ),
    LedgerProblem.BILLS_OUT_OF_ORDER: QT_TRANSLATE_NOOP(
        "Ledger",
        "Bills are paid oldest first: bill {detail} must be paid before the newer "
        "ones. Remove the newest instead.",
    ),
    LedgerProblem.LATE_FEE_MISSING: QT_TRANSLATE_NOOP(
        "Ledger",
        "Overdue bill {detail} is paid with its late fee; leaving it out needs a "
        "shift manager's waiver.",
    ),
    LedgerProblem.BILL_CHANGED: QT_TRANSLATE_NOOP(
        "Ledger",
        "Bill {detail} or its late fee is no longer what was quoted (the day "
        "changed?). Take the bills again with F10.",
    ),
    LedgerProblem.TIER_VOLUME_CHANGED: QT_TRANSLATE_NOOP(
        "Ledger",
        "Account {detail} bought gas at another counter meanwhile, so the tiered "
        "price has moved. Nothing was charged: calculate the fee again.",
    ),
    LedgerProblem.NOT_ON_TOP: QT_TRANSLATE_NOOP(
        "Ledger",
        "A later purchase or bill was priced on top of this gas ({detail}): void that one first.",
    ),
    LedgerProblem.NO_GAS_ITEM: QT_TRANSLATE_NOOP(
        "Ledger",
        "No single gas item is in force for this customer type ({detail}); ask the administrator.",
    ),
    LedgerProblem.BAD_READING: QT_TRANSLATE_NOOP("Ledger", "The reading was refused: {detail}."),
    LedgerProblem.NOTHING_TO_WAIVE: QT_TRANSLATE_NOOP(
        "Ledger", "Bill {detail} has no late fee to waive."
    ),
}


_SUSPENDED = QT_TRANSLATE_NOOP(
    "Ledger",
    "The account is {status}: it buys no gas until it is reconnected. Its bills "
    "and the reconnection fee are taken as usual.",
)
_FAULTS = {
    ReadingFault.FIRST_READING: QT_TRANSLATE_NOOP(
        "Ledger", "This is the account's first reading: it opens the meter and bills nothing."
    ),
    ReadingFault.NO_EARLIER: QT_TRANSLATE_NOOP(
        "Ledger", "A new meter or dials that began again need an earlier reading."
    ),
    ReadingFault.START_WITHOUT_CHANGE: QT_TRANSLATE_NOOP(
        "Ledger", "A start figure is only for a new meter or dials that began again."
    ),
    ReadingFault.BELOW_LAST: QT_TRANSLATE_NOOP(
        "Ledger",
        "{0} is below the last reading {1}. If the meter was changed or its dials "
        "began again, choose that and type the figure they started from.",
    ),
    ReadingFault.START_NEEDED: QT_TRANSLATE_NOOP(
        "Ledger", "Type the figure the new dials started from."
    ),
    ReadingFault.OLD_BELOW_LAST: QT_TRANSLATE_NOOP(
        "Ledger", "The old meter's last figure {0} is below its last reading {1}."
    ),
    ReadingFault.BELOW_START: QT_TRANSLATE_NOOP(
        "Ledger", "{0} is below the figure the dials started from ({1})."
    ),
    ReadingFault.NOT_A_NUMBER: QT_TRANSLATE_NOOP(
        "Ledger", "Type the figures as numbers, e.g. 1234.5."
    ),
    ReadingFault.OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "Ledger", "{1} is not a meter figure (at most three decimals, not below zero)."
    ),
    ReadingFault.SAME_METER: QT_TRANSLATE_NOOP(
        "Ledger", "A new meter needs its own number; {0} is the meter already on the account."
    ),
    ReadingFault.OTHER_METER: QT_TRANSLATE_NOOP(
        "Ledger", "Meter {0} is not the account's meter ({1})."
    ),
    ReadingFault.IN_FUTURE: QT_TRANSLATE_NOOP("Ledger", "The day {0} has not come yet."),
    ReadingFault.NOT_AFTER_LAST: QT_TRANSLATE_NOOP(
        "Ledger", "The meter was last read on {0}: one reading a day, after that one."
    ),
    ReadingFault.METER_ELSEWHERE: QT_TRANSLATE_NOOP("Ledger", "Meter {0} is on account {1}."),
    ReadingFault.OPENING_BELOW_ZERO: QT_TRANSLATE_NOOP(
        "Ledger", "Opening figures cannot be below zero."
    ),
}


def ledger_problem_text(error: LedgerError) -> str:
    detail = error.detail
    if error.fault is not None:
        return QCoreApplication.translate("Ledger", _FAULTS[error.fault]).format(*error.values)
    if error.problem is LedgerProblem.ACCOUNT_INACTIVE:
        if detail == "suspended":
            return QCoreApplication.translate("Ledger", _SUSPENDED).format(
                status=account_status_text(detail)
            )
        detail = account_status_text(detail)
    return QCoreApplication.translate("Ledger", _SOURCES[error.problem]).format(detail=detail)
