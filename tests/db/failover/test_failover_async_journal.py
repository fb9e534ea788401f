"""The asynchronous failover trial: four counters keep issuing while the replication link
is stalled, the primary crashes and the standby is promoted without the receipts the
primary had confirmed.  Each counter's own journal names exactly the receipts the
promoted server lacks and stops that series; ``restore_from_counter`` puts them back with
their numbers and hashes; issuing resumes with the next number, none given twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.journal_restore import restore_from_counter
from hallclient.receipts.verify import check_all
from tests.db.failover.counters import LIMITS, Hall, receipts_on, started_pair, wait_until
from tests.db.receipt_helpers import cash_request
from tests.pg_standby import PgPair

WARM_RECEIPTS = 3
STALLED_RECEIPTS = 3  # each counter's, confirmed by the primary alone


@pytest.fixture
def stalled_pair() -> Iterator[PgPair]:
    with started_pair(synchronous=False, link_proxy=True) as pair:
        yield pair


def _number(receipt_no: str) -> int:
    return int(receipt_no.rsplit("-", 1)[1])


def test_asynchronous_failover_losses_are_named_by_the_journals_and_restored(
    stalled_pair: PgPair, tmp_path: Path
) -> None:
    standby = stalled_pair.standby
    assert standby is not None
    hall = Hall(stalled_pair, journals=tmp_path)
    hall.start()
    try:
        assert wait_until(lambda: all(len(c.saved) >= WARM_RECEIPTS for c in hall.counters), 60)
        stalled_pair.stall_link()
        stalled = {id(c): len(c.saved) for c in hall.counters}
        assert wait_until(
            lambda: all(len(c.saved) >= stalled[id(c)] + STALLED_RECEIPTS for c in hall.counters),
            30,
        )
        stalled_pair.primary.stop("immediate")
        standby.promote()
        assert wait_until(lambda: all(c.stopped for c in hall.counters), 30)
    finally:
        hall.stop()
    assert hall.unexpected() == []

    on_promoted = receipts_on(standby.url(hall.name))
    told = {saved.key: saved.receipt_no for c in hall.counters for saved in c.saved}
    lost = {key: number for key, number in told.items() if key not in on_promoted}
    assert len(lost) >= len(hall.counters) * STALLED_RECEIPTS  # the stall did lose them
    database = Database.connect(hall.url, limits=LIMITS)
    try:
        for counter in hall.counters:
            assert counter.journal is not None and counter.stopped is not None
            mine = {_number(told[s.key]) for s in counter.saved if s.key in lost}
            (gap,) = counter.journal.missing_on(database)
            assert set(gap.missing) == mine and gap.differing == ()
            assert set(counter.stopped.numbers) <= mine  # what the clerk was shown
        for counter in hall.counters:
            assert counter.journal is not None
            (restored,) = restore_from_counter(database, hall.admin, counter.journal)
            assert set(restored.numbers) == {
                _number(told[s.key]) for s in counter.saved if s.key in lost
            }
        assert {key: receipts_on(hall.url).get(key) for key in told} == told
        assert check_all(database).ok  # every chain whole again
        for counter in hall.counters:  # issuing resumes, with the next number
            issued = issue_receipt(
                database, counter.context, cash_request(hall.cart), counter.journal
            )
            last = max(_number(s.receipt_no) for s in counter.saved)
            assert _number(issued.record.receipt_no) == last + 1
    finally:
        database.dispose()
    numbers = list(receipts_on(hall.url).values())
    assert len(numbers) == len(set(numbers))  # no number given to a second payment
