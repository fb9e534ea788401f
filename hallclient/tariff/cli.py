"""``hallclient tariff …``: list, import, review, approve, end, retire, discard, quote, export.

An import only writes a draft; approving needs an admin and a second person (shift
manager or another admin), both with their own passwords, as in the window.  What changes
a schedule (import, approve, end, retire, discard) is run by an admin: ``--admin``, or
asked, then their password.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from hallclient.cli.flags import add_admin_flag

ACTIONS = ("list", "import", "review", "approve", "end", "retire", "discard", "quote", "export")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-01") from None


def _quantity(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quantity") from None


def add_tariff_commands(commands: Any) -> None:
    tariff = commands.add_parser("tariff", help="tariff schedules: import, review, approve …")
    actions = tariff.add_subparsers(dest="tariff_action", metavar="action", required=True)
    actions.add_parser("list", help="every schedule with its status")
    _add_import(actions)
    actions.add_parser("review", help="a schedule against the one in force").add_argument("code")
    approve = actions.add_parser("approve", help="put a draft in force (two people)")
    approve.add_argument("code")
    add_admin_flag(approve)
    approve.add_argument("--approver", required=True, help="the second person's employee no.")
    approve.add_argument("--reason", help="shown in the journal (default: the document number)")
    end = actions.add_parser("end", help="set the last day an approved schedule is in force")
    end.add_argument("code")
    end.add_argument("last_day", type=_date)
    add_admin_flag(end)
    for action, text in (
        ("retire", "withdraw an approved schedule now"),
        ("discard", "set a draft aside"),
    ):
        closing = actions.add_parser(action, help=text)
        closing.add_argument("code")
        add_admin_flag(closing)
    quote = actions.add_parser("quote", help="price and basis of an item")
    quote.add_argument("item")
    quote.add_argument("quantity", type=_quantity)
    quote.add_argument("--account", help="account no. (tiered gas needs one)")
    quote.add_argument("--on", type=_date, help="the day (default: today in the hall)")
    export = actions.add_parser("export", help="a schedule's items to CSV or XLSX")
    export.add_argument("code")
    export.add_argument("file", type=Path)


def _add_import(actions: Any) -> None:
    imp = actions.add_parser("import", help="a CSV or XLSX file as a new draft schedule")
    imp.add_argument("file", type=Path, help="items: .csv (UTF-8, UTF-8 BOM, GBK) or .xlsx")
    imp.add_argument("--tiers", type=Path, help="tier bands, for a .csv items file")
    imp.add_argument("--late-fees", type=Path, help="late fees (违约金), for a .csv items file")
    imp.add_argument("--code", required=True, help="the new schedule's code, e.g. GAS-2027")
    imp.add_argument("--title", required=True)
    imp.add_argument("--doc-no", required=True, help="approval document number (批复文号)")
    imp.add_argument("--issuing-body", required=True)
    imp.add_argument("--from", dest="effective_from", type=_date, required=True)
    imp.add_argument("--to", dest="effective_to", type=_date, help="last day (default: open)")
    imp.add_argument("--year-start", default="01-01", help="tier year start, MM-DD")
    imp.add_argument("--household-base", type=int, default=4, help="people before uplift")
    imp.add_argument("--dry-run", action="store_true", help="validate and review, write nothing")
    add_admin_flag(imp)  # not asked for a dry run
