"""``hallclient readings import`` and ``hallclient bills run|list``: the ledger's command line.

Readings come in from the meter readers' file (all or none); a billing run bills every
reading not yet billed, priced by the pricing service on the day it was read.  Both
are an administrator's (the permission ``manage_ledger``), run after their credentials
(``--admin``, or asked, then the password; not for a dry run), journaled.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from hallclient.cli.flags import add_admin_flag


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30") from None


def _days(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 90:
        raise argparse.ArgumentTypeError(f"{text!r}: days from 0 to 90")
    return int(text)


def add_ledger_commands(commands: Any) -> None:
    readings = commands.add_parser("readings", help="meter readings: import the readers' file")
    actions = readings.add_subparsers(dest="readings_action", metavar="action", required=True)
    load = actions.add_parser("import", help="record every reading of a CSV/XLSX file, or none")
    load.add_argument("file", type=Path)
    load.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    add_admin_flag(load)  # not asked for a dry run
    bills = commands.add_parser("bills", help="bills: run the billing, list an account's bills")
    actions = bills.add_subparsers(dest="bills_action", metavar="action", required=True)
    run = actions.add_parser("run", help="bill every reading not yet billed")
    run.add_argument("--through", type=_date, help="only readings up to this day (default today)")
    run.add_argument("--due-days", type=_days, help="days to pay (default: [billing] due_days)")
    add_admin_flag(run)
    listing = actions.add_parser("list", help="an account's open bills, oldest first")
    listing.add_argument("account_no")
