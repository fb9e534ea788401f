"""The counter's own journal: every receipt this PC was told committed, kept on this PC.

With asynchronous replication a failover can lose receipts the clerk was told were saved,
and so can a database restored from an older backup; the server then gives their numbers
to new payments and nothing in it remembers otherwise.  So each counter appends every
receipt (and void) to a local file once its commit is confirmed -- one JSON line, fsync'd,
one file per series in a folder per database, in the user data folder -- and compares it
with the server's series: at every issue (in the issuing transaction, on the locked series
row), when the core starts, when the database comes back after being unreachable, when the
payments page is shown and before a shift closes.  A receipt the server lacks, or holds
with another hash, stops the series (:class:`~hallclient.receipts.errors.SeriesStoppedError`)
until an administrator uploads them again (:mod:`hallclient.receipts.journal_restore`).

The hash chain anchors the comparison: once the server's receipt at a journaled number has
the journal's hash, every receipt before it is the journal's too, so the usual check reads
one row.  A line cut short by a power failure while it was written is named in the log and
skipped, never fatal; the next line starts on a line of its own.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, select

from db.engine import Database
from db.models.receipts import Receipt
from hallclient import paths
from hallclient.receipts.errors import SeriesGapKind, SeriesStoppedError, number_ranges
from hallclient.receipts.journal_codec import JournalEntry, entry_line, entry_of
from hallclient.receipts.numbering import SeriesHead
from hallclient.uow import UnitOfWork

log = logging.getLogger(__name__)
SUFFIX = ".jsonl"
_BATCH = 500
_UNSAFE = re.compile(r"[^0-9A-Za-z_-]")
_NUMBER = re.compile(rb'"number":(\d+)[,}]')
_HASH = re.compile(rb'"hash":"([0-9a-f]{64})"')
_HASH_AT = select(Receipt.hash).where(
    Receipt.series == bindparam("series"), Receipt.number == bindparam("number")
)


@dataclass(frozen=True)
class SeriesGap:
    """What the server lacks of a series this counter journaled, or holds otherwise."""

    series: str
    missing: tuple[int, ...]  # journaled here, not on the server
    differing: tuple[int, ...]  # on the server with another hash than the one issued here

    def error(self) -> SeriesStoppedError:
        if self.differing:
            return SeriesStoppedError(self.series, SeriesGapKind.DIFFERS_ON_SERVER, self.differing)
        return SeriesStoppedError(self.series, SeriesGapKind.MISSING_ON_SERVER, self.missing)

    def describe(self) -> str:
        parts = [f"{self.series}:"]
        if self.missing:
            parts.append(f"receipts {number_ranges(self.missing)} are not on the server")
        if self.differing:
            parts.append(f"receipts {number_ranges(self.differing)} differ on the server")
        return " ".join(parts)


@dataclass
class _SeriesFile:
    """One series' file as read: each journaled number's hash, in the order written."""

    path: Path
    hashes: dict[int, str] = field(default_factory=dict)
    ends_cleanly: bool = True  # False: a cut-off last line, the next append starts a new one

    @property
    def last(self) -> tuple[int, str] | None:
        if not self.hashes:
            return None
        number = max(self.hashes)
        return number, self.hashes[number]


def journal_folder(database: Database) -> Path:
    """This database's folder of journals in the user data folder: named by the backend and
    the database (its name on a server, its file for SQLite), not the host, which a failover
    changes."""
    url = database.engine.url
    name = str(url.database or "")
    if url.get_backend_name() == "sqlite" and name not in ("", ":memory:"):
        name = str(Path(name).resolve())
    digest = hashlib.sha256(f"{database.backend}:{name}".encode()).hexdigest()[:16]
    return paths.data_dir() / "receipt-journal" / f"{database.backend}-{digest}"


class CounterJournal:
    """The journals of one database's series at this PC (a folder, one file per series)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, _SeriesFile] = {}
        self._stopped: dict[str, SeriesGap] = {}
        self._lock = threading.RLock()

    @classmethod
    def of(cls, database: Database) -> CounterJournal:
        return cls(journal_folder(database))

    # -- writing ---------------------------------------------------------------------------

    def append(self, entry: JournalEntry) -> None:
        """Keep ``entry``, whose commit was confirmed: written and fsync'd before this returns
        (a replay of a receipt already kept adds nothing).  A disk that refuses it is logged:
        the receipt is saved all the same, and the clerk is not told otherwise."""
        record = entry.record
        with self._lock:
            series = self._file(record.series)
            kept = series.hashes.get(record.number)
            if kept == record.hash:
                return
            data = entry_line(entry)
            if not series.ends_cleanly:
                data = b"\n" + data  # the cut-off line stays, as a line of its own
            try:
                self._write(series.path, data)
            except OSError as error:
                series.ends_cleanly = False  # a part of the line may be there
                log.error(
                    "receipt journal %s: receipt %s not kept: %s",
                    series.path,
                    record.receipt_no,
                    error,
                )
                return
            series.ends_cleanly = True
            if kept is None:
                series.hashes[record.number] = record.hash
                return
            # the number was given to a second payment: the first receipt stays the
            # journal's (kept on re-reading too), and the series stops until IT looks
            log.error("receipt journal %s: number %s issued twice", series.path, record.number)
            self._settle(record.series, SeriesGap(record.series, (), (record.number,)))

    def _write(self, path: Path, data: bytes) -> None:
        created = not path.exists()
        if created:
            self.folder.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if created:
            _sync_folder(self.folder)

    # -- reading ---------------------------------------------------------------------------

    def series(self) -> list[str]:
        """The series journaled here, by code."""
        if not self.folder.is_dir():
            return []
        return sorted(path.name.removesuffix(SUFFIX) for path in self.folder.glob("*" + SUFFIX))

    def entries(self, series: str) -> Iterator[JournalEntry]:
        """The series' entries in the order written (a damaged line skipped, and logged)."""
        for _number, line in _lines(self._path(series))[0]:
            try:
                yield entry_of(line)
            except (ValueError, KeyError, TypeError):
                continue  # named when the file was first read

    @property
    def stopped(self) -> tuple[SeriesGap, ...]:
        """The series found stopped by the latest comparisons."""
        with self._lock:
            return tuple(self._stopped.values())

    # -- comparing with the server ---------------------------------------------------------

    def missing_on(self, database: Database) -> tuple[SeriesGap, ...]:
        """Compare every journaled series with the server: the series that must stop (each
        named in the log); the others are cleared."""
        with UnitOfWork(database) as uow:
            for code in self.series():
                self._settle(code, self._compare(uow, code), named_again=True)
        return self.stopped

    def check_series(self, uow: UnitOfWork, head: SeriesHead) -> None:
        """Before a number is drawn from ``head`` (the series row, locked): refuse it with
        :class:`SeriesStoppedError` if the server lacks receipts issued here."""
        with self._lock:
            last = self._file(head.code).last
            if last is None or (head.code not in self._stopped and _anchored(uow, head, last)):
                return
            gap = self._settle(head.code, self._compare(uow, head.code))
        if gap is not None:
            raise gap.error()

    def _settle(
        self, code: str, gap: SeriesGap | None, *, named_again: bool = False
    ) -> SeriesGap | None:
        """Record the comparison; a stop is logged when found, and again when a comparison
        was asked for (``named_again``), not at every refused charge."""
        with self._lock:
            if gap is None:
                if self._stopped.pop(code, None) is not None:
                    log.info("receipt journal: series %s matches the server again", code)
                return None
            if named_again or self._stopped.get(code) != gap:
                log.error("receipt journal: %s; issuing on the series stops", gap.describe())
            self._stopped[code] = gap
            return gap

    def _compare(self, uow: UnitOfWork, code: str) -> SeriesGap | None:
        """Walk the journaled numbers down until the server's receipt has the journal's hash."""
        hashes = dict(self._file(code).hashes)
        missing: list[int] = []
        differing: list[int] = []
        numbers = sorted(hashes, reverse=True)
        for start in range(0, len(numbers), _BATCH):
            batch = numbers[start : start + _BATCH]
            on_server = dict(
                uow.connection.execute(
                    select(Receipt.number, Receipt.hash).where(
                        Receipt.series == code, Receipt.number.in_(batch)
                    )
                ).all()
            )
            for number in batch:
                found = on_server.get(number)
                if found == hashes[number]:
                    return _gap(code, missing, differing)
                (missing if found is None else differing).append(number)
        return _gap(code, missing, differing)

    # -- the files -------------------------------------------------------------------------

    def _path(self, series: str) -> Path:
        return self.folder / (_UNSAFE.sub("_", series) + SUFFIX)

    def _file(self, series: str) -> _SeriesFile:
        with self._lock:
            known = self._files.get(series)
            if known is None:
                known = self._files[series] = _read(self._path(series))
            return known


