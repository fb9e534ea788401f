"""Hostile import files, built in the test: one table serves the tariff's import and the
meter readers' file, which share their reader and its limits.

Each builder takes a folder and a :class:`Table` (the import's header and one good data
row) and returns the file and the texts its one refusal must contain.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook

from hallclient.tariff.file_checks import LIMITS, MB

BOMB_MB = 400  # the sheet's XML: hundreds of MB of one repeated row, a few hundred KB zipped


@dataclass(frozen=True)
class Table:
    header: list[str]
    row: list[str]  # one good data row, with Chinese in it
    number_column: str  # a column of decimals
    too_precise: float  # a value with one decimal more than that column allows


Built = tuple[Path, list[str]]
Builder = Callable[[Path, Table], Built]


def _lines(table: Table, *rows: list[str]) -> list[str]:
    return [",".join(table.header), *(",".join(row) for row in rows)]


def _write(folder: Path, data: bytes, name: str = "hostile.csv") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _bomb(folder: Path, table: Table, megabytes: int) -> Path:
    """A real workbook whose sheet XML is replaced by ``megabytes`` of repeated rows."""
    path = _workbook(folder / "source.xlsx", [table.header, table.row])
    bomb = folder / "bomb.xlsx"
    row = b'<row><c t="inlineStr"><is><t>' + b"1" * 200 + b"</t></is></c></row>"
    chunk = row * (MB // len(row))
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            if not member.filename.startswith("xl/worksheets/"):
                out.writestr(member, source.read(member))
                continue
            with out.open(member.filename, "w", force_zip64=True) as sheet:
                sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxml')
                sheet.write(b'formats.org/spreadsheetml/2006/main"><sheetData>')
                for _ in range(megabytes):
                    sheet.write(chunk)
                sheet.write(b"</sheetData></worksheet>")
    return bomb


def zip_bomb(folder: Path, table: Table) -> Built:
    return _bomb(folder, table, BOMB_MB), ["unpacks to", "more than the limit of 128.0 MB"]


def ratio_bomb(folder: Path, table: Table) -> Built:
    """Under the size limit, but compressed far beyond what a spreadsheet's XML is."""
    return _bomb(folder, table, 100), ["is compressed", "times, more than 100: a zip bomb"]


def too_large(folder: Path, table: Table) -> Built:
    data = "\r\n".join(_lines(table, table.row)).encode() + b" " * (LIMITS.file_bytes + 1)
    return _write(folder, data), ["larger than the limit of 32.0 MB"]


def too_many_rows(folder: Path, table: Table) -> Built:
    data = "\r\n".join(_lines(table, table.row)).encode() + b"\r\n,\r\n" * LIMITS.rows
    return _write(folder, data), [f"hostile.csv:{LIMITS.rows + 1}: (file): more than 200000 rows"]


def too_many_columns(folder: Path, table: Table) -> Built:
    data = ",".join(table.header + ["x"] * LIMITS.columns).encode()
    return _write(folder, data), [f"hostile.csv:1: (file): {len(table.header) + 64} columns"]


def unknown_columns(folder: Path, table: Table) -> Built:
    """Two columns the import does not know, in the middle of the header (阶梯,止(m³))."""
    middle = len(table.header) // 2
    header = [*table.header[:middle], "阶梯", "止(m³)", *table.header[middle:]]
    row = [*table.row[:middle], "1", "300", *table.row[middle:]]
    data = "\r\n".join([",".join(header), ",".join(row)]).encode()
    return _write(folder, data), [
        "hostile.csv:1: '阶梯': unknown column",
        "'止(m³)': unknown column",
    ]


def header_only(folder: Path, table: Table) -> Built:
    data = ",".join(table.header).encode() + b"\r\n"
    return _write(folder, data), [
        "hostile.csv:1: (file): no data rows: the file has only its header"
    ]


def _first_chinese(data: bytes) -> int:
    return next(offset for offset, byte in enumerate(data) if byte >= 0x80)


def bom_then_gbk(folder: Path, table: Table) -> Built:
    """A UTF-8 BOM in front of GBK text: an editor's mix, not either encoding."""
    data = b"\xef\xbb\xbf" + "\r\n".join(_lines(table, table.row)).encode("gbk")
    offset = _first_chinese(data[3:]) + 3
    expected = f"hostile.csv:2: (file): encoding: byte 0x{data[offset]:02X} at byte offset {offset}"
    return _write(folder, data), [expected, "after a UTF-8 BOM"]


def stray_byte(folder: Path, table: Table) -> Built:
    """UTF-8 text (with Chinese in row 2) and one Latin-1 byte in row 3."""
    good = "\r\n".join(_lines(table, table.row)).encode() + b"\r\n"
    data = good + b"\xe9" + ",".join(table.row).encode() + b"\r\n"
    expected = f"hostile.csv:3: (file): encoding: byte 0xE9 at byte offset {len(good)}"
    return _write(folder, data), [expected, "is not valid in UTF-8 text"]


def long_value(folder: Path, table: Table) -> Built:
    """A pasted page in a number cell: the message shows 60 characters and an ellipsis."""
    row = list(table.row)
    row[table.header.index(table.number_column)] = "１" * 5000
    path = _write(folder, "\r\n".join(_lines(table, row)).encode())
    return path, [f"hostile.csv:2: {table.number_column}: '{'１' * 60}…': too long for a number"]


def xlsx_decimals(folder: Path, table: Table) -> Built:
    """A number typed in Excel with more decimals than its column allows: never rounded."""
    row: list[object] = list(table.row)
    row[table.header.index(table.number_column)] = table.too_precise
    path = _workbook(folder / "hostile.xlsx", [table.header, row])
    return path, [f":2: {table.number_column}: {table.too_precise!r}: more than"]


HOSTILE: dict[str, Builder] = {
    "zip-bomb": zip_bomb,
    "ratio-bomb": ratio_bomb,
    "too-large": too_large,
    "too-many-rows": too_many_rows,
    "too-many-columns": too_many_columns,
    "unknown-columns": unknown_columns,
    "header-only": header_only,
    "bom-then-gbk": bom_then_gbk,
    "stray-byte": stray_byte,
    "long-value": long_value,
    "xlsx-decimals": xlsx_decimals,
}
hostile_files = pytest.mark.parametrize("build", list(HOSTILE.values()), ids=list(HOSTILE))
