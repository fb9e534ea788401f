"""Accounts with a ledger for the tests: the account row, then its opening tier volume
and arrears as a carried-over bill (the way a hall brings them over)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from db.engine import Database
from db.models import Account
from hallclient.clock import FixedClock
from hallclient.ledger.opening import carry_over
from hallclient.uow import UnitOfWork, run_write
from tests.db.security_helpers import START, setup_admin

TIER_YEAR = dt.date(2026, 1, 1)


def add_ledger_account(
    database: Database,
    *,
    used: Decimal | int = 0,
    arrears: Decimal | str = "0.00",
    year: dt.date = TIER_YEAR,
    **values: object,
) -> str:
    """An account (张伟, residential, household of 5 unless ``values`` say otherwise) that
    has used ``used`` m³ in the tier year beginning ``year`` and owes ``arrears``."""
    row = (
        dict(
            account_no="100000001",
            meter_no="M1",
            name="张伟",
            name_initials="zw",
            phone="13800001111",
            phone_last4="1111",
            address="演示路1号",
            customer_type="residential",
            status="normal",
            household_size=5,
        )
        | values
    )
    context = setup_admin(FixedClock(START))

    def use_case(uow: UnitOfWork) -> str:
        uow.session.add(Account(**row))
        uow.session.flush()
        if used or Decimal(arrears):
            carry_over(
                uow,
                context,
                str(row["account_no"]),
                arrears=Decimal(arrears),
                volume=Decimal(used),
                tier_year=year,
            )
        uow.commit()
        return str(row["account_no"])

    return run_write(database, use_case)
