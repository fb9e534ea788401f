"""The PDF copy of a receipt: the same layout, on a page as wide as the paper roll.

The bundled WenQuanYi Micro Hei (TrueType outlines, so reportlab can embed it) is
embedded as a subset: the PDF shows the same Chinese on a PC without Chinese fonts.
reportlab's built-in STSong-Light is not embedded and Noto CJK's CFF outlines do not
load (DESIGN §6).  One dot of the printer is 1/8 mm, so positions match the paper.
"""

from __future__ import annotations

import io
from functools import cache

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from hallclient.paths import resources_dir
from hallclient.printing.layout import (
    QR,
    Align,
    Columns,
    Feed,
    Layout,
    Rule,
    Text,
    clean,
    fit,
    text_lines,
)
from hallclient.printing.raster import COLUMN_DOTS, FONT_FILE, LINE_DOTS, height_dots, qr_image

FONT = "HallClientCJK"
DOT = float(mm) / 8  # one printer dot
MARGIN = 4 * float(mm)


@cache
def register_font() -> str:
    path = resources_dir() / "fonts" / FONT_FILE
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


def _height(layout: Layout) -> float:
    return height_dots(layout) * DOT + 2 * MARGIN


class _Page:
    def __init__(self, canvas: Canvas, layout: Layout) -> None:
        self.canvas, self.width = canvas, layout.paper.dots * DOT
        self.top = _height(layout) - MARGIN

    def text(
        self, text: str, left: float, width: float, align: Align, size: int, bold: bool
    ) -> None:
        """One line of text; bold is drawn twice, a hair apart (the font has no bold face)."""
        y = self.top - 24 * DOT * size
        self.canvas.setFont(FONT, 24 * DOT * size)
        x = MARGIN + left
        for shift in (0.0, 0.35) if bold else (0.0,):
            if align is Align.RIGHT:
                self.canvas.drawRightString(x + width + shift, y, text)
            elif align is Align.CENTER:
                self.canvas.drawCentredString(x + width / 2 + shift, y, text)
            else:
                self.canvas.drawString(x + shift, y, text)

    def advance(self, dots: float) -> None:
        self.top -= dots * DOT


def render_pdf(layout: Layout, title: str) -> bytes:
    """The layout as a one-page PDF with the CJK font embedded."""
    register_font()
    buffer = io.BytesIO()
    page_width = layout.paper.dots * DOT + 2 * MARGIN
    canvas = Canvas(buffer, pagesize=(page_width, _height(layout)), initialFontName=FONT)
    canvas.setTitle(title)
    page = _Page(canvas, layout)
    for block in layout.blocks:
        _draw(page, block, layout.paper.columns)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw(page: _Page, block: object, columns: int) -> None:
    if isinstance(block, Text):
        for line in text_lines(block, columns):
            shown = line if block.align is Align.LEFT else line.strip()
            page.text(shown, 0, page.width, block.align, block.scale, block.bold)
            page.advance(LINE_DOTS * block.scale)
    elif isinstance(block, Columns):
        left = 0.0
        for cell, width, align in zip(block.cells, block.widths, block.aligns, strict=True):
            page.text(
                fit(clean(cell), width), left, width * COLUMN_DOTS * DOT, align, 1, block.bold
            )
            left += width * COLUMN_DOTS * DOT
        page.advance(LINE_DOTS)
    elif isinstance(block, Rule):
        y = page.top - LINE_DOTS / 2 * DOT
        page.canvas.setLineWidth(2 * DOT)
        page.canvas.line(MARGIN, y, MARGIN + page.width, y)
        page.advance(LINE_DOTS)
    elif isinstance(block, QR):
        image = qr_image(block.data)
        size = image.width * DOT
        x = MARGIN + (page.width - size) / 2
        page.canvas.drawImage(ImageReader(image), x, page.top - size, size, size)
        page.advance(image.height)
    elif isinstance(block, Feed):
        page.advance(LINE_DOTS * block.lines)
