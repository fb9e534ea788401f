"""The composition root: ``run_gui(settings)`` builds the application and runs it.

Only PySide6 and light core modules are imported on the way to the first paint of
the login dialog; the core (SQLAlchemy, the database) is loaded behind it.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from hallclient.config import Settings
from hallclient.logs import setup_logging
from hallclient.paths import APP_NAME, log_dir
from ui.kit.fonts import install_fonts
from ui.kit.i18n import Translations
from ui.kit.style import apply_style
from ui.shell.course import Shell
from ui.shell.excepthook import install_excepthook


def prepare_application(language: str) -> tuple[QApplication, Translations]:
    """The QApplication (existing or new) with fonts, style and translators in place."""
    existing = QApplication.instance()
    if existing is None:
        # Windows' 125% and 150% display settings scale by exactly that, not rounded to 1× or
        # 2× (Qt 6's default, made explicit: it must be set before the application exists).
        # Qt's own variable (one set by the user wins, as it did over the API call, which
        # would load the ``Qt`` namespace: ~20 ms of enums before the first paint).
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_fonts(app)
    apply_style(app)
    translations = Translations.of(app)
    translations.set_language(language)
    return app, translations


def run_gui(settings: Settings) -> int:
    """Run the counter application until the clerk quits; the process exit code.

    The caller (``ui.main``) holds the log records in memory; the log file opens once the
    login dialog is painted (``hallclient.logs``).
    """
    install_excepthook(log_dir())
    app, translations = prepare_application(settings.language)
    shell = Shell(settings, translations)
    shell.login.sig_painted.connect(setup_logging)
    shell.start()
    try:
        return app.exec()
    finally:
        shell.shutdown()
