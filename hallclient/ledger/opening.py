"""Opening balances: what an account owed and had used this tier year before HallClient.

A hall that starts with HallClient brings over each account's arrears and its
volume so far in the tier year from the previous system.  Both become a carried-over
bill (承前, kind ``carried``): the arrears as one line, the volume as the bill's
tiered volume, so that they are records like every later one and the tier-year
check can count them.  Migration 0010 did the same for the demo's typed figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import insert

from db.domain import BillKind
from db.models import Bill, BillLine
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError, LedgerProblem, ReadingFault, reading_refused
from hallclient.ledger.readings import account_meter
from hallclient.ledger.volumes import add_volumes
from hallclient.uow import UnitOfWork

CARRIED_CODE = "CARRIED"
CARRIED_NAME = "承前欠费"


def carried_bill_no(account_no: str) -> str:
    return f"CQ{account_no}"


def carry_over(
    uow: UnitOfWork,
    context: Context,
    account_no: str,
    *,
    arrears: Decimal,
    volume: Decimal,
    tier_year: dt.date,
) -> str:
    """Record an account's opening arrears and tier-year volume (once); the bill number."""
    if account_meter(uow, account_no) is None:
        raise LedgerError(LedgerProblem.UNKNOWN_ACCOUNT, account_no)
    if arrears < 0 or volume < 0:
        raise reading_refused(ReadingFault.OPENING_BELOW_ZERO)
    today, bill_no = context.today(), carried_bill_no(account_no)
    bill_id = uow.connection.execute(
        insert(Bill).returning(Bill.id),
        {
            "bill_no": bill_no,
            "account_no": account_no,
            "kind": BillKind.CARRIED,
            "volume": volume,
            "item_code": "",
            "tier_year": tier_year,
            "volume_before": Decimal(0),
            "amount": arrears,
            "issued_on": today,
            "due_on": today,
            "created_at": context.clock.now(),
            "created_by": context.user.employee_no,
        },
    ).scalar_one()
    if arrears > 0:
        uow.connection.execute(
            insert(BillLine),
            {
                "bill_id": bill_id,
                "line_no": 1,
                "item_code": CARRIED_CODE,
                "item_name": CARRIED_NAME,
                "band": None,
                "schedule_code": "",
                "approval_doc_no": "",
                "quantity": Decimal(1),
                "unit": "笔",
                "unit_price": arrears,
                "amount": arrears,
            },
        )
    add_volumes(uow, account_no, {tier_year: volume})
    facts = {"arrears": f"{arrears}", "volume": f"{volume}", "year": f"{tier_year}"}
    context.record(uow, "ledger.carried_over", "account", account_no, facts)
    return bill_no
