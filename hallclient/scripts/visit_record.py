"""The visit's side of the scripts: the facts a script may mention, and what was shown.

Each script shown during a visit is recorded once (key, purpose, language and the
version in force), so the visit says which words the customer was given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import VisitStage
from db.engine import Database
from db.models import Account, Department, Ticket, Visit, VisitPurpose, VisitScript
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.intake.outcome import summary_of
from hallclient.intake.visits import VisitError, VisitProblem
from hallclient.scripts import panel
from hallclient.scripts.catalogue import ScriptId, ScriptKey
from hallclient.uow import UnitOfWork, run_write

EMERGENCY_DEPARTMENT = "emergency_repair"


@dataclass(frozen=True)
class ShownScript:
    script: ScriptId
    version: int
    shown_at: dt.datetime


def _department(uow: UnitOfWork, code: str | None) -> panel.Department | None:
    row = uow.session.get(Department, code) if code else None
    if row is None:
        return None
    return panel.Department(
        row.name_zh, row.name_en, row.phone, row.extension, row.location, row.hours
    )


def _visit(uow: UnitOfWork, context: Context, visit_id: int, *, lock: bool = False) -> Visit:
    """This counter's visit (counter codes repeat from hall to hall: both must match)."""
    visit = uow.session.get(Visit, visit_id, with_for_update=lock)
    where = context.where
    if visit is None or (visit.hall_code, visit.counter_code) != (
        where.hall_code,
        where.counter_code,
    ):
        raise VisitError(VisitProblem.UNKNOWN_VISIT, str(visit_id))
    return visit


def _customer_name(uow: UnitOfWork, visit: Visit) -> str:
    if visit.account_no:
        query = select(Account.name).where(Account.account_no == visit.account_no)
        return uow.session.scalar(query) or ""
    return visit.customer_name


def _emergency_line(uow: UnitOfWork) -> str | None:
    emergency = uow.session.get(Department, EMERGENCY_DEPARTMENT)
    return (emergency.hotline or emergency.phone) if emergency else None


def emergency_hotline(database: Database) -> str | None:
    """The repair centre's 24-hour line, as the department directory gives it."""
    with UnitOfWork(database) as uow:
        return _emergency_line(uow)


def visit_facts(
    database: Database, context: Context, visit_id: int, department_code: str | None = None
) -> panel.VisitFacts:
    """The facts of this counter's visit; ``department_code`` overrides the purpose's."""
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        visit = _visit(uow, context, visit_id)
        ticket = uow.session.get(Ticket, visit.ticket_id) if visit.ticket_id else None
        purpose = uow.session.get(VisitPurpose, visit.purpose_code) if visit.purpose_code else None
        code = department_code or (purpose.department_code if purpose else None)
        produced = summary_of(uow, visit)
        return panel.VisitFacts(
            visit.id,
            visit.stage,
            ticket.label if ticket else None,
            visit.called_at - ticket.queued_at if ticket else None,
            _customer_name(uow, visit),
            visit.purpose_code,
            purpose.name_zh if purpose else None,
            purpose.name_en if purpose else None,
            _department(uow, code),
            _emergency_line(uow),
            charged=produced.charged,
            referred=produced.referred,
        )


def record_shown(
    database: Database, context: Context, visit_id: int, shown: Sequence[tuple[ScriptId, int]]
) -> int:
    """Record the scripts not yet recorded on the visit; returns how many were new.  The
    visit row is locked, so two recordings at once cannot both add the same script; a
    visit already closed takes no more (a late answer of the panel)."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> int:
        if _visit(uow, context, visit_id, lock=True).stage is VisitStage.CLOSED:
            return 0
        known = {
            (row.script_key, row.purpose, row.language, row.version)
            for row in uow.session.scalars(
                select(VisitScript).where(VisitScript.visit_id == visit_id)
            )
        }
        new = {(s.key.value, s.purpose, s.language, version) for s, version in shown} - known
        now = context.clock.now()
        for key, purpose, language, version in sorted(new):
            row = VisitScript(
                visit_id=visit_id,
                script_key=key,
                purpose=purpose,
                language=language,
                version=version,
                shown_at=now,
            )
            uow.session.add(row)
        uow.commit()
        return len(new)

    return run_write(database, use_case)


def shown_on_visit(database: Database, context: Context, visit_id: int) -> list[ShownScript]:
    """The scripts shown during a visit at this hall, in order (the day's visits list them
    for any counter of the hall; only the visit's own counter records them)."""
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        visit = uow.session.get(Visit, visit_id)
        if visit is None or visit.hall_code != context.where.hall_code:
            raise VisitError(VisitProblem.UNKNOWN_VISIT, str(visit_id))
        rows = uow.session.scalars(
            select(VisitScript).where(VisitScript.visit_id == visit_id).order_by(VisitScript.id)
        )
        return [
            ShownScript(
                ScriptId(ScriptKey(r.script_key), r.purpose, r.language), r.version, r.shown_at
            )
            for r in rows
        ]
