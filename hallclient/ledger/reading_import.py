"""Importing the meter readers' file: all readings or none, every problem listed.

The file is read and checked cell by cell first (:mod:`reading_files`); then every
reading is checked against its account and last reading inside one transaction.  One
refused row rolls the whole file back, with all the refusals listed by row; a dry run
checks everything the same way and writes nothing.  An import is journaled with the
file's SHA-256, so the same file can be found again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from db.engine import Database
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError
from hallclient.ledger.reading_files import FileReading, ReadingFileError, read_reading_file
from hallclient.ledger.readings import record_reading
from hallclient.setup.csvspec import Problem
from hallclient.uow import UnitOfWork, run_write


@dataclass
class ReadingImport:
    """What an import wrote (or a dry run would write)."""

    file: str
    readings: int = 0
    consumption: Decimal = Decimal("0.000")
    kinds: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False


def import_readings(
    database: Database, context: Context, path: Path, *, dry_run: bool = False
) -> ReadingImport:
    """Record every reading of ``path`` or none; :class:`ReadingFileError` lists why.

    A dry run checks the file against the accounts and their last readings and writes
    nothing: it needs only what looking up an account's bills needs."""
    context.require(Action.LOOK_UP_FEES if dry_run else Action.MANAGE_LEDGER)
    readings, problems = read_reading_file(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    def use_case(uow: UnitOfWork) -> ReadingImport:
        """Counted afresh on each attempt (a busy database runs it again)."""
        outcome = ReadingImport(path.name, dry_run=dry_run)
        found = problems + _record_all(uow, context, readings, path.name, outcome)
        if found:
            raise ReadingFileError(sorted(found, key=lambda problem: problem.line))
        if dry_run:
            return outcome  # leaving the unit of work rolls it back
        facts = {
            "file": path.name,
            "sha256": digest,
            "readings": outcome.readings,
            "consumption": f"{outcome.consumption}",
        }
        context.record(uow, "ledger.readings_imported", "readings_file", digest[:16], facts)
        uow.commit()
        return outcome

    return run_write(database, use_case)


def _record_all(
    uow: UnitOfWork,
    context: Context,
    readings: list[FileReading],
    file: str,
    outcome: ReadingImport,
) -> list[Problem]:
    problems: list[Problem] = []
    for row in readings:
        try:
            _, checked = record_reading(uow, context, row.given, batch=file)
        except LedgerError as error:
            problems.append(Problem(file, row.line, "reading", reading_refusal(error)))
            continue
        outcome.readings += 1
        outcome.kinds[checked.kind.value] += 1
        if checked.consumption is not None:
            outcome.consumption += checked.consumption
    return problems


def reading_refusal(error: LedgerError) -> str:
    """A refused reading in the reader's words (the file's problems are in English)."""
    words = {
        "unknown_account": "no such account",
        "account_inactive": "the account is",
        "bad_reading": "refused",
    }.get(error.problem.value, error.problem.value.replace("_", " "))
    return f"{words} {error.detail}".strip()
