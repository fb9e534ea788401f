"""Benchmark: the script panel and the forbidden-phrase check (issue 8).

Run with ``pytest tests/perf/scripts/test_scripts_bench.py -s -p no:cacheprovider
--override-ini addopts=``.  The issue sets no figure; the panel follows every stage
change and the check runs as the clerk types, so both should stay well under the
100 ms a clerk notices.  Prints a table; asserts only that the work was done.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

from db.domain import Role
from hallclient.clock import FixedClock
from hallclient.intake import queue
from hallclient.scripts import visit_record
from hallclient.scripts.desk import SAMPLE_CHOICES
from hallclient.scripts.panel import Speaker, compose
from hallclient.scripts.service import scripts_in_force
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.script_helpers import default_scripts, phrase_checker
from tests.db.security_helpers import START, add_users

pytestmark = pytest.mark.perf
SPEAKER = Speaker("燃气有限公司", "锦华营业厅", "1 号窗口", "counter 1", "王丽", "1001", "96777")
NOTE = ("客户来电咨询阶梯气价，说明了各档气量与单价，客户表示理解。" * 60)[:2000]


def _percentiles(call, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_the_panel_and_the_phrase_check(database, backend):
    add_hall(database)
    clerk = at_counter(add_users(database)[Role.CLERK], FixedClock(START), "C01")
    queue.issue_ticket(database, clerk, "payment")
    visit_id = queue.call_next(database, clerk).visit_id
    defaults = default_scripts()

    def panel() -> None:
        facts = visit_record.visit_facts(database, clerk, visit_id)
        scripts = {s: (e.text, e.version) for s, e in scripts_in_force(database, defaults).items()}
        shown = compose(scripts, facts, SPEAKER, SAMPLE_CHOICES)
        stage = [(s.script, s.version) for s in shown if s.for_stage]
        visit_record.record_shown(database, clerk, visit_id, stage)

    checker = phrase_checker()
    checker.findings("预热")
    remark = "客户说不 歸 我管，要求重新核对"
    rows = [
        ("panel: facts, scripts in force, compose, record", *_percentiles(panel, 200)),
        (
            "phrase check, a 2,000-character note",
            *_percentiles(lambda: checker.findings(NOTE), 200),
        ),
        ("phrase check, a one-line remark", *_percentiles(lambda: checker.findings(remark), 2000)),
    ]
    assert visit_record.shown_on_visit(database, clerk, visit_id)
    print(f"\n{backend}: script panel and phrase check, {os.cpu_count()} CPU cores")
    print(f"{'':<52} {'median':>10} {'p95':>10}")
    for name, median, p95 in rows:
        print(f"{name:<52} {median * 1000:>8.2f}ms {p95 * 1000:>8.2f}ms")
