"""Paper anchors the receipt chains: ``receipts verify`` against the heads a day close
recorded (and printed) and the heads given with ``--expect-head`` (from a Z report).

The attacker has the database: the append-only triggers are dropped, receipts deleted,
forged or rewritten, and the chain re-hashed after the change with the series row
rewound to match, so that the chain alone still looks whole.  Each tampering must be
named; an untouched database, with or without day closes, must pass.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Connection, delete, insert, select

from db.domain import PaymentMethod, Role
from db.immutability import unprotect
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment, ReceiptSeries
from hallclient.receipts.heads import ExpectedHead
from hallclient.receipts.record import GENESIS, chain_hash
from hallclient.receipts.store import load_record
from hallclient.receipts.verify import check_all
from hallclient.shifts import day_close, manager
from hallclient.shifts import service as shifts
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import open_till
from tests.db.shift_helpers import close_exact, pay
from ui.main import main

D = Decimal
SERIES = "H01-C01-2026"
_TABLES = (Receipt, ReceiptLine, ReceiptPayment, PrintJob)


def _url(database: Any) -> str:
    return str(database.engine.url.render_as_string(hide_password=False))


def _verify(capsys: Any, database: Any, *heads: str) -> tuple[int, str]:
    flags = [flag for head in heads for flag in ("--expect-head", head)]
    code = main(["--database-url", _url(database), "receipts", "verify", *flags])
    return code, capsys.readouterr().out


def _three_receipts_closed(database: Any, *, close_the_day: bool) -> shifts.ShiftReading:
    """Three cash receipts, the shift closed (its Z report), approved; the day closed."""
    till = open_till(database)
    for _ in range(3):
        pay(till, till.clerk, till.cart(("S105", "1")), PaymentMethod.CASH)
    expected = shifts.reading(database, till.clerk).figures.method(PaymentMethod.CASH).expected
    z = close_exact(till, till.clerk, {D(10): int(expected // 10), D(1): int(expected % 10)})
    if close_the_day:
        boss = till.context(Role.SHIFT_MANAGER, counter="C09")
        manager.approve_shift(database, boss, z.shift.id)
        day_close.close_day(database, boss, till.clerk.today())
    return z


def _rehash(database: Any, start: int) -> None:
    """Re-seal the chain from receipt ``start`` on and rewind the series row to match."""
    with UnitOfWork(database) as uow:
        session = uow.session
        before = select(Receipt.hash).where(Receipt.series == SERIES, Receipt.number == start - 1)
        previous = session.scalar(before) or GENESIS
        rows = session.scalars(
            select(Receipt)
            .where(Receipt.series == SERIES, Receipt.number >= start)
            .order_by(Receipt.number)
        ).all()
        for row in rows:
            row.prev_hash = previous
            row.hash = previous = chain_hash(load_record(uow, row))
            session.flush()
        series = session.get_one(ReceiptSeries, SERIES)
        series.last_number, series.head_hash = (rows[-1].number if rows else start - 1), previous
        uow.commit()


def _unprotected(database: Any) -> Connection:
    conn = database.engine.connect()
    for table in _TABLES:
        unprotect(conn, table.__tablename__)
    conn.commit()
    return conn


def _rows_of(conn: Connection, receipt_id: int) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Each table's rows of one receipt, children last (the order to insert them back)."""
    rows = []
    for table in _TABLES:
        column = table.id if table is Receipt else table.receipt_id
        found = conn.execute(select(table.__table__).where(column == receipt_id)).mappings()
        rows.append((table, [dict(row) for row in found]))
    return rows


def _delete_receipt(conn: Connection, receipt_id: int) -> None:
    for table in reversed(_TABLES):
        column = table.id if table is Receipt else table.receipt_id
        conn.execute(delete(table.__table__).where(column == receipt_id))


def _receipt_id(conn: Connection, number: int) -> int:
    query = select(Receipt.id).where(Receipt.series == SERIES, Receipt.number == number)
    return int(conn.execute(query).scalar_one())


def remove_newest(database: Any) -> int:
    """(a) Receipts 2 and 3 deleted, the series row rewound to receipt 1."""
    with _unprotected(database) as conn:
        for number in (3, 2):
            _delete_receipt(conn, _receipt_id(conn, number))
        conn.commit()
    _rehash(database, 2)
    return 2


def forge_into_closed_range(database: Any) -> int:
    """(b) Receipt 3 deleted, a forged receipt 3 appended (another name), hash recomputed."""
    with _unprotected(database) as conn:
        receipt_id = _receipt_id(conn, 3)
        rows = _rows_of(conn, receipt_id)
        _delete_receipt(conn, receipt_id)
        for table, found in rows:
            forged = {"customer_name": "伪造人", "hash": "0" * 64} if table is Receipt else {}
            if found:
                conn.execute(insert(table.__table__), [{**row, **forged} for row in found])
        conn.commit()
    _rehash(database, 3)
    return 3


