"""The gas account's ledger (台账): meter readings, bills and the tier year's volume.

Readings, bills, their lines and the payments recorded outside the hall are
append-only (triggers, migration 0010).  What a counter pays is a receipt line that
names the bill (``receipt_lines.bill_no``), so whether a bill is open is derived
from records that never change: no sale line of an unvoided receipt and no outside
payment names it.  The one stored figure, the volume of each account's tier year,
is kept for speed in the same transactions that write those records, and a check
recomputes it from them (``hallclient receipts verify``).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, Enum, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import BillKind, ReadingKind, ReadingSource
from db.models.base import Base
from db.types import Fen, UnitPrice, UTCDateTime, Volume

BILL_NO_LENGTH = 32


def _enum(kind: type[enum.StrEnum]) -> Enum:
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class MeterReading(Base):
    __tablename__ = "meter_readings"
    __table_args__ = (Index("ix_meter_readings_account_day", "account_no", "read_on", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20))
    meter_no: Mapped[str] = mapped_column(String(20))
    reading: Mapped[Decimal] = mapped_column(Volume())
    read_on: Mapped[date] = mapped_column(Date)
    reader: Mapped[str] = mapped_column(String(32))
    source: Mapped[ReadingSource] = mapped_column(_enum(ReadingSource))
    kind: Mapped[ReadingKind] = mapped_column(_enum(ReadingKind))
    # a meter change: the new meter's first figure; a rollover: where the dials began again
    start_reading: Mapped[Decimal | None] = mapped_column(Volume())
    # the old meter's last figure (a change), or the dials' maximum (a rollover)
    old_final: Mapped[Decimal | None] = mapped_column(Volume())
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("meter_readings.id"))
    consumption: Mapped[Decimal | None] = mapped_column(Volume())  # None for an opening
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(32))
    batch: Mapped[str] = mapped_column(String(100), default="")  # the file it came from


class Bill(Base):
    __tablename__ = "bills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bill_no: Mapped[str] = mapped_column(String(BILL_NO_LENGTH), unique=True)
    account_no: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[BillKind] = mapped_column(_enum(BillKind))
    reading_id: Mapped[int | None] = mapped_column(ForeignKey("meter_readings.id"), unique=True)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    volume: Mapped[Decimal] = mapped_column(Volume())
    item_code: Mapped[str] = mapped_column(String(32))
    # the first day of the tier year the volume counts in (tiered gas only), and the
    # year's volume the band split started from
    tier_year: Mapped[date | None] = mapped_column(Date)
    volume_before: Mapped[Decimal | None] = mapped_column(Volume())
    amount: Mapped[Decimal] = mapped_column(Fen())
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(32))


class BillLine(Base):
    """One priced line of a bill: one band of the volume, with its schedule and document."""

    __tablename__ = "bill_lines"

    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_code: Mapped[str] = mapped_column(String(32))
    item_name: Mapped[str] = mapped_column(String(100))
    band: Mapped[int | None] = mapped_column(Integer)
    schedule_code: Mapped[str] = mapped_column(String(32))
    approval_doc_no: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[Decimal] = mapped_column(Volume())
    unit: Mapped[str] = mapped_column(String(16))
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice())
    amount: Mapped[Decimal] = mapped_column(Fen())


class OutsidePayment(Base):
    """A bill paid outside the hall (bank deduction 银行代扣, online): at most one per bill."""

    __tablename__ = "bill_outside_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bill_no: Mapped[str] = mapped_column(ForeignKey("bills.bill_no"), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(String(64))
    amount: Mapped[Decimal] = mapped_column(Fen())
    paid_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(32))


class TierVolume(Base):
    """An account's volume in one tier year: what its tiered prices count from.

    Stored for speed, derived from tiered receipt lines (minus voids) and bills; every
    writer holds the account's row lock (after series and shift, the fixed order).
    """

    __tablename__ = "account_tier_volumes"

    account_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    year_start: Mapped[date] = mapped_column(Date, primary_key=True)
    volume: Mapped[Decimal] = mapped_column(Volume())
