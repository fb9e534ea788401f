"""Uploading again, from the counter's journal, the receipts a server lost.

Run by an administrator (``hallclient receipts restore-from-counter``) on the counter PC
whose journal stopped a series.  Each series the server lacks receipts of is checked
first, every receipt or nothing: the journal's receipts from the server's head on must be
there without a gap, each one's hash must match its contents, and the first must link to
the server's chain head and each the next to it.  Then, in one transaction, they are
written with their own numbers, hashes and idempotency keys, each with its print job
(printed: the customer took the paper away), its tiered gas back on the account's tier
year (a void's taken off again), and the series head advanced; the administrator's
journal entry names what came back.  A shift or visit the server no longer has is left
empty on the receipt and named.  A receipt the server holds otherwise (another hash at the
same number) is never overwritten: the restore is refused and IT compares by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import PrintStatus, ReceiptKind
from db.engine import Database
from db.models import Bill, Visit
from db.models.receipts import PrintJob, Receipt
from db.models.shifts import Shift
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.ledger.bills import IS_OPEN
from hallclient.ledger.volumes import add_volumes, lock_account, tier_deltas_of
from hallclient.receipts.errors import number_ranges
from hallclient.receipts.heads import head_text
from hallclient.receipts.journal import CounterJournal, SeriesGap
from hallclient.receipts.journal_codec import JournalEntry
from hallclient.receipts.numbering import SeriesHead, advance_series, locked_series
from hallclient.receipts.record import ReceiptRecord, chain_hash
from hallclient.receipts.store import add_receipt, load_record
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
RESTORED_NOTE = "restored from the counter's journal"


class RestoreRefusedError(HallError):
    """The journal cannot restore the series as it is: nothing was written."""


@dataclass(frozen=True)
class Restored:
    """A series made whole again: the numbers uploaded, the head reached."""

    series: str
    numbers: tuple[int, ...]
    head: str  # SERIES:NUMBER:HASH, as printed and typed back
    detached: tuple[str, ...]  # what a receipt could not be attached to again, in words


def restore_from_counter(
    database: Database, context: Context, journal: CounterJournal
) -> tuple[Restored, ...]:
    """Upload what the server lacks of the journal's series; nothing to do is no fault."""
    context.require(Action.RESTORE_RECEIPTS)
    gaps = journal.missing_on(database)
    for gap in gaps:
        if gap.differing:
            raise RestoreRefusedError(
                f"{gap.describe()}: the server's receipts are kept as they are and nothing is "
                "restored; compare them with the counter's journal by hand"
            )
    if not gaps:
        return ()
    restored = run_write(database, lambda uow: _restore_all(uow, context, journal, gaps))
    journal.missing_on(database)  # the series match again: issuing resumes
    return restored


def _restore_all(
    uow: UnitOfWork, context: Context, journal: CounterJournal, gaps: Sequence[SeriesGap]
) -> tuple[Restored, ...]:
    restored = tuple(_restore_series(uow, journal, gap) for gap in gaps)
    details = {r.series: number_ranges(r.numbers) for r in restored}
    series = ", ".join(details)
    context.record(uow, "receipts.restore_from_counter", "receipt_series", series, details)
    uow.commit()
    for done in restored:
        log.warning("receipts %s %s restored from the counter's journal", done.series, details)
    return restored


def _restore_series(uow: UnitOfWork, journal: CounterJournal, gap: SeriesGap) -> Restored:
    head = locked_series(uow, gap.series)
    entries = _chain_from(head, _journaled(journal, gap), gap)
    _refuse_known_keys(uow, entries)
    _refuse_bills_settled_since(uow, entries)
    detached: list[str] = []
    uploaded: dict[str, ReceiptRecord] = {}
    for entry in entries:
        detached += _upload(uow, entry, uploaded)
        uploaded[entry.record.receipt_no] = entry.record
    last = entries[-1].record
    advance_series(uow, head.code, last.number, last.hash)
    numbers = tuple(e.record.number for e in entries)
    reached = head_text(head.code, last.number, last.hash)
    return Restored(head.code, numbers, reached, tuple(detached))


def _journaled(journal: CounterJournal, gap: SeriesGap) -> dict[int, JournalEntry]:
    """The journal's entries of the missing numbers; two different ones of a number refuse."""
    wanted, found = set(gap.missing), dict[int, JournalEntry]()
    for entry in journal.entries(gap.series):
        number = entry.record.number
        if number not in wanted:
            continue
        if number in found and found[number].record.hash != entry.record.hash:
            raise RestoreRefusedError(f"{gap.series}: the journal holds two receipts {number}")
        found[number] = entry
    return found


def _chain_from(
    head: SeriesHead, journaled: dict[int, JournalEntry], gap: SeriesGap
) -> list[JournalEntry]:
    """The journal's receipts after the server's head, checked to continue its chain."""
    expected = range(head.last_number + 1, max(gap.missing) + 1)
    if gap.missing != tuple(expected):
        raise RestoreRefusedError(
            f"{gap.series}: the receipts missing ({number_ranges(gap.missing)}) do not follow "
            f"the server's head {head_text(head.code, head.last_number, head.head_hash)}"
        )
    previous, chain = head.head_hash, []
    for number in expected:
        entry = journaled.get(number)
        if entry is None:
            raise RestoreRefusedError(f"{gap.series}: receipt {number} is not in the journal")
        fault = _link_fault(entry.record, number, previous)
        if fault:
            raise RestoreRefusedError(f"{entry.record.receipt_no} in the journal: {fault}")
        previous = entry.record.hash
        chain.append(entry)
    return chain


