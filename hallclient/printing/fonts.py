"""The font chain: which bundled font draws each character, on paper and in the PDF.

WenQuanYi Micro Hei comes first (the receipts' look, DESIGN §6); it lacks CJK
Extension A and B (rare name characters such as 䶮, 㐀, 𠮷) and its ℃ is an empty
glyph.  HanaMinA (BMP and part of plane 2), HanaMinB (the rest of plane 2, Extensions
B to F) and BabelStone Han (Extensions G to I) follow.  A character counts as in a font
only when the font's character map has it *and* its glyph draws ink: an empty glyph
would print a blank.
A character no font has is shown as its code (U+XXXXX), logged once, never a blank
or a box: :func:`shown` substitutes it before the layout counts columns.
"""

from __future__ import annotations

import logging
import threading
from functools import cache, lru_cache
from itertools import groupby

from PIL import ImageFont
from reportlab.pdfbase.ttfonts import TTFont

from hallclient.paths import resources_dir
from hallclient.printing.font_files import CHAIN

log = logging.getLogger(__name__)


_PROBE_SIZE = 24
_PROBING = threading.Lock()  # FreeType faces are not safe to use from two threads at once


def font_path(index: int) -> str:
    return str(resources_dir() / "fonts" / CHAIN[index].file)


@cache
def pdf_font(index: int) -> TTFont:
    """The chain's font for reportlab; its character map also answers :func:`font_for`."""
    font = CHAIN[index]
    return TTFont(font.pdf_name, font_path(index), subfontIndex=font.face)


@cache
def _probe(index: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(index), size=_PROBE_SIZE, index=CHAIN[index].face)


def _draws(index: int, char: str) -> bool:
    if ord(char) not in pdf_font(index).face.charToGlyph:
        return False
    with _PROBING:
        return _probe(index).getmask(char).getbbox() is not None


@lru_cache(maxsize=65536)
def font_for(char: str) -> int | None:
    """The index in :data:`CHAIN` of the first font that draws ``char``; None if none does.

    White space draws no ink in any font and belongs to the first one."""
    if char.isspace():
        return 0
    return next((index for index in range(len(CHAIN)) if _draws(index, char)), None)


@cache
def _code(char: str) -> str:
    """The code shown for a character no font has (logged once per character)."""
    code = f"U+{ord(char):04X}"
    log.warning("no bundled font draws %s; it is printed as its code", code)
    return code


def shown(text: str) -> str:
    """``text`` as the chain can draw it: a character no font has becomes its code."""
    if all(font_for(char) is not None for char in text):
        return text
    return "".join(char if font_for(char) is not None else _code(char) for char in text)


def runs(text: str) -> list[tuple[int, str]]:
    """``text`` (already :func:`shown`) split into runs, each with the chain font drawing it."""
    return [(index or 0, "".join(chars)) for index, chars in groupby(text, key=font_for)]
