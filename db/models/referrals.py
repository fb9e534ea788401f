"""Referrals (转办): a matter the counter hands to the department that handles it.

Reference numbers are gapless per year, numbered from a locked row of
``referral_sequences`` like queue tickets.  The referral row holds its current state;
every change of state is also an append-only ``referral_events`` row (triggers,
migration 0009), so the whole history stays.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import ReferralStatus, Urgency
from db.models.base import Base
from db.types import UTCDateTime


def _enum(kind: type[enum.StrEnum]) -> Enum:
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class ReferralSequence(Base):
    """The last reference number given per year: locked to number without gaps."""

    __tablename__ = "referral_sequences"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Referral(Base):
    __tablename__ = "referrals"
    __table_args__ = (
        UniqueConstraint("year", "number"),
        Index("ix_referrals_board", "department_code", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)  # ZB2026-000001
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    account_no: Mapped[str | None] = mapped_column(String(20), index=True)
    department_code: Mapped[str] = mapped_column(ForeignKey("departments.code"))
    urgency: Mapped[Urgency] = mapped_column(_enum(Urgency))
    matter: Mapped[str] = mapped_column(Text)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    appointment: Mapped[str] = mapped_column(String(100), default="")  # the preferred window
    status: Mapped[ReferralStatus] = mapped_column(_enum(ReferralStatus))
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(Text, default="")  # the result, or why it came back
    # A report of gas theft or tampering: the reporter is in informant_reports, never here
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)


class InformantReport(Base):
    """Who reported gas theft or illegal modification (对举报人的信息要严格管理保守秘密).

    Kept apart from the referral, read only by the auditor through
    ``hallclient.referrals.informants`` (every read journaled); everything else names
    the report by its referral's redacted reference only.
    """

    __tablename__ = "informant_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), unique=True)
    reporter_name: Mapped[str] = mapped_column(String(50))
    reporter_phone: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class ReferralEvent(Base):
    """One change of a referral's state: who, when, to what, and what they wrote."""

    __tablename__ = "referral_events"
    __table_args__ = (Index("ix_referral_events_referral", "referral_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"))
    status: Mapped[ReferralStatus] = mapped_column(_enum(ReferralStatus))
    actor: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")
