"""The screen draws what Micro Hei maps to blank glyphs (℃, ǚ) from the patch font, and
every widget keeps Micro Hei's line height."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication

from hallclient.paths import resources_dir
from hallclient.printing import fonts
from ui.kit.fonts import install_fonts
from ui.tools.patch_font import EMPTY_IN_MICRO_HEI, FAMILY, PATCH_FILE, patch_font


def test_the_list_names_every_visible_character_micro_hei_draws_blank():
    mapped = fonts.pdf_font(0).face.charToGlyph
    probe = fonts._probe(0)
    blank = {
        chr(code)
        for code in mapped
        if code >= 0x20
        and unicodedata.category(chr(code))[0] not in "CZ"
        and chr(code) not in "\u3164"  # the Hangul filler, blank by design
        and probe.getmask(chr(code)).getbbox() is None
    }
    assert blank == set(EMPTY_IN_MICRO_HEI)


def _ink(text: str, font: QFont) -> int:
    image = QImage(80, 40, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(4, 30, text)
    painter.end()
    return sum(1 for y in range(40) for x in range(80) if image.pixelColor(x, y).value() < 128)


def test_the_screen_draws_celsius_and_pinyin_with_ink(qapp: QApplication):
    install_fonts(qapp)
    font = QFont(qapp.font())
    font.setPointSize(20)
    for char in "℃ǚ䶮𠮷":
        assert _ink(char, font) > 20, char
    patch = QRawFont.fromFont(QFont(FAMILY))
    assert patch.familyName() == FAMILY and patch.supportsCharacter(ord("℃"))
    assert not patch.supportsCharacter(ord("A"))  # everything else comes from Micro Hei


@pytest.mark.parametrize("points", [9, 10.5, 12, 16])
def test_lines_keep_micro_hei_s_height(qapp: QApplication, points):
    families = install_fonts(qapp)
    ours, micro_hei = QFont(), QFont()
    ours.setFamilies(families)
    micro_hei.setFamilies(families[1:])
    for font in (ours, micro_hei):
        font.setPointSizeF(points)
    a, b = QFontMetrics(ours), QFontMetrics(micro_hei)
    assert (a.height(), a.ascent(), a.descent(), a.lineSpacing()) == (
        b.height(),
        b.ascent(),
        b.descent(),
        b.lineSpacing(),
    )
    assert a.horizontalAdvance("票据 H01-C01 合计 ￥30.00") == b.horizontalAdvance(
        "票据 H01-C01 合计 ￥30.00"
    )


def test_the_shipped_patch_font_is_what_the_tool_builds():
    """It is built once (half a second of subsetting), not at every start-up."""
    shipped = resources_dir() / "fonts" / PATCH_FILE
    assert shipped.read_bytes() == patch_font(), "run python -m ui.tools.patch_font"
