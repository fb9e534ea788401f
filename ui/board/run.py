"""``hallclient board``: the call board full screen on a hall TV, until IT closes it."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from hallclient.board.announce import Announcement
from hallclient.board.desk import BoardDesk
from hallclient.clock import SystemClock
from hallclient.config import Settings
from hallclient.core import database_limits, prepare_database
from ui.board.voice import Voice
from ui.board.window import BoardWindow

log = logging.getLogger(__name__)


def open_board(settings: Settings) -> BoardWindow:
    """The board on the settings' database (opened on the feed's thread, as a kiosk does)."""
    desk = BoardDesk(
        settings, lambda: prepare_database(settings), SystemClock(), database_limits(settings)
    )
    return BoardWindow(desk, lambda _speech: None)


def _announcement_log(path: Path) -> object:
    """Each announcement as a line: nanoseconds since the epoch, ticket id, calls, text."""
    stream = path.open("a", encoding="utf-8", buffering=1)

    def write(call: Announcement) -> None:
        stream.write(f"{time.time_ns()}\t{call.ticket_id}\t{call.calls}\t{call.text}\n")

    return write


def run_board(
    settings: Settings, *, monitor: int | None, announce_to: Path | None, windowed: bool
) -> int:
    """Show the board until IT closes it (the application is prepared by the caller)."""
    board = open_board(settings)
    voice: Voice | None = None
    if settings.board_voice:
        voice = Voice(parent=board)
        voice.unavailable.connect(board.show_voice_problem)
        board.speak = voice.announce
        voice.start()
    if announce_to is not None:
        board.announced.connect(_announcement_log(announce_to))
    _place(board, settings.board_monitor if monitor is None else monitor, windowed=windowed)
    board.start()
    code = QGuiApplication.exec()
    if voice is not None:
        voice.close()
    return code


def _place(board: BoardWindow, monitor: int, *, windowed: bool) -> None:
    screens = QGuiApplication.screens()
    screen = screens[monitor] if monitor < len(screens) else QGuiApplication.primaryScreen()
    if monitor >= len(screens):
        log.warning("no screen %d (%d screens); the board uses the first", monitor, len(screens))
    board.setGeometry(screen.geometry())
    if windowed:
        board.resize(1920, 1080)
        board.show()
    else:
        board.showFullScreen()
