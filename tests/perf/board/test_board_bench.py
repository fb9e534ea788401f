"""Benchmark: from a counter's call to the call board's announcement, across processes.

Run with ``pytest tests/perf/board -s -p no:cacheprovider --override-ini addopts=``.  A board
runs as ``hallclient board`` in a process of its own on a throwaway PostgreSQL cluster; this
process takes a ticket and calls it, ``HALLCLIENT_BENCH_CALLS`` times (50 by default).  The
latency of a call is from the moment ``call_next`` returned (committed) to the board's
announcement (its clock: the same machine); prints the median, p95 and worst.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

from tests.ui.board.board_process import board_process, call_until_heard, heard
from tests.ui.board.test_board_process import call_one, hall  # noqa: F401 - the fixture

pytestmark = pytest.mark.perf
CALLS = int(os.environ.get("HALLCLIENT_BENCH_CALLS", "50"))
GAP_S = 0.2  # between calls: a busy hall calls far less often


def test_call_to_board_latency(hall, tmp_path):  # noqa: F811 - the fixture
    url, database, clerk = hall
    committed: dict[int, int] = {}
    with board_process(url, tmp_path) as announced:
        assert call_until_heard(lambda: call_one(database, clerk), announced)
        time.sleep(1)  # the listener is up by now
        for _ in range(CALLS):
            ticket = call_one(database, clerk)
            committed[ticket] = time.time_ns()
            time.sleep(GAP_S)
        deadline = time.monotonic() + 30
        while len([h for h in heard(announced) if h.ticket_id in committed]) < CALLS:
            assert time.monotonic() < deadline, "the board missed calls"
            time.sleep(0.1)
    latencies = sorted(
        (item.at_ns - committed[item.ticket_id]) / 1e6
        for item in heard(announced)
        if item.ticket_id in committed
    )
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"\ncall → board announcement, PostgreSQL LISTEN/NOTIFY, {CALLS} calls")
    print(f"{'median ms':>10} {'p95 ms':>10} {'worst ms':>10}")
    print(f"{statistics.median(latencies):10.1f} {p95:10.1f} {latencies[-1]:10.1f}")
    assert len(latencies) == CALLS
