"""A small font for the screen with the characters WenQuanYi Micro Hei maps to empty glyphs.

Qt falls back to the next family only for a character the font's character map lacks;
Micro Hei maps ℃, ℉, the pinyin vowels with a caron (ǎ ǐ ǒ ǔ ǘ ǚ ǜ) and a few more to
glyphs without outlines, so Qt would draw them blank.  This font, built in memory from
HanaMinA (a subset, which its licence allows), holds just those characters and is put
*before* Micro Hei in the family list; for every other character Qt finds nothing in it
and goes on to Micro Hei.  reportlab's subsetter writes the glyphs; the character map
(Unicode, format 4) and the family name are ours.

Building it takes about half a second (HanaMinA is 23 MB), so it is built here, once,
and shipped as ``resources/fonts/HallClientSymbols.ttf`` (the app registers the file
before the first paint at no cost): ``python -m ui.tools.patch_font`` writes it again,
and a test fails when the shipped file is not what this module builds.
"""

from __future__ import annotations

import struct

from reportlab.pdfbase.ttfonts import TTFontMaker

from hallclient.paths import resources_dir
from hallclient.printing.fonts import font_for, pdf_font

FAMILY = "HallClient Symbols"
PATCH_FILE = "HallClientSymbols.ttf"  # in resources/fonts
# Micro Hei 0.2.0-beta's visible characters without outlines (tests/ui/kit checks the list)
EMPTY_IN_MICRO_HEI = "ǎǐǒǔǘǚǜˊˋ‾℃℉\u212bⅤⅩ∼"  # U+212B: the Angstrom sign, not Å
_FALLBACK = 1  # HanaMinA in the printing font chain


def _tables(font: bytes) -> dict[str, bytes]:
    count = struct.unpack_from(">H", font, 4)[0]
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", font, 12 + 16 * index)
        tables[tag.decode("latin-1")] = font[offset : offset + length]
    return tables


def _cmap(glyphs: dict[int, int]) -> bytes:
    """A Windows Unicode (3, 1) format 4 map: one segment per character, then 0xFFFF."""
    codes = [*sorted(glyphs), 0xFFFF]
    deltas = [(glyphs[code] - code) % 0x10000 for code in codes[:-1]] + [1]
    segments = len(codes)
    power = 1 << (segments.bit_length() - 1)
    body = struct.pack(
        f">4H{segments}HH{segments}H{segments}H{segments}H",
        segments * 2,
        power * 2,
        power.bit_length() - 1,
        (segments - power) * 2,
        *codes,
        0,
        *codes,
        *deltas,
        *([0] * segments),
    )
    subtable = struct.pack(">3H", 4, 6 + len(body), 0) + body
    return struct.pack(">2H2HL", 0, 1, 3, 1, 12) + subtable


def _name() -> bytes:
    """The family, style, full and PostScript names, in Windows Unicode."""
    names = {1: FAMILY, 2: "Regular", 4: FAMILY, 6: FAMILY.replace(" ", "")}
    records, strings = b"", b""
    for name_id, text in names.items():
        data = text.encode("utf-16-be")
        records += struct.pack(">6H", 3, 1, 0x409, name_id, len(data), len(strings))
        strings += data
    return struct.pack(">3H", 0, len(names), 6 + len(records)) + records + strings


# (table, offset, signed) of the vertical metrics and the average width Qt reads for the
# primary font: the line height of every widget must stay Micro Hei's
_METRICS = (
    ("hhea", 4, True),  # ascender
    ("hhea", 6, True),  # descender
    ("hhea", 8, True),  # line gap
    ("OS/2", 2, True),  # xAvgCharWidth
    ("OS/2", 68, True),  # sTypoAscender
    ("OS/2", 70, True),  # sTypoDescender
    ("OS/2", 72, True),  # sTypoLineGap
    ("OS/2", 74, False),  # usWinAscent
    ("OS/2", 76, False),  # usWinDescent
)


_MICRO_HEI_TABLES = ("head", "hhea", "OS/2")


def _units_per_em(tables: dict[str, bytes]) -> int:
    return int(struct.unpack_from(">H", tables["head"], 18)[0])


def _with_micro_hei_metrics(tables: dict[str, bytes], micro_hei: dict[str, bytes]) -> None:
    """Micro Hei's line metrics, scaled to this font's units, so that Qt, which measures a
    line by the first family, lays out every widget as before."""
    scale = _units_per_em(tables) / _units_per_em(micro_hei)
    for tag, offset, signed in _METRICS:
        code = ">h" if signed else ">H"
        value = round(struct.unpack_from(code, micro_hei[tag], offset)[0] * scale)
        table = bytearray(tables[tag])
        struct.pack_into(code, table, offset, value)
        tables[tag] = bytes(table)


def patch_font() -> bytes | None:
    """The font's bytes, or None when no fallback font draws any of the characters."""
    codes = [ord(char) for char in EMPTY_IN_MICRO_HEI if font_for(char) == _FALLBACK]
    if not codes:
        return None
    face = pdf_font(_FALLBACK).face
    glyphs: dict[int, int] = {}
    seen: dict[int, int] = {0: 0}  # as the subsetter numbers them: in order of first use
    for code in codes:
        original = face.charToGlyph[code]
        glyphs[code] = seen.setdefault(original, len(seen))
    tables = _tables(face.makeSubset(codes))
    tables.update(cmap=_cmap(glyphs), name=_name())
    micro_hei = pdf_font(0).face
    _with_micro_hei_metrics(tables, {tag: micro_hei.get_table(tag) for tag in _MICRO_HEI_TABLES})
    maker = TTFontMaker()
    for tag, data in tables.items():
        maker.add(tag, data)
    return bytes(maker.makeStream())


def main() -> int:
    """Write the patch font into resources/fonts."""
    data = patch_font()
    if data is None:
        print("no fallback font draws any of the characters: nothing written")
        return 1
    path = resources_dir() / "fonts" / PATCH_FILE
    path.write_bytes(data)
    print(f"{path}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
