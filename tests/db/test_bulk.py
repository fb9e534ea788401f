"""Bulk inserts with ids allocated first: the ids the database itself would have given,
with ordinary inserts before and after still numbered on from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import insert, select

from db.bulk import allocate_ids, insert_numbered
from db.domain import BillKind
from db.models import Bill
from hallclient.uow import UnitOfWork, run_write

NOW = dt.datetime(2026, 11, 26, 1, 0, tzinfo=dt.UTC)


def _bill(number: int) -> dict[str, object]:
    return {
        "bill_no": f"ZD202611-{number}",
        "account_no": "100000001",
        "kind": BillKind.READING,
        "reading_id": None,
        "period_from": None,
        "period_to": dt.date(2026, 11, 1),
        "volume": Decimal("12.000"),
        "item_code": "G101",
        "tier_year": None,
        "volume_before": None,
        "amount": Decimal(f"{number}.01"),
        "issued_on": dt.date(2026, 11, 3),
        "due_on": dt.date(2026, 11, 18),
        "created_at": NOW,
        "created_by": "E001",
    }


def _one_by_default(uow: UnitOfWork, number: int) -> int:
    statement = insert(Bill).returning(Bill.id)
    bill_id: int = uow.connection.execute(statement, _bill(number)).scalar_one()
    return bill_id


def test_numbered_rows_take_the_next_ids_and_defaults_carry_on(database) -> None:
    def use_case(uow: UnitOfWork) -> tuple[int, list[int], int]:
        first = _one_by_default(uow, 1)
        ids = insert_numbered(uow.connection, Bill, [_bill(2), _bill(3), _bill(4)])
        last = _one_by_default(uow, 5)
        uow.commit()
        return first, ids, last

    first, ids, last = run_write(database, use_case)
    assert ids == [first + 1, first + 2, first + 3]
    assert last == first + 4
    with UnitOfWork(database) as uow:
        rows = uow.connection.execute(select(Bill.id, Bill.amount).order_by(Bill.id)).all()
    assert [(row.id, row.amount) for row in rows][-5:] == [
        (first + n, Decimal(f"{n + 1}.01")) for n in range(5)
    ]


def test_nothing_to_insert_allocates_nothing(database) -> None:
    with UnitOfWork(database, write=True) as uow:
        assert allocate_ids(uow.connection, Bill, 0) == []
        assert insert_numbered(uow.connection, Bill, []) == []
