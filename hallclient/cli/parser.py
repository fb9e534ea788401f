"""The command line: ``hallclient <command>`` for administration and automation.

The parser and the commands that need no window live here; the GUI and the
screen renderer are added by the composition root (``ui.main``), the one place
allowed to know both sides.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hallclient import __version__
from hallclient.cli.flags import FLAG_FIELDS, SHARED_FLAGS, add_admin_flag
from hallclient.config import LANGUAGES, Settings, load_settings


def parse_args(
    argv: Sequence[str] | None, add_commands: Callable[[Any], None] | None = None
) -> argparse.Namespace:
    """The command line, with ``command`` None for the window.

    Only the shared flags are parsed first: the window's start (no command) does not wait
    for the sub-commands' parsers, some 20 ms of argparse.  Anything more (a command, a
    help, a mistake) is parsed again by the whole command line.
    """
    shared = _add_shared_flags(argparse.ArgumentParser(prog="hallclient", add_help=False))
    args, rest = shared.parse_known_args(argv)
    if rest:
        return build_parser(add_commands).parse_args(argv)
    args.command = None
    return args


def _add_shared_flags(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--version", action="version", version=f"HallClient {__version__}")
    parser.add_argument("--config", help="the TOML settings file to read")
    for field, text in FLAG_FIELDS.items():
        parser.add_argument("--" + field.replace("_", "-"), dest=field, help=text)
    parser.add_argument("--language", choices=LANGUAGES, help="interface language")
    return parser


def build_parser(add_commands: Callable[[Any], None] | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``add_commands`` lets the composition root add its own."""
    # the capabilities' commands, imported only when a command line is parsed in full
    from hallclient.ledger.cli import add_ledger_commands
    from hallclient.receipts.cli import add_receipt_commands
    from hallclient.tariff.cli import add_tariff_commands

    parser = _add_shared_flags(
        argparse.ArgumentParser(
            prog="hallclient", description="HallClient: counter software for a gas service hall."
        )
    )
    commands = parser.add_subparsers(dest="command", metavar="command")
    _add_db_commands(commands)
    _add_audit_commands(commands)
    demo = commands.add_parser("demo", help="load the demo data set (演示) into the database")
    demo.add_argument("--accounts", type=int, default=10_000, help="synthetic accounts (≤ 1e6)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    user = commands.add_parser(
        "user-add",
        help="add a user (asks for the new password; an admin's credentials unless it is the "
        "first user)",
    )
    user.add_argument("--employee-no", required=True)
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True)
    user.add_argument("--department")
    add_admin_flag(user)
    commands.add_parser("check-reference", help="validate the reference data files")
    add_tariff_commands(commands)
    add_receipt_commands(commands)
    add_ledger_commands(commands)
    if add_commands is not None:
        add_commands(commands)
    return parser


def _add_db_commands(commands: Any) -> None:
    db = commands.add_parser(
        "db", help="database schema: upgrade, downgrade, current, check; backup"
    )
    actions = db.add_subparsers(dest="db_action", metavar="action", required=True)
    actions.add_parser("upgrade", help="upgrade the schema to the newest revision")
    down = actions.add_parser(
        "downgrade", help="downgrade the schema to a revision (an admin's credentials)"
    )
    down.add_argument("revision", help="target revision, or 'base' for an empty database")
    add_admin_flag(down)
    actions.add_parser("current", help="print the database's schema revision")
    actions.add_parser("check", help="compare the schema with the models (drift check)")
    backup = actions.add_parser(
        "backup", help="copy the local SQLite database safely while it is in use"
    )
    backup.add_argument("target", type=Path, help="the backup file to write")


def _add_audit_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="audit journal: verify the hash chain, show its head")
    actions = audit.add_subparsers(dest="audit_action", metavar="action", required=True)
    verify = actions.add_parser("verify", help="check every link; name the first broken entry")
    verify.add_argument(
        "--expect-head",
        type=_head_argument,
        metavar="SEQ:HASH",
        help="the head printed on an earlier report: catches dropped newest entries",
    )
    actions.add_parser("head", help="print the journal's newest link: SEQ:HASH")


def _head_argument(text: str) -> tuple[int, str]:
    seq, _, hash_ = text.strip().partition(":")
    hash_ = hash_.lower()
    if not seq.isdigit() or len(hash_) != 64 or not set(hash_) <= set("0123456789abcdef"):
        raise argparse.ArgumentTypeError("expected SEQ:HASH (a number, a colon, 64 hex digits)")
    return int(seq), hash_


def settings_from(args: argparse.Namespace) -> Settings:
    flags = {name: getattr(args, name, None) for name in SHARED_FLAGS}
    return load_settings(flags)


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run a command that needs no window; returns the process exit code."""
    # the window needs none of these
    from hallclient.cli import commands
    from hallclient.ledger import commands as ledger_commands
    from hallclient.receipts import commands as receipt_commands
    from hallclient.tariff import commands as tariff_commands

    handlers = {
        "db": commands.db_command,
        "demo": commands.demo_command,
        "user-add": commands.user_add_command,
        "check-reference": commands.check_reference_command,
        "audit": commands.audit_command,
        "tariff": tariff_commands.tariff_command,
        "receipts": receipt_commands.receipts_command,
        "printer": receipt_commands.printer_command,
        "readings": ledger_commands.readings_command,
        "bills": ledger_commands.bills_command,
    }
    return handlers[args.command](args, settings)
