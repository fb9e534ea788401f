"""``hallclient kiosk``: the ticket kiosk, full screen, on the settings' database and printer."""

from __future__ import annotations

from functools import partial

from hallclient.config import Settings
from hallclient.errors import DatabaseUnavailableError
from hallclient.kiosk.desk import KioskDesk, open_kiosk
from hallclient.paths import log_dir
from ui.kiosk.start import OutOfService
from ui.kiosk.window import KioskWindow
from ui.shell.app import prepare_application
from ui.shell.excepthook import install_excepthook


def run_kiosk(settings: Settings, kiosk_code: str) -> int:
    """Run the kiosk until Ctrl+Shift+Q; the process exit code.  A database that does not
    answer yet is waited for, out of service (:mod:`ui.kiosk.start`)."""
    install_excepthook(log_dir())
    app, _translations = prepare_application(settings.language)
    open_desk = partial(open_kiosk, settings, kiosk_code)
    desk: KioskDesk | None
    try:
        desk = open_desk()
    except DatabaseUnavailableError as error:
        desk = OutOfService(open_desk).wait(error)
    if desk is None:
        return 1
    try:
        window = KioskWindow(desk)
        window.showFullScreen()
        window.load_categories()
        return app.exec()
    finally:
        desk.close()
