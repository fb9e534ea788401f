"""Service scripts changed by an admin, and the scripts each visit was shown.

The company's default scripts ship as a file; this table holds only the versions
admins have saved since, append-only (triggers, migration 0008), so every earlier
wording stays readable with its author and time.  ``removed`` withdraws a
purpose's own script, which falls back to the general one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class ScriptVersion(Base):
    __tablename__ = "script_versions"
    __table_args__ = (UniqueConstraint("script_key", "purpose", "language", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    script_key: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(32))  # "" for every purpose
    language: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)  # 1, 2, … per script; 0 is the shipped text
    text: Mapped[str] = mapped_column(Text)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    author_employee_no: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class VisitScript(Base):
    """One script shown during one visit: which words, which version, when."""

    __tablename__ = "visit_scripts"
    __table_args__ = (Index("ix_visit_scripts_visit", "visit_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    script_key: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime())
