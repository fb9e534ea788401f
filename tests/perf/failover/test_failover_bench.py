"""Benchmark: how long four counters go without a receipt through a failover.

Run with ``pytest tests/perf/failover -s -p no:cacheprovider --override-ini addopts=``.
Each round starts a primary and a synchronous standby (``HALLCLIENT_BENCH_ROUNDS``, 3 by
default), lets four counters issue, then either crashes the primary and promotes the
standby, or fences the primary read-only, promotes the standby and brings the old primary
back read-only, first in the URL, cutting the counters' connections.  Prints, per kind,
the seconds from the crash (or the cut) to each counter's first receipt after it (median
and worst of all counters and rounds); asserts only that every counter wrote again.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

from tests.db.failover.counters import Hall, started_pair, wait_until
from tests.db.failover.test_failover import _cut_connections
from tests.pg_standby import PgPair

pytestmark = pytest.mark.perf
ROUNDS = int(os.environ.get("HALLCLIENT_BENCH_ROUNDS", "3"))
WARM_RECEIPTS = 3


def _back_after(hall: Hall, moment: float) -> list[float]:
    """Each counter's seconds from ``moment`` to its first receipt after it."""
    return [min(s.at for s in c.saved if s.at > moment) - moment for c in hall.counters]


def _crash(pair: PgPair, hall: Hall) -> float:
    assert pair.standby is not None
    pair.primary.stop("immediate")
    down = time.monotonic()  # from here no receipt can land: the promotion is downtime too
    pair.standby.promote()
    return down


def _read_only_back(pair: PgPair, hall: Hall) -> float:
    assert pair.standby is not None
    pair.fence_primary()
    pair.standby.promote()
    promoted = time.monotonic()
    assert wait_until(lambda: hall.all_saved_since(promoted), 30)
    pair.primary.stop("fast")
    pair.restart_primary_read_only()
    _cut_connections(pair.standby.port, hall.name)
    return time.monotonic()


def _round(event) -> list[float]:
    with started_pair(synchronous=True) as pair:
        hall = Hall(pair)
        hall.start()
        try:
            assert wait_until(lambda: all(len(c.saved) >= WARM_RECEIPTS for c in hall.counters), 60)
            moment = event(pair, hall)
            assert wait_until(lambda: hall.all_saved_since(moment), 30)
        finally:
            hall.stop()
        assert hall.unexpected() == []
        return _back_after(hall, moment)


def test_four_counters_through_a_failover() -> None:
    print(f"\n{ROUNDS} rounds, 4 counters, {os.cpu_count()} CPU cores")
    print(f"{'event':<44} {'median s':>9} {'worst s':>8}")
    for name, event in (
        ("primary crashed, standby promoted", _crash),
        ("old primary back read-only, first in the URL", _read_only_back),
    ):
        seconds = [s for _ in range(ROUNDS) for s in _round(event)]
        print(f"{name:<44} {statistics.median(seconds):9.2f} {max(seconds):8.2f}")
