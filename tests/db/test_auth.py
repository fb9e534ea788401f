from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import User
from hallclient.auth import MAX_FAILED_LOGINS, LoginRefused, RefusalReason, Role, login
from hallclient.clock import FixedClock
from hallclient.uow import UnitOfWork, run_write
from hallclient.users import add_user

START = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def clerk(database):
    run_write(database, lambda uow: add_user(uow, "1001", "王丽", "clerk", "secret-1001"))
    return "1001"


def _refusal(database, clock, employee_no, password) -> LoginRefused:
    with pytest.raises(LoginRefused) as caught:
        login(database, employee_no, password, clock)
    return caught.value


def _user_column(database, employee_no, column):
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(column).where(User.employee_no == employee_no))


def test_login_returns_the_user(database, clock, clerk):
    user = login(database, " 1001 ", "secret-1001", clock)
    assert (user.employee_no, user.display_name, user.role) == ("1001", "王丽", Role.CLERK)
    assert _user_column(database, "1001", User.last_login_at) == START


def test_wrong_password_and_unknown_number_look_the_same(database, clock, clerk):
    wrong_password = _refusal(database, clock, "1001", "nope")
    unknown_number = _refusal(database, clock, "9999", "secret-1001")
    assert wrong_password.reason is unknown_number.reason is RefusalReason.BAD_CREDENTIALS
    assert str(wrong_password) == str(unknown_number)


def test_ten_failures_lock_for_thirty_minutes(database, clock, clerk):
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert _refusal(database, clock, "1001", "bad").reason is RefusalReason.BAD_CREDENTIALS
    locked = _refusal(database, clock, "1001", "bad")
    assert locked.reason is RefusalReason.LOCKED
    assert locked.locked_until == START + timedelta(minutes=30)
    clock.advance(timedelta(minutes=29))
    assert _refusal(database, clock, "1001", "secret-1001").reason is RefusalReason.LOCKED
    clock.advance(timedelta(minutes=1, seconds=1))
    assert login(database, "1001", "secret-1001", clock).employee_no == "1001"
    assert _user_column(database, "1001", User.failed_logins) == 0


def test_success_resets_the_failure_count(database, clock, clerk):
    for _ in range(MAX_FAILED_LOGINS - 1):
        _refusal(database, clock, "1001", "bad")
    login(database, "1001", "secret-1001", clock)
    assert _refusal(database, clock, "1001", "bad").reason is RefusalReason.BAD_CREDENTIALS


def test_inactive_user_is_refused_only_with_the_right_password(database, clock, clerk):
    def deactivate(uow):
        _user_in(uow).active = False
        uow.commit()

    def _user_in(uow):
        return uow.session.scalar(select(User).where(User.employee_no == "1001"))

    run_write(database, deactivate)
    assert _refusal(database, clock, "1001", "bad").reason is RefusalReason.BAD_CREDENTIALS
    assert _refusal(database, clock, "1001", "secret-1001").reason is RefusalReason.INACTIVE
