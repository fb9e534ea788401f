"""The command line's flags: those every command shares, and ``--admin`` of the write commands.

Standard library only: the capabilities' parsers import it, and the window's start parses
the shared flags before anything else is loaded.
"""

from __future__ import annotations

import argparse

FLAG_FIELDS = {
    "database_url": "database URL: sqlite:///path or postgresql://user@host/db",
    "hall_code": "this hall's code",
    "hall_name": "this hall's name",
    "counter_code": "this PC's counter code",
    "timezone": "the hall's time zone (default Asia/Shanghai)",
}
#: The shared flags' names in a parsed command line: settings, never a command's arguments
#: (the database URL may hold a password: it is never journaled).
SHARED_FLAGS = frozenset({*FLAG_FIELDS, "language", "config"})


def add_admin_flag(command: argparse.ArgumentParser) -> None:
    """``--admin EMPLOYEE_NO``: the administrator who runs a command that changes data."""
    command.add_argument(
        "--admin",
        metavar="EMPLOYEE_NO",
        help="the administrator running this command (asked if not given); "
        "their password is asked, or read from standard input",
    )
