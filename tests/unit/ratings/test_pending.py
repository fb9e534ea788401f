"""How long the last customer may still rate: whole seconds, rounded up, never below 0
and never above the wait."""

from __future__ import annotations

import datetime as dt

import pytest

from hallclient.ratings.pending import seconds_left

CLOSED = dt.datetime(2026, 9, 25, 2, 0, tzinfo=dt.UTC)
WAIT = dt.timedelta(seconds=30)


@pytest.mark.parametrize(
    ("after", "left"),
    [
        (dt.timedelta(0), 30),
        (dt.timedelta(seconds=10), 20),
        (dt.timedelta(seconds=29, milliseconds=100), 1),  # a part of a second still counts
        (dt.timedelta(seconds=30), 0),
        (dt.timedelta(minutes=5), 0),
        (-dt.timedelta(seconds=3), 30),  # another PC's clock a little behind: the whole wait
        (-dt.timedelta(hours=1), 30),  # a clock set back an hour does not hold the counter
    ],
)
def test_seconds_left_to_rate(after, left):
    assert seconds_left(CLOSED, CLOSED + after, WAIT) == left
