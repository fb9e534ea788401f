"""The customer's rating of a visit, and the follow-up case a bad rating opens.

One rating per visit (a unique key), written once and never changed.  A rating whose
level is empty is a visit nobody rated (the customer screen timed out).  The hall,
counter, clerk and day are copied from the visit so that the monthly figures read
one table.  A case keeps each step's text and time; who did it is in the audit journal.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, Enum, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import FollowUpStatus, RatingLevel, RatingSource
from db.models.base import Base
from db.types import UTCDateTime


def _enum(kind: type[enum.StrEnum]) -> Enum:
    return Enum(kind, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class Rating(Base):
    __tablename__ = "ratings"
    __table_args__ = (Index("ix_ratings_month", "hall_code", "service_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), unique=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    clerk_employee_no: Mapped[str] = mapped_column(String(32))  # the clerk who was rated
    service_day: Mapped[date] = mapped_column(Date)
    level: Mapped[RatingLevel | None] = mapped_column(_enum(RatingLevel))  # None: not rated
    source: Mapped[RatingSource] = mapped_column(_enum(RatingSource))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(32))  # employee no., or "screen"
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FollowUpCase(Base):
    __tablename__ = "follow_up_cases"
    __table_args__ = (Index("ix_follow_up_cases_open", "hall_code", "status", "due_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("ratings.id"), unique=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    clerk_employee_no: Mapped[str] = mapped_column(String(32))
    status: Mapped[FollowUpStatus] = mapped_column(_enum(FollowUpStatus))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_on: Mapped[date] = mapped_column(Date)  # the 15th working day after the rating's day
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)  # beyond the calendar
    call_back_note: Mapped[str] = mapped_column(Text, default="")
    called_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cause: Mapped[str] = mapped_column(Text, default="")
    cause_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    fix: Mapped[str] = mapped_column(Text, default="")
    fixed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    result: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
