"""The audit journal as a service: reading and verifying it need their permissions."""

from __future__ import annotations

from db.engine import Database
from hallclient.access import audit
from hallclient.access.audit import EntryView, VerifyReport
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.uow import UnitOfWork, run_write


def view_journal(
    database: Database, context: Context, limit: int = 200, action_prefix: str | None = None
) -> list[EntryView]:
    """The newest entries, for the auditor's and manager's screens."""
    context.require(Action.VIEW_AUDIT)
    with UnitOfWork(database) as uow:
        return audit.recent_entries(uow, limit, action_prefix)


def verify_journal(
    database: Database, context: Context, expected_head: tuple[int, str] | None = None
) -> VerifyReport:
    """Check every link; the check itself is journaled with its result."""
    context.require(Action.VERIFY_AUDIT)
    with UnitOfWork(database) as uow:
        report = audit.verify_journal(uow, expected_head)

    def record(uow: UnitOfWork) -> None:
        details = {"checked": report.checked, "first_bad": report.first_bad_seq}
        context.record(uow, "audit.verified", "journal", str(report.head_seq), details)
        uow.commit()

    run_write(database, record)
    return report
