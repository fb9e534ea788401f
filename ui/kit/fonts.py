"""The application font: the bundled CJK font, so Chinese renders the same on every PC.

A fresh Windows or Linux install may lack a good Chinese font (Qt then draws empty
boxes); the bundled WenQuanYi Micro Hei guarantees one.  Should the file be missing
(a broken install), common Windows Chinese fonts are used instead.  The printing font
chain's fallbacks (HanaMinA, HanaMinB, BabelStone Han: rare name characters such as 䶮,
𠮷, 𰻞, and ℃,
:mod:`hallclient.printing.fonts`) follow it in the family list and as its
substitutes, so a name looks on screen as it prints; a small font before it holds
what it maps to blank glyphs (℃, ǚ: ``HallClientSymbols.ttf``, built by
:mod:`ui.tools.patch_font`).
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hallclient.paths import resources_dir
from hallclient.printing.font_files import CHAIN

log = logging.getLogger(__name__)
FONT_FILE = CHAIN[0].file
FALLBACK_FAMILIES = ("Microsoft YaHei", "SimSun")
PATCH_FILE = "HallClientSymbols.ttf"  # built by ui/tools/patch_font.py
POINT_SIZE = 10.5


def _register(file: str) -> str | None:
    """Register one bundled font file with Qt; its (first) family, or None."""
    path = resources_dir() / "fonts" / file
    if not path.is_file():
        log.warning("bundled font %s is missing; using system fonts", path)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("Qt could not load the bundled font %s; using system fonts", path)
        return None
    # The .ttc holds a proportional and a monospaced face; the proportional one comes first.
    return families[0]


@cache
def register_bundled_font() -> str | None:
    """Register the bundled font with Qt; return its family, or None if it cannot be used."""
    return _register(FONT_FILE)


@cache
def register_fallback_fonts() -> tuple[str, ...]:
    """Register the chain's fallback fonts; their families, those that loaded."""
    return tuple(family for font in CHAIN[1:] if (family := _register(font.file)))


@cache
def register_patch_font() -> str | None:
    """Register the font for what the bundled font draws blank (ui/tools/patch_font.py)."""
    return _register(PATCH_FILE)


def install_fonts(app: QApplication) -> list[str]:
    """Make the bundled CJK font the application font, the chain's fallbacks after it
    (also as its substitutes, for a widget that names the family) and the patch font for
    its blank glyphs before it; return the family list."""
    bundled, fallbacks = register_bundled_font(), register_fallback_fonts()
    if bundled:
        QFont.insertSubstitutions(bundled, list(fallbacks))
    patch = register_patch_font() if bundled else None
    first = [*([patch] if patch else []), bundled, *fallbacks] if bundled else list(fallbacks)
    families = [*first, *FALLBACK_FAMILIES]
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(POINT_SIZE)
    if app.font() != font or app.font().families() != families:  # every widget follows a change
        app.setFont(font)
    return families
