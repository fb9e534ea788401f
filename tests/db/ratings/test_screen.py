"""A counter's customer screen: an admin's setting, journaled when it changes."""

from __future__ import annotations

import pytest

from db.domain import Role
from hallclient.access.permissions import PermissionDeniedError
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.screen import screen_attached, set_customer_screen
from hallclient.uow import UnitOfWork
from tests.db.security_helpers import EMPLOYEE_NO, journal


def _attached(database, counter: str) -> bool:
    with UnitOfWork(database) as uow:
        return screen_attached(uow, "H01", counter)


def test_the_admin_attaches_and_detaches_a_screen_each_change_journaled(database, acting):
    admin = acting(Role.ADMIN)
    set_customer_screen(database, admin, "C03", True)
    set_customer_screen(database, admin, "C03", True)  # no change, nothing journaled
    assert (_attached(database, "C03"), _attached(database, "C04")) == (True, False)
    set_customer_screen(database, admin, "C03", False)
    assert not _attached(database, "C03")
    changes = [entry for entry in journal(database) if entry[1] == "counter.customer_screen"]
    assert changes == [(EMPLOYEE_NO[Role.ADMIN], "counter.customer_screen", "C03")] * 2


def test_a_clerk_may_not_and_an_unknown_counter_is_refused(database, acting):
    with pytest.raises(PermissionDeniedError):
        set_customer_screen(database, acting(), "C01", False)
    with pytest.raises(RatingError) as caught:
        set_customer_screen(database, acting(Role.ADMIN), "C99", True)
    assert caught.value.problem is RatingProblem.UNKNOWN_COUNTER
