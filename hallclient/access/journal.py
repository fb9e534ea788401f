"""The audit journal as a service: reading and verifying it need their permissions.

What the journal holds may be read by those who may view it: no entry holds a password
(``audit`` refuses secret-looking keys) or an informant's identity (a theft report is
named only by its redacted reference, see ``referrals.informants``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from db.engine import Database
from db.models import AuditEntry, User
from hallclient.access import audit
from hallclient.access.audit import EntryView, VerifyReport
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.text_input import clean_code
from hallclient.uow import UnitOfWork, run_write

PAGE_SIZE = 100
SEARCH_MAX = 64  # an action or an employee number is never longer


@dataclass(frozen=True)
class JournalSearch:
    """Which entries: by a person (who acted, or whose account was acted on), by a part of
    the action's code, older than an entry already shown (the next page)."""

    employee_no: str = ""
    action_text: str = ""
    before_seq: int | None = None
    limit: int = PAGE_SIZE


@dataclass(frozen=True)
class JournalPage:
    entries: list[EntryView]  # newest first
    has_older: bool  # more entries match, older than the last one here
    names: dict[str, str]  # employee no. → name, for the people the entries name


def view_journal(
    database: Database, context: Context, limit: int = 200, action_prefix: str | None = None
) -> list[EntryView]:
    """The newest entries, for the auditor's and manager's screens."""
    context.require(Action.VIEW_AUDIT)
    with UnitOfWork(database) as uow:
        return audit.recent_entries(uow, limit, action_prefix)


def search_journal(database: Database, context: Context, search: JournalSearch) -> JournalPage:
    """One page of the entries that match, newest first (read only: nothing is journaled,
    as for any other list a role may see)."""
    context.require(Action.VIEW_AUDIT)
    person = clean_code(search.employee_no, "employee_no", SEARCH_MAX)
    action = clean_code(search.action_text, "action", SEARCH_MAX).lower()
    limit = max(1, search.limit)
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit + 1)
    if person:
        about = and_(AuditEntry.object_type == "user", AuditEntry.object_id == person)
        query = query.where(or_(AuditEntry.actor_employee_no == person, about))
    if action:
        query = query.where(AuditEntry.action.contains(action, autoescape=True))
    if search.before_seq is not None:
        query = query.where(AuditEntry.seq < search.before_seq)
    with UnitOfWork(database) as uow:
        rows = [audit.entry_view(row) for row in uow.session.scalars(query)]
        entries = rows[:limit]
        people = {e.actor for e in entries}
        people |= {e.object_id for e in entries if e.object_type == "user"}
        named = select(User.employee_no, User.display_name).where(User.employee_no.in_(people))
        names = {str(no): str(name) for no, name in uow.session.execute(named)}
    return JournalPage(entries, len(rows) > limit, names)


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
