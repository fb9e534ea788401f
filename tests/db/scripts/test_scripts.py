"""Scripts in the database: versions with author and time, removal, history, import and
export between two databases, the facts of a visit and the scripts shown on it."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from db import migrate
from db.domain import Role, VisitStage
from db.engine import Database
from db.models import AuditEntry
from hallclient.access.audit import Where
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.intake import queue, visits
from hallclient.scripts import service, visit_record
from hallclient.scripts.catalogue import ScriptId, ScriptKey, ScriptSetError, dump_set
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.script_helpers import default_scripts
from tests.db.security_helpers import START, add_users, context_for

GREETING_ZH = ScriptId(ScriptKey.GREETING, "", "zh")
CHARGE_TOPUP = ScriptId(ScriptKey.CHARGE, "card_topup", "zh")
PAY_GAS_WAIT = ScriptId(ScriptKey.PLEASE_WAIT, "pay_gas", "zh")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


@pytest.fixture
def admin(people, clock):
    return context_for(people[Role.ADMIN], clock)


def _in_force(database: Database) -> dict[ScriptId, str]:
    return {s: e.text for s, e in service.scripts_in_force(database, default_scripts()).items()}


def test_without_edits_the_shipped_set_is_in_force_as_version_0(database, people):
    scripts = service.scripts_in_force(database, default_scripts())
    assert {s: e.text for s, e in scripts.items()} == default_scripts()
    assert {e.version for e in scripts.values()} == {0}


def test_saving_makes_a_new_version_with_author_and_time(database, admin, clock):
    first = service.save_version(
        database, admin, default_scripts(), GREETING_ZH, "您好，{customer}！"
    )
    clock.advance(dt.timedelta(minutes=5))
    second = service.save_version(database, admin, default_scripts(), GREETING_ZH, "您好！")
    assert (first.version, second.version) == (1, 2)
    assert second.author == admin.user.employee_no and second.created_at == clock.now()
    assert _in_force(database)[GREETING_ZH] == "您好！"
    history = service.history(database, admin, default_scripts(), GREETING_ZH)
    assert [v.version for v in history] == [2, 1, 0]
    assert history[-1].text == default_scripts()[GREETING_ZH] and history[-1].author == ""
    with UnitOfWork(database) as uow:
        actions = list(
            uow.session.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "script"))
        )
    assert actions == ["script.saved", "script.saved"]


def test_saving_the_same_text_is_no_change(database, admin):
    same = service.save_version(
        database, admin, default_scripts(), GREETING_ZH, default_scripts()[GREETING_ZH]
    )
    assert same.version == 0
    assert len(service.history(database, admin, default_scripts(), GREETING_ZH)) == 1


@pytest.mark.parametrize("bad", ["{nosuch}", "{customer.__class__}", "半个{", "", "x" * 1001])
def test_a_bad_text_is_refused_and_changes_nothing(database, admin, bad):
    with pytest.raises(ScriptSetError):
        service.save_version(database, admin, default_scripts(), GREETING_ZH, bad)
    assert _in_force(database) == default_scripts()


def test_a_purpose_script_is_added_then_removed_and_the_general_one_returns(database, admin):
    service.save_version(database, admin, default_scripts(), CHARGE_TOPUP, "购气金额{amount}。")
    assert _in_force(database)[CHARGE_TOPUP] == "购气金额{amount}。"
    service.remove_special(database, admin, default_scripts(), CHARGE_TOPUP)
    assert CHARGE_TOPUP not in _in_force(database)
    with pytest.raises(ScriptSetError, match="general script cannot be removed"):
        service.remove_special(database, admin, default_scripts(), GREETING_ZH)


def test_versions_are_append_only(database, admin):
    service.save_version(database, admin, default_scripts(), GREETING_ZH, "您好！")
    with pytest.raises(Exception, match="append-only"), database.engine.begin() as conn:
        conn.execute(text("UPDATE script_versions SET text = '改过'"))


def test_only_an_admin_edits_scripts(database, people, clock):
    clerk = context_for(people[Role.CLERK], clock)
    with pytest.raises(PermissionDeniedError):
        service.save_version(database, clerk, default_scripts(), GREETING_ZH, "您好")


def test_export_then_import_elsewhere_gives_the_identical_set(database, admin, tmp_path):
    service.save_version(database, admin, default_scripts(), GREETING_ZH, "您好，{customer}！")
    service.save_version(database, admin, default_scripts(), CHARGE_TOPUP, "购气{amount}。")
    service.remove_special(database, admin, default_scripts(), PAY_GAS_WAIT)
    exported = service.export_set(database, admin, default_scripts())
    (tmp_path / "scripts.json").write_bytes(exported)

    elsewhere = Database.connect(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        migrate.upgrade(elsewhere.engine)
        summary = service.import_set(
            elsewhere, admin, default_scripts(), (tmp_path / "scripts.json").read_bytes()
        )
        assert (summary.changed, summary.removed) == (2, 1)
        assert service.export_set(elsewhere, admin, default_scripts()) == exported
        again = service.import_set(elsewhere, admin, default_scripts(), exported)
        assert (again.changed, again.removed) == (0, 0)
    finally:
        elsewhere.dispose()


def test_a_bad_import_changes_nothing(database, admin):
    scripts = default_scripts()
    scripts[GREETING_ZH] = "{nosuch}"
    with pytest.raises(ScriptSetError):
        service.import_set(database, admin, default_scripts(), dump_set(scripts))
    assert _in_force(database) == default_scripts()


@pytest.fixture
def visit_id(database, people, clock) -> int:
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    queue.issue_ticket(database, clerk, "payment")
    clock.advance(dt.timedelta(minutes=12))
    return queue.call_next(database, clerk).visit_id


def test_visit_facts_name_the_ticket_wait_purpose_and_department(database, people, clock, visit_id):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    visits.set_purpose(database, clerk, visit_id, "meter_fault")
    facts = visit_record.visit_facts(database, clerk, visit_id)
    assert facts.ticket_label == "A001" and facts.waited == dt.timedelta(minutes=12)
    assert facts.stage is VisitStage.SERVING and facts.purpose_zh == "表具故障报修"
    assert facts.department is not None and facts.department.name_zh == "抢修及通气点火中心"
    assert facts.emergency_hotline == "028-86000119"
    other = visit_record.visit_facts(database, clerk, visit_id, department_code="billing")
    assert other.department is not None and other.department.name_en == "Billing"


def test_scripts_shown_are_recorded_once_per_version(database, people, clock, visit_id):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    greeting = (GREETING_ZH, 0)
    assert visit_record.record_shown(database, clerk, visit_id, [greeting]) == 1
    assert visit_record.record_shown(database, clerk, visit_id, [greeting]) == 0
    assert visit_record.record_shown(database, clerk, visit_id, [(GREETING_ZH, 1)]) == 1
    shown = visit_record.shown_on_visit(database, clerk, visit_id)
    assert [(s.script, s.version) for s in shown] == [(GREETING_ZH, 0), (GREETING_ZH, 1)]


def test_another_counter_cannot_read_or_record_on_the_visit(database, people, clock, visit_id):
    elsewhere = at_counter(people[Role.CLERK], clock, "C02")
    with pytest.raises(visits.VisitError):
        visit_record.record_shown(database, elsewhere, visit_id, [(GREETING_ZH, 0)])
    with pytest.raises(visits.VisitError):
        visit_record.visit_facts(database, elsewhere, visit_id)


def test_any_counter_of_the_hall_reads_the_scripts_shown(database, people, clock, visit_id):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    visit_record.record_shown(database, clerk, visit_id, [(GREETING_ZH, 0)])
    elsewhere = at_counter(people[Role.CLERK], clock, "C02")
    [shown] = visit_record.shown_on_visit(database, elsewhere, visit_id)  # the day's visits
    assert (shown.script, shown.version) == (GREETING_ZH, 0)
    other_hall = replace(clerk, where=Where("H02", "C01"))
    with pytest.raises(visits.VisitError):
        visit_record.shown_on_visit(database, other_hall, visit_id)


def test_admins_saving_at_once_get_consecutive_versions(database, admin):
    texts = [f"您好，第{n}种说法。" for n in range(4)]
    with ThreadPoolExecutor(4) as pool:
        saved = list(
            pool.map(
                lambda t: service.save_version(database, admin, default_scripts(), GREETING_ZH, t),
                texts,
            )
        )
    assert sorted(v.version for v in saved) == [1, 2, 3, 4]
    history = service.history(database, admin, default_scripts(), GREETING_ZH)
    assert [v.version for v in history] == [4, 3, 2, 1, 0]


def test_a_closed_visit_takes_no_more_scripts(database, people, clock, visit_id):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    visits.close_visit(database, clerk, visit_id, visits.VisitOutcome.RESOLVED, 5)
    assert visit_record.record_shown(database, clerk, visit_id, [(GREETING_ZH, 0)]) == 0
    assert visit_record.shown_on_visit(database, clerk, visit_id) == []


def test_the_same_counter_code_in_another_hall_is_another_counter(
    database, people, clock, visit_id
):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    other_hall = replace(clerk, where=Where("H02", "C01"))
    with pytest.raises(visits.VisitError):
        visit_record.visit_facts(database, other_hall, visit_id)
    with pytest.raises(visits.VisitError):
        visits.set_notes(database, other_hall, visit_id, "别的营业厅")
