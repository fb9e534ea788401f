"""The audit journal (append-only, hash-chained) and manager approvals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class AuditEntry(Base):
    """One journal entry.  Never updated or deleted: database triggers refuse both.

    ``seq`` numbers the chain from 1 without gaps; ``entry_hash`` is SHA-256 over the
    entry's canonical form (``version``) including ``prev_hash``, the hash of entry
    ``seq - 1`` (64 zeros for the first).  The core computes and verifies them.
    """

    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    hall_code: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str] = mapped_column(String(16))
    actor_employee_no: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The newest link of the chain, one row, locked by every writer.

    Writers lock this row (``SELECT … FOR UPDATE`` on PostgreSQL; ``BEGIN IMMEDIATE``
    already serialises writers on SQLite) so entries are appended one at a time.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))


class Approval(Base):
    """A manager's approval of one privileged action on one object, used at most once."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(64))
    object_ref: Mapped[str] = mapped_column(String(200))  # an over-limit close names its figures
    reason: Mapped[str] = mapped_column(Text)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
