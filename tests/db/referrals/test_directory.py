"""The department directory edited by the admin: checked, saved, journaled field by field;
referrals made afterwards use the new targets, those made before keep their due times."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from db.domain import Role, Urgency
from db.models import AuditEntry
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.referrals import directory, service
from hallclient.referrals.service import NewReferral, ReferralError, ReferralProblem
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users, context_for


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


@pytest.fixture
def admin(people):
    return context_for(people[Role.ADMIN], FixedClock(START))


def _billing(database, admin):
    return next(e for e in directory.department_entries(database, admin) if e.code == "billing")


def test_a_change_is_saved_and_journaled_with_old_and_new_values(database, people, admin):
    clerk = at_counter(people[Role.CLERK], FixedClock(START), "C01")
    before = service.refer(
        database, clerk, NewReferral("billing", Urgency.URGENT, "发票需要重开一下")
    )
    changed = replace(_billing(database, admin), phone="028-86000999", minutes_urgent=300)
    directory.save_department(database, admin, changed)
    assert _billing(database, admin) == changed
    with UnitOfWork(database) as uow:
        [details] = uow.session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == "department.saved")
        )
    assert json.loads(details) == {
        "phone": ["028-86000160", "028-86000999"],
        "minutes_urgent": [960, 300],
    }
    after = service.refer(
        database, clerk, NewReferral("billing", Urgency.URGENT, "发票需要重开一下")
    )
    assert before.due_at == START + dt.timedelta(minutes=960)
    assert after.due_at == START + dt.timedelta(minutes=300)


def test_a_new_department_is_added(database, admin):
    new = replace(
        _billing(database, admin),
        code="metering_lab",
        name_zh="计量检定站",
        name_en="Meter Testing",
    )
    directory.save_department(database, admin, new)
    assert "metering_lab" in [d.code for d in directory.departments(database)]


@pytest.mark.parametrize(
    "change",
    [
        {"phone": " "},
        {"name_zh": ""},
        {"minutes_emergency": 0},
        {"minutes_urgent": 5000, "minutes_normal": 100},
        {"code": "x" * 40},
    ],
)
def test_a_bad_entry_is_refused_and_changes_nothing(database, admin, change):
    original = _billing(database, admin)
    with pytest.raises((ReferralError, Exception)) as caught:
        directory.save_department(database, admin, replace(original, **change))
    if isinstance(caught.value, ReferralError):
        assert caught.value.problem is ReferralProblem.BAD_DEPARTMENT
    assert _billing(database, admin) == original


def test_only_the_admin_edits_the_directory(database, people):
    with pytest.raises(PermissionDeniedError):
        directory.department_entries(database, context_for(people[Role.CLERK], FixedClock(START)))


def test_a_new_department_may_not_take_an_existing_code(database, admin):
    original = _billing(database, admin)
    with pytest.raises(ReferralError) as caught:
        directory.save_department(database, admin, replace(original, name_zh="覆盖"), new=True)
    assert caught.value.problem is ReferralProblem.DEPARTMENT_EXISTS
    assert _billing(database, admin) == original
