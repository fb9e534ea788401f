"""A streaming XLSX writer: rows go straight into the zip as SpreadsheetML, nothing is kept.

openpyxl's write-only mode costs about 30 µs a cell here (its cell and style objects,
then the XML tree writer): a day of 50,000 receipts, about 1.2 million cells, took
most of a minute.  This writer formats each row as one string -- inline strings, numbers,
and two number formats (money, date and time) -- which is some twenty times faster; the
files are read back with openpyxl in the tests, and open in Excel and WPS.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import IO
from xml.sax.saxutils import escape

MONEY_FORMAT = "#,##0.00;[Red]-#,##0.00"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DATE_FORMAT = "yyyy-mm-dd"
_EPOCH = datetime(1899, 12, 30)
_STYLE = {"text": 0, "header": 1, "money": 2, "time": 3, "date": 4}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")  # Excel would decode "_x0041_" as "A"
_MARKUP = re.compile("[&<>]")
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x")  # one look first


def _text(value: str) -> str:
    if _SPECIAL.search(value) is None:  # nearly every text: nothing to clean or escape
        return f'<c t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    if _NOT_XML.search(value):
        value = _NOT_XML.sub("", value)
    if "_x" in value:
        value = _ESCAPE_LIKE.sub("_x005F_", value)
    if _MARKUP.search(value):
        value = _MARKUP.sub(lambda match: _ENTITY[match.group()], value)
    return f'<c t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


class Cents(int):
    """An amount in fen, written as yuan: no Decimal is made for each of a million cells."""


def _yuan(fen: int) -> str:
    whole, part = divmod(abs(fen), 100)
    return f"{'-' if fen < 0 else ''}{whole}.{part:02d}"


def _cell(value: object, money: bool) -> str:
    """One cell; the common kinds (text, money) first: a day's export has a million cells."""
    if type(value) is str:
        return _text(value) if value else "<c/>"
    if type(value) is Cents:
        return f'<c s="2"><v>{_yuan(value)}</v></c>'
    if isinstance(value, Decimal) and value.is_finite():
        return f'<c s="{2 if money else 0}"><v>{value:f}</v></c>'
    return "<c/>" if value is None else _other(value, money)


def _other(value: object, money: bool) -> str:
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        serial = (value - _EPOCH).total_seconds() / 86400
        return f'<c s="{_STYLE["time"]}"><v>{serial:.8f}</v></c>'
    if isinstance(value, date):
        return f'<c s="{_STYLE["date"]}"><v>{(value - _EPOCH.date()).days}</v></c>'
    if isinstance(value, int):
        return f'<c s="{_STYLE["money"] if money else 0}"><v>{value}</v></c>'
    return _text(str(value))


class Sheet:
    """One worksheet being written: a bold header, then rows of plain Python values."""

    def __init__(self, stream: IO[bytes], header: Sequence[str], widths: Sequence[int]) -> None:
        self._stream = stream
        columns = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(widths, start=1)
        )
        self._write(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f"<cols>{columns}</cols><sheetData>"
        )
        cells = "".join(
            f'<c t="inlineStr" s="{_STYLE["header"]}"><is><t>{escape(h)}</t></is></c>'
            for h in header
        )
        self._write(f"<row>{cells}</row>")

    def row(self, values: Sequence[object], money: frozenset[int] = frozenset()) -> None:
        self.rows([values], money)

    def rows(self, rows: Sequence[Sequence[object]], money: frozenset[int] = frozenset()) -> None:
        """Many rows in one write (a batch of an export)."""
        flags = [i in money for i in range(max((len(r) for r in rows), default=0))]
        self._write(
            "".join(
                "<row>" + "".join([_cell(v, flags[i]) for i, v in enumerate(row)]) + "</row>"
                for row in rows
            )
        )

    def close(self) -> None:
        self._write("</sheetData></worksheet>")
        self._stream.close()

    def _write(self, text: str) -> None:
        self._stream.write(text.encode("utf-8", errors="replace"))  # a lone surrogate: "?"


class Book:
    """An XLSX file: sheets are written one after another, then :meth:`close` adds the rest."""

    def __init__(self, target: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._names: list[str] = []
        self._current: Sheet | None = None

    def sheet(self, name: str, header: Sequence[str], widths: Sequence[int]) -> Sheet:
        """A new sheet (the one before it is finished: a zip writes one member at a time)."""
        self._finish_sheet()
        self._names.append(name)
        stream = self._zip.open(f"xl/worksheets/sheet{len(self._names)}.xml", "w")
        self._current = Sheet(stream, header, widths)
        return self._current

    def _finish_sheet(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None

    def __enter__(self) -> Book:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        """Complete the file, or after a failure (or a cancel) just let go of it."""
        if kind is None:
            self.close()
        else:
            self._finish_sheet()
            self._zip.close()

    def close(self) -> None:
        self._finish_sheet()
        count = len(self._names)
        self._put("[Content_Types].xml", _content_types(count))
        self._put("_rels/.rels", _ROOT_RELS)
        self._put("xl/workbook.xml", _workbook(self._names))
        self._put("xl/_rels/workbook.xml.rels", _workbook_rels(count))
        self._put("xl/styles.xml", _STYLES)
        self._zip.close()

    def _put(self, name: str, text: str) -> None:
        self._zip.writestr(name, text.encode("utf-8"))


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{_MAIN}">'
    f'<numFmts count="3"><numFmt numFmtId="164" formatCode="{escape(MONEY_FORMAT)}"/>'
    f'<numFmt numFmtId="165" formatCode="{TIME_FORMAT}"/>'
    f'<numFmt numFmtId="166" formatCode="{DATE_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Microsoft YaHei"/></font>'
    '<font><b/><sz val="11"/><name val="Microsoft YaHei"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="5"><xf/><xf fontId="1" applyFont="1"/>'
    '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/>'
    '<xf numFmtId="166" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
        'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        f'officedocument.spreadsheetml.styles+xml"/>{sheets}</Types>'
    )


def _workbook(names: list[str]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, name in enumerate(names, start=1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f"<sheets>{sheets}</sheets></workbook>"
    )


def _workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    styles = f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">{rels}'
        f"{styles}</Relationships>"
    )
