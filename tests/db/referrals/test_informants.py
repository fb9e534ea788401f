"""Informant confidentiality, the canary: a theft report with a planted reporter name and
phone.  Afterwards they appear nowhere outside the protected store -- no other table
(every row of every one is dumped), no log record, no audit detail, no repr of the
request -- and only the auditor may read them, each read journaled."""

from __future__ import annotations

import logging
import subprocess
import zipfile
from dataclasses import replace

import pytest
from sqlalchemy import inspect, select, text

from db.domain import ReferralStatus, Role, Urgency
from db.models import AuditEntry
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.printing.escpos import JobOptions, Mode, job_bytes
from hallclient.printing.layout import Paper
from hallclient.printing.pdf import render_pdf
from hallclient.referrals import informants, service
from hallclient.referrals.informants import Informant
from hallclient.referrals.service import NewReferral, ReferralError, ReferralProblem
from hallclient.referrals.slip import SlipDepartment, slip_layout
from hallclient.reports.export_xlsx import export_days
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users, context_for
from tests.printing.samples import HEADING

CANARY_NAME, CANARY_PHONE = "甄秘密", "13912345678"
PROTECTED = "informant_reports"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


def _report(database, people, clock):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    reporter = Informant(CANARY_NAME, CANARY_PHONE, "晚上方便联系")
    report = NewReferral(
        "inspection", Urgency.URGENT, "邻居家疑似私接管道、绕表偷气，请稽查", informant=reporter
    )
    return service.refer(database, clerk, report)


def _every_row_outside_the_store(database) -> str:
    dumped = []
    with database.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            if table != PROTECTED:
                rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
                dumped.append(f"{table}: {rows!r}")
    return "\n".join(dumped)


def test_the_reporter_is_nowhere_but_the_protected_store(database, people, clock, caplog):
    caplog.set_level(logging.DEBUG)
    made = _report(database, people, clock)
    inspector = replace(people[Role.DEPARTMENT_STAFF], department_code="inspection")
    staff = context_for(inspector, clock)
    service.move(database, staff, made.id, ReferralStatus.ACKNOWLEDGED)
    service.move(database, staff, made.id, ReferralStatus.CLOSED, "已现场查处")
    assert made.confidential and (made.contact_name, made.contact_phone) == ("", "")
    everything = _every_row_outside_the_store(database)
    for secret in (CANARY_NAME, CANARY_PHONE, "晚上方便联系"):
        assert secret not in everything
        assert secret not in caplog.text
        assert secret not in repr(made) + repr(service.board(database, staff))
    with UnitOfWork(database) as uow:
        details = " ".join(uow.session.scalars(select(AuditEntry.details)))
        stored = uow.session.execute(text(f"SELECT * FROM {PROTECTED}")).all()
    assert CANARY_NAME not in details and CANARY_PHONE not in details
    assert [(r.reporter_name, r.reporter_phone) for r in stored] == [(CANARY_NAME, CANARY_PHONE)]


def test_a_request_never_shows_the_informant_in_a_repr():
    request = NewReferral(
        "inspection",
        Urgency.NORMAL,
        "私改管道，请查处",
        informant=Informant(CANARY_NAME, CANARY_PHONE),
    )
    assert CANARY_NAME not in repr(request) and CANARY_PHONE not in repr(request)
    assert "<withheld>" in repr(request)


@pytest.mark.parametrize(
    "role", [Role.CLERK, Role.SHIFT_MANAGER, Role.DEPARTMENT_STAFF, Role.ADMIN]
)
def test_only_the_auditor_reads_the_reporter_and_the_read_is_journaled(
    database, people, clock, role
):
    made = _report(database, people, clock)
    with pytest.raises(PermissionDeniedError):
        informants.read_informant(database, context_for(people[role], clock), made.id)
    auditor = context_for(people[Role.AUDITOR], clock)
    found = informants.read_informant(database, auditor, made.id)
    assert found is not None and (found.name, found.phone) == (CANARY_NAME, CANARY_PHONE)
    with UnitOfWork(database) as uow:
        query = select(AuditEntry.actor_employee_no, AuditEntry.object_id)
        reads = uow.session.execute(query.where(AuditEntry.action == "informant.read")).all()
    assert [tuple(r) for r in reads] == [(auditor.user.employee_no, f"举报 {made.reference}")]


def test_a_reporter_and_a_contact_together_are_refused(database, people, clock):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    mixed = NewReferral(
        "inspection",
        Urgency.NORMAL,
        "私改管道，请查处",
        contact_name="张三",
        informant=Informant(CANARY_NAME, CANARY_PHONE),
    )
    with pytest.raises(ReferralError) as caught:
        service.refer(database, clerk, mixed)
    assert caught.value.problem is ReferralProblem.CONTACT_WITH_INFORMANT


def test_the_slip_of_a_theft_report_carries_no_reporter(database, people, clock, tmp_path):
    made = _report(database, people, clock)
    layout = slip_layout(
        made, SlipDepartment("稽查部", "028-86000150", "", "二楼", "工作日"), HEADING, Paper.MM80
    )
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(render_pdf(layout, made.reference))
    words = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    native, _ = job_bytes(layout, JobOptions(Mode.NATIVE))
    assert f"举报 {made.reference}" in words.replace("\n", "")
    for secret in (CANARY_NAME, CANARY_PHONE):
        assert secret not in words
        assert secret.encode("gb18030") not in native


@pytest.mark.parametrize(
    "traceable",
    [
        {"contact_phone": "13800001111"},
        {"address": "锦华路25号"},
        {"account_no": "1028000001"},
        {"visit_id": 1},
    ],
)
def test_nothing_that_leads_back_to_the_reporter_goes_with_it(database, people, clock, traceable):
    clerk = at_counter(people[Role.CLERK], clock, "C01")
    reporter = Informant(CANARY_NAME, CANARY_PHONE)
    report = NewReferral("inspection", Urgency.NORMAL, "私改管道，请查处", informant=reporter)
    report = replace(report, **traceable)
    with pytest.raises(ReferralError) as caught:
        service.refer(database, clerk, report)
    assert caught.value.problem is ReferralProblem.CONTACT_WITH_INFORMANT


def test_a_theft_report_is_journaled_by_its_redacted_reference(database, people, clock):
    made = _report(database, people, clock)
    with UnitOfWork(database) as uow:
        named = set(
            uow.session.scalars(
                select(AuditEntry.object_id).where(AuditEntry.object_type == "referral")
            )
        )
    assert named == {f"举报 {made.reference}"}


def test_the_days_export_carries_no_reporter(database, people, clock, tmp_path):
    _report(database, people, clock)
    manager = context_for(people[Role.SHIFT_MANAGER], clock)
    target = tmp_path / "day.xlsx"
    export_days(database, manager, manager.today(), manager.today(), target)
    with zipfile.ZipFile(target) as book:
        text = "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    assert CANARY_NAME not in text and CANARY_PHONE not in text


def test_counter_staff_cannot_read_a_theft_reports_history_by_its_id(database, people, clock):
    referral = _report(database, people, clock)
    for role in (Role.CLERK, Role.SHIFT_MANAGER):
        counter = at_counter(people[role], clock, "C01")
        with pytest.raises(ReferralError) as refused:
            service.history(database, counter, referral.id)
        assert refused.value.problem is ReferralProblem.UNKNOWN_REFERRAL  # as if none existed
