"""Receipts (票据): issued once, numbered without gaps, chained, never changed.

A receipt, its lines and its payments are append-only (database triggers, see the
0006 migration).  What does change lives elsewhere: the series row (the last number and
the chain head, locked while a receipt is issued) and the print jobs (pending, sent,
printed), so printing state never touches a fiscal record.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import PaymentMethod, PrintStatus, ReceiptKind
from db.models.base import Base
from db.types import Fen, UnitPrice, UTCDateTime, Volume

HASH_LENGTH = 64  # SHA-256, hex


def _enum(kind: type[enum.StrEnum]) -> Enum:
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class ReceiptSeries(Base):
    """One numbering series (a counter's year): the last number and the chain head."""

    __tablename__ = "receipt_series"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
    head_hash: Mapped[str] = mapped_column(String(HASH_LENGTH))


class Receipt(Base):
    __tablename__ = "receipts"
    __table_args__ = (
        UniqueConstraint("series", "number"),
        Index("ix_receipts_shift_kind", "shift_id", "kind"),  # shift figures read the index only
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(ForeignKey("receipt_series.code"))
    number: Mapped[int] = mapped_column(Integer)
    receipt_no: Mapped[str] = mapped_column(String(64), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[ReceiptKind] = mapped_column(_enum(ReceiptKind))
    voids_receipt_no: Mapped[str | None] = mapped_column(String(64), index=True)
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    approved_by: Mapped[str] = mapped_column(String(16), default="")
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    clerk_employee_no: Mapped[str] = mapped_column(String(16))
    clerk_name: Mapped[str] = mapped_column(String(50))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"), index=True)
    # the shift it was issued in (NULL only for receipts older than shifts, migration 0007)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
    account_no: Mapped[str] = mapped_column(String(20), index=True)
    customer_name: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    total: Mapped[Decimal] = mapped_column(Fen())
    cash_tendered: Mapped[Decimal] = mapped_column(Fen())
    change: Mapped[Decimal] = mapped_column(Fen())
    chain_version: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(HASH_LENGTH))
    hash: Mapped[str] = mapped_column(String(HASH_LENGTH), unique=True)


class ReceiptLine(Base):
    """One priced line: a tariff item, one band of a tiered gas quantity, or a bill's line."""

    __tablename__ = "receipt_lines"

    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    cart_line: Mapped[int] = mapped_column(Integer)  # lines of one quoted item share it
    item_code: Mapped[str] = mapped_column(String(32))
    item_name: Mapped[str] = mapped_column(String(100))
    band: Mapped[int | None] = mapped_column(Integer)
    schedule_code: Mapped[str] = mapped_column(String(32))
    approval_doc_no: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[Decimal] = mapped_column(Volume())
    unit: Mapped[str] = mapped_column(String(16))
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice())
    amount: Mapped[Decimal] = mapped_column(Fen())
    bill_no: Mapped[str | None] = mapped_column(String(32), index=True)  # the bill it pays
    # tiered gas bought by volume: the tier year it counts in and the year's volume its
    # band split started from (本年已用); a bill's lines were counted when it was billed
    tier_year: Mapped[date | None] = mapped_column(Date)
    used_before: Mapped[Decimal | None] = mapped_column(Volume())


class ReceiptPayment(Base):
    __tablename__ = "receipt_payments"

    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod))
    amount: Mapped[Decimal] = mapped_column(Fen())
    reference: Mapped[str] = mapped_column(String(64))


class PrintJob(Base):
    """A copy of a receipt to print: the original is copy 1, a reprint (重打) copy 2 on."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        UniqueConstraint("receipt_id", "copy_no"),
        Index("ix_print_jobs_waiting", "hall_code", "counter_code", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"))
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    copy_no: Mapped[int] = mapped_column(Integer)
    status: Mapped[PrintStatus] = mapped_column(_enum(PrintStatus))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    requested_by: Mapped[str] = mapped_column(String(16))
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
