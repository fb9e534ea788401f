"""The journal as the admin page reads it: by person, by action text, a page at a time;
for those who may view it, and never with an informant in it."""

from __future__ import annotations

import pytest

from db.domain import Role, Urgency
from hallclient.access import journal, users
from hallclient.access.journal import JournalSearch
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.referrals import informants, service
from hallclient.referrals.informants import Informant
from hallclient.referrals.service import NewReferral
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import EMPLOYEE_NO, START, add_users, context_for

ADMIN, CLERK = EMPLOYEE_NO[Role.ADMIN], EMPLOYEE_NO[Role.CLERK]
CANARY_NAME, CANARY_PHONE = "甄秘密", "13912345678"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


def _search(database, context, **what) -> journal.JournalPage:
    return journal.search_journal(database, context, JournalSearch(**what))


def test_by_person_acting_or_acted_on_and_by_action_text(database, people, clock):
    admin = context_for(people[Role.ADMIN], clock)
    users.add_user(database, admin, "1010", "新同事", "clerk", "First-Pass-2026")
    users.reset_password(database, admin, CLERK, "Reset-Pass-2026")
    about_clerk = _search(database, admin, employee_no=f" {CLERK} ")
    assert [(e.actor, e.action, e.object_id) for e in about_clerk.entries] == [
        (ADMIN, "user.password_reset", CLERK)
    ]
    by_admin = _search(database, admin, employee_no=ADMIN)
    assert [e.action for e in by_admin.entries] == ["user.password_reset", "user.added"]
    assert by_admin.names == {ADMIN: f"测试{ADMIN}", CLERK: f"测试{CLERK}", "1010": "新同事"}
    resets = _search(database, admin, action_text="PASSWORD_RES")  # any case, any part
    assert [e.object_id for e in resets.entries] == [CLERK] and not resets.has_older
    assert _search(database, admin, action_text="user%").entries == []  # % is no wildcard


def test_a_page_at_a_time_newest_first(database, people, clock):
    admin = context_for(people[Role.ADMIN], clock)
    for number in range(5):
        users.add_user(database, admin, f"150{number}", "新同事", "clerk", "First-Pass-2026")
    first = _search(database, admin, limit=2)
    assert [e.object_id for e in first.entries] == ["1504", "1503"] and first.has_older
    second = _search(database, admin, limit=2, before_seq=first.entries[-1].seq)
    assert [e.object_id for e in second.entries] == ["1502", "1501"] and second.has_older
    last = _search(database, admin, limit=2, before_seq=second.entries[-1].seq)
    assert [e.object_id for e in last.entries] == ["1500"] and not last.has_older


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SHIFT_MANAGER, Role.AUDITOR])
def test_those_who_view_the_journal_never_read_an_informant_in_it(database, people, clock, role):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    report = NewReferral(
        "inspection",
        Urgency.URGENT,
        "邻居家疑似私接管道、绕表偷气，请稽查",
        informant=Informant(CANARY_NAME, CANARY_PHONE, "晚上方便联系"),
    )
    made = service.refer(database, clerk, report)
    auditor = context_for(people[Role.AUDITOR], clock)
    assert informants.read_informant(database, auditor, made.id) is not None
    page = _search(database, context_for(people[role], clock))
    shown = repr(page)
    assert CANARY_NAME not in shown and CANARY_PHONE not in shown and "晚上" not in shown
    read = next(e for e in page.entries if e.action == "informant.read")
    assert read.object_id == informants.redacted_reference(made.reference)


@pytest.mark.parametrize("role", [Role.CLERK, Role.DEPARTMENT_STAFF])
def test_counter_and_department_staff_do_not_read_the_journal(database, people, clock, role):
    with pytest.raises(PermissionDeniedError):
        _search(database, context_for(people[role], clock))
