"""The words for the core's faults that are not refusals of one form (database, schema,
a required password change, a role without the permission, a receipt series stopped).

A :class:`HallError` the UI has no own words for is shown as the core worded it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.access.permissions import PermissionDeniedError
from hallclient.context import PasswordChangeRequiredError
from hallclient.errors import (
    CommitUnconfirmedError,
    DatabaseUnavailableError,
    HallError,
    SchemaOutdatedError,
)
from hallclient.ledger.errors import LedgerError
from hallclient.ratings.errors import RatingError
from hallclient.receipts.errors import SeriesStoppedError
from ui.words.ledger import ledger_problem_text
from ui.words.ratings import rating_problem_text
from ui.words.receipt_journal import series_stopped_text


def problem_text(error: HallError) -> str:
    if isinstance(error, DatabaseUnavailableError):
        return _database_text(error)
    if isinstance(error, SchemaOutdatedError):
        return QCoreApplication.translate(
            "Problems",
            "The database needs an update before this version can use it. "
            "Please ask the administrator to run: hallclient db upgrade",
        )
    if isinstance(error, PasswordChangeRequiredError):
        return QCoreApplication.translate(
            "Problems", "Please change your password first (System menu)."
        )
    if isinstance(error, PermissionDeniedError):
        return QCoreApplication.translate("Problems", "Your role may not do this.")
    return _capability_text(error)


def _capability_text(error: HallError) -> str:
    """A capability's fault that any page may meet (a ledger refusal, a stopped series, a
    rating refused)."""
    if isinstance(error, LedgerError):
        return ledger_problem_text(error)
    if isinstance(error, SeriesStoppedError):
        return series_stopped_text(error)
    if isinstance(error, RatingError):
        return rating_problem_text(error)
    return str(error)


def _database_text(error: DatabaseUnavailableError) -> str:
    """What happened, then which database (the server in use, for IT support)."""
    text = _database_fault_text(error)
    if not error.server:
        return text
    named = QCoreApplication.translate("Problems", "{fault} Database: {server}")
    return named.format(fault=text, server=error.server)


def _database_fault_text(error: DatabaseUnavailableError) -> str:
    """Unreachable: nothing saved; a connection lost during the commit: perhaps saved."""
    if isinstance(error, CommitUnconfirmedError):
        return QCoreApplication.translate(
            "Problems",
            "The connection broke while saving: the work may have been saved. Look it up "
            "again (search, refresh the list) before doing it once more; if the database "
            "stays unreachable, call IT support.",
        )
    return QCoreApplication.translate(
        "Problems",
        "The database cannot be reached; nothing was saved. Please try again in a "
        "moment; if this goes on, call IT support.",
    )
