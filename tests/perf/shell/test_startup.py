"""Start-up benchmark: first paint of the login dialog against a bare PySide6 window.

Run with ``.venv/bin/python -m pytest tests/perf/shell/test_startup.py -s --override-ini addopts=``.
Target (issue 2): at most 1.5× the time and 2× the peak memory of the bare window.  Both
are measured in the same run, alternating, and the medians are compared; the table is
printed, nothing is asserted about speed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROBE = Path(__file__).parent.parent / "startup_probe.py"
ROOT = Path(__file__).resolve().parents[3]
ROUNDS = int(os.environ.get("HALLCLIENT_BENCH_ROUNDS", "7"))


def _measure(kind: str, env: dict[str, str]) -> tuple[float, int]:
    """Wall time from process launch to first paint, and peak RSS in KiB."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(PROBE), kind],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    elapsed = time.perf_counter() - started
    line = next(line for line in out.splitlines() if line.startswith("painted"))
    return elapsed, int(line.split()[2])


@pytest.mark.perf
def test_login_first_paint_against_bare_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name)
    database = tmp_path / "bench.sqlite3"
    env["HALLCLIENT_DATABASE_URL"] = f"sqlite:///{database}"
    subprocess.run(
        [sys.executable, "-m", "ui", "demo", "--accounts", "1000"], env=env, cwd=ROOT, check=True
    )
    results: dict[str, list[tuple[float, int]]] = {"bare": [], "app": []}
    for kind in results:  # warm-up: bytecode caches and the OS file cache
        _measure(kind, env)
    for _ in range(ROUNDS):
        for kind, runs in results.items():
            runs.append(_measure(kind, env))
    bare_t = statistics.median(t for t, _ in results["bare"])
    bare_m = statistics.median(m for _, m in results["bare"])
    print(
        f"\n{'window':<8}{'first paint (median s)':>24}{'peak RSS (MiB)':>18}{'time ×':>9}"
        f"{'memory ×':>10}"
    )
    for kind, runs in results.items():
        t = statistics.median(t for t, _ in runs)
        m = statistics.median(m for _, m in runs)
        print(f"{kind:<8}{t:>24.3f}{m / 1024:>18.1f}{t / bare_t:>9.2f}{m / bare_m:>10.2f}")
    print(f"({ROUNDS} rounds each, alternating; targets: time × ≤ 1.50, memory × ≤ 2.00)")
    assert len(results["app"]) == ROUNDS
