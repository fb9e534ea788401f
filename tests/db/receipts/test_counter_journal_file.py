"""The journal's file: what each line keeps, and a line cut off by a power failure."""

from __future__ import annotations

import logging
from dataclasses import replace

from sqlalchemy import select

from db.models.receipts import Receipt
from hallclient import paths
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.journal_codec import JournalEntry
from hallclient.receipts.store import load_record
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import cash_request, open_till
from tests.unit.receipts.test_payment import _record

SERIES = "H01-C01-2026"


def test_each_line_keeps_the_receipt_as_stored_with_its_key_visit_and_shift(sqlite_database):
    till = open_till(sqlite_database)
    journal = CounterJournal.of(sqlite_database)
    request = cash_request(till.cart(("G101", "12.5"), ("S105", "1")))
    issue_receipt(sqlite_database, till.clerk, request, journal)
    issue_receipt(sqlite_database, till.clerk, request, journal)  # a replay adds no line
    [entry] = list(CounterJournal(journal.folder).entries(SERIES))
    with UnitOfWork(sqlite_database) as uow:
        receipt = uow.session.scalars(select(Receipt)).one()
        stored = load_record(uow, receipt)
        row = (receipt.idempotency_key, receipt.visit_id, receipt.shift_id)
    assert entry.record == stored and entry.record.hash == stored.hash
    assert (entry.key, entry.visit_id, entry.shift_id) == row == (request.key, None, 1)
    assert journal.folder.parent == paths.data_dir() / "receipt-journal"  # the user's own


def test_a_line_cut_off_while_written_is_named_and_skipped(sqlite_database, caplog):
    till = open_till(sqlite_database)
    journal = CounterJournal.of(sqlite_database)
    for _ in range(2):
        issue_receipt(sqlite_database, till.clerk, cash_request(till.cart(("S105", "1"))), journal)
    [path] = journal.folder.glob("*.jsonl")
    whole = path.read_bytes()
    path.write_bytes(whole + whole[: len(whole) // 3])  # the power failed mid-line

    with caplog.at_level(logging.WARNING):
        after = CounterJournal(journal.folder)  # the counter starts again
        assert after.missing_on(sqlite_database) == ()
    assert f"{path}: line 3 (the last, cut off while written) is unreadable" in caplog.text
    issue_receipt(sqlite_database, till.clerk, cash_request(till.cart(("S105", "1"))), after)
    assert [e.record.number for e in CounterJournal(journal.folder).entries(SERIES)] == [1, 2, 3]
    assert path.read_bytes().startswith(whole) and path.read_bytes().endswith(b"}\n")


def test_a_disk_that_refuses_the_line_is_logged_and_the_receipt_stands(tmp_path, caplog):
    blocked = tmp_path / "journal"
    blocked.write_text("not a folder")  # the journal cannot be made here
    journal, record = CounterJournal(blocked), _record()
    with caplog.at_level(logging.ERROR):
        journal.append(JournalEntry(record, "0f" * 16, None, 1))
    assert f"receipt {record.receipt_no} not kept" in caplog.text
    assert list(journal.entries(record.series)) == []


def test_a_number_journaled_twice_keeps_the_first_receipt_and_stops_the_series(tmp_path, caplog):
    journal, first = CounterJournal(tmp_path / "journal"), _record()
    second = replace(first, hash="ab" * 32)  # the same number, another receipt
    journal.append(JournalEntry(first, "0f" * 16, None, 1))
    with caplog.at_level(logging.ERROR):
        journal.append(JournalEntry(second, "1e" * 16, None, 1))
    assert f"number {first.number} issued twice" in caplog.text
    [gap] = journal.stopped
    assert (gap.series, gap.missing, gap.differing) == (first.series, (), (first.number,))
    reread = CounterJournal(journal.folder)  # the counter starts again: still the first,
    reread.append(JournalEntry(first, "0f" * 16, None, 1))  # so this replay adds nothing
    assert len(list(reread.entries(first.series))) == 2  # both lines stay, for IT to compare
