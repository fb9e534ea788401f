"""A throwaway PostgreSQL cluster started from local binaries, for tests.

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres``
system user and its programs run through ``runuser`` (DESIGN §6a).  Nothing here
depends on pytest; ``tests/db_fixtures.py`` wraps it in fixtures.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

_SERVER_USER = "postgres"
# the suite's cluster trades durability for speed; benchmarks ask for a durable one
_SPEED_OPTIONS = "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"


class PgUnavailableError(RuntimeError):
    """No PostgreSQL server binaries were found on this machine."""


def find_bindir() -> Path:
    """Where initdb and pg_ctl live: $HALLCLIENT_PG_BINDIR, pg_config, or the newest Debian dir."""
    candidates: list[Path] = []
    if env := os.environ.get("HALLCLIENT_PG_BINDIR"):
        candidates.append(Path(env))
    if pg_config := shutil.which("pg_config"):
        result = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            candidates.append(Path(result.stdout.strip()))
    candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version, reverse=True))
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise PgUnavailableError(
        "no PostgreSQL server binaries (initdb, pg_ctl) found: install postgresql, "
        "set HALLCLIENT_PG_BINDIR, or point HALLCLIENT_TEST_PG_URL at a server"
    )


def _version(bindir: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_root() -> bool:
    return os.geteuid() == 0


class PgServer:
    """A PostgreSQL server reachable through an admin URL, able to make fresh databases."""

    def __init__(self, admin_url: str | URL) -> None:
        self.admin_url = make_url(admin_url).set(drivername="postgresql+psycopg")

    def url(self, name: str) -> str:
        """The SQLAlchemy URL of database *name* on this server (password included)."""
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def _execute(self, statement: sql.Composed) -> None:
        libpq_url = self.admin_url.set(drivername="postgresql")
        conninfo = libpq_url.render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(statement)

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create a database, empty or a copy of ``template``; return its SQLAlchemy URL."""
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self._execute(statement)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


class PgCluster(PgServer):
    """A cluster in a temporary directory; :meth:`close` stops it and removes the directory.

    ``settings`` are server settings (``-c name=value``) on top of the suite's own.
    """

    def __init__(
        self,
        bindir: Path | None = None,
        *,
        durable: bool = False,
        settings: Mapping[str, str] | None = None,
    ) -> None:
        self.bindir = bindir or find_bindir()
        self.durable = durable
        self.settings = dict(settings or {})
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="hallclient-pg-", dir=self._parent()))
        self.root.chmod(0o755)
        self.datadir = self.root / "data"
        self.socketdir = self.root / "sock"
        self.logfile = self.root / "server.log"
        super().__init__(f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres")
        try:
            self._init()
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _parent() -> Path:
        """A directory that the ``postgres`` user can traverse (pytest's tmp_path may be 0700)."""
        parent = Path(tempfile.gettempdir())
        if (parent.stat().st_mode & 0o001) == 0:
            parent = Path("/tmp")
        return parent

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / program), *args]
        if _as_root():
            command = ["runuser", "-u", _SERVER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    def _check(self, program: str, *args: str) -> None:
        result = self._run(program, *args)
        if result.returncode != 0:
            log = self.logfile.read_text() if self.logfile.exists() else "(no server log)"
            raise RuntimeError(
                f"{program} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n"
                f"--- server log {self.logfile} ---\n{log}"
            )

    def _init(self) -> None:
        self.socketdir.mkdir()
        if _as_root():
            shutil.chown(self.root, user=_SERVER_USER)
            shutil.chown(self.socketdir, user=_SERVER_USER)
        self._make_datadir()
        self.start()

    def _make_datadir(self) -> None:
        self._check(
            "initdb",
            "-D",
            str(self.datadir),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )

    def start(self, **settings: str) -> None:
        """Start the server (again), with ``settings`` on top of the cluster's own."""
        options = f"-h 127.0.0.1 -p {self.port} -k {self.socketdir}"
        if not self.durable:
            options += f" {_SPEED_OPTIONS}"
        for name, value in (self.settings | settings).items():
            options += " -c " + shlex.quote(f"{name}={value}")  # pg_ctl runs it through sh
        self._check(
            "pg_ctl", "-w", "-D", str(self.datadir), "-l", str(self.logfile), "-o", options, "start"
        )

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: ``fast`` (clean) or ``immediate`` (as if it crashed)."""
        self._check("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")

    def close(self) -> None:
        """Stop the server (fast shutdown) and delete its directory."""
        if self.datadir.exists():
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgCluster:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
