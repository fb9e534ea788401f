"""The command line in-process, through the composition root's ``main``, with standard input
as a script pipes it (not a terminal: each credential is one line)."""

from __future__ import annotations

import io
import sys

import pytest

from db.engine import Database
from hallclient.access import auth, users
from hallclient.clock import SystemClock
from hallclient.context import Context
from tests.db.security_helpers import WHERE
from ui.main import main


def run_cli(
    capsys: pytest.CaptureFixture[str], url: str, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    """``hallclient --database-url URL ARGV…`` with ``stdin`` piped in: (exit code, out, err)."""
    before = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(["--database-url", url, *argv])
    finally:
        sys.stdin = before
    out, err = capsys.readouterr()
    return code, out, err


def lines(*answers: str) -> str:
    """What a script pipes: one answer a line (employee number, passwords, …)."""
    return "".join(f"{answer}\n" for answer in answers)


def url_of(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def first_login(url: str, employee_no: str, given: str, chosen: str) -> None:
    """The user logs in with the password they were given and chooses their own (as the
    window makes them): only then do they run a command or approve."""
    database = Database.connect(url)
    try:
        user = auth.login(database, WHERE, employee_no, given, SystemClock())
        context = Context(user, WHERE, SystemClock())
        users.change_own_password(database, context, given, chosen)
    finally:
        database.dispose()
