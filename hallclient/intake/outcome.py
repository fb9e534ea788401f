"""What a visit produced, so its end is told from facts, not guessed by the screen.

A visit's receipts carry its id, and so do the referrals made from it.  At F9 the close
dialog preselects the outcome these facts give -- a referral made (or the referring
stage reached) is REFERRED, a receipt issued is CHARGED, anything else RESOLVED -- and
the script panel says the farewell that fits.  Voided receipts do not count.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.domain import ReceiptKind, VisitOutcome
from db.engine import Database
from db.models import Receipt, Referral, Visit
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.intake.visits import VisitError, VisitProblem
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class VisitSummary:
    visit_id: int
    receipt_nos: tuple[str, ...]  # the receipts issued for the visit and not voided
    referral_refs: tuple[str, ...]  # the referrals made from it (ZB2026-000001 …)
    referred: bool  # a referral was made, or the visit reached the referring stage

    @property
    def charged(self) -> bool:
        return bool(self.receipt_nos)

    @property
    def suggested_outcome(self) -> VisitOutcome:
        if self.referred:
            return VisitOutcome.REFERRED
        return VisitOutcome.CHARGED if self.charged else VisitOutcome.RESOLVED


def summary_of(uow: UnitOfWork, visit: Visit) -> VisitSummary:
    """The receipts and referrals of ``visit``, read in the caller's unit of work."""
    session = uow.session
    issued = session.scalars(
        select(Receipt.receipt_no)
        .where(Receipt.visit_id == visit.id, Receipt.kind == ReceiptKind.SALE)
        .order_by(Receipt.id)
    ).all()
    voided = set(
        session.scalars(
            select(Receipt.voids_receipt_no).where(
                Receipt.kind == ReceiptKind.VOID, Receipt.voids_receipt_no.in_(issued)
            )
        ).all()
    )
    referrals = tuple(
        session.scalars(
            select(Referral.reference).where(Referral.visit_id == visit.id).order_by(Referral.id)
        ).all()
    )
    return VisitSummary(
        visit.id,
        tuple(no for no in issued if no not in voided),
        referrals,
        bool(referrals) or visit.referring_at is not None,
    )


def visit_summary(database: Database, context: Context, visit_id: int) -> VisitSummary:
    """What this counter's visit produced so far."""
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        visit = uow.session.get(Visit, visit_id)
        where = context.where
        if visit is None or (visit.hall_code, visit.counter_code) != (
            where.hall_code,
            where.counter_code,
        ):
            raise VisitError(VisitProblem.UNKNOWN_VISIT, str(visit_id))
        return summary_of(uow, visit)
