"""A customer screen nobody answers: 'not rated' is recorded when the question's time is over
([customer_screen] rating_timeout_seconds, one second here), and the welcome comes back."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from db.domain import RatingSource
from tests.ui.customer_screen.conftest import (
    ACCOUNT_NO,
    f9_without_rating,
    ratings,
    screen_of,
)
from tests.ui.helpers import serve_account


@pytest.fixture
def private_settings(private_settings):
    """A short question, so that the test of its timeout does not wait long."""
    return replace(private_settings, customer_screen_rating_timeout=1)


def test_nobody_answers_the_screen_records_not_rated(qtbot, window, private_core):
    page = serve_account(qtbot, window, ACCOUNT_NO)
    visit_id = f9_without_rating(qtbot, window, page)
    screen = screen_of(window)
    qtbot.waitUntil(lambda: ratings(private_core) != [], timeout=10_000)
    assert ratings(private_core) == [(visit_id, None, RatingSource.TIMEOUT, "")]
    qtbot.waitUntil(lambda: "您好，欢迎光临" in screen.greeting.text() and not screen.is_asking())


def test_a_call_kept_while_the_clerk_is_away_is_not_made_and_the_clerk_is_told(
    qtbot, window, private_core
):
    page = serve_account(qtbot, window, ACCOUNT_NO)
    visit_id = f9_without_rating(qtbot, window, page)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.rating_wait.waiting)
    window.show_area("fees")  # the clerk looks a fee up meanwhile
    qtbot.waitUntil(lambda: not page.rating_wait.waiting, timeout=10_000)
    window.show_area("intake")
    assert page.visit is None  # nobody was called behind the clerk's back
    assert page.message.text() == "客户评价已结束，请叫下一位（F2）。"
    qtbot.waitUntil(lambda: ratings(private_core) != [], timeout=10_000)
    assert ratings(private_core) == [(visit_id, None, RatingSource.TIMEOUT, "")]
