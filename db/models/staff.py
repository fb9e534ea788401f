"""Halls, counters and the people who log in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from db.domain import Role
from db.models.base import Base
from db.types import UTCDateTime


class Hall(Base):
    __tablename__ = "halls"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Counter(Base):
    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("hall_code", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("halls.code"))
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the queue categories this counter calls, by code, ";"-separated; empty: all of them
    categories: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # a screen facing the customer is attached: the customer rates there, never the clerk
    customer_screen: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_no: Mapped[str] = mapped_column(String(16), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    department_code: Mapped[str | None] = mapped_column(ForeignKey("departments.code"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
