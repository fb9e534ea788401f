"""A board window on a test core's database, with the voice replaced by a list."""

from __future__ import annotations

from hallclient.board.desk import BoardDesk
from hallclient.config import Settings
from hallclient.core import Core, database_limits, prepare_database
from ui.board.window import BoardWindow


def board_on(qtbot, core: Core, spoken: list[str], settings: Settings | None = None) -> BoardWindow:
    """The board shown at 1920×1080, reading (its first look taken) on ``settings`` (the
    core's by default), speaking into ``spoken``."""
    settings = settings or core.settings
    desk = BoardDesk(
        settings, lambda: prepare_database(settings), core.clock, database_limits(settings)
    )
    board = BoardWindow(desk, spoken.append)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    board.start(retry_s=0.2)
    return board


def board_texts(board: BoardWindow) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in board.findChildren(QLabel)]
