"""Handlers of ``hallclient readings …`` and ``hallclient bills …`` (parser: ledger_cli)."""

from __future__ import annotations

import argparse
import sys
import time

from db.engine import Database
from hallclient.cli.credentials import admin_context, read_only
from hallclient.config import Settings
from hallclient.context import Context
from hallclient.core import prepare_database
from hallclient.ledger.billing import run_billing
from hallclient.ledger.reading_import import import_readings
from hallclient.ledger.service import account_bills
from hallclient.money import format_yuan


def readings_command(args: argparse.Namespace, settings: Settings) -> int:
    database = prepare_database(settings)
    try:
        context = read_only(settings) if args.dry_run else admin_context(database, settings, args)
        done = import_readings(database, context, args.file, dry_run=args.dry_run)
    finally:
        database.dispose()
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(done.kinds.items()))
    print(f"{done.file}: {done.readings} readings ({kinds}), {done.consumption} m³ used")
    print("dry run: nothing written" if done.dry_run else "readings recorded")
    return 0


def bills_command(args: argparse.Namespace, settings: Settings) -> int:
    database = prepare_database(settings)
    try:
        if args.bills_action == "list":
            return _list(database, read_only(settings), args.account_no)
        context = admin_context(database, settings, args)
        started = time.perf_counter()
        due_days = settings.bill_due_days if args.due_days is None else args.due_days
        run = run_billing(database, context, due_days, through=args.through, progress=_progress)
    finally:
        database.dispose()
    sys.stderr.write("\n")
    print(
        f"{run.bills} bills, {run.volume} m³, {format_yuan(run.amount)} "
        f"({time.perf_counter() - started:.1f}s)"
    )
    for reason, count in sorted(run.left.items()):
        print(f"  left unbilled: {count} × {reason}")
    return 0 if not run.left else 1


def _progress(bills: int) -> None:
    sys.stderr.write(f"\rbilled {bills:,}")
    sys.stderr.flush()


def _list(database: Database, context: Context, account_no: str) -> int:
    found = account_bills(database, context, account_no)
    for entry in found.bills:
        bill, late = entry.bill, entry.late_fee
        fee = f", late fee {format_yuan(late.amount)}" if late else ""
        period = f"{bill.period_from or ''!s:<10} → {bill.period_to or ''!s:<10}"
        amount = format_yuan(bill.amount)
        print(
            f"{bill.bill_no:<20} {period} {bill.volume:>10} m³ {amount:>12} due {bill.due_on}{fee}"
        )
    print(
        f"{account_no}: {len(found.bills)} open bills, arrears {format_yuan(found.arrears)}, "
        f"late fees today {format_yuan(found.late_fees)}"
    )
    return 0
