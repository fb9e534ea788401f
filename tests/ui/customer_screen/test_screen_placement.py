"""A counter marked as having a customer screen whose monitor is not connected: the screen
opens as an ordinary window and the clerk's status bar says why."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.ui.customer_screen.conftest import screen_of


@pytest.fixture
def private_settings(private_settings):
    return replace(private_settings, customer_screen_monitor=3)  # one monitor here


def test_a_missing_monitor_opens_a_window_and_tells_the_clerk(qtbot, window):
    screen, controller = screen_of(window), window.customer_screen
    assert controller is not None and not screen.isFullScreen()
    qtbot.waitUntil(lambda: controller.status.isVisibleTo(window))
    assert controller.status.text() == "客户屏：未找到第 3 个显示器，已作为普通窗口打开。"
    assert window.isActiveWindow()  # the keyboard stays with the clerk
