"""The PDF copy of a receipt: the same layout, on a page as wide as the paper roll.

The bundled WenQuanYi Micro Hei (TrueType outlines, so reportlab can embed it) and
the font chain's fallbacks for what it lacks (:mod:`hallclient.printing.pdf_text`) are
embedded as subsets: the PDF shows the same Chinese on a PC without Chinese fonts.
reportlab's built-in STSong-Light is not embedded and Noto CJK's CFF outlines do not
load (DESIGN §6).  One dot of the printer is 1/8 mm, so positions match the paper.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from hallclient.printing import pdf_text
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
from hallclient.printing.raster import COLUMN_DOTS, LINE_DOTS, height_dots, qr_image

DOT = float(mm) / 8  # one printer dot
MARGIN = 4 * float(mm)


def register_font() -> str:
    """Register the font chain; the name of the bundled font, its first."""
    return pdf_text.register_chain()


def _height(layout: Layout) -> float:
    return height_dots(layout) * DOT + 2 * MARGIN


class _Page:
    def __init__(self, canvas: Canvas, layout: Layout) -> None:
        self.canvas, self.width = canvas, layout.paper.dots * DOT
        self.top = _height(layout) - MARGIN

    def text(
        self, text: str, left: float, width: float, align: Align, size: int, bold: bool
    ) -> None:
        """One line of text, each run in its chain font; bold is drawn twice, a hair apart
        (the fonts have no bold face)."""
        y, points = self.top - 24 * DOT * size, 24 * DOT * size
        x = MARGIN + left
        if align is Align.RIGHT:
            x += width - pdf_text.width(text, points)
        elif align is Align.CENTER:
            x += (width - pdf_text.width(text, points)) / 2
        for shift in (0.0, 0.35) if bold else (0.0,):
            pdf_text.draw(self.canvas, x + shift, y, text, points)

    def advance(self, dots: float) -> None:
        self.top -= dots * DOT


def render_pdf(layout: Layout, title: str) -> bytes:
    """The layout as a one-page PDF with the CJK font embedded."""
    font = register_font()
    buffer = io.BytesIO()
    page_width = layout.paper.dots * DOT + 2 * MARGIN
    canvas = Canvas(buffer, pagesize=(page_width, _height(layout)), initialFontName=font)
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
