"""A printer-neutral receipt layout: blocks measured in columns of the paper's width.

One layout renders to the raster image (print and preview), to native ESC/POS text
and to the PDF copy, so the three cannot disagree.  Widths count columns as the
printer does in its Chinese mode: an ASCII character takes one, a hanzi or any
other double-byte character two (:func:`display_width`).  Text is normalised once
here (half-width ¥ to ￥, which prints as garbage otherwise; control characters out;
a character no bundled font draws as its code, :mod:`hallclient.printing.fonts`).
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from hallclient.printing.fonts import shown


class Align(enum.IntEnum):
    LEFT = 0
    CENTER = 1
    RIGHT = 2


class Paper(enum.Enum):
    """Paper width: printable dots and columns of half-width text (12 dots each)."""

    MM58 = (384, 32)
    MM80 = (576, 48)

    @property
    def dots(self) -> int:
        return self.value[0]

    @property
    def columns(self) -> int:
        return self.value[1]


@dataclass(frozen=True)
class Text:
    text: str
    align: Align = Align.LEFT
    bold: bool = False
    scale: int = 1  # 2: double width and height (titles, the total); up to 4 (a ticket)


@dataclass(frozen=True)
class Columns:
    """Cells side by side; ``widths`` in columns add up to the paper's columns."""

    cells: tuple[str, ...]
    widths: tuple[int, ...]
    aligns: tuple[Align, ...]
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class QR:
    data: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Text | Columns | Rule | QR | Feed


@dataclass(frozen=True)
class Layout:
    paper: Paper
    blocks: tuple[Block, ...]


_REPLACE = str.maketrans({"¥": "￥", "\t": " "})
_DROPPED = frozenset({"Cc", "Cf", "Cs"})  # control, format (zero-width), lone surrogates


def _kept(ch: str) -> bool:
    """Not a control or format character, nor a variation selector: an ideographic variant
    (葛 followed by U+E0100) or an emoji's style prints as its base character, which the
    fonts have, rather than as the selector's code."""
    return unicodedata.category(ch) not in _DROPPED and not (
        "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"
    )


def clean(text: str) -> str:
    """Printable text: NFC, the half-width yen sign made full width, no control or format
    characters, a character no bundled font has shown as its code (so that columns count
    what prints).  Private-use and unassigned characters are kept for that: a rare name
    character may be newer than Python's Unicode tables, or a hall's own (造字)."""
    text = unicodedata.normalize("NFC", text).translate(_REPLACE)
    return shown("".join(ch for ch in text if _kept(ch)))


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    return 1 if ch.isascii() or unicodedata.east_asian_width(ch) in ("H", "Na") else 2


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (a hanzi that would straddle the edge goes)."""
    used, kept = 0, []
    for ch in text:
        used += char_width(ch)
        if used > width:
            break
        kept.append(ch)
    return "".join(kept)


def wrap(text: str, width: int) -> Iterator[str]:
    """``text`` in lines of at most ``width`` columns, breaking anywhere (Chinese has no spaces)."""
    line, used = "", 0
    for ch in text:
        size = char_width(ch)
        if used + size > width and line:
            yield line
            line, used = "", 0
        line, used = line + ch, used + size
    yield line


def pad(text: str, width: int, align: Align) -> str:
    text = fit(text, width)
    gap = width - display_width(text)
    if align is Align.RIGHT:
        return " " * gap + text
    if align is Align.CENTER:
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def text_lines(block: Text, columns: int) -> list[str]:
    """A text block as the printer's lines (a doubled text has half the columns)."""
    width = columns // block.scale
    return [pad(line, width, block.align).rstrip() for line in wrap(clean(block.text), width)]


def columns_line(block: Columns) -> str:
    cells = zip(block.cells, block.widths, block.aligns, strict=True)
    return "".join(pad(clean(c), w, a) for c, w, a in cells).rstrip()


def plain_lines(layout: Layout) -> list[str]:
    """The layout as plain text lines, QR codes left out (native ESC/POS prints those of
    ``escpos.native_layout(layout)``, with m³ folded to m3 before the columns are counted)."""
    columns, lines = layout.paper.columns, []
    for block in layout.blocks:
        if isinstance(block, Text):
            lines.extend(text_lines(block, columns))
        elif isinstance(block, Columns):
            lines.append(columns_line(block))
        elif isinstance(block, Rule):
            lines.append(block.char * columns)
        elif isinstance(block, Feed):
            lines.extend([""] * block.lines)
    return lines
