"""The board on a hall TV (1920×1080): the call just made, who is at which window, the last
calls, how many wait per category, the notice line and the clock.

The newest call stands in the banner, highlighted for :data:`HIGHLIGHT_MS`, and is read out.
The queue is read on the feed's thread (:class:`hallclient.board.desk.BoardDesk`); the
window only paints what arrives.  When the database does not answer the board says it is
waiting and keeps its last picture greyed; it recovers by itself.

Esc does not close the board (a cleaner's elbow, a curious child): Ctrl+Shift+Q does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hallclient.board.announce import Announcement
from hallclient.board.desk import RETRY_S, BoardDesk
from hallclient.board.state import BoardState
from hallclient.clock import local
from hallclient.errors import HallError
from ui.board.style import BOARD_STYLE

log = logging.getLogger(__name__)
HIGHLIGHT_MS = 8000
COLUMNS = 4  # windows per row: two rows of four on a 1920×1080 TV
CARD_HEIGHT = 340


class _Bridge(QObject):
    """Hands the feed thread's news to the window's thread (queued signals)."""

    state = Signal(object, list)
    trouble = Signal(object)


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class BoardWindow(QWidget):
    announced = Signal(object)  # an Announcement, once it is shown and handed to the voice

    def __init__(self, desk: BoardDesk, speak: Callable[[str], None]) -> None:
        super().__init__()
        self.desk, self.speak = desk, speak
        self.timezone = desk.settings.timezone
        self.setObjectName("board")
        self.setStyleSheet(BOARD_STYLE)
        self.setWindowTitle(self.tr("Call board"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.state: BoardState | None = None
        self._build()
        self._bridge = _Bridge(self)
        self._bridge.state.connect(self.show_state)
        self._bridge.trouble.connect(self.show_trouble)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._highlight = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS)
        self._highlight.timeout.connect(lambda: self._set_highlight(False))
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self._tick()

    def _build(self) -> None:
        self.hall = _label("", "hall")
        self.clock = _label("", "clock")
        self.status = _label(self.tr("Connecting to the queue…"), "status")
        self.banner = _label("", "banner")
        self.windows = QGridLayout()
        self.windows.setSpacing(16)
        self.recent_title = _label(self.tr("Last calls"), "section")
        self.recent = [_label("", "recent") for _ in range(6)]
        self.waiting = QHBoxLayout()
        self.notice = _label(self.desk.notice, "notice")
        self.notice.setWordWrap(True)
        self.voice_note = _label("", "voice")
        self.voice_note.hide()
        header = QHBoxLayout()
        header.addWidget(self.hall, 1, Qt.AlignmentFlag.AlignLeft)
        header.addWidget(self.status, 1)
        header.addWidget(self.clock, 1, Qt.AlignmentFlag.AlignRight)
        recent = QVBoxLayout()
        recent.addWidget(self.recent_title)
        for row in self.recent:
            recent.addWidget(row)
        recent.addStretch(1)
        serving = QVBoxLayout()
        serving.addLayout(self.windows)
        serving.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(serving, 5)
        middle.addLayout(recent, 2)
        page = QVBoxLayout(self)
        page.setContentsMargins(32, 16, 32, 16)
        page.addLayout(header)
        page.addWidget(self.banner)
        page.addLayout(middle, 1)
        page.addLayout(self.waiting)
        page.addWidget(self.notice)
        page.addWidget(self.voice_note)

    def start(self, retry_s: float = RETRY_S) -> None:
        """Start reading the queue (on the desk's feed thread)."""
        self.desk.start(self._bridge.state.emit, self._bridge.trouble.emit, retry_s=retry_s)

    def show_state(self, state: BoardState, news: list[Announcement]) -> None:
        self.state = state
        self.status.setText("")
        self.setProperty("stale", False)
        self.hall.setText(state.hall_name)
        self._fill_windows(state)
        self._fill_recent(state)
        self._fill_waiting(state)
        for call in news:
            self._announce(call)
        self._refresh_style()

    def show_trouble(self, error: HallError) -> None:
        log.info("call board waiting for the database: %s", error)
        self.status.setText(self.tr("Waiting for the queue database…"))
        self.setProperty("stale", True)
        self._refresh_style()

    def show_voice_problem(self, reason: str) -> None:
        self.voice_note.setText(self.tr("Voice announcements unavailable: {0}").format(reason))
        self.voice_note.show()

    def _announce(self, call: Announcement) -> None:
        self.banner.setText(call.text)
        self._set_highlight(True)
        self._highlight.start()
        try:
            self.speak(call.speech)
        except Exception:  # a voice fault never stops the board
            log.exception("call board could not hand %s to the voice", call.label)
        self.announced.emit(call)

    def _set_highlight(self, on: bool) -> None:
        self.banner.setProperty("fresh", on)
        if self.recent and self.state and self.state.recent:
            self.recent[0].setProperty("fresh", on)
        self._refresh_style()

    def _refresh_style(self) -> None:
        for widget in (self, self.banner, *self.recent):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _fill_windows(self, state: BoardState) -> None:
        while self.windows.count():
            item = self.windows.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        for index, window in enumerate(state.windows):
            card = QWidget()
            card.setObjectName("card")
            card.setMaximumHeight(CARD_HEIGHT)
            inside = QVBoxLayout(card)
            inside.addWidget(_label(window.name, "window"))
            inside.addWidget(_label(window.serving or "—", "serving"))
            self.windows.addWidget(card, index // COLUMNS, index % COLUMNS)

    def _fill_recent(self, state: BoardState) -> None:
        for row, label in enumerate(self.recent):
            if row < len(state.recent):
                call = state.recent[row]
                at = local(call.called_at, self.timezone).strftime("%H:%M")
                label.setText(f"{call.label}　{call.window}　{at}")
            else:
                label.setText("")

    def _fill_waiting(self, state: BoardState) -> None:
        while self.waiting.count():
            item = self.waiting.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        text = self.tr("{0}: {1} waiting")
        for queue in state.waiting:
            self.waiting.addWidget(_label(text.format(queue.name, queue.count), "waiting"))

    def _tick(self) -> None:
        now = local(datetime.now(UTC), self.timezone)
        self.clock.setText(now.strftime("%Y-%m-%d  %H:%M:%S"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clock.stop()
        self.desk.close()
        super().closeEvent(event)
