"""Tariff schedules, their items, tier bands and late fees: the only source of a price.

Items and bands are append-only (database triggers): an approved schedule never
changes, a price change is a new schedule, and a draft that is not wanted is
discarded, not edited.  Only the schedule row's status and its sign-offs change.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import ScheduleStatus
from db.models.base import Base
from db.types import UnitPrice, UTCDateTime, Volume


class TariffSchedule(Base):
    __tablename__ = "tariff_schedules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    approval_doc_no: Mapped[str] = mapped_column(String(100))
    issuing_body: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)  # last day in force, inclusive
    status: Mapped[ScheduleStatus] = mapped_column(
        Enum(
            ScheduleStatus,
            native_enum=False,
            length=16,
            values_callable=lambda e: [m.value for m in e],
        )
    )
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    tier_year_start: Mapped[str] = mapped_column(String(5), default="01-01")  # MM-DD
    household_base: Mapped[int] = mapped_column(Integer, default=4)
    source: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[str | None] = mapped_column(String(32))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[str | None] = mapped_column(String(32))  # retired or discarded by
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TariffItem(Base):
    __tablename__ = "tariff_items"
    __table_args__ = (UniqueConstraint("schedule_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("tariff_schedules.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    pinyin_initials: Mapped[str] = mapped_column(String(100), index=True)
    category: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(16))
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice())
    customer_types: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    # an abolished fee (category "abolished"): the document that abolished it
    abolished_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


class TariffBand(Base):
    """One tier band of a tiered (阶梯) gas item."""

    __tablename__ = "tariff_bands"
    __table_args__ = (UniqueConstraint("item_id", "band"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("tariff_items.id"))
    band: Mapped[int] = mapped_column(Integer)
    up_to_m3: Mapped[Decimal | None] = mapped_column(Volume())
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice())
    uplift_per_person_m3: Mapped[Decimal] = mapped_column(Volume(), default=Decimal(0))
    uplift_cap_m3: Mapped[Decimal | None] = mapped_column(Volume())  # per household; None: no cap


class TariffLateFee(Base):
    """The late fee (违约金) of one customer type: a daily rate on an overdue bill's amount,
    after the grace days past its due date."""

    __tablename__ = "tariff_late_fees"
    __table_args__ = (UniqueConstraint("schedule_id", "customer_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("tariff_schedules.id"))
    customer_type: Mapped[str] = mapped_column(String(20))
    daily_rate: Mapped[Decimal] = mapped_column(UnitPrice())  # 0.0010 is 千分之一 a day
    grace_days: Mapped[int] = mapped_column(Integer)
