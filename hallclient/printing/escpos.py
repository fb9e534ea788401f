"""ESC/POS bytes for a layout: a raster image, or native text in the printer's Chinese font.

Our own small encoder instead of python-escpos' ``text()``, which sends ¥ as four
bytes and punctuation-only lines through single-byte code pages (DESIGN §6a); the
python-escpos backends only carry the finished bytes.  The commands used are few
and fixed, so tests can decode every byte back (``tests/printing/escpos_decoder.py``):

- ESC @ (reset), FS & (Chinese mode), ESC a n (align), ESC E n (bold), GS ! n (size),
  LF, ESC d n (feed), GS V 66 n (feed and cut), ESC p (cash drawer pulse);
- GS v 0 (raster bands of at most 256 rows) for images: the whole receipt in raster
  mode, the QR code in native mode.

Native mode encodes strictly in the printer's character set (GB18030 or GBK); one
character outside it sends the whole receipt as raster instead, never a ``?``.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, replace

from PIL import Image

from hallclient.printing.layout import (
    QR,
    Align,
    Block,
    Columns,
    Feed,
    Layout,
    Rule,
    Text,
    columns_line,
    text_lines,
)
from hallclient.printing.raster import qr_image, render_raster

log = logging.getLogger(__name__)
ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
BAND_ROWS = 256
_INVERT = bytes(255 - value for value in range(256))
_NATIVE_FOLD = str.maketrans({"³": "3", "²": "2", "\u00a0": " "})


class Mode(enum.StrEnum):
    RASTER = "raster"
    NATIVE = "native"


class Charset(enum.StrEnum):
    GB18030 = "gb18030"
    GBK = "gbk"


@dataclass(frozen=True)
class JobOptions:
    mode: Mode = Mode.RASTER
    charset: Charset = Charset.GB18030
    cut: bool = True
    drawer: bool = False  # open the cash drawer (a cash payment)


def raster_bytes(image: Image.Image) -> bytes:
    """GS v 0 bands for a 1-bit image (black = 1), at most :data:`BAND_ROWS` rows each."""
    width_bytes = (image.width + 7) // 8
    mono = Image.new("1", (width_bytes * 8, image.height), 1)  # padded with white
    mono.paste(image.convert("1"), (0, 0))
    out = bytearray()
    for top in range(0, mono.height, BAND_ROWS):
        band = mono.crop((0, top, mono.width, min(top + BAND_ROWS, mono.height)))
        data = band.tobytes().translate(_INVERT)  # PIL: 1 = white; ESC/POS: 1 = black
        out += GS + b"v0\x00" + width_bytes.to_bytes(2, "little")
        out += band.height.to_bytes(2, "little") + data
    return bytes(out)


def _finish(options: JobOptions) -> bytes:
    out = ESC + b"d\x03"
    if options.cut:
        out += GS + b"V\x42\x00"
    if options.drawer:
        out += ESC + b"p\x00\x19\xfa"
    return out


def native_text(text: str) -> str:
    """Text as native mode prints it: superscripts the font lacks folded (m³ → m3)."""
    return text.translate(_NATIVE_FOLD)


def _native_block(block: Block) -> Block:
    if isinstance(block, Text):
        return replace(block, text=native_text(block.text))
    if isinstance(block, Columns):
        return replace(block, cells=tuple(native_text(cell) for cell in block.cells))
    if isinstance(block, Rule):
        return replace(block, char=native_text(block.char))
    return block


def native_layout(layout: Layout) -> Layout:
    """The layout as native mode prints it, folded before the columns are counted: m³
    takes two columns on the raster but m3 one in the printer's font, and a right-aligned
    amount would otherwise end a column short of the paper's edge."""
    return replace(layout, blocks=tuple(_native_block(block) for block in layout.blocks))


def _line(text: str, charset: Charset) -> bytes:
    """Strictly encoded; in GB18030 a four-byte character counts as in the printer's font
    only for CJK Extension A (rare name characters such as 䶮, which GB18030 fonts carry),
    not for emoji and the like."""
    for index, char in enumerate(text):
        if (
            len(char.encode(charset.value, errors="strict")) > 2
            and not "\u3400" <= char <= "\u4dbf"
        ):
            raise UnicodeEncodeError(charset.value, text, index, index + 1, "not in the font")
    return text.encode(charset.value, errors="strict") + LF


def _native(layout: Layout, options: JobOptions) -> bytes:
    """Raises UnicodeEncodeError when a character is outside the printer's set."""
    out = bytearray(ESC + b"@" + FS + b"&")
    columns = layout.paper.columns
    for block in native_layout(layout).blocks:
        if isinstance(block, Text):
            size = bytes([(block.scale - 1) * 0x11])  # GS ! n: width and height alike
            out += ESC + b"a" + bytes([block.align]) + ESC + b"E" + bytes([int(block.bold)])
            out += GS + b"!" + size
            for line in text_lines(block, columns):
                kept = line if block.align is Align.LEFT else line.strip()
                out += _line(kept, options.charset)
            out += GS + b"!\x00" + ESC + b"E\x00" + ESC + b"a\x00"
        elif isinstance(block, Columns):
            bold = bytes([int(block.bold)])
            out += ESC + b"E" + bold + _line(columns_line(block), options.charset) + ESC + b"E\x00"
        elif isinstance(block, Rule):
            out += _line(block.char * columns, options.charset)
        elif isinstance(block, QR):
            out += ESC + b"a\x01" + raster_bytes(qr_image(block.data)) + ESC + b"a\x00"
        elif isinstance(block, Feed):
            out += LF * block.lines
    return bytes(out)


@dataclass(frozen=True)
class Job:
    """A whole job's bytes, the mode actually used, and the raster image it carries."""

    data: bytes
    mode: Mode
    image: Image.Image | None  # drawn for raster mode (or native's fallback); None in native
    # native mode was asked for, but a character outside the printer's set sent an image
    fell_back: bool = False


def render_job(layout: Layout, options: JobOptions) -> Job:
    """The whole job (native falls back to raster), with the image drawn for it if any."""
    fell_back = False
    if options.mode is Mode.NATIVE:
        try:
            return Job(_native(layout, options) + _finish(options), Mode.NATIVE, None)
        except UnicodeEncodeError as error:
            bad = error.object[error.start]
            log.info("receipt has %r outside %s: printing as raster", bad, options.charset)
            fell_back = True
    image = render_raster(layout)
    data = ESC + b"@" + raster_bytes(image) + _finish(options)
    return Job(data, Mode.RASTER, image, fell_back)


def job_bytes(layout: Layout, options: JobOptions) -> tuple[bytes, Mode]:
    """The whole job, and the mode actually used (native falls back to raster)."""
    job = render_job(layout, options)
    return job.data, job.mode
