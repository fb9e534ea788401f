"""The command line's receipt and printer commands (parsers only: the window imports this)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hallclient.cli.flags import add_admin_flag
from hallclient.receipts.heads import ExpectedHead


def add_receipt_commands(commands: Any) -> None:
    receipts = commands.add_parser(
        "receipts", help="receipts: verify numbering and chain, restore from a counter, PDF copy"
    )
    actions = receipts.add_subparsers(dest="receipts_action", metavar="action", required=True)
    verify = actions.add_parser(
        "verify", help="check every series against the day closes' heads; name the first fault"
    )
    verify.add_argument(
        "--expect-head",
        type=_head_argument,
        action="append",
        default=[],
        metavar="SERIES:NUMBER:HASH",
        help="a head printed on a Z report or day close (repeatable): that receipt must "
        "still be there, unchanged, with the chain intact up to it",
    )
    restore = actions.add_parser(
        "restore-from-counter",
        help="upload again, from this counter's journal, receipts the server lost "
        "(an admin's credentials)",
    )
    restore.add_argument(
        "--journal",
        type=Path,
        metavar="FOLDER",
        help="the journal folder to read (default: this PC's, for the database of the settings)",
    )
    add_admin_flag(restore)
    pdf = actions.add_parser("pdf", help="write the PDF copy of a receipt")
    pdf.add_argument("receipt_no")
    pdf.add_argument("--out", type=Path, required=True)
    printer = commands.add_parser("printer", help="the receipt printer of the settings")
    printer_actions = printer.add_subparsers(dest="printer_action", metavar="action", required=True)
    printer_actions.add_parser("test", help="print a test page (Chinese text, columns, QR)")


def _head_argument(text: str) -> ExpectedHead:
    try:
        return ExpectedHead.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
