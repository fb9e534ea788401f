"""The bounds of an import file, checked before and while it is read.

A file from outside (a tariff, the meter readers' file) must not be able to hang the
program or fill its memory: its size on disk, for XLSX the size its zip members unpack
to (read from the zip's directory before openpyxl opens anything) and how much each one
is compressed, its rows and the seconds its reading takes are all bounded, and each
bound is refused with the limit named.  The bounds are the same for every import: a
city's tariff has hundreds of rows and a readers' file tens of thousands.

Text is decoded strictly: a file that is neither UTF-8 nor GBK/GB18030, or UTF-8 with a
stray byte, or a UTF-8 BOM in front of GBK text, is refused naming the byte, its offset
and its row, because decoding on with a guess would import mojibake names.
"""

from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hallclient.setup.csvspec import Problem

MB = 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"
SHOWN_CHARS = 60


@dataclass(frozen=True)
class Limits:
    """What one import file may be.  A 100,000-row CSV is about 7 MB and its XLSX unpacks
    to about 35 MB, compressed about 13 times; a zip bomb is compressed hundreds of
    times."""

    file_bytes: int = 32 * MB
    unpacked_bytes: int = 128 * MB
    ratio: int = 100  # uncompressed / compressed, for members above RATIO_FLOOR
    rows: int = 200_000  # the header included
    columns: int = 64
    seconds: float = 60.0


LIMITS = Limits()
RATIO_FLOOR = MB  # small members (styles, a tiny sheet) may compress as well as they like


class SheetError(Exception):
    """The file as a whole cannot be read; its one problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def file_problem(file: str, message: str, line: int = 0) -> SheetError:
    return SheetError(Problem(file, line, "(file)", message))


def cut(value: object) -> str:
    """A cell's text for a message, cut to 60 characters: a pasted page stays readable."""
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def shown(value: object) -> str:
    return repr(cut(value))


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"


def check_file_size(path: Path, limits: Limits) -> None:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise file_problem(path.name, f"cannot be read: {error.strerror}") from None
    if size > limits.file_bytes:
        why = f"{_megabytes(size)}, larger than the limit of {_megabytes(limits.file_bytes)}"
        raise file_problem(path.name, why)


def check_workbook(path: Path, limits: Limits) -> None:
    """The zip's directory against the limits, before any member is unpacked.

    Python's zipfile never unpacks more than a member's declared size (a lie fails its
    CRC), so the declared sizes bound what openpyxl can read."""
    check_file_size(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile) as error:
        raise file_problem(path.name, f"not an XLSX workbook: {error}") from None
    total = sum(member.file_size for member in members)
    if total > limits.unpacked_bytes:
        why = (
            f"unpacks to {_megabytes(total)}, more than the limit of "
            f"{_megabytes(limits.unpacked_bytes)}: not read"
        )
        raise file_problem(path.name, why)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > limits.ratio:
            why = (
                f"{shown(member.filename)} is compressed {ratio:.0f} times, more than "
                f"{limits.ratio}: a zip bomb, not read"
            )
            raise file_problem(path.name, why)


class Deadline:
    """The time and the rows one file's reading may take, checked at every row."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.ends = time.monotonic() + limits.seconds

    def check(self, row: int, width: int = 0) -> None:
        if width > self.limits.columns:
            why = f"{width} columns, more than the limit of {self.limits.columns}: not read"
            raise file_problem(self.file, why, row)
        if row > self.limits.rows:
            raise file_problem(self.file, f"more than {self.limits.rows} rows: not read", row)
        if time.monotonic() > self.ends:
            why = f"still reading after {self.limits.seconds:g} seconds: stopped"
            raise file_problem(self.file, why, row)


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without a BOM), else GBK/GB18030; a stray byte named by offset."""
    if data.startswith(UTF8_BOM):
        try:
            return data[len(UTF8_BOM) :].decode("utf-8")
        except UnicodeDecodeError as error:
            where = "after a UTF-8 BOM (GBK text behind a BOM?)"
            raise _bad_byte(data, error.start + len(UTF8_BOM), file, where) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise _bad_byte(data, error.start, file, "in UTF-8 text") from None
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise _bad_byte(data, error.start, file, "in GBK text") from None


def _mostly_utf8(data: bytes) -> bool:
    """More Chinese characters in valid UTF-8 (three bytes each) than bad bytes: UTF-8
    with a stray byte, which GB18030 would decode into nonsense without a word.  GBK
    text forms such a three-byte sequence only by accident, about one pair in seventy."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if "\u0800" <= c < "\ufffd" or c > "\ufffd") > bad


def _bad_byte(data: bytes, offset: int, file: str, where: str) -> SheetError:
    row = data.count(b"\n", 0, offset) + 1
    why = (
        f"encoding: byte 0x{data[offset]:02X} at byte offset {offset} is not valid {where}: "
        "save the file again as CSV UTF-8 or as GBK, not a mix"
    )
    return file_problem(file, why, row)
