"""A new schedule in force from mid-period: each reading is billed at the prices and band
limits of the schedule in force on its own day, even with readings of both sides, of
the same customer type and household, interleaved in one batch (the pricing memo is
per day's schedules, never per customer type alone)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select

from db.domain import Role
from db.models import Bill, BillLine
from hallclient.clock import FixedClock
from hallclient.ledger.billing import run_billing
from hallclient.ledger.reading_import import import_readings
from hallclient.ledger.verify import check_volumes
from hallclient.ledger.volumes import read_volumes
from hallclient.tariff.importing import ImportedBand
from hallclient.tariff.sheets import write_csv
from hallclient.uow import UnitOfWork
from tests.db.ledger.ledger_till import READINGS_HEADER
from tests.db.ledger_helpers import TIER_YEAR, add_ledger_account
from tests.db.security_helpers import START, add_users, context_for
from tests.db.tariff_helpers import GAS, TARIFF, in_force

CHANGE = dt.date(2026, 10, 16)
NEW_BANDS = (  # dearer, and the first band ends earlier
    ImportedBand("G102", 1, Decimal(200), Decimal("3.11"), Decimal(60)),
    ImportedBand("G102", 2, Decimal(600), Decimal("3.63"), Decimal(120)),
    ImportedBand("G102", 3, None, Decimal("4.42"), Decimal(120)),
)
NEW_GAS = replace(GAS, code="G102", unit_price=Decimal("3.11"))  # another code, too
NEW_TARIFF = replace(TARIFF, items=(NEW_GAS, *TARIFF.items[1:]), bands=NEW_BANDS)
READINGS = (  # in import order, so in reading-id order: old, new, old, new schedule
    [
        ("100000001", "M1", "1000", "2026-09-01"),
        ("100000002", "M2", "500", "2026-09-01"),
        ("100000003", "M3", "0", "2026-09-01"),
    ],
    [("100000001", "M1", "1100", "2026-10-10")],
    [("100000002", "M2", "650", "2026-10-20")],
    [("100000003", "M3", "350", "2026-10-12")],
    [("100000001", "M1", "1300", "2026-10-25")],
)


def _line(quantity: int, unit_price: str, amount: str) -> tuple[Decimal, Decimal, Decimal]:
    return Decimal(quantity), Decimal(unit_price), Decimal(amount)


def _bills(database) -> dict[str, list[tuple[object, ...]]]:
    query = (
        select(
            Bill.account_no,
            Bill.period_to,
            Bill.amount,
            BillLine.item_code,
            BillLine.schedule_code,
            BillLine.band,
            BillLine.quantity,
            BillLine.unit_price,
            BillLine.amount,
        )
        .join(BillLine, BillLine.bill_id == Bill.id)
        .order_by(Bill.id, BillLine.line_no)
    )
    found: dict[str, list[tuple[object, ...]]] = {}
    with UnitOfWork(database) as uow:
        for account_no, day, total, *line in uow.connection.execute(query):
            found.setdefault(f"{account_no} {day} {total}", []).append(tuple(line))
    return found


def test_each_reading_is_billed_at_its_own_days_schedule(database, tmp_path) -> None:
    admin = context_for(add_users(database)[Role.ADMIN], FixedClock(START))
    old = in_force(database, admin, TARIFF, effective_to=CHANGE - dt.timedelta(days=1)).code
    new = in_force(database, admin, NEW_TARIFF, effective_from=CHANGE).code
    for number in ("100000001", "100000002", "100000003"):
        add_ledger_account(database, account_no=number, meter_no=f"M{number[-1]}")
    for index, rows in enumerate(READINGS):
        path = tmp_path / f"readings-{index}.csv"
        write_csv(path, READINGS_HEADER, [[*row, "R07"] for row in rows])
        import_readings(database, admin, path)

    run = run_billing(database, admin, due_days=15)

    assert (run.bills, run.amount, not run.left) == (4, Decimal("2283.80"), True)
    assert _bills(database) == {
        "100000001 2026-10-10 261.00": [("G101", old, 1, *_line(100, "2.61", "261.00"))],
        "100000002 2026-10-20 466.50": [("G102", new, 1, *_line(150, "3.11", "466.50"))],
        "100000003 2026-10-12 913.50": [("G101", old, 1, *_line(350, "2.61", "913.50"))],
        "100000001 2026-10-25 642.80": [
            ("G102", new, 1, *_line(160, "3.11", "497.60")),
            ("G102", new, 2, *_line(40, "3.63", "145.20")),
        ],
    }
    with UnitOfWork(database) as uow:
        used = {n: read_volumes(uow, n).used(TIER_YEAR) for n in ("100000001", "100000002")}
    assert used == {"100000001": Decimal(300), "100000002": Decimal(150)}
    assert check_volumes(database).ok
