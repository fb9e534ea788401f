"""Informant confidentiality: the reporter of gas theft is stored apart and read by the auditor.

The reporter's name and phone go into ``informant_reports`` only; the referral itself
carries no contact and is marked confidential, so the department board, slips,
exports, logs and the audit journal can only name it by its redacted reference.  An
:class:`Informant` never shows its contents in a ``repr`` (a traceback or a log line
that prints the request prints ``<withheld>``).  The auditor's every read is journaled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from db.engine import Database
from db.models import InformantReport, Referral
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.text_input import clean_phone, clean_text
from hallclient.uow import UnitOfWork, run_write

WITHHELD = "<withheld>"


@dataclass(frozen=True)
class Informant:
    name: str = field(repr=False)
    phone: str = field(repr=False)
    note: str = field(default="", repr=False)

    def __repr__(self) -> str:
        return f"Informant({WITHHELD})"

    def cleaned(self) -> Informant:
        return Informant(
            clean_text(self.name, "informant_name", 50),
            clean_phone(self.phone),
            clean_text(self.note, "informant_note", 500, multiline=True),
        )


def redacted_reference(reference: str) -> str:
    """How everything but the protected store names the report: 举报 ZB2026-000012."""
    return f"举报 {reference}"


def store(uow: UnitOfWork, referral: Referral, informant: Informant) -> None:
    """In the referral's transaction: the identity to the protected table, nowhere else."""
    report = InformantReport(
        referral_id=referral.id,
        reporter_name=informant.name,
        reporter_phone=informant.phone,
        note=informant.note,
    )
    uow.session.add(report)


def read_informant(database: Database, context: Context, referral_id: int) -> Informant | None:
    """The auditor reads who reported; the read itself goes into the audit journal."""
    context.require(Action.READ_INFORMANTS)

    def use_case(uow: UnitOfWork) -> Informant | None:
        referral = uow.session.get(Referral, referral_id)
        query = select(InformantReport).where(InformantReport.referral_id == referral_id)
        report = uow.session.scalar(query)
        if referral is None or report is None:
            return None
        context.record(uow, "informant.read", "referral", redacted_reference(referral.reference))
        uow.commit()
        return Informant(report.reporter_name, report.reporter_phone, report.note)

    return run_write(database, use_case)
