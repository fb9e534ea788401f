"""The task runner and the bundled font."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.kit.fonts import install_fonts
from ui.kit.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    """A runner owned as the app's are (by a page): parentless, Python would own it."""
    owner = QObject()
    yield TaskRunner(owner)
    assert QThreadPool.globalInstance().waitForDone(5000)
    owner.deleteLater()


def test_task_results_and_progress_arrive_on_the_gui_thread(qtbot, runner):
    seen: list[tuple[str, object, bool]] = []

    def on_thread(kind: str):
        return lambda *value: seen.append(
            (kind, value, threading.current_thread() is threading.main_thread())
        )

    def work(progress):
        progress(1, 2)
        progress(2, 2)
        return threading.current_thread() is threading.main_thread()

    runner.start(work, on_thread("done"), on_thread("failed"), on_thread("progress"))
    qtbot.waitUntil(lambda: not runner.busy())
    assert seen == [
        ("progress", (1, 2), True),
        ("progress", (2, 2), True),
        ("done", (False,), True),
    ]


def test_a_failing_task_reports_its_exception(qtbot, runner):
    failures: list[BaseException] = []

    def work(_progress):
        raise ValueError("boom")

    runner.start(work, lambda _result: pytest.fail("should fail"), failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ValueError)
    assert not runner.busy()


def test_the_bundled_cjk_font_is_the_application_font(qapp: QApplication):
    families = install_fonts(qapp)
    # the patch font for Micro Hei's blank glyphs (℃), then Micro Hei, then the fallbacks
    # for rare name characters such as 䶮, 𠮷, 𰻞
    fallbacks = ["HanaMinA", "HanaMinB", "BabelStone Han"]
    assert families[:5] == ["HallClient Symbols", "WenQuanYi Micro Hei", *fallbacks]
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert QFont.substitutes("WenQuanYi Micro Hei") == [f.lower() for f in fallbacks]


def test_a_task_whose_window_closed_meanwhile_is_dropped_quietly(qtbot):
    """A logout while a page is still loading: the answer has nobody to go to, and
    must not raise in the pool thread (pytest-qt fails the test if it does)."""
    owner = QObject()
    runner = TaskRunner(owner)
    release = threading.Event()
    answers: list[object] = []

    def work(_progress):
        release.wait(5)
        return "late answer"

    runner.start(work, answers.append, answers.append)
    owner.deleteLater()  # the window goes while the work runs
    qtbot.waitUntil(lambda: not shiboken6.isValid(runner))
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)
    assert answers == []
