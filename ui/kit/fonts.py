"""The application font: the bundled CJK font, so Chinese renders the same on every PC.

A fresh Windows or Linux install may lack a good Chinese font (Qt then draws empty
boxes); the bundled WenQuanYi Micro Hei guarantees one.  Should the file be missing
(a broken install), common Windows Chinese fonts are used instead.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hallclient.paths import resources_dir

log = logging.getLogger(__name__)
FONT_FILE = "wqy-microhei.ttc"
FALLBACK_FAMILIES = ("Microsoft YaHei", "SimSun")
POINT_SIZE = 10.5


@cache
def register_bundled_font() -> str | None:
    """Register the bundled font with Qt; return its family, or None if it cannot be used."""
    path = resources_dir() / "fonts" / FONT_FILE
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


def install_fonts(app: QApplication) -> list[str]:
    """Make the bundled CJK font the application font; return the family list in use."""
    bundled = register_bundled_font()
    families = [bundled, *FALLBACK_FAMILIES] if bundled else list(FALLBACK_FAMILIES)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(POINT_SIZE)
    app.setFont(font)
    return families
