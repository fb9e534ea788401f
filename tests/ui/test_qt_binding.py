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


def test_delivering_signals_to_python_keeps_reference_counts(qapp):
    emitter = _Emitter()
    emitter.sig_ping.connect(_yes)
    emitter.sig_ping.connect(_nothing)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        emitter.sig_ping.emit()
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before


def test_single_shot_timers_keep_reference_counts(qtbot):
    calls: list[int] = []
    before = sys.getrefcount(None)
    for _ in range(200):
        QTimer.singleShot(0, lambda: calls.append(1))
    qtbot.waitUntil(lambda: len(calls) == 200)
    assert abs(sys.getrefcount(None) - before) < 20  # a few in the event loop, not 200
