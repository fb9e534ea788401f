"""Benchmark: the hall's referrals page and the status bar's count over a year of referrals.

Run with ``pytest tests/perf/referrals -s -p no:cacheprovider --override-ini addopts=``.
100,000 referrals at three halls (``HALLCLIENT_BENCH_REFERRALS`` changes it), nearly all
closed, sixty of them open or returned.  Both queries scan the table (no index leads with
the hall: none was added, to need no schema change); prints the median of each on both
databases and asserts only what they found.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time

import pytest

from db.domain import ReferralStatus, Role, Urgency
from db.models import Referral
from hallclient.clock import FixedClock
from hallclient.referrals import hall_list
from hallclient.uow import UnitOfWork, run_write
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import add_users

pytestmark = pytest.mark.perf
REFERRALS = int(os.environ.get("HALLCLIENT_BENCH_REFERRALS", "100000"))
NOT_DONE = 60  # the newest: open or returned
NOW = dt.datetime(2026, 11, 26, 4, 0, tzinfo=dt.UTC)
MATTER = "厨房燃气表不走字，客户要求上门检修"


def _fill(uow: UnitOfWork) -> None:
    chance = random.Random(2026)
    rows = []
    for number in range(1, REFERRALS + 1):
        made = NOW - dt.timedelta(minutes=chance.randint(0, 365 * 24 * 60))
        done = [ReferralStatus.CLOSED] * 9 + [ReferralStatus.TAKEN_UP]
        waiting = [ReferralStatus.NEW, ReferralStatus.ACKNOWLEDGED, ReferralStatus.RETURNED]
        rows.append(
            {
                "reference": f"ZB2026-{number:06d}",
                "year": 2026,
                "number": number,
                "hall_code": chance.choice(["H01", "H02", "H03"]),
                "counter_code": "C01",
                "department_code": "emergency_repair",
                "urgency": Urgency.NORMAL,
                "matter": MATTER,
                "status": chance.choice(waiting if number > REFERRALS - NOT_DONE else done),
                "created_by": "1001",
                "created_at": made,
                "due_at": made + dt.timedelta(hours=24),
                "outcome": "",
                "confidential": False,
                "contact_name": "",
                "contact_phone": "",
                "address": "",
                "appointment": "",
            }
        )
    uow.session.execute(Referral.__table__.insert(), rows)
    uow.commit()


def _median_ms(call, times: int = 20) -> float:
    samples = []
    for _ in range(times):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_a_year_of_referrals(database, backend):
    add_hall(database)
    clerk = at_counter(add_users(database)[Role.CLERK], FixedClock(NOW), "C01")
    run_write(database, _fill)
    count = hall_list.needing_counter(database, clerk)
    listed = hall_list.hall_referrals(database, clerk)
    assert 0 < count <= len(listed)
    print(f"\n{backend}: {REFERRALS:,} referrals at 3 halls, {os.cpu_count()} CPU cores")
    for name, call in (
        ("status bar count", lambda: hall_list.needing_counter(database, clerk)),
        (f"hall's list ({len(listed)} rows)", lambda: hall_list.hall_referrals(database, clerk)),
    ):
        print(f"{name:<28} {_median_ms(call):8.1f} ms")
