"""Benchmark: fee lookup per keystroke and quotes per second on a 5,000-item schedule.

Run with ``pytest tests/perf/tariff/test_tariff_bench.py -s -p no:cacheprovider --override-ini
addopts=``.  Targets (issue 4): lookup p95 ≤ 2 ms per keystroke, pinyin initials
included; ≥ 50,000 quotes a second.  Prints a table; asserts only that results came back.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from decimal import Decimal

import pytest

from hallclient.pinyin import initials
from hallclient.tariff.catalog import Catalog
from hallclient.tariff.pricing import AccountFacts, Pricer
from hallclient.tariff.rules import Band, Category, PricedItem, ScheduleRef, TierPlan

pytestmark = pytest.mark.perf
ITEMS = 5_000
REF = ScheduleRef(
    "BENCH", "基准测试收费标准", "测价〔2026〕99号", "测试物价局", dt.date(2026, 1, 1), None
)
WORDS = [
    "燃气",
    "表具",
    "校验",
    "通气",
    "点火",
    "服务",
    "管道",
    "改装",
    "波纹管",
    "报警器",
    "过户",
    "补卡",
    "安装",
    "维修",
    "阀门",
    "调压器",
    "安检",
    "稽查",
    "工本",
    "押金",
]
PLAN = TierPlan(
    (
        Band(1, Decimal(300), Decimal("2.61"), Decimal(60)),
        Band(2, Decimal(600), Decimal("3.13"), Decimal(120)),
        Band(3, None, Decimal("3.92"), Decimal(120)),
    )
)
KEYSTROKES = (
    "g",
    "gh",
    "ghf",
    "r",
    "rq",
    "rqb",
    "燃",
    "燃气",
    "燃气表",
    "S1",
    "S12",
    "S123",
    "bwg",
    "校验",
    "x",
    "xy",
)


def _items(rnd: random.Random) -> list[PricedItem]:
    items = []
    for n in range(ITEMS):
        name = "".join(rnd.sample(WORDS, 2)) + ("费" if n % 3 else "")
        gas = n % 50 == 0
        items.append(
            PricedItem(
                f"S{n:04d}",
                name,
                initials(name),
                Category.GAS_VOLUME if gas else Category.SERVICE_FEE,
                "m³" if gas else "次",
                Decimal(rnd.randint(1, 99999)).scaleb(-2),
                ("residential", "commercial"),
                "",
                REF,
                PLAN if gas else None,
            )
        )
    return items


def _lookup_times(catalog: Catalog) -> list[float]:
    times = []
    for _ in range(20):
        for query in KEYSTROKES:
            started = time.perf_counter()
            found = catalog.search(query)
            times.append(time.perf_counter() - started)
            assert isinstance(found, list)
    return times


def _quotes_per_second(pricer: Pricer, codes: list[str]) -> float:
    account = AccountFacts("100000001", "residential", Decimal(250), None, 5)
    count, started = 0, time.perf_counter()
    while count < 100_000:
        for code in codes:
            pricer.quote(code, Decimal(35), account)
        count += len(codes)
    return count / (time.perf_counter() - started)


def test_lookup_and_quote_speed() -> None:
    rnd = random.Random(4)
    started = time.perf_counter()
    items = _items(rnd)
    catalog = Catalog(items)
    built = time.perf_counter() - started
    times = sorted(_lookup_times(catalog))
    p95 = times[int(len(times) * 0.95)]
    pricer = Pricer(items, dt.date(2026, 6, 1))
    plain = _quotes_per_second(pricer, [item.code for item in items if item.tiers is None][:200])
    tiered = _quotes_per_second(pricer, [item.code for item in items if item.tiers][:50])
    print()
    print(f"{'measure':<34} {'value':>12} {'target':>12}")
    print(f"{'items, catalog build (s)':<34} {built:>12.2f} {'':>12}")
    print(f"{'lookup median (ms)':<34} {statistics.median(times) * 1e3:>12.3f} {'':>12}")
    print(f"{'lookup p95 (ms)':<34} {p95 * 1e3:>12.3f} {'≤ 2':>12}")
    print(f"{'quotes/s, one line':<34} {plain:>12,.0f} {'≥ 50,000':>12}")
    print(f"{'quotes/s, tiered gas, account':<34} {tiered:>12,.0f} {'≥ 50,000':>12}")
