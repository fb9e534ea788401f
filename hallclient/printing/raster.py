"""The layout drawn as a black-and-white image at the printer's dot width.

The default print path (any ESC/POS printer prints an image, Chinese font or not)
and the on-screen preview.  Drawn with the bundled CJK TrueType font at 24 dots per
hanzi (12 per column), then thresholded to pure black and white here: left grey,
the printer's own dithering turns glyph edges into speckles.
"""

from __future__ import annotations

import threading
from functools import cache, lru_cache

import qrcode
from PIL import Image, ImageDraw, ImageFont

from hallclient.paths import resources_dir
from hallclient.printing.fonts import font_for, font_path
from hallclient.printing.layout import (
    QR,
    Align,
    Columns,
    Feed,
    Layout,
    Rule,
    Text,
    char_width,
    clean,
    fit,
    text_lines,
)

FONT_FILE = "wqy-microhei.ttc"  # the chain's first font (hallclient.printing.fonts)
COLUMN_DOTS = 12
LINE_DOTS = 30  # 24-dot glyphs and 6 dots between lines
QR_MODULE_DOTS = 4
THRESHOLD = 128
# The fallback fonts are Mincho (serif) faces whose hairlines, a fraction of a dot at 24
# dots, would fall under the threshold and break up: their grey is tripled first (as if
# thresholded at a third), which keeps the hairlines without the blot a heavier stroke
# makes of a dense character such as 䶮.
_HAIRLINES = [min(255, 3 * value) for value in range(256)]
_MARGIN = 8


@cache
def font(size: int, face: int = 0) -> ImageFont.FreeTypeFont:
    """The bundled font: face 0 proportional, face 1 monospaced (Micro Hei Mono)."""
    return ImageFont.truetype(str(resources_dir() / "fonts" / FONT_FILE), size=size, index=face)


@cache
def _fallback(index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(index), size=size)


