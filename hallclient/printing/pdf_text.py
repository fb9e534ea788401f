"""Text in the PDF drawn with the font chain: each run in the first font that has it.

reportlab picks no fallback font itself, so a run of characters the bundled font lacks
is drawn with :func:`draw` in the chain's next font (each embedded as a subset), and the
text layer keeps every character (``pdftotext`` reads the name back).
"""

from __future__ import annotations

import re
from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas

from hallclient.printing.font_files import CHAIN
from hallclient.printing.fonts import pdf_font, runs

_BFCHAR = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]+)>$", re.MULTILINE)
_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _utf16_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with each code as UTF-16BE, as the PDF reference asks.

    reportlab 5 writes the code point in hex (``<20BB7>`` for 𠮷), which readers take as
    U+20BB: characters beyond U+FFFF would be lost from the text layer.  The same CMap
    for every character of the Basic Multilingual Plane.
    """

    def utf16(match: re.Match[str]) -> str:
        code = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
        return f"<{match.group(1)}> <{code}>"

    return _BFCHAR.sub(utf16, _to_unicode_cmap(fontname, subset))


@cache
def register_chain() -> str:
    """Register every font of the chain with reportlab; the first one's name."""
    ttfonts.makeToUnicodeCMap = _utf16_cmap  # read by TTFont.addObjects at save time
    for index in range(len(CHAIN)):
        pdfmetrics.registerFont(pdf_font(index))
    return CHAIN[0].pdf_name


def width(text: str, size: float) -> float:
    """The drawn width of ``text`` (from :func:`~hallclient.printing.layout.clean`)."""
    return sum(
        float(pdfmetrics.stringWidth(run, CHAIN[index].pdf_name, size)) for index, run in runs(text)
    )


def draw(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    """``text`` from ``x`` on the baseline ``y``, each run in its chain font."""
    for index, run in runs(text):
        name = CHAIN[index].pdf_name
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)
