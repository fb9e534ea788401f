"""The application style sheet, ``resources/style/hallclient.qss``."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from hallclient.paths import resources_dir

log = logging.getLogger(__name__)


def apply_style(app: QApplication) -> None:
    """Use the Fusion style (the same on every PC) with the app's style sheet on top."""
    if app.style().name().lower() != "fusion":  # re-creating the same style costs ~25 ms
        app.setStyle("Fusion")
    folder = resources_dir() / "style"
    path = folder / "hallclient.qss"
    try:
        sheet = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s is missing; using the plain style", path)
        return
    # Style sheet urls are relative to the working directory, not to the sheet.
    sheet = sheet.replace("@STYLE_DIR@", folder.as_posix())
    if app.styleSheet() != sheet:  # setting it again re-polishes every live widget
        app.setStyleSheet(sheet)
