"""Reference data loaded from ``resources/reference``: departments, queue categories, purposes."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Department(Base):
    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    duties: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(32))
    extension: Mapped[str] = mapped_column(String(16), default="")
    location: Mapped[str] = mapped_column(String(200))
    hours: Mapped[str] = mapped_column(String(100))
    hotline: Mapped[str] = mapped_column(String(32), default="")
    # The target from a referral to its closing, per urgency (minutes; migration 0009)
    response_minutes_normal: Mapped[int] = mapped_column(Integer, server_default="2880")
    response_minutes_urgent: Mapped[int] = mapped_column(Integer, server_default="480")
    response_minutes_emergency: Mapped[int] = mapped_column(Integer, server_default="60")


class ServiceCategory(Base):
    """A queue category; its prefix starts every ticket number (A001…)."""

    __tablename__ = "service_categories"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(2), unique=True)
    name_zh: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(50))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class VisitPurpose(Base):
    __tablename__ = "visit_purposes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("service_categories.code"))
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    department_code: Mapped[str | None] = mapped_column(ForeignKey("departments.code"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
