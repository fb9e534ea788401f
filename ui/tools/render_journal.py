"""A journal for the "payments-series-stopped" screen: the counter's last receipt and a few
after it that the database never got, in a folder of the screen's own."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.journal_codec import JournalEntry


def lost_receipts(journal: CounterJournal, series: str, folder: Path, count: int) -> CounterJournal:
    """A journal in ``folder`` with ``journal``'s last receipt of ``series`` and ``count``
    receipts chained after it (the same payment again, numbered on)."""
    *_, last = journal.entries(series)
    lost = CounterJournal(folder)
    lost.append(last)
    record = last.record
    for _ in range(count):
        number = record.number + 1
        record = replace(
            record, number=number, receipt_no=f"{series}-{number:06d}", prev_hash=record.hash
        ).sealed()
        lost.append(JournalEntry(record, uuid.uuid4().hex, None, last.shift_id))
    return lost
