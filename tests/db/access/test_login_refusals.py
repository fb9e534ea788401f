"""What a login attempt is told, and what it changes, for each way it can go wrong."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from db.domain import Role
from db.models import User
from hallclient.access import auth, users
from hallclient.access.auth import LOCKOUT, MAX_FAILED_LOGINS, LoginRefused, RefusalReason
from hallclient.access.passwords import needs_rehash, verify_password
from hallclient.clock import FixedClock
from hallclient.uow import UnitOfWork, run_write
from tests.db.security_helpers import (
    EMPLOYEE_NO,
    PASSWORD,
    START,
    WHERE,
    add_users,
    context_for,
    journal,
    user_row,
)

CLERK = EMPLOYEE_NO[Role.CLERK]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    return add_users(database)


def _refusal(database, clock, employee_no, password) -> LoginRefused:
    with pytest.raises(LoginRefused) as caught:
        auth.login(database, WHERE, employee_no, password, clock)
    return caught.value


def _lock_out(database, clock) -> LoginRefused:
    for _ in range(MAX_FAILED_LOGINS - 1):
        _refusal(database, clock, CLERK, "wrong-password")
    return _refusal(database, clock, CLERK, "wrong-password")


@pytest.mark.parametrize("employee_no", [CLERK, "9999", ""])
def test_a_wrong_number_and_a_wrong_password_get_the_same_answer(
    database, clock, people, employee_no
):
    refusal = _refusal(database, clock, employee_no, "wrong-password")
    assert (refusal.reason, refusal.locked_until) == (RefusalReason.BAD_CREDENTIALS, None)


def test_the_tenth_failure_locks_for_thirty_minutes_even_for_the_right_password(
    database, clock, people
):
    refusal = _lock_out(database, clock)
    assert (refusal.reason, refusal.locked_until) == (RefusalReason.LOCKED, START + LOCKOUT)
    clock.advance(LOCKOUT - timedelta(seconds=1))
    assert _refusal(database, clock, CLERK, PASSWORD).reason is RefusalReason.LOCKED
    assert journal(database)[-1][1] == "login.refused_locked"
    clock.advance(timedelta(seconds=1))
    assert auth.login(database, WHERE, CLERK, PASSWORD, clock).employee_no == CLERK
    assert user_row(database, CLERK, User.locked_until) is None


def test_a_success_resets_the_count_of_failures(database, clock, people):
    for _ in range(MAX_FAILED_LOGINS - 1):
        _refusal(database, clock, CLERK, "wrong-password")
    auth.login(database, WHERE, CLERK, PASSWORD, clock)
    assert user_row(database, CLERK, User.failed_logins) == 0
    assert _refusal(database, clock, CLERK, "wrong").reason is RefusalReason.BAD_CREDENTIALS


def test_an_admin_unlocks_a_locked_account_before_its_time(database, clock, people):
    _lock_out(database, clock)
    users.unlock_user(database, context_for(people[Role.ADMIN], clock), CLERK)
    assert auth.login(database, WHERE, CLERK, PASSWORD, clock).employee_no == CLERK
    assert (EMPLOYEE_NO[Role.ADMIN], "account.unlocked", CLERK) in journal(database)


def test_an_inactive_user_is_told_so_only_after_the_right_password(database, clock, people):
    users.set_active(database, context_for(people[Role.ADMIN], clock), CLERK, False)
    wrong = _refusal(database, clock, CLERK, "wrong-password")
    assert wrong.reason is RefusalReason.BAD_CREDENTIALS
    assert _refusal(database, clock, CLERK, PASSWORD).reason is RefusalReason.INACTIVE


def test_a_hash_made_with_older_parameters_is_renewed_at_login(database, clock, people):
    old_hash = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)

    def store_old_hash(uow: UnitOfWork) -> None:
        user = uow.session.query(User).filter_by(employee_no=CLERK).one()
        user.password_hash = old_hash
        uow.commit()

    run_write(database, store_old_hash)
    auth.login(database, WHERE, CLERK, PASSWORD, clock)
    renewed = user_row(database, CLERK, User.password_hash)
    assert renewed != old_hash
    assert not needs_rehash(renewed)
    assert verify_password(renewed, PASSWORD)
