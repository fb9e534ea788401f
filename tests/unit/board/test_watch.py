"""Each call and recall is announced once; a board started mid-day keeps quiet about the past."""

from __future__ import annotations

from hallclient.board.announce import Announcement
from hallclient.board.watch import CallWatch


def _call(ticket: int, calls: int) -> Announcement:
    return Announcement(ticket, calls, f"A{ticket:03d}", "1号窗口")


def test_the_first_look_announces_nothing() -> None:
    watch = CallWatch()
    assert watch.news([_call(1, 1), _call(2, 3)]) == []
    assert watch.started


def test_a_new_call_and_a_recall_are_announced_once() -> None:
    watch = CallWatch()
    watch.news([_call(1, 1)])
    assert watch.news([_call(1, 1), _call(2, 1)]) == [_call(2, 1)]
    assert watch.news([_call(1, 1), _call(2, 1)]) == []
    assert watch.news([_call(1, 2), _call(2, 1)]) == [_call(1, 2)]  # the recall
    assert watch.news([_call(1, 2), _call(2, 1)]) == []


def test_calls_between_two_looks_come_in_order_and_a_ticket_once() -> None:
    """Called and recalled before the board looked again: said once, not twice in a row."""
    watch = CallWatch()
    watch.news([])
    assert watch.news([_call(4, 1), _call(3, 2)]) == [_call(4, 1), _call(3, 2)]
