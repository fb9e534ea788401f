"""A small task runner: run slow core calls on a QThreadPool, report back on the GUI thread.

The work function runs on a pool thread and receives a ``progress(done, total)``
callable; its result, its exception or its progress reach the callbacks through
queued signals, so the callbacks always run on the GUI thread and may touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class _Callbacks(Generic[T]):
    finished: Callable[[T], None]
    failed: Callable[[BaseException], None]
    progress: Progress | None


class _Relay(QObject):
    """Lives on the GUI thread: pool threads emit its signals, its own slots run the callbacks.

    Connecting to the relay's bound methods (not to lambdas) makes the relay the receiver,
    so Qt queues every emission to the GUI thread.
    """

    sig_progressed = Signal(int, int)
    sig_finished = Signal(object)
    sig_failed = Signal(object)

    # The result crosses the thread in a Signal(object): the relay cannot know its type,
    # ``TaskRunner.start`` ties the work's result to its callback.
    def __init__(self, runner: TaskRunner, callbacks: _Callbacks[Any]) -> None:
        super().__init__(runner)
        self._runner = runner
        self._callbacks = callbacks
        self.sig_progressed.connect(self._on_progressed)
        self.sig_finished.connect(self._on_finished)
        self.sig_failed.connect(self._on_failed)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._callbacks.progress is not None:
            self._callbacks.progress(done, total)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._runner.forget(self)
        self._callbacks.finished(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._runner.forget(self)
        self._callbacks.failed(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._report_progress)
        except Exception as error:  # handed to the GUI thread, which decides
            log.debug("background task failed", exc_info=True)
            self._hand_over("sig_failed", error)
        else:
            self._hand_over("sig_finished", result)

    def _report_progress(self, done: int, total: int) -> None:
        self._hand_over("sig_progressed", done, total)

    def _hand_over(self, signal: str, *values: object) -> None:
        """Emit to the GUI thread, unless the window that asked has gone meanwhile (a
        logout while a page was still loading): then nobody waits for the answer."""
        try:
            getattr(self._relay, signal).emit(*values)
        except RuntimeError:  # PySide: "Signal source has been deleted"
            log.debug("background task finished after its window was closed")


class TaskRunner(QObject):
    """Starts jobs and keeps their relays alive until each has reported its outcome."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def start(
        self,
        work: Callable[[Progress], T],
        on_finished: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Progress | None = None,
    ) -> None:
        """Run ``work`` on the pool; exactly one of ``on_finished`` / ``on_failed`` follows."""
        relay = _Relay(self, _Callbacks(on_finished, on_failed, on_progress))
        self._relays.add(relay)
        self._pool.start(_Job(work, relay))

    def forget(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()

    def busy(self) -> bool:
        return bool(self._relays)