def _face(char: str, size: int, half: bool) -> ImageFont.FreeTypeFont:
    """The bundled font's face for ``char``, or the first font of the chain that draws it."""
    chained = font_for(char) or 0
    if half:
        return _fallback(chained, size * 5 // 6) if chained else font(size * 5 // 6, 1)
    return _fallback(chained, size) if chained else font(size)


@lru_cache(maxsize=4096)
def _glyph(char: str, size: int, bold: bool) -> tuple[Image.Image, float]:
    """One character drawn once (white on black, a mask) and its advance in dots.

    Characters sit on the printer's own grid, as its Chinese mode prints them: a hanzi
    takes ``size`` dots, any half-width character half of that, drawn in the monospaced
    face at 5/6 of the size (its glyphs are 0.6 em wide), so that a line of Latin
    letters or digits is exactly as wide as the columns the layout counted and never
    runs off the paper.  Drawing each character once and pasting it is also several
    times faster than laying out every line with FreeType again.  A character the
    bundled font lacks is drawn in the chain's next font that has it, in the same cell.
    """
    half = char_width(char) == 1
    face = _face(char, size, half)
    advance = size / 2 if half else float(size)
    top = size // 8 if half else 0  # the smaller face on the same baseline, roughly
    mask = Image.new("L", (int(advance) + 4, size + 8), 0)
    ImageDraw.Draw(mask).text(
        (1, top), char, font=face, fill=255, stroke_width=1 if bold else 0, stroke_fill=255
    )
    return (mask.point(_HAIRLINES) if font_for(char) else mask), advance


def text_length(text: str, size: int, bold: bool = False) -> int:
    return round(sum(_glyph(char, size, bold)[1] for char in text))


def _x(text: str, left: int, width: int, align: Align, size: int, bold: bool) -> int:
    drawn = text_length(text, size, bold)
    if align is Align.RIGHT:
        return left + width - drawn
    if align is Align.CENTER:
        return left + (width - drawn) // 2
    return left


def height_dots(layout: Layout) -> int:
    """The printed height of the layout, margins included (raster and PDF alike)."""
    rows = 0
    for block in layout.blocks:
        if isinstance(block, Text):
            rows += len(text_lines(block, layout.paper.columns)) * block.scale
        elif isinstance(block, Columns | Rule):
            rows += 1
        elif isinstance(block, Feed):
            rows += block.lines
    qr_dots = sum(qr_image(b.data).height for b in layout.blocks if isinstance(b, QR))
    return rows * LINE_DOTS + qr_dots + 2 * _MARGIN


class _Canvas:
    def __init__(self, dots: int, height: int) -> None:
        self.image = Image.new("L", (dots, height), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.dots, self.y = dots, _MARGIN

    def text(self, text: str, x: int, scale: int, bold: bool) -> None:
        """Paste the characters' cached glyphs in black, advancing as the font says."""
        at = float(x)
        for char in text:
            mask, advance = _glyph(char, 24 * scale, bold)
            if not char.isspace():
                self.image.paste(0, (round(at) - 1, self.y), mask)
            at += advance

    def finish(self) -> Image.Image:
        cropped = self.image.crop((0, 0, self.dots, self.y + _MARGIN))
        return cropped.point(lambda v: 0 if v < THRESHOLD else 255, mode="1")


_RENDERING = threading.Lock()


def render_raster(layout: Layout) -> Image.Image:
    """The receipt as a 1-bit image ``paper.dots`` wide.

    One rendering at a time: the cached FreeType faces and glyphs are shared, and
    FreeType is not safe to use from two threads at once (the screen previews on the
    GUI thread while a pool thread renders the same report for the printer).
    """
    with _RENDERING:
        return _render(layout)


def _render(layout: Layout) -> Image.Image:
    canvas = _Canvas(layout.paper.dots, height_dots(layout))
    columns = layout.paper.columns
    for block in layout.blocks:
        if isinstance(block, Text):
            _text(canvas, block, columns)
        elif isinstance(block, Columns):
            _columns(canvas, block)
        elif isinstance(block, Rule):
            middle = canvas.y + LINE_DOTS // 2 - 2
            canvas.draw.line((0, middle, canvas.dots, middle), fill=0, width=2)
            canvas.y += LINE_DOTS
        elif isinstance(block, QR):
            _qr(canvas, block)
        elif isinstance(block, Feed):
            canvas.y += LINE_DOTS * block.lines
    return canvas.finish()


def _text(canvas: _Canvas, block: Text, columns: int) -> None:
    size = 24 * block.scale
    for line in text_lines(block, columns):
        stripped = line.strip()
        x = _x(stripped, 0, canvas.dots, block.align, size, block.bold) if block.align else 0
        canvas.text(stripped if block.align else line, x, block.scale, block.bold)
        canvas.y += LINE_DOTS * block.scale


def _columns(canvas: _Canvas, block: Columns) -> None:
    left = 0
    for cell, width, align in zip(block.cells, block.widths, block.aligns, strict=True):
        text = fit(clean(cell), width)
        dots = width * COLUMN_DOTS
        canvas.text(text, _x(text, left, dots, align, 24, block.bold), 1, block.bold)
        left += dots
    canvas.y += LINE_DOTS


@lru_cache(maxsize=16)
def qr_image(data: str) -> Image.Image:
    """The QR code with a quiet zone, :data:`QR_MODULE_DOTS` dots per module, greyscale
    (kept: the layout's height, the drawing and the PDF all ask for it; not to be changed)."""
    # A fixed mask: choosing the best of eight costs 20 ms per receipt and gains
    # nothing a thermal print of this size needs.
    code = qrcode.QRCode(box_size=QR_MODULE_DOTS, border=2, mask_pattern=0)
    code.add_data(data)
    code.make(fit=True)
    modules = code.get_matrix()  # with the quiet zone; True is a dark module
    side = len(modules)
    pixels = bytes(0 if dark else 255 for row in modules for dark in row)
    small = Image.frombytes("L", (side, side), pixels)
    return small.resize((side * QR_MODULE_DOTS, side * QR_MODULE_DOTS), Image.Resampling.NEAREST)


def _qr(canvas: _Canvas, block: QR) -> None:
    image = qr_image(block.data)
    canvas.image.paste(image, ((canvas.dots - image.width) // 2, canvas.y))
    canvas.y += image.height
