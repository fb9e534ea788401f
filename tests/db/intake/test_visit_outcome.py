"""What a visit produced: its receipts (voided ones not counted) and referrals, and the
outcome F9 preselects from them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.domain import VisitOutcome, VisitStage
from hallclient.intake import visits
from hallclient.intake.outcome import visit_summary
from hallclient.intake.visits import VisitError
from hallclient.receipts.issue import issue_receipt
from tests.db.receipt_helpers import cash_request, open_till
from tests.db.shift_helpers import void


@pytest.fixture
def till(database):
    return open_till(database)


@pytest.fixture
def visit_id(till) -> int:
    return visits.start_walk_in(till.database, till.clerk).id


def _pay(till, visit_id: int) -> str:
    request = replace(cash_request(till.cart(("S105", "1"))), visit_id=visit_id)
    return issue_receipt(till.database, till.clerk, request).record.receipt_no


def test_nothing_produced_is_resolved(till, visit_id):
    summary = visit_summary(till.database, till.clerk, visit_id)
    assert (summary.receipt_nos, summary.referral_refs, summary.referred) == ((), (), False)
    assert summary.suggested_outcome is VisitOutcome.RESOLVED


def test_a_receipt_for_the_visit_is_charged_and_its_void_undoes_it(till, visit_id):
    other = visits.start_walk_in(till.database, till.clerk).id
    _pay(till, other)  # another visit's receipt does not count
    number = _pay(till, visit_id)
    summary = visit_summary(till.database, till.clerk, visit_id)
    assert summary.receipt_nos == (number,) and summary.charged
    assert summary.suggested_outcome is VisitOutcome.CHARGED
    void(till, till.clerk, number)
    assert visit_summary(till.database, till.clerk, visit_id).suggested_outcome is (
        VisitOutcome.RESOLVED
    )


def test_the_referring_stage_is_referred_even_with_a_receipt(till, visit_id):
    _pay(till, visit_id)
    visits.advance(till.database, till.clerk, visit_id, VisitStage.REFERRING)
    summary = visit_summary(till.database, till.clerk, visit_id)
    assert summary.referred and summary.suggested_outcome is VisitOutcome.REFERRED


def test_another_counters_visit_is_not_told(till, visit_id):
    elsewhere = replace(till.clerk, where=replace(till.clerk.where, counter_code="C09"))
    with pytest.raises(VisitError):
        visit_summary(till.database, elsewhere, visit_id)
