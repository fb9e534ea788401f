"""``hallclient board`` in a process of its own, writing what it announces to a file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Heard:
    at_ns: int  # time.time_ns() in the board's process when it announced
    ticket_id: int
    calls: int
    text: str


def heard(path: Path) -> list[Heard]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Heard(int(a), int(t), int(c), text) for a, t, c, text in (x.split("\t") for x in lines)]


@contextmanager
def board_process(url: str, folder: Path) -> Iterator[Path]:
    """The board on ``url`` (hall H01, offscreen, silent); yields its announcement file."""
    announcements = folder / "announced.tsv"
    environment = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "HALLCLIENT_DATABASE_URL": url,
        "HALLCLIENT_HALL_CODE": "H01",
        "HALLCLIENT_BOARD_VOICE": "false",
    }
    command = [sys.executable, "-m", "ui.main", "board", "--windowed"]
    process = subprocess.Popen(
        [*command, "--announce-to", str(announcements)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "board.err").open("w"),
    )
    try:
        yield announcements
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def call_until_heard(call: Callable[[], int], path: Path, timeout_s: float = 60) -> bool:
    """Call a ticket each second until the board (still starting) announces one of them."""
    called: set[int] = set()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        called.add(call())
        if any(item.ticket_id in called for item in heard(path)):
            return True
        time.sleep(1)
    return False
