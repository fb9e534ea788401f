"""``hallclient receipts verify|pdf`` and ``hallclient printer test``: the command line's till.

``receipts verify`` checks every series against the heads every day close recorded and
those given with ``--expect-head`` (printed on a Z report or a day close), and also the
chain of the hall's day closes and the accounts' ledger: every stored tier-year volume
against the lines, voids and bills it comes from, and that no bill is paid twice.

Run by an administrator on the database directly (like ``audit verify``): reading and
printing only, nothing is changed.  ``receipts restore-from-counter`` is the exception: it
writes receipts the server lost back from this counter's journal, so it runs as an
administrator after their credentials (see :mod:`hallclient.receipts.journal_restore`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models.receipts import Receipt
from hallclient.cli.credentials import admin_context
from hallclient.config import Settings
from hallclient.core import prepare_database
from hallclient.errors import HallError
from hallclient.ledger.verify import check_volumes
from hallclient.printing.escpos import job_bytes
from hallclient.printing.layout import Paper
from hallclient.printing.pdf import render_pdf
from hallclient.printing.printers import PrinterConfig, send_job
from hallclient.printing.receipt_layout import Copy, Heading, receipt_layout
from hallclient.printing.test_page import test_page
from hallclient.receipts.errors import number_ranges
from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.journal_restore import restore_from_counter
from hallclient.receipts.store import load_record
from hallclient.receipts.verify import check_all
from hallclient.setup.workplace import Workplace, workplace_of
from hallclient.shifts.day_close import recorded_heads, verify_day_closes
from hallclient.uow import UnitOfWork


def _heading(settings: Settings, workplace: Workplace) -> Heading:
    return Heading(
        settings.company_name,
        workplace.hall_name,
        workplace.counter_name,
        settings.hotline,
        settings.timezone,
    )


def receipts_command(args: argparse.Namespace, settings: Settings) -> int:
    database = prepare_database(settings)
    try:
        if args.receipts_action == "pdf":
            return _pdf(database, settings, args.receipt_no, args.out)
        if args.receipts_action == "restore-from-counter":
            return _restore(database, settings, args)
        verification = check_all(database, [*recorded_heads(database), *args.expect_head])
        day_fault = verify_day_closes(database, settings.hall_code)
        ledger = check_volumes(database)
    finally:
        database.dispose()
    for series in verification.series:
        state = "OK" if series.fault is None else f"FAULT {series.fault}"
        print(f"{series.series}: {series.receipts} receipts, head {series.head} {state}")
    print(f"day closes of hall {settings.hall_code}: " + (day_fault or "OK"))
    print(
        f"ledger: {ledger.accounts} accounts' tier-year volumes "
        + (
            "OK"
            if ledger.ok
            else f"FAULT ({len(ledger.mismatches)} volumes, {len(ledger.bill_faults)} bills)"
        )
    )
    for fault in ledger.describe():
        print(f"  {fault}")
    if verification.ok and day_fault is None and ledger.ok:
        print(f"receipts OK: {len(verification.series)} series")
        return 0
    first = verification.first_fault or (f"day close {day_fault}" if day_fault else "ledger")
    print(f"receipts BROKEN: {first}")
    return 1


def _restore(database: Database, settings: Settings, args: argparse.Namespace) -> int:
    """The receipts the server lacks, uploaded again from the journal (or nothing to do)."""
    journal = CounterJournal(args.journal) if args.journal else CounterJournal.of(database)
    context = admin_context(database, settings, args)
    restored = restore_from_counter(database, context, journal)
    if not restored:
        print(f"the server holds every receipt of the journal at {journal.folder}: nothing to do")
        return 0
    for series in restored:
        print(
            f"{series.series}: receipts {number_ranges(series.numbers)} restored, "
            f"head {series.head}"
        )
        for note in series.detached:
            print(f"  {note}")
    return 0


def _pdf(database: Database, settings: Settings, receipt_no: str, out: Path) -> int:
    """The receipt's PDF copy, headed by the hall and counter it was issued at."""
    with UnitOfWork(database) as uow:
        receipt = uow.session.scalar(select(Receipt).where(Receipt.receipt_no == receipt_no))
        if receipt is None:
            raise HallError(f"no receipt {receipt_no}")
        record = load_record(uow, receipt)
        place = workplace_of(uow, receipt.hall_code, receipt.counter_code)
        voided = uow.session.scalar(
            select(Receipt.id).where(Receipt.voids_receipt_no == receipt_no)
        )
    copy = Copy(voided=voided is not None, duplicate=True)
    layout = receipt_layout(record, place, _heading(settings, place), Paper.MM80, copy)
    out.write_bytes(render_pdf(layout, receipt_no))
    print(f"wrote {out}")
    return 0


def printer_command(args: argparse.Namespace, settings: Settings) -> int:
    config = PrinterConfig.from_settings(settings)
    database = prepare_database(settings)
    try:  # named as registered; a test page registers nothing
        with UnitOfWork(database) as uow:
            workplace = workplace_of(uow, settings.hall_code, settings.counter_code)
    finally:
        database.dispose()
    data, mode = job_bytes(test_page(config, _heading(settings, workplace)), config.options)
    status = send_job(config, data)
    print(f"test page sent to {config.describe()} ({mode}); paper: {status}")
    return 0
