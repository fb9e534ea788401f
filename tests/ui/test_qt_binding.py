"""The Qt binding itself: a release that miscounts Python references crashes the app
after hours at the counter, so the pinned range in pyproject.toml is checked here."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    sig_ping = Signal()


def _nothing() -> None:
    return None


def _yes() -> bool:
    return True


ROUNDS = 2_000
DRIFT = 200  # other threads and the event loop hold a few; a broken binding loses ROUNDS


def test_delivering_signals_to_python_keeps_reference_counts(qapp):
    emitter = _Emitter()
    emitter.sig_ping.connect(_yes)
    emitter.sig_ping.connect(_nothing)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(ROUNDS):
        emitter.sig_ping.emit()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert abs(after[0] - before[0]) < DRIFT and abs(after[1] - before[1]) < DRIFT


def test_single_shot_timers_keep_reference_counts(qtbot):
    calls: list[int] = []
    before = sys.getrefcount(None)
    for _ in range(ROUNDS):
        QTimer.singleShot(0, lambda: calls.append(1))
    qtbot.waitUntil(lambda: len(calls) == ROUNDS)
    assert abs(sys.getrefcount(None) - before) < DRIFT
