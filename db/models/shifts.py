"""Shifts (班次), cash counts, cash moves and the hall's day close.

A shift is one clerk's turn at one counter: it opens with a counted float and every
receipt issued during it carries its id.  The shift row holds only its state (open,
submitted, returned for recount, approved); the figures live in append-only tables
(triggers, migration 0007): the denominations counted (each count a new round), the
cash moves, and the tallies frozen at each submission.  A day close is one
append-only, chained record per hall and business day.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import CountPurpose, MoveDirection, PaymentMethod, ShiftStatus
from db.models.base import Base
from db.models.receipts import HASH_LENGTH
from db.types import Fen, UTCDateTime


def _enum(kind: type[enum.StrEnum]) -> Enum:
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Shift(Base):
    __tablename__ = "shifts"
    # ``open_counter`` is the counter while the shift is open and NULL afterwards, so the
    # unique constraint allows one open shift per counter and any number of closed ones.
    __table_args__ = (UniqueConstraint("hall_code", "open_counter"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    open_counter: Mapped[str | None] = mapped_column(String(16))
    clerk_employee_no: Mapped[str] = mapped_column(String(16))
    clerk_name: Mapped[str] = mapped_column(String(50))
    business_day: Mapped[date] = mapped_column(Date, index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opening_float: Mapped[Decimal] = mapped_column(Fen())
    status: Mapped[ShiftStatus] = mapped_column(_enum(ShiftStatus))
    count_round: Mapped[int] = mapped_column(Integer, default=0)  # submissions so far
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by: Mapped[str] = mapped_column(String(16), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CashCount(Base):
    """Pieces of one denomination counted (append-only)."""

    __tablename__ = "shift_cash_counts"

    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), primary_key=True)
    count_round: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0: the float
    denomination: Mapped[Decimal] = mapped_column(Fen(), primary_key=True)
    purpose: Mapped[CountPurpose] = mapped_column(_enum(CountPurpose))
    pieces: Mapped[int] = mapped_column(Integer)


class CashMove(Base):
    """Cash put into or taken out of the drawer during a shift, with a reason (append-only)."""

    __tablename__ = "shift_cash_moves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    direction: Mapped[MoveDirection] = mapped_column(_enum(MoveDirection))
    amount: Mapped[Decimal] = mapped_column(Fen())
    reason: Mapped[str] = mapped_column(String(200))
    moved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    employee_no: Mapped[str] = mapped_column(String(16))


class ShiftTally(Base):
    """One method's figures frozen at a submission: expected, counted or declared (append-only)."""

    __tablename__ = "shift_tallies"

    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), primary_key=True)
    count_round: Mapped[int] = mapped_column(Integer, primary_key=True)
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod), primary_key=True)
    expected: Mapped[Decimal] = mapped_column(Fen())
    counted: Mapped[Decimal] = mapped_column(Fen())
    expected_count: Mapped[int] = mapped_column(Integer)
    declared_count: Mapped[int] = mapped_column(Integer)
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DayClose(Base):
    """The hall's business day, closed: totals and the grand total, chained (append-only)."""

    __tablename__ = "day_closes"
    __table_args__ = (UniqueConstraint("hall_code", "business_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    business_day: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_by: Mapped[str] = mapped_column(String(16))
    day_total: Mapped[Decimal] = mapped_column(Fen())
    grand_total: Mapped[Decimal] = mapped_column(Fen())
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of every figure
    prev_hash: Mapped[str] = mapped_column(String(HASH_LENGTH))
    hash: Mapped[str] = mapped_column(String(HASH_LENGTH), unique=True)