def _anchored(uow: UnitOfWork, head: SeriesHead, last: tuple[int, str]) -> bool:
    """Whether the server's chain holds the journal's last receipt (the usual case: the
    series row's head is it, and nothing is read)."""
    number, digest = last
    if head.last_number == number:
        return head.head_hash == digest
    if head.last_number < number:
        return False
    found = uow.connection.execute(_HASH_AT, {"series": head.code, "number": number}).scalar()
    return found == digest


def _gap(code: str, missing: list[int], differing: list[int]) -> SeriesGap | None:
    if not missing and not differing:
        return None
    return SeriesGap(code, tuple(sorted(missing)), tuple(sorted(differing)))


def _lines(path: Path) -> tuple[list[tuple[int, bytes]], bool]:
    """The file's non-empty lines with their line numbers (none if there is no file), and
    whether it ends with a whole line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], True
    except OSError as error:  # compared as empty: the log says why nothing is checked
        log.error("receipt journal %s cannot be read: %s", path, error)
        return [], True
    lines = [(n, line) for n, line in enumerate(data.split(b"\n"), start=1) if line.strip()]
    return lines, not data or data.endswith(b"\n")


def _read(path: Path) -> _SeriesFile:
    """A series' file: each number's hash; an unreadable line is named, never fatal."""
    series = _SeriesFile(path)
    lines, series.ends_cleanly = _lines(path)
    for number, line in lines:
        # the two top-level keys read without parsing the whole line (a year's journal is read
        # at the first check); a line that is not a whole object is cut off or damaged
        found = _NUMBER.search(line), _HASH.search(line)
        if found[0] and found[1] and line.rstrip().endswith(b"}"):
            kept = series.hashes.setdefault(int(found[0][1]), found[1][1].decode())
            if kept != found[1][1].decode():
                log.error("receipt journal %s: line %s numbers a receipt twice", path, number)
        else:
            cut = number == lines[-1][0] and not series.ends_cleanly
            where = f"line {number}" + (" (the last, cut off while written)" if cut else "")
            log.warning("receipt journal %s: %s is unreadable and skipped", path, where)
    return series


def _sync_folder(folder: Path) -> None:
    """Make a new file's name durable too (POSIX; Windows has no folder to fsync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
