"""A hall on Friday 25 September 2026 (National Day ahead), its people and a called visit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from db.domain import Role
from hallclient.clock import FixedClock
from hallclient.context import Context, CurrentUser
from hallclient.intake import queue
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import add_users

FRIDAY = dt.datetime(2026, 9, 25, 2, 0, tzinfo=dt.UTC)  # 10:00 in the hall


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FRIDAY)


@pytest.fixture
def people(database) -> dict[Role | str, CurrentUser]:
    add_hall(database)
    return add_users(database)


@pytest.fixture
def acting(people, clock) -> Callable[..., Context]:
    """``acting(role_or_key, counter)``: that person's context at that counter."""
    return lambda who=Role.CLERK, counter="C01": at_counter(people[who], clock, counter)


@pytest.fixture
def new_visit(database, acting) -> Callable[..., int]:
    """A ticket called by the clerk (or ``who``) at ``counter``: the visit's id."""

    def called(who: Role | str = Role.CLERK, counter: str = "C01") -> int:
        queue.issue_ticket(database, acting(who, counter), "payment")
        called_ticket = queue.call_next(database, acting(who, counter))
        assert called_ticket is not None
        return called_ticket.visit_id

    return called
