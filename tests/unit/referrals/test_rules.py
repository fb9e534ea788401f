"""Due times, lateness and the order of referral states, with a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.domain import ReferralStatus, Urgency
from hallclient.referrals.rules import (
    COUNTER_STEPS,
    NEXT_STATES,
    OPEN_STATES,
    CounterOrder,
    Lateness,
    Targets,
    counter_order,
    due_at,
    lateness,
    needs_counter,
    reference,
)

START = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
TARGETS = Targets(normal=2880, urgent=480, emergency=60)


@pytest.mark.parametrize(
    ("urgency", "hours"), [(Urgency.NORMAL, 48), (Urgency.URGENT, 8), (Urgency.EMERGENCY, 1)]
)
def test_the_due_time_is_the_departments_target_for_the_urgency(urgency, hours):
    assert due_at(START, urgency, TARGETS) == START + dt.timedelta(hours=hours)


@pytest.mark.parametrize(
    ("minutes_later", "expected"),
    [
        (0, Lateness.ON_TIME),
        (47, Lateness.ON_TIME),
        (48, Lateness.DUE_SOON),
        (59, Lateness.DUE_SOON),
        (60, Lateness.OVERDUE),
        (119, Lateness.OVERDUE),
        (120, Lateness.ESCALATED),
        (10_000, Lateness.ESCALATED),
    ],
)
def test_an_emergency_goes_due_soon_overdue_then_escalated(minutes_later, expected):
    due = due_at(START, Urgency.EMERGENCY, TARGETS)
    now = START + dt.timedelta(minutes=minutes_later)
    assert lateness(ReferralStatus.ACKNOWLEDGED, START, due, now) is expected


@pytest.mark.parametrize("status", [ReferralStatus.CLOSED, ReferralStatus.RETURNED])
def test_a_referral_no_longer_open_is_never_late(status):
    due = due_at(START, Urgency.URGENT, TARGETS)
    assert lateness(status, START, due, START + dt.timedelta(days=30)) is Lateness.DONE


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(list(Urgency)))
def test_lateness_only_grows_with_time(minutes, urgency):
    order = [Lateness.ON_TIME, Lateness.DUE_SOON, Lateness.OVERDUE, Lateness.ESCALATED]
    due = due_at(START, urgency, TARGETS)
    earlier = lateness(ReferralStatus.NEW, START, due, START + dt.timedelta(minutes=minutes))
    later = lateness(ReferralStatus.NEW, START, due, START + dt.timedelta(minutes=minutes + 1))
    assert order.index(later) >= order.index(earlier)


def test_states_move_forward_and_end_closed_or_returned():
    for status in OPEN_STATES:
        assert ReferralStatus.RETURNED in NEXT_STATES[status]
        assert status not in NEXT_STATES[status]
    assert NEXT_STATES[ReferralStatus.CLOSED] == NEXT_STATES[ReferralStatus.RETURNED] == set()
    assert ReferralStatus.CLOSED not in NEXT_STATES[ReferralStatus.NEW]  # acknowledged first
    assert set(NEXT_STATES) == set(ReferralStatus)


def test_the_counter_only_takes_up_what_was_returned_and_no_department_does():
    assert {ReferralStatus.RETURNED: {ReferralStatus.TAKEN_UP}} == COUNTER_STEPS
    assert all(ReferralStatus.TAKEN_UP not in steps for steps in NEXT_STATES.values())
    assert NEXT_STATES[ReferralStatus.TAKEN_UP] == set()


@pytest.mark.parametrize(
    ("status", "late", "order"),
    [
        (ReferralStatus.RETURNED, Lateness.DONE, CounterOrder.RETURNED),
        (ReferralStatus.NEW, Lateness.ESCALATED, CounterOrder.OVERDUE),
        (ReferralStatus.IN_PROGRESS, Lateness.OVERDUE, CounterOrder.OVERDUE),
        (ReferralStatus.ACKNOWLEDGED, Lateness.DUE_SOON, CounterOrder.OPEN),
        (ReferralStatus.NEW, Lateness.ON_TIME, CounterOrder.OPEN),
        (ReferralStatus.CLOSED, Lateness.DONE, CounterOrder.DONE),
        (ReferralStatus.TAKEN_UP, Lateness.DONE, CounterOrder.DONE),
    ],
)
def test_what_needs_the_counter_comes_first(status, late, order):
    assert counter_order(status, late) is order
    assert needs_counter(status, late) == (order < CounterOrder.OPEN)


def test_reference_numbers_read_well():
    assert reference(2026, 7) == "ZB2026-000007"
