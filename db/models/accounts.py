"""Gas accounts (燃气户): the customers a counter serves."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column, validates

from db.models.base import Base
from db.search_keys import KEY_LENGTH, address_key


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
    status: Mapped[str] = mapped_column(String(20))  # an AccountStatus
    # arrears are the account's open bills, and the tier year's volume is in
    # account_tier_volumes: both live in the ledger (db.models.ledger)
    household_size: Mapped[int] = mapped_column(Integer, default=1)

    @validates("address")
    def _keep_address_key(self, _key: str, address: str) -> str:
        self.address_key = address_key(address)
        return address
