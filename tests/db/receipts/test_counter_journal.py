"""The counter's journal against a server that lost receipts it confirmed (issue 24).

The database is restored from an older backup after the counter issued more receipts: the
series stops with the missing numbers named, ``receipts restore-from-counter`` uploads them
again with their own numbers and hashes, the verifier passes, and issuing resumes with
the next number -- none given twice.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from db.domain import PaymentMethod, Role
from db.models import AuditEntry
from db.models.receipts import Receipt
from hallclient.config import Settings
from hallclient.core import open_core
from hallclient.errors import DatabaseUnavailableError
from hallclient.ledger.verify import check_volumes
from hallclient.receipts.cart import Cart
from hallclient.receipts.desk import ReceiptDesk
from hallclient.receipts.errors import SeriesGapKind, SeriesStoppedError
from hallclient.receipts.issue import PaymentRequest, issue_receipt
from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.journal_restore import RestoreRefusedError, restore_from_counter
from hallclient.receipts.payment import Tender
from hallclient.receipts.verify import check_all
from hallclient.receipts.void import void_receipt
from hallclient.shifts.desk import ShiftDesk
from hallclient.uow import UnitOfWork
from tests.db.cli_helpers import lines, run_cli, url_of
from tests.db.ledger.ledger_till import BILLED_NO, ledger_till
from tests.db.ledger.test_bills import _read_twice
from tests.db.receipt_helpers import Till, cash_request, ensure_shift, open_till, register_counter
from tests.db.receipts.journal_helpers import take_backup
from tests.db.receipts.test_receipt_desk_checks import NO_PRINTER
from tests.db.receipts.test_receipt_void import _grant
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD
from tests.printing.samples import HEADING

ADMIN = EMPLOYEE_NO[Role.ADMIN]
GAS = (("G101", "12.5"), ("S105", "1"))  # tiered gas: the tier year moves with each receipt


def _issue(till: Till, journal: CounterJournal | None, items=GAS) -> str:
    issued = issue_receipt(till.database, till.clerk, cash_request(till.cart(*items)), journal)
    return issued.record.receipt_no


def _stored(till: Till) -> dict[int, str]:
    with UnitOfWork(till.database) as uow:
        return dict(uow.session.execute(select(Receipt.number, Receipt.hash)).all())


def test_receipts_lost_by_a_restored_server_come_back_from_the_counter(database, request, capsys):
    till = open_till(database)
    journal = CounterJournal.of(database)  # the PC's own, as the desk keeps it
    for _ in range(2):
        _issue(till, journal)
    backup = take_backup(database, request)
    for _ in range(2):
        _issue(till, journal)
    sold = _issue(till, journal)
    void_receipt(database, till.clerk, sold, "顾客重复缴费", _grant(till, sold), journal)
    issued = _stored(till)  # 1..6, the void last
    till.database = backup.restore(database)

    gaps = journal.missing_on(till.database)
    assert [(g.series, g.missing, g.differing) for g in gaps] == [
        ("H01-C01-2026", (3, 4, 5, 6), ())
    ]
    with pytest.raises(SeriesStoppedError) as stopped:
        _issue(till, journal)
    assert (stopped.value.kind, stopped.value.numbers) == (
        SeriesGapKind.MISSING_ON_SERVER,
        (3, 4, 5, 6),
    )
    assert "receipts 3-6" in str(stopped.value) and "restore-from-counter" in str(stopped.value)
    assert sorted(_stored(till)) == [1, 2]  # no number drawn again

    url = url_of(till.database)
    argv = ("receipts", "restore-from-counter", "--admin", ADMIN)
    code, out, err = run_cli(capsys, url, *argv, stdin=lines(PASSWORD))
    assert code == 0, err
    assert "H01-C01-2026: receipts 3-6 restored, head H01-C01-2026:6:" in out

    assert _stored(till) == issued  # their own numbers and hashes
    assert check_all(till.database).ok and check_volumes(till.database).ok
    assert journal.missing_on(till.database) == ()
    assert _issue(till, journal) == "H01-C01-2026-000007"
    with UnitOfWork(till.database) as uow:
        entries = uow.session.execute(
            select(AuditEntry.actor_employee_no, AuditEntry.action, AuditEntry.details)
        ).all()
    restored = [
        (actor, json.loads(details))
        for actor, action, details in entries
        if action == "receipts.restore_from_counter"
    ]
    assert restored == [(ADMIN, {"H01-C01-2026": "3-6"})]


def test_a_number_the_server_gave_to_another_payment_is_named_and_never_overwritten(
    database, request
):
    till = open_till(database)
    journal = CounterJournal.of(database)
    _issue(till, journal)
    backup = take_backup(database, request)
    _issue(till, journal)
    till.database = backup.restore(database)
    _issue(till, None, (("S105", "1"),))  # without the journal: number 2 to another payment

    with pytest.raises(SeriesStoppedError) as stopped:
        _issue(till, journal)
    assert (stopped.value.kind, stopped.value.numbers) == (SeriesGapKind.DIFFERS_ON_SERVER, (2,))
    admin = replace(till.clerk, user=till.people[Role.ADMIN])
    with pytest.raises(RestoreRefusedError, match="receipts 2 differ on the server"):
        restore_from_counter(till.database, admin, journal)
    assert sorted(_stored(till)) == [1, 2] and check_all(till.database).ok


def test_the_desk_refuses_the_charge_and_the_shift_close_while_receipts_are_missing(
    database, request
):
    till = open_till(database)
    desk = ReceiptDesk(database, lambda _user: till.clerk, HEADING, NO_PRINTER)
    backup = take_backup(database, request)
    desk.charge(till.clerk.user, cash_request(till.cart(*GAS)))  # journaled by the desk
    till.database = backup.restore(database)
    desk = ReceiptDesk(till.database, lambda _user: till.clerk, HEADING, NO_PRINTER)  # restarted
    shifts = ShiftDesk(
        till.database,
        lambda _user: till.clerk,
        HEADING,
        NO_PRINTER,
        Decimal(0),
        desk.require_journal_intact,
    )
    assert [gap.missing for gap in desk.check_journal()] == [(1,)]
    with pytest.raises(SeriesStoppedError, match="receipts 1 missing on server"):
        shifts.close(till.clerk.user, {}, {})
    with pytest.raises(SeriesStoppedError):
        desk.charge(till.clerk.user, cash_request(till.cart(*GAS)))
    assert _stored(till) == {}


def test_only_an_admin_restores_and_a_journal_copied_elsewhere_serves(
    sqlite_database, request, capsys, tmp_path
):
    till = open_till(sqlite_database)
    journal = CounterJournal.of(sqlite_database)
    backup = take_backup(sqlite_database, request)
    _issue(till, journal)
    till.database = backup.restore(sqlite_database)
    url, clerk = url_of(till.database), EMPLOYEE_NO[Role.CLERK]
    copied = tmp_path / "from-the-counter"
    shutil.copytree(journal.folder, copied)  # IT brought the counter's journal along

    argv = ("receipts", "restore-from-counter", "--journal", str(copied))
    code, _, err = run_cli(capsys, url, *argv, "--admin", clerk, stdin=lines(PASSWORD))
    assert code == 2 and "is not an administrator" in err and _stored(till) == {}
    code, out, err = run_cli(capsys, url, *argv, "--admin", ADMIN, stdin=lines(PASSWORD))
    assert code == 0 and "receipts 1 restored" in out, err
    code, out, _ = run_cli(capsys, url, *argv, "--admin", ADMIN, stdin=lines(PASSWORD))
    assert code == 0 and "nothing to do" in out and sorted(_stored(till)) == [1]


def test_the_desk_names_the_lost_receipts_at_its_start_and_when_the_database_is_back(
    sqlite_database, request, caplog
):
    till = open_till(sqlite_database)
    backup = take_backup(sqlite_database, request)
    _issue(till, CounterJournal.of(sqlite_database))
    url = url_of(backup.restore(sqlite_database))
    core = open_core(Settings(database_url=url, hall_code="H01", counter_code="C01"))
    try:
        assert [gap.missing for gap in core.receipts.journal.stopped] == [(1,)]
        assert "H01-C01-2026: receipts 1 are not on the server; issuing" in caplog.text
        caplog.clear()
        live = Path(url.removeprefix("sqlite:///"))
        _without_the_file(core, live, live.with_name("aside.sqlite3"))
        with pytest.raises(DatabaseUnavailableError):  # an empty file in its place
            core.access.has_users()
        _without_the_file(core, live, None)
        live.with_name("aside.sqlite3").rename(live)
        core.access.has_users()  # the first use that succeeds again
        deadline = time.monotonic() + 30  # the comparison runs on a thread of its own
        while "receipts 1 are not on the server" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "receipts 1 are not on the server" in caplog.text
    finally:
        core.close()


def _without_the_file(core, live: Path, aside: Path | None) -> None:
    """Every connection closed, the database file moved ``aside`` (or deleted)."""
    core.database.dispose()
    for leftover in ("-wal", "-shm"):
        live.with_name(live.name + leftover).unlink(missing_ok=True)
    if aside is None:
        live.unlink()
    else:
        live.rename(aside)


def _pay_bills(ledger, context, journal):
    cart = Cart()
    for quote in ledger.bills(BILLED_NO, context).cart_lines(None):
        cart = cart.add(quote)
    tenders = (Tender(PaymentMethod.CASH, cart.total),)
    request = PaymentRequest(uuid.uuid4().hex, cart, tenders, account_no=BILLED_NO)
    return issue_receipt(ledger.database, context, request, journal)


def test_a_bill_paid_again_after_the_loss_refuses_the_restore(database, tmp_path, request):
    """The bill paid at C01 is lost with the server's receipts, then the customer pays it
    again at C02: restoring C01's receipt would book the bill twice, so nothing is restored."""
    ledger = ledger_till(database)
    bill_no = _read_twice(ledger, tmp_path)
    register_counter(database, "C02")
    journal = CounterJournal(tmp_path / "journal-c01")
    backup = take_backup(database, request)
    _pay_bills(ledger, ledger.till.clerk, journal)  # at C01, journaled
    ledger.till.database = backup.restore(database)  # the server loses it
    other = ledger.till.context(Role.SHIFT_MANAGER, "C02")
    ensure_shift(ledger.database, other)
    _pay_bills(ledger, other, None)  # paid again at C02
    admin = replace(ledger.till.clerk, user=ledger.till.people[Role.ADMIN])
    with pytest.raises(RestoreRefusedError, match=f"bills {bill_no}, paid by journaled"):
        restore_from_counter(ledger.database, admin, journal)
    assert check_volumes(ledger.database).ok  # the bill is paid once
    assert journal.missing_on(ledger.database) != ()  # and the series stays stopped
