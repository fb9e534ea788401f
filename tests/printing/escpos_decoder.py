"""A decoder for exactly the ESC/POS commands HallClient emits; anything else raises.

Tests read printed bytes back with it: text lines (GB18030, with their alignment,
emphasis and size), raster images (GS v 0 bands joined into one picture each), the
cut and the drawer pulse.  An unknown command, a stray control byte or a text byte
sequence that is not valid in the charset is an error, not a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

_INVERT = bytes(255 - value for value in range(256))


class DecodeError(ValueError):
    """A byte sequence that is not exactly what HallClient emits."""


@dataclass(frozen=True)
class Line:
    text: str
    align: int
    bold: bool
    size: int  # GS ! n


@dataclass
class Printout:
    lines: list[Line] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    resets: int = 0
    chinese: bool = False
    cuts: int = 0
    drawer: bool = False
    feeds: int = 0

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


class _Reader:
    def __init__(self, data: bytes, charset: str) -> None:
        self.data, self.at, self.charset = data, 0, charset
        self.out, self.pending = Printout(), bytearray()
        self.align, self.bold, self.size = 0, False, 0
        self.last_was_image = False

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise DecodeError(f"command cut short at byte {self.at}")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def flush(self) -> None:
        try:
            text = bytes(self.pending).decode(self.charset, errors="strict")
        except UnicodeDecodeError as error:
            raise DecodeError(f"not {self.charset}: {bytes(self.pending)!r}") from error
        self.out.lines.append(Line(text, self.align, self.bold, self.size))
        self.pending.clear()
        self.last_was_image = False


def _esc(reader: _Reader) -> None:
    command = reader.byte()
    if command == ord("@"):
        reader.out.resets += 1
        reader.align, reader.bold, reader.size = 0, False, 0
    elif command == ord("a"):
        reader.align = reader.byte()
        if reader.align > 2:
            raise DecodeError(f"ESC a {reader.align}")
    elif command == ord("E"):
        reader.bold = bool(reader.byte())
    elif command == ord("d"):
        reader.out.feeds += reader.byte()
    elif command == ord("p"):
        reader.take(3)
        reader.out.drawer = True
    else:
        raise DecodeError(f"unknown ESC {command:#x} at byte {reader.at - 1}")


def _gs(reader: _Reader) -> None:
    command = reader.byte()
    if command == ord("!"):
        reader.size = reader.byte()
    elif command == ord("V"):
        if reader.byte() != 0x42:
            raise DecodeError("GS V: only mode 66 (feed and cut) is emitted")
        reader.byte()
        reader.out.cuts += 1
    elif command == ord("v"):
        _image(reader)
    else:
        raise DecodeError(f"unknown GS {command:#x} at byte {reader.at - 1}")


def _image(reader: _Reader) -> None:
    if reader.take(2) != b"0\x00":
        raise DecodeError("GS v: only GS v 0 with m = 0 is emitted")
    width_bytes = int.from_bytes(reader.take(2), "little")
    rows = int.from_bytes(reader.take(2), "little")
    data = reader.take(width_bytes * rows).translate(_INVERT)
    band = Image.frombytes("1", (width_bytes * 8, rows), data)
    images = reader.out.images
    if reader.last_was_image and images and images[-1].width == band.width:
        joined = Image.new("1", (band.width, images[-1].height + rows), 1)
        joined.paste(images[-1], (0, 0))
        joined.paste(band, (0, images[-1].height))
        images[-1] = joined
    else:
        images.append(band)
    reader.last_was_image = True


def _fs(reader: _Reader) -> None:
    command = reader.byte()
    if command == ord("&"):
        reader.out.chinese = True
    elif command == ord("."):
        reader.out.chinese = False
    else:
        raise DecodeError(f"unknown FS {command:#x}")


_COMMANDS = {0x1B: _esc, 0x1D: _gs, 0x1C: _fs}


def decode(data: bytes, charset: str = "gb18030") -> Printout:
    reader = _Reader(data, charset)
    while reader.at < len(data):
        value = reader.byte()
        if value in _COMMANDS:
            if reader.pending:
                raise DecodeError(f"command inside a text line at byte {reader.at - 1}")
            _COMMANDS[value](reader)
        elif value == 0x0A:
            reader.flush()
        elif value < 0x20 or value == 0x7F:
            raise DecodeError(f"stray control byte {value:#x} at {reader.at - 1}")
        else:
            if not reader.out.chinese and value >= 0x80:
                raise DecodeError("double-byte text outside Chinese mode (FS &)")
            reader.pending.append(value)
    if reader.pending:
        raise DecodeError("text without its line feed at the end of the job")
    return reader.out
