"""A counter marked as having a customer screen whose monitor is not connected: the screen
opens as an ordinary window, the clerk's status bar says why, and that window asks no
rating (on the clerk's side, the clerk could answer it): the visit is not rated."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.domain import RatingSource
from tests.ui.customer_screen.conftest import ACCOUNT_NO, f9_without_rating, ratings, screen_of
from tests.ui.helpers import serve_account


@pytest.fixture
def private_settings(private_settings):
    return replace(private_settings, customer_screen_monitor=3)  # one monitor here


def test_a_missing_monitor_opens_a_window_and_tells_the_clerk(qtbot, window):
    screen, controller = screen_of(window), window.customer_screen
    assert controller is not None and not screen.isFullScreen()
    qtbot.waitUntil(lambda: controller.status.isVisibleTo(window))
    assert (
        controller.status.text() == "客户屏：未找到第 3 个显示器，已作为普通窗口打开，不在此评价。"
    )
    assert window.isActiveWindow()  # the keyboard stays with the clerk


def test_a_screen_shown_as_a_window_asks_no_rating(qtbot, window, private_core):
    page = serve_account(qtbot, window, ACCOUNT_NO)
    visit_id = f9_without_rating(qtbot, window, page)
    screen = screen_of(window)
    qtbot.waitUntil(lambda: ratings(private_core) != [])
    assert ratings(private_core) == [(visit_id, None, RatingSource.TIMEOUT, "")]
    assert not screen.is_asking() and "您好，欢迎光临" in screen.greeting.text()
