"""CPU time used by a local PostgreSQL server: the postmaster and every process it started.

Read from ``/proc`` (Linux), so it works only for a cluster on this machine.  The
issuance benchmark uses it to tell the server's share of the work from the counters'
share when both run on the same cores.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.pg_cluster import PgCluster

_TICKS = os.sysconf("SC_CLK_TCK")


def postmaster_pid(cluster: PgCluster) -> int:
    """The server's main process, from the first line of ``postmaster.pid``."""
    return int((cluster.datadir / "postmaster.pid").read_text().split()[0])


def server_cpu_seconds(postmaster: int) -> float:
    """User and system CPU seconds of the postmaster and of every process it started.

    A live child counts its own time; one that has ended (a backend, an autovacuum
    worker) counts in the postmaster's "children" time once the postmaster has reaped
    it, so the difference of two readings holds the processes that ended in between.
    """
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        if postmaster in (int(entry.name), int(fields[1])):  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime
        if int(entry.name) == postmaster:
            total += (int(fields[13]) + int(fields[14])) / _TICKS  # cutime, cstime
    return total
