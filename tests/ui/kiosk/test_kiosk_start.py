"""The kiosk's start while the hall's server does not answer: out of service, full screen,
trying again by itself; the kiosk opens once the database answers, and a fault that waiting
cannot mend ends the wait with it."""

from __future__ import annotations

import logging
import socket
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer

from hallclient.config import Settings
from hallclient.errors import DatabaseUnavailableError, SchemaOutdatedError
from hallclient.kiosk.desk import KioskDesk, open_kiosk
from ui.kiosk import start
from ui.kiosk.start import OutOfService


def _nobody_listens() -> str:
    """A PostgreSQL URL on a local port nobody listens on: a real refused connection."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://hall@127.0.0.1:{port}/hall?connect_timeout=2"


@pytest.fixture
def quick_retries(monkeypatch):
    monkeypatch.setattr(start, "RETRY_MS", 50)


def test_the_kiosk_waits_out_of_service_and_opens_once_the_database_answers(
    app, qtbot, private_settings: Settings, quick_retries, caplog
):
    down = replace(private_settings, database_url=_nobody_listens())
    tries: list[str] = []

    def open_desk() -> KioskDesk:
        tries.append("try")
        return open_kiosk(down if len(tries) < 3 else private_settings, "K1")

    with pytest.raises(DatabaseUnavailableError) as first:
        open_desk()
    screen = OutOfService(open_desk)
    caplog.set_level(logging.WARNING, "ui.kiosk.start")
    desk = screen.wait(first.value)
    try:
        assert desk is not None and desk.context.user.employee_no == "kiosk:K1"
        assert len(tries) == 3 and screen.tries == 2
        assert screen.title.text() == "暂停取号" and not screen.isVisible()
        waited = [r for r in caplog.records if "kiosk waiting for the database" in r.message]
        assert len(waited) == 1  # the same reason twice is logged once
    finally:
        if desk is not None:
            desk.close()


def test_the_quit_keys_end_the_wait_without_a_kiosk(app, qtbot, private_settings, quick_retries):
    down = replace(private_settings, database_url=_nobody_listens())
    screen = OutOfService(lambda: open_kiosk(down, "K1"))
    quit_keys_pressed: list[bool] = []

    def quit_when_shown() -> None:
        qtbot.waitUntil(screen.isVisible)
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow)
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(screen, Qt.Key.Key_Q, modifiers)
        quit_keys_pressed.append(True)

    QTimer.singleShot(0, quit_when_shown)
    stuck: list[bool] = []  # a shortcut that never fires fails the test instead of hanging it
    QTimer.singleShot(15_000, lambda: (stuck.append(True), screen._loop.quit()))
    assert screen.wait(DatabaseUnavailableError("down", server="test")) is None
    assert not screen.isVisible() and quit_keys_pressed and not stuck


def test_a_fault_waiting_cannot_mend_ends_the_wait(app, private_settings, quick_retries):
    def outdated() -> KioskDesk:
        raise SchemaOutdatedError("the database is not at the newest schema")

    with pytest.raises(SchemaOutdatedError):
        OutOfService(outdated).wait(DatabaseUnavailableError("down", server="test"))
