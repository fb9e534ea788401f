"""A PostgreSQL primary and a streaming hot standby, for failover trials.

The standby is a ``pg_basebackup -R`` copy of the primary, synchronous
(``synchronous_standby_names = '*'``: a commit returns once the standby has it) or
asynchronous.  Its replication connection may go through a :class:`TcpProxy`, so that a
trial can stall the link (the asynchronous case where the primary's last commits never
reach the standby).  The trial promotes the standby, stops the primary, or brings the
old primary back read-only, as an operator or a crash would.
"""

from __future__ import annotations

import time
from typing import Any

import psycopg

from tests.pg_cluster import PgCluster
from tests.tcp_proxy import TcpProxy

WAIT_S = 30


class PgStandby(PgCluster):
    """A hot standby of ``primary``, following it through ``source_port`` (its own port
    unless a proxy sits between them)."""

    def __init__(self, primary: PgCluster, source_port: int) -> None:
        self.source_port = source_port
        # promoted, it has no standby of its own: waiting for one would hold every commit
        settings = dict(primary.settings)
        settings.pop("synchronous_standby_names", None)
        super().__init__(primary.bindir, settings=settings)

    def _make_datadir(self) -> None:
        self._check(
            "pg_basebackup",
            "-D",
            str(self.datadir),
            "-R",  # writes primary_conninfo and standby.signal: it starts as a standby
            "-X",
            "stream",
            "-c",
            "fast",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.source_port),
            "-U",
            "postgres",
            "--no-sync",
        )

    def promote(self) -> None:
        """Make the standby a primary that takes writes (``pg_ctl promote``, waited for)."""
        self._check("pg_ctl", "-D", str(self.datadir), "-w", "promote")


class PgPair:
    """A primary and its standby; :meth:`close` removes both (and the link's proxy)."""

    def __init__(self, *, synchronous: bool, link_proxy: bool = False) -> None:
        settings = {"synchronous_commit": "on", "wal_level": "replica"}
        if synchronous:
            settings["synchronous_standby_names"] = "*"
        self.synchronous = synchronous
        self.primary = PgCluster(settings=settings)
        self.link: TcpProxy | None = None
        self.standby: PgStandby | None = None
        try:
            if link_proxy:
                self.link = TcpProxy(self.primary.port)
            source = self.link.port if self.link else self.primary.port
            self.standby = PgStandby(self.primary, source)
            self.wait_streaming()
        except BaseException:
            self.close()
            raise

    def create_database(self, name: str) -> None:
        """A database on the primary, once the standby has it too."""
        self.primary.create_database(name)
        self.wait_replayed()

    def wait_replayed(self) -> None:
        """Until the standby has replayed everything the primary has written so far."""
        with psycopg.connect(self._conninfo(self.primary), autocommit=True) as conn:
            written = conn.execute("SELECT pg_current_wal_lsn()").fetchone()
        self._wait("SELECT pg_last_wal_replay_lsn() >= %s", written, self._standby(), "to catch up")

    def url(self, name: str, *, standby_first: bool = False, comma_form: bool = False) -> str:
        """A multi-host URL of database ``name`` listing both servers (primary first unless
        asked), in SQLAlchemy's repeated form or in libpq's comma form."""
        standby = self._standby()
        ports = [self.primary.port, standby.port]
        if standby_first:
            ports.reverse()
        base = f"postgresql+psycopg://postgres@/{name}"
        if comma_form:
            return f"{base}?host=127.0.0.1,127.0.0.1&port={ports[0]},{ports[1]}"
        return f"{base}?host=127.0.0.1:{ports[0]}&host=127.0.0.1:{ports[1]}"

    def wait_streaming(self) -> None:
        """Until the primary streams to the standby (as a synchronous one, if it is)."""
        wanted = "sync" if self.synchronous else "async"
        self._wait(
            "SELECT count(*) > 0 FROM pg_stat_replication"
            " WHERE state = 'streaming' AND sync_state = %s",
            (wanted,),
            self.primary,
            f"to stream ({wanted})",
        )

    def _wait(self, query: str, params: Any, cluster: PgCluster, what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            with psycopg.connect(self._conninfo(cluster), autocommit=True) as conn:
                row = conn.execute(query, params).fetchone()
            if row and row[0]:
                return
            time.sleep(0.05)
        raise RuntimeError(f"the standby failed {what} within {WAIT_S} s")

    def fence_primary(self) -> None:
        """Make the running primary refuse writes, its open sessions included (what an
        operator does before promoting, when the old primary cannot simply be stopped)."""
        with psycopg.connect(self._conninfo(self.primary), autocommit=True) as conn:
            conn.execute("ALTER SYSTEM SET default_transaction_read_only = on")
            conn.execute("SELECT pg_reload_conf()")

    def restart_primary_read_only(self) -> None:
        """Bring the stopped old primary back, refusing writes."""
        self.primary.start(default_transaction_read_only="on")

    def stall_link(self) -> None:
        """The replication link stops forwarding: the standby falls behind, silently."""
        if self.link is None:
            raise RuntimeError("this pair has no proxy on its replication link")
        self.link.freeze()

    def _standby(self) -> PgStandby:
        if self.standby is None:
            raise RuntimeError("the standby did not start")
        return self.standby

    @staticmethod
    def _conninfo(cluster: PgCluster) -> str:
        return f"host=127.0.0.1 port={cluster.port} user=postgres dbname=postgres"

    def close(self) -> None:
        if self.link is not None:
            self.link.resume()
        if self.standby is not None:
            self.standby.close()
        self.primary.close()
        if self.link is not None:
            self.link.close()

    def __enter__(self) -> PgPair:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