def rewrite_head(database: Any) -> int:
    """(c) The head receipt (3) rewritten in place, its hash recomputed."""
    return _rewrite(database, 3)


def rewrite_below_head(database: Any) -> int:
    """(d) Receipt 2 rewritten, the chain re-hashed after it up to the head and the row."""
    return _rewrite(database, 2)


def _rewrite(database: Any, number: int) -> int:
    with _unprotected(database) as conn:
        conn.execute(
            Receipt.__table__.update()
            .where(Receipt.series == SERIES, Receipt.number == number)
            .values(customer_name="改写人")
        )
        conn.commit()
    _rehash(database, number)
    return number


TAMPERING: dict[str, tuple[Callable[[Any], int], str]] = {
    # name: (the tampering, the fault verify must print)
    "newest removed, series rewound": (remove_newest, "receipts after 1 were removed"),
    "forged receipt appended": (forge_into_closed_range, f"{SERIES}-000003: is not the receipt"),
    "head rewritten": (rewrite_head, f"{SERIES}-000003: is not the receipt"),
    "below the head rewritten": (rewrite_below_head, f"{SERIES}-000003: is not the receipt"),
}


@pytest.mark.parametrize("name", TAMPERING)
def test_the_chain_alone_misses_the_tampering(database, name):
    """Why paper is needed: every tampering here leaves a chain that verifies by itself."""
    _three_receipts_closed(database, close_the_day=False)
    TAMPERING[name][0](database)
    assert check_all(database).ok


@pytest.mark.parametrize("name", TAMPERING)
def test_the_day_close_heads_name_the_tampering(capsys, database, name):
    _three_receipts_closed(database, close_the_day=True)
    tamper, fault = TAMPERING[name]
    tamper(database)
    code, out = _verify(capsys, database)
    assert code == 1 and fault in out and "the day close of H01" in out, out
    assert f"receipts BROKEN: {fault}" in out or f"receipts BROKEN: {SERIES}: {fault}" in out


@pytest.mark.parametrize("name", TAMPERING)
def test_the_z_report_head_names_the_tampering(capsys, database, name):
    z = _three_receipts_closed(database, close_the_day=False)
    printed = [f"{h.series}:{h.last_number}:{h.head_hash[:16]}" for h in z.heads]  # as on the paper
    tamper, fault = TAMPERING[name]
    tamper(database)
    code, out = _verify(capsys, database, *printed)
    assert code == 1 and fault in out and "--expect-head" in out, out


@pytest.mark.parametrize("close_the_day", [False, True], ids=["no day close", "day closed"])
def test_no_false_positive_on_an_untouched_database(capsys, database, close_the_day):
    z = _three_receipts_closed(database, close_the_day=close_the_day)
    assert [(h.series, h.last_number) for h in z.heads] == [(SERIES, 3)]
    head = z.heads[0]
    typed = [f"{SERIES}:3:{head.head_hash[:16]}", f"{SERIES}:3:{head.head_hash}"]
    code, out = _verify(capsys, database, *typed)
    assert code == 0 and "receipts OK: 1 series" in out, out
    assert f"{SERIES}: 3 receipts, head {SERIES}:3:{head.head_hash[:16]} OK" in out
    assert check_all(database, [ExpectedHead(SERIES, 1, "f" * 16)]).first_fault == (
        f"{SERIES}-000001: is not the receipt --expect-head recorded (head {SERIES}:1:"
        f"{'f' * 16}, found {SERIES}:1:{_hash_of(database, 1)[:16]}): rewritten, or forged "
        "into a closed range"
    )


def _hash_of(database: Any, number: int) -> str:
    with UnitOfWork(database) as uow:
        query = select(Receipt.hash).where(Receipt.series == SERIES, Receipt.number == number)
        return str(uow.session.scalar(query))


def test_a_head_beyond_the_series_or_of_a_missing_series_is_named(database):
    _three_receipts_closed(database, close_the_day=False)
    fault = check_all(database, [ExpectedHead(SERIES, 5, "a" * 16)]).first_fault
    assert fault is not None and fault.startswith(f"{SERIES}: receipts after 3 were removed")
    fault = check_all(database, [ExpectedHead("H01-C07-2026", 2, "a" * 16)]).first_fault
    assert fault == (
        "H01-C07-2026: the series is missing (--expect-head recorded head "
        "H01-C07-2026:2:aaaaaaaaaaaaaaaa)"
    )


@pytest.mark.parametrize(
    "text", ["H01-C01-2026:3", "H01-C01-2026:x:" + "a" * 16, "H01-C01-2026:3:abc", "3:" + "g" * 16]
)
def test_a_malformed_head_is_refused(capsys, sqlite_database_url, text):
    with pytest.raises(SystemExit) as exit_info:
        main(["--database-url", sqlite_database_url, "receipts", "verify", "--expect-head", text])
    assert exit_info.value.code == 2 and "SERIES:NUMBER:HASH" in capsys.readouterr().err
