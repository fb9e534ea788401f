"""The counter's front door: queue tickets and the visit record everything else hangs on."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import PriorityReason, TicketStatus, VisitOutcome, VisitStage
from db.models.base import Base
from db.types import UTCDateTime


def _enum(kind: type[enum.StrEnum], length: int = 16) -> Enum:
    return Enum(
        kind, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e]
    )


class TicketSequence(Base):
    """The last number issued per hall, day and category: locked to number gaplessly."""

    __tablename__ = "ticket_sequences"

    hall_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    category_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("hall_code", "service_day", "label"),
        Index("ix_tickets_queue", "hall_code", "service_day", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    service_day: Mapped[date] = mapped_column(Date)  # the hall's calendar day
    category_code: Mapped[str] = mapped_column(ForeignKey("service_categories.code"))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(8))  # A001
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[TicketStatus] = mapped_column(_enum(TicketStatus))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[str] = mapped_column(String(32))  # employee no. or "reception"
    ahead: Mapped[bool] = mapped_column(Boolean, default=False)  # transferred: before the others
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime())  # arrival, or the transfer
    for_counter: Mapped[str | None] = mapped_column(String(16))  # transferred to one counter
    counter_code: Mapped[str | None] = mapped_column(String(16))  # the counter that called it
    called_by: Mapped[str | None] = mapped_column(String(32))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    calls: Mapped[int] = mapped_column(Integer, default=0)
    skipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")
    account_no: Mapped[str | None] = mapped_column(String(20))  # given at the kiosk
    priority_reason: Mapped[PriorityReason | None] = mapped_column(_enum(PriorityReason))


class Visit(Base):
    """One customer at one counter: the record that ties the rest together."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_day", "hall_code", "service_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    service_day: Mapped[date] = mapped_column(Date)
    clerk_employee_no: Mapped[str] = mapped_column(String(32))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), unique=True)
    account_no: Mapped[str | None] = mapped_column(String(20), index=True)
    customer_name: Mapped[str] = mapped_column(String(50), default="")  # walk-in, optional
    customer_phone: Mapped[str] = mapped_column(String(20), default="")
    purpose_code: Mapped[str | None] = mapped_column(ForeignKey("visit_purposes.code"))
    notes: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[VisitStage] = mapped_column(_enum(VisitStage))
    called_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the visit's start
    greeted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    serving_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    charging_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    referring_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closing_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[VisitOutcome | None] = mapped_column(_enum(VisitOutcome))
    # the customer's rating is a row of its own: db.models.ratings (migration 0012)