def _link_fault(record: ReceiptRecord, number: int, previous: str) -> str | None:
    if record.number != number or record.receipt_no != f"{record.series}-{number:06d}":
        return "is numbered otherwise"
    if chain_hash(record) != record.hash:
        return "its contents do not match its hash"
    if record.prev_hash != previous:
        return "does not link to the receipt before it (the server's head, or the journal's)"
    return None


def _refuse_known_keys(uow: UnitOfWork, entries: Sequence[JournalEntry]) -> None:
    keys = [entry.key for entry in entries]
    taken = uow.session.scalars(
        select(Receipt.receipt_no).where(Receipt.idempotency_key.in_(keys))
    ).all()
    if taken:
        raise RestoreRefusedError(
            f"the server holds receipts {', '.join(taken)} with the idempotency keys of "
            "journaled receipts: the same payments under other numbers; compare them by hand"
        )


def _refuse_bills_settled_since(uow: UnitOfWork, entries: Sequence[JournalEntry]) -> None:
    """Every bill a journaled sale paid (and no journaled void reopened) must still be open:
    one paid again since the loss, at another counter or outside, would be booked twice."""
    voided = {e.record.voids_receipt_no for e in entries if e.record.kind is ReceiptKind.VOID}
    bills = {
        line.bill_no
        for entry in entries
        if entry.record.kind is ReceiptKind.SALE and entry.record.receipt_no not in voided
        for line in entry.record.lines
        if line.bill_no
    }
    if not bills:
        return
    still_open = uow.session.scalars(select(Bill.bill_no).where(Bill.bill_no.in_(bills), IS_OPEN))
    settled = sorted(bills - set(still_open))
    if settled:
        raise RestoreRefusedError(
            f"bills {', '.join(settled)}, paid by journaled receipts, are no longer open on "
            "the server (paid again since the loss, or not there): restoring would book them "
            "twice; void the later payment, or compare by hand, first"
        )


def _upload(uow: UnitOfWork, entry: JournalEntry, uploaded: dict[str, ReceiptRecord]) -> list[str]:
    """Write one receipt as issued; the shift or visit it lost, in words."""
    record, detached = entry.record, []
    shift_id = _shift(uow, record, entry.shift_id)
    if entry.shift_id is not None and shift_id is None:
        detached.append(f"{record.receipt_no}: its shift {entry.shift_id} is not on the server")
    visit_id = _visit(uow, record, entry.visit_id)
    if entry.visit_id is not None and visit_id is None:
        detached.append(f"{record.receipt_no}: its visit {entry.visit_id} is not on the server")
    receipt_id = add_receipt(uow, record, entry.key, visit_id, shift_id)
    uow.session.add(
        PrintJob(
            receipt_id=receipt_id,
            hall_code=record.hall_code,
            counter_code=record.counter_code,
            copy_no=1,
            status=PrintStatus.PRINTED,
            attempts=0,
            last_error=RESTORED_NOTE,
            created_at=record.issued_at,
            requested_by=record.clerk_employee_no,
        )
    )
    _move_tier_years(uow, record, uploaded)
    uow.session.flush()
    return detached


def _shift(uow: UnitOfWork, record: ReceiptRecord, shift_id: int | None) -> int | None:
    """The receipt's shift, if the server still has it as that clerk's at that counter."""
    shift = None if shift_id is None else uow.session.get(Shift, shift_id)
    if shift is None or (shift.counter_code, shift.clerk_employee_no) != (
        record.counter_code,
        record.clerk_employee_no,
    ):
        return None
    return shift.id


def _visit(uow: UnitOfWork, record: ReceiptRecord, visit_id: int | None) -> int | None:
    visit = None if visit_id is None else uow.session.get(Visit, visit_id)
    if visit is None or visit.counter_code != record.counter_code:
        return None
    return visit.id


def _move_tier_years(
    uow: UnitOfWork, record: ReceiptRecord, uploaded: dict[str, ReceiptRecord]
) -> None:
    """A sale's tiered gas onto the account's tier years; a void's original's off them."""
    lines, sign = record.lines, 1
    if record.kind is ReceiptKind.VOID and record.voids_receipt_no:
        original = uploaded.get(record.voids_receipt_no) or _stored(uow, record.voids_receipt_no)
        lines, sign = (original.lines if original else ()), -1
    deltas = {year: sign * volume for year, volume in tier_deltas_of(lines).items()}
    if record.account_no and deltas:
        lock_account(uow, record.account_no)
        add_volumes(uow, record.account_no, deltas)


def _stored(uow: UnitOfWork, receipt_no: str) -> ReceiptRecord | None:
    receipt = uow.session.scalar(select(Receipt).where(Receipt.receipt_no == receipt_no))
    return None if receipt is None else load_record(uow, receipt)
