"""A consistent copy of a running SQLite database, with SQLite's online backup API.

Copying the file while HallClient runs can catch a half-written page or miss what is
still in the write-ahead log; the backup API copies a consistent snapshot, page by page,
while the counter goes on working.  The copy is written beside the target and renamed
when complete and checked, so a failed backup never leaves a file that looks whole.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path


class BackupError(Exception):
    """The backup could not be made; nothing was left at the target."""


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target``; returns the size in bytes of the checked copy."""
    if not source.is_file():
        raise BackupError(f"no database file at {source}")
    if target.resolve() == source.resolve():
        raise BackupError("the backup cannot overwrite the database itself")
    partial = target.with_name(target.name + ".part")
    _remove(partial)
    try:
        # One step (pages=-1): a backup copied in steps restarts whenever the counter writes
        # between them, and may never finish; in WAL mode one read blocks no writer.
        live_uri = source.resolve().as_uri() + "?mode=ro"
        with (
            closing(sqlite3.connect(live_uri, uri=True)) as live,
            closing(sqlite3.connect(partial)) as copy,
        ):
            live.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        # Both connections are closed here: Windows cannot rename an open file.
        if verdict != "ok":
            raise BackupError(f"the copy failed its integrity check: {verdict}")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(f"backup failed: {error}") from None
    finally:
        _remove(partial)
    return target.stat().st_size


def _remove(partial: Path) -> None:
    for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
