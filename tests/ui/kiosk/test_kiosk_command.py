"""``hallclient kiosk``: the command opens the kiosk full screen on the settings' database,
acting as the kiosk its --code names, and returns once Ctrl+Shift+Q quit it."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.kiosk.window import KioskWindow
from ui.main import main


def test_the_kiosk_command_runs_full_screen_until_the_quit_keys(
    app, qtbot, private_settings, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the kiosk installs its own
    seen: list[tuple[bool, str]] = []

    def quit_when_ready() -> None:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow)]
        if not window.categories.buttons:
            QTimer.singleShot(50, quit_when_ready)
            return
        seen.append((window.isFullScreen(), window.desk.context.user.employee_no))
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(window, Qt.Key.Key_Q, modifiers)

    QTimer.singleShot(0, quit_when_ready)
    code = main(["--database-url", private_settings.database_url, "kiosk", "--code", "K7"])
    assert code == 0
    assert seen == [(True, "kiosk:K7")]
