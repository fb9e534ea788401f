"""Who runs a command: an administrator's credentials for a command that writes, a read-only
context for one that only reads.

What the command line reads, in this order, each from the terminal (a password never
echoed) or, when standard input is not a terminal, as one line of it (scripts):

1. the administrator's employee number, unless ``--admin`` gave it;
2. the administrator's password;
3. whatever the command itself reads (``user-add``: the new user's password;
   ``tariff approve``: the approver's password).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from db.engine import Database
from hallclient.access.audit import Where
from hallclient.access.auth import LoginRefused, RefusalReason
from hallclient.access.command_line import CommandLine, admin_for_command
from hallclient.cli.flags import SHARED_FLAGS
from hallclient.clock import SystemClock, local
from hallclient.config import Settings
from hallclient.context import Context, read_only_context
from hallclient.errors import HallError

ADMIN_PROMPT = "admin employee no.: "
#: Parsed, but not the command's arguments: its name, its action, who runs it, the settings.
_NOT_ARGUMENTS = SHARED_FLAGS | {"command", "admin"}


def ask_line(prompt: str) -> str:
    """A line typed at the terminal (the prompt on stderr), or the next line of piped input."""
    if sys.stdin.isatty():
        sys.stderr.write(prompt)
        sys.stderr.flush()
    return sys.stdin.readline().rstrip("\r\n")


def ask_password(prompt: str) -> str:
    """A password from the terminal, not echoed, or the next line of piped input (scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    try:
        return getpass.getpass(prompt)
    except EOFError:  # Ctrl+D (Ctrl+Z on Windows): nothing given
        return ""


def where_of(settings: Settings) -> Where:
    return Where(settings.hall_code, settings.counter_code)


def read_only(settings: Settings) -> Context:
    """The context of a command that only reads: no credentials asked."""
    return read_only_context(where_of(settings), SystemClock(), settings.timezone)


def journaled_command(args: argparse.Namespace) -> CommandLine:
    """The command and its arguments as the journal records them, e.g. ``tariff retire``
    with ``{"code": "GAS-2026"}``; paths, days and quantities as text."""
    name = [args.command]
    for key, value in vars(args).items():
        if key.endswith("_action"):
            name.append(value)
    arguments = {
        key: _plain(value)
        for key, value in sorted(vars(args).items())
        if key not in _NOT_ARGUMENTS and not key.endswith("_action")
    }
    return CommandLine(" ".join(name), arguments)


def _plain(value: object) -> object:
    if value is None or isinstance(value, str | int):  # bool is an int
        return value
    return str(value)  # a path, a day, a quantity


def admin_context(database: Database, settings: Settings, args: argparse.Namespace) -> Context:
    """The context of the administrator running ``args``' command, after their employee
    number (``--admin`` or asked) and password; refused with one line, nothing written but
    the credential check's own journal entries."""
    employee_no = (args.admin or ask_line(ADMIN_PROMPT)).strip()
    if not employee_no:
        raise HallError(
            "this command changes data: give an administrator's employee number "
            "(--admin, or the first line of standard input) and password"
        )
    password = ask_password(f"password of admin {employee_no}: ")
    if not password:  # not naming what was read: a script's lines out of order may be secrets
        raise HallError("no administrator's password given: nothing done")
    where, clock = where_of(settings), SystemClock()
    try:
        admin = admin_for_command(
            database, where, clock, employee_no, password, journaled_command(args)
        )
    except LoginRefused as refusal:
        raise HallError(refusal_words(refusal, employee_no, settings.timezone)) from None
    return Context(admin, where, clock, settings.timezone)


def refusal_words(refusal: LoginRefused, employee_no: str, timezone: str) -> str:
    """A refused login in one line, saying no more than the login dialog says."""
    if refusal.reason is RefusalReason.LOCKED and refusal.locked_until is not None:
        until = local(refusal.locked_until, timezone).strftime("%Y-%m-%d %H:%M")
        return f"{employee_no} is locked until {until} after too many wrong passwords"
    if refusal.reason is RefusalReason.INACTIVE:
        return f"{employee_no} is deactivated"
    return "wrong employee number or password"
