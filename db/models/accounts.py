"""Gas accounts (燃气户): the customers a counter serves."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, validates

from db.models.base import Base
from db.search_keys import KEY_LENGTH, address_key
from db.types import Fen


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20), unique=True)
    meter_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    name_initials: Mapped[str] = mapped_column(String(20), index=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    phone_last4: Mapped[str] = mapped_column(String(4), index=True)
    address: Mapped[str] = mapped_column(String(200))
    # kept by :meth:`_keep_address_key`; the demo bulk load writes it itself
    address_key: Mapped[str] = mapped_column(
        String(KEY_LENGTH), index=True, default="", server_default=""
    )
    customer_type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    arrears: Mapped[Decimal] = mapped_column(Fen(), default=Decimal(0))
    ytd_volume_m3: Mapped[int] = mapped_column(Integer, default=0)
    # the day the year-to-date volume was last brought up to date (meter reading); a quote
    # in a later tier year starts that year from zero
    ytd_as_of: Mapped[date | None] = mapped_column(Date)
    household_size: Mapped[int] = mapped_column(Integer, default=1)

    @validates("address")
    def _keep_address_key(self, _key: str, address: str) -> str:
        self.address_key = address_key(address)
        return address
