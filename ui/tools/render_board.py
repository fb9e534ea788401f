"""The call board (``hallclient render --screen board``), always 1920×1080 as on a hall TV.

The demo hall at work: customers waiting in every queue, each demo counter serving one,
and the newest call just made (its banner highlighted).  The board reads a database of its
own opened from the render's settings, as ``hallclient board`` does.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPixmap

from hallclient.access.audit import Where
from hallclient.access.auth import CurrentUser
from hallclient.board.desk import BoardDesk
from hallclient.core import Core, database_limits, prepare_database
from hallclient.intake import queue
from hallclient.setup.demo import DEMO_COUNTERS
from ui.board.window import BoardWindow
from ui.tools.render_tools import grab, wait_until

BOARD_SCREENS = ("board",)
BOARD_SIZE = (1920, 1080)
_ARRIVALS = ("payment", "business", "payment", "repair", "priority", "payment", "business") * 3


def board_screen(core: Core, clerk: CurrentUser) -> QPixmap:
    for category in _ARRIVALS:
        core.intake.issue_ticket(clerk, category)
    for counter in DEMO_COUNTERS[:-1]:
        _call_at(core, clerk, counter)
    settings = core.settings
    desk = BoardDesk(
        settings, lambda: prepare_database(settings), core.clock, database_limits(settings)
    )
    board = BoardWindow(desk, lambda _speech: None)
    board.resize(*BOARD_SIZE)
    board.start()
    wait_until(lambda: board.state is not None)
    _call_at(core, clerk, DEMO_COUNTERS[-1])  # the newest call: highlighted in the banner
    wait_until(lambda: bool(board.banner.text()))
    return grab(board)


def _call_at(core: Core, clerk: CurrentUser, counter: str) -> None:
    context = replace(core.context(clerk), where=Where(core.workplace.hall_code, counter))
    queue.call_next(core.database, context)
