"""The Qt binding itself: a release that miscounts Python references crashes the app
after hours at the counter, so the pinned range in pyproject.toml is checked here."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    sig_ping = Signal()


def _nothing() -> None:
    return None


def _yes() -> bool:
    return True


ROUNDS = 5_000
DRIFT = 1_500  # other objects come and go meanwhile; a broken binding loses all ROUNDS


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
    gc.collect()
    gc.disable()  # a collection in between would move the count by hundreds
    try:
        before = sys.getrefcount(None)
        for _ in range(ROUNDS):
            QTimer.singleShot(0, lambda: calls.append(1))
        qtbot.waitUntil(lambda: len(calls) == ROUNDS)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert abs(after - before) < DRIFT
