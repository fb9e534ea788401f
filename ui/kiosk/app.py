"""``hallclient kiosk``: the ticket kiosk, full screen, on the settings' database and printer."""

from __future__ import annotations

from hallclient.config import Settings
from hallclient.kiosk.desk import open_kiosk
from hallclient.paths import log_dir
from ui.kiosk.window import KioskWindow
from ui.shell.app import prepare_application
from ui.shell.excepthook import install_excepthook


def run_kiosk(settings: Settings, kiosk_code: str) -> int:
    """Run the kiosk until Ctrl+Shift+Q; the process exit code."""
    install_excepthook(log_dir())
    app, _translations = prepare_application(settings.language)
    desk = open_kiosk(settings, kiosk_code)
    try:
        window = KioskWindow(desk)
        window.showFullScreen()
        window.load_categories()
        return app.exec()
    finally:
        desk.close()
