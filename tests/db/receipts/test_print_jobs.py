"""Print jobs: pending until printed, faults keep them pending, copies are counted."""

from __future__ import annotations

import pytest

from db.domain import PrintStatus
from hallclient.receipts import jobs
from hallclient.receipts.errors import ReceiptError
from hallclient.receipts.issue import issue_receipt
from tests.db.receipt_helpers import cash_request, open_till
from tests.db.security_helpers import journal


@pytest.fixture
def till(database):
    return open_till(database)


def _issue(till):
    return issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))


def test_a_fault_keeps_the_job_pending_with_its_message_until_printed(till):
    issued = _issue(till)
    jobs.mark_sending(till.database, till.clerk, issued.print_job_id)
    jobs.mark_failed(till.database, till.clerk, issued.print_job_id, "缺纸", maybe_printed=False)
    [job] = jobs.unfinished_jobs(till.database, till.clerk)
    assert (job.status, job.attempts, job.last_error) == (PrintStatus.PENDING, 1, "缺纸")
    jobs.mark_sending(till.database, till.clerk, job.job_id)
    jobs.mark_printed(till.database, till.clerk, job.job_id)
    assert jobs.unfinished_jobs(till.database, till.clerk) == []


def test_each_further_copy_is_counted_and_journaled(till):
    number = _issue(till).record.receipt_no
    copies = [jobs.request_copy(till.database, till.clerk, number, "顾客遗失") for _ in range(2)]
    assert [(c.copy_no, c.reprint_count) for c in copies] == [(2, 1), (3, 2)]
    reprints = [a for a, action, obj in journal(till.database) if action == "receipt.reprint"]
    assert len(reprints) == 2
    with pytest.raises(ReceiptError):
        jobs.request_copy(till.database, till.clerk, "H01-C01-2026-999999", "x")


@pytest.mark.parametrize("printed", [True, False])
def test_an_interrupted_job_is_settled_by_the_clerk(till, printed):
    issued = _issue(till)
    jobs.mark_sending(till.database, till.clerk, issued.print_job_id)  # then the PC died
    [found] = jobs.unfinished_jobs(till.database, till.clerk)
    assert found.status is PrintStatus.SENDING
    copy = jobs.resolve_interrupted(till.database, till.clerk, found.job_id, printed=printed)
    waiting = jobs.unfinished_jobs(till.database, till.clerk)
    if printed:
        assert copy is None and waiting == []
    else:
        assert copy is not None and copy.reprint_count == 1  # a copy may exist: marked 重打 1
        assert [job.job_id for job in waiting] == [copy.job_id]
    with pytest.raises(ReceiptError):
        jobs.resolve_interrupted(till.database, till.clerk, found.job_id, printed=True)
