"""Rendered kiosk screens (``hallclient render``), at the render's --size (a kiosk stands
portrait, 1080x1920, or lies on a counter, 1366x768).

"kiosk": the categories; "kiosk-account": an account number typed on the keypad;
"kiosk-green": the green channel's question; "kiosk-ticket": a ticket taken while the
printer is out of order (the screen to photograph).  The kiosk acts as itself on the
render's database (K1), never as a counter.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap

from hallclient.kiosk.desk import KioskDesk
from hallclient.kiosk.device import kiosk_context
from hallclient.printing.printers import PrinterConfig
from ui.kiosk.window import KioskWindow
from ui.tools.render_tools import settle, wait_until

if TYPE_CHECKING:
    from hallclient.core import Core

KIOSK_SCREENS = ("kiosk", "kiosk-account", "kiosk-green", "kiosk-ticket")
RENDER_KIOSK = "K1"
_TYPED = "1028100"


class Renderer(Protocol):
    core: Core
    size: tuple[int, int]


def kiosk_screen(renderer: Renderer, name: str) -> QPixmap:
    core = renderer.core
    settings = core.settings
    context = kiosk_context(settings.hall_code, RENDER_KIOSK, core.clock, settings.timezone)
    printer = PrinterConfig.from_settings(settings)
    if name == "kiosk-ticket":  # a printer nobody answers: the fault screen
        printer = replace(printer, backend="network", target="127.0.0.1:9", timeout=1.0)
    window = KioskWindow(KioskDesk(core.database, context, printer, settings.hall_name))
    window.resize(*renderer.size)
    window.show()
    window.load_categories()
    wait_until(lambda: bool(window.categories.buttons))
    if name != "kiosk":
        window.categories.buttons[0].click()
    if name == "kiosk-account":
        window.account.number.setText(_TYPED)
    elif name in ("kiosk-green", "kiosk-ticket"):
        window.account.skip.click()
    if name == "kiosk-ticket":
        window.priority.normal.click()
        wait_until(lambda: window.stack.currentWidget() is window.ticket)
    settle()
    pixmap = window.grab()
    window.quit()
    window.deleteLater()
    return pixmap
