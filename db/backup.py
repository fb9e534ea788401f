"""A consistent copy of a running SQLite database, with SQLite's online backup API.

Copying the file while HallClient runs can catch a half-written page or miss what is
still in the write-ahead log; the backup API copies a consistent snapshot, page by page,
while the counter goes on working.  The copy is written beside the target and renamed
when complete and checked, so a failed backup never leaves a file that looks whole.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

PAGES_PER_STEP = 1024  # between steps the counter's own writes may go ahead


class BackupError(Exception):
    pass


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target``; returns the size in bytes of the checked copy."""
    if not source.is_file():
        raise BackupError(f"no database file at {source}")
    if target.resolve() == source.resolve():
        raise BackupError("the backup cannot overwrite the database itself")
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        with sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True) as live, \
                sqlite3.connect(partial) as copy:  # fmt: skip
            live.backup(copy, pages=PAGES_PER_STEP)
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise BackupError(f"the copy failed its integrity check: {verdict}")
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise BackupError(f"backup failed: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size
