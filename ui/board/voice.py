"""The board's voice: Qt TextToSpeech with the PC's own engine, never the network.

The engine runs in a process of its own (:mod:`ui.board.speaker_process`; why there, see
its docstring); the board writes each announcement to it, one line each, and never waits:
the engine queues them.  When there is no usable voice, or the engine does not answer
within :data:`OPEN_TIMEOUT_MS`, the board says why (``unavailable``) and goes on silently.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from ui.board.speaker_process import SPEAKER_FLAG

log = logging.getLogger(__name__)
OPEN_TIMEOUT_MS = 10_000


class Voice(QObject):
    """The board's voice; ``unavailable`` carries the reason, ``ready`` the voice's name."""

    ready = Signal(str)
    unavailable = Signal(str)
    state_changed = Signal(str)  # the engine's state: Ready, Speaking, Error …

    def __init__(
        self,
        engine: str | None = None,
        parent: QObject | None = None,
        *,
        open_timeout_ms: int = OPEN_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.engine = engine or ""
        self.voice_name: str | None = None
        self.problem: str | None = None
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.errorOccurred.connect(lambda _error: self._failed("no_module", ""))
        self._deadline = QTimer(self, singleShot=True, interval=open_timeout_ms)
        self._deadline.timeout.connect(lambda: self._failed("no_answer", ""))

    def start(self) -> None:
        """The voice's process: this program again, as ``-m`` or, frozen, with the flag
        its launcher knows (``packaging/launch.py``)."""
        if getattr(sys, "frozen", False):
            self._process.start(sys.executable, [SPEAKER_FLAG, self.engine])
        else:
            self._process.start(sys.executable, ["-m", "ui.board.speaker_process", self.engine])
        self._deadline.start()

    def announce(self, speech: str) -> None:
        if self.voice_name is not None:
            self._process.write((" ".join(speech.split()) + "\n").encode())

    def close(self, wait_ms: int = 2000) -> bool:
        """End the voice's process (killed if it does not end in ``wait_ms``)."""
        self._deadline.stop()
        if self._process.state() == QProcess.ProcessState.NotRunning:
            return True
        self._process.closeWriteChannel()
        if not self._process.waitForFinished(wait_ms):
            self._process.kill()
            return self._process.waitForFinished(wait_ms)
        return True

    def _read(self) -> None:
        while self._process.canReadLine():
            line = bytes(self._process.readLine().data()).decode(errors="replace").rstrip("\n")
            kind, _tab, rest = line.partition("\t")
            if kind == "ready":
                self._deadline.stop()
                self.voice_name, self.problem = rest, None
                log.info("call board voice: %s", rest)
                self.ready.emit(rest)
            elif kind == "state":
                self.state_changed.emit(rest)
            elif kind == "failed":
                reason, _tab, detail = rest.partition("\t")
                self._failed(reason, detail)

    def _failed(self, reason: str, detail: str) -> None:
        if self.problem is not None and self.voice_name is None:
            return  # said once
        self._deadline.stop()
        log.warning("call board voice unavailable: %s %s", reason, detail)
        self.voice_name, self.problem = None, self._words(reason, detail)
        self.unavailable.emit(self.problem)

    def _words(self, reason: str, detail: str) -> str:
        words = {
            "no_module": self.tr("Qt TextToSpeech cannot be loaded"),
            "no_engine": self.tr("no speech engine on this computer"),
            "no_chinese_voice": self.tr("{0} has no Chinese voice").format(detail),
            "no_answer": self.tr("the speech service does not answer"),
        }
        return words.get(reason, detail)
