"""The link to a hall's PostgreSQL: which servers, which one is in use, how long to wait.

A hall may list a primary and its standby in one URL, in either multi-host form:
SQLAlchemy's repeated ``?host=h1:p1&host=h2:p2`` or libpq's ``?host=a,b&port=p,q``.
libpq tries them in order and, with ``target_session_attrs=read-write`` (the default
unless the URL sets it), keeps only a server that can write.  A server that turns out
unable to write or about to go (read-only, in recovery, shutting down, a cut or
timed-out connection) makes the engine drop the connection and the whole pool, so the
next attempt goes through the list again and finds the server that took over.

Every wait is bounded: connecting, each statement and an idle transaction on the
server, TCP keepalives for a dead peer, and the :class:`~db.pg_watchdog.Watchdog` for a
network that swallows everything.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL, Connection, ExceptionContext
from sqlalchemy.exc import DBAPIError

from db.pg_watchdog import Watchdog, WatchedConnection, watched_connect

log = logging.getLogger(__name__)
DEFAULT_PORT = 5432
UNBOUNDED_OPTION = "hallclient_unbounded"
# read-only, server shutting down / crashed / starting up or in recovery, a statement
# timed out, an idle transaction ended by the server; class 08 is a connection failure
_UNUSABLE_SERVER_CODES = frozenset({"25006", "57P01", "57P02", "57P03", "57014", "25P03"})
# of those, the server's own "not here": another server of the list may take the work now
_NOT_HERE_CODES = frozenset({"25006", "57P01", "57P02", "57P03"})


@dataclass(frozen=True)
class PgLimits:
    """How long a counter waits for PostgreSQL, in seconds (see the [database] settings)."""

    connect_timeout_s: int = 5
    statement_timeout_s: int = 15
    idle_in_transaction_timeout_s: int = 60
    keepalives: bool = True
    # the client-side deadline is the statement timeout plus this margin, so that the
    # server's own timeout (a clean error) normally comes first
    client_margin_s: float = 5.0

    @property
    def client_deadline_s(self) -> float:
        return self.statement_timeout_s + self.client_margin_s


def server_list(url: URL) -> list[tuple[str, int]]:
    """The ``(host, port)`` pairs a URL names, in order, in either multi-host form."""
    query_hosts = url.query.get("host")
    if query_hosts is None:
        return [(url.host or "localhost", url.port or DEFAULT_PORT)]
    if url.host:
        raise ValueError("name the servers either before the database or as ?host=, not both")
    if isinstance(query_hosts, tuple):  # ?host=h1:p1&host=h2:p2
        if "port" in url.query:
            raise ValueError("with repeated ?host=h:p, give the ports in the hosts, not ?port=")
        return [_host_port(token) for token in query_hosts]
    hosts = query_hosts.split(",")  # ?host=a,b&port=p,q (libpq's form)
    ports = _ports(url.query.get("port"), len(hosts))
    return list(zip(hosts, ports, strict=True))


def _host_port(token: str) -> tuple[str, int]:
    host, colon, port = token.rpartition(":")
    if not colon or token.startswith("/"):
        return token, DEFAULT_PORT
    if not port.isdigit():
        raise ValueError(f"the port of {token!r} is not a number")
    return host, int(port)


def _ports(value: str | tuple[str, ...] | None, count: int) -> list[int]:
    if value is None:
        return [DEFAULT_PORT] * count
    texts = ",".join(value).split(",") if isinstance(value, tuple) else value.split(",")
    if len(texts) == 1:
        texts *= count
    if len(texts) != count or not all(text.strip().isdigit() for text in texts):
        raise ValueError("?port= must list one number, or one per host")
    return [int(text) for text in texts]


def connect_arguments(url: URL, limits: PgLimits) -> tuple[URL, dict[str, Any]]:
    """The URL with its servers in one form (SQLAlchemy's repeated ``host=h:p``) and
    ``target_session_attrs``, and the driver arguments that carry the limits."""
    query = dict(url.query)
    if "host" in query:
        query.pop("port", None)
        query["host"] = tuple(f"{host}:{port}" for host, port in server_list(url))
    query.setdefault("target_session_attrs", "read-write")
    options = " ".join(
        part
        for part in (
            str(query.pop("options", "")),
            f"-c statement_timeout={limits.statement_timeout_s * 1000}",
            f"-c idle_in_transaction_session_timeout={limits.idle_in_transaction_timeout_s * 1000}",
        )
        if part
    )
    arguments: dict[str, Any] = {
        "connect_timeout": limits.connect_timeout_s,
        "options": options,
        "keepalives": int(limits.keepalives),
    }
    if limits.keepalives:
        arguments |= {"keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
    return url.set(query=query), arguments


def server_said_not_here(error: BaseException | None) -> bool:
    """True when the server itself refused: read-only, shutting down or in recovery (a
    failover under way), as opposed to a timeout, where trying again would wait again."""
    orig = getattr(error, "orig", error)
    return getattr(orig, "sqlstate", None) in _NOT_HERE_CODES


def is_unusable_server(error: BaseException | None) -> bool:
    """True when the server cannot take writes now or the connection is broken."""
    sqlstate = getattr(error, "sqlstate", None) or ""
    return sqlstate in _UNUSABLE_SERVER_CODES or sqlstate.startswith("08")


class PgLink:
    """The servers an engine may use and the one it used last."""

    def __init__(self, servers: list[tuple[str, int]], watchdog: Watchdog) -> None:
        self.servers = [f"{host}:{port}" for host, port in servers]
        self.in_use = self.servers[0]
        self.watchdog = watchdog

    def describe(self, database: str | None) -> str:
        text = f"PostgreSQL {self.in_use}/{database}"
        if len(self.servers) > 1:
            text += f" [{', '.join(self.servers)}]"  # the list, in no language
        return text

    def record_server(self, dbapi_conn: Any, _record: Any) -> None:
        """At each new connection: the server libpq chose from the list."""
        info = dbapi_conn.info
        server = f"{info.host}:{info.port}"
        if server != self.in_use:
            log.warning("database server now %s (was %s)", server, self.in_use)
            self.in_use = server


_LINKS: weakref.WeakKeyDictionary[Engine, PgLink] = weakref.WeakKeyDictionary()


def link_of(engine: Engine) -> PgLink | None:
    return _LINKS.get(engine)


def attach(engine: Engine, servers: list[tuple[str, int]], limits: PgLimits) -> PgLink:
    """Wire the engine: watched connections, failover on an unusable server, the host in use."""
    link = PgLink(servers, Watchdog(limits.client_deadline_s))
    _LINKS[engine] = link

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> WatchedConnection:
        return watched_connect(link.watchdog, *cargs, **cparams)

    event.listen(engine, "connect", link.record_server)
    event.listen(engine, "handle_error", _drop_unusable)
    event.listen(engine, "begin", _lift_limits_if_asked)
    return link


def _drop_unusable(context: ExceptionContext) -> None:
    """Discard the connection (and the pool's others) to a server that cannot serve us."""
    if not context.is_disconnect and is_unusable_server(context.original_exception):
        context.is_disconnect = True


def _lift_limits_if_asked(conn: Connection) -> None:
    """A migration or bulk load runs its transaction without the statement limits."""
    if conn.get_execution_options().get(UNBOUNDED_OPTION):
        dbapi_conn = conn.connection.dbapi_connection
        if isinstance(dbapi_conn, WatchedConnection):
            dbapi_conn.unbounded = True
        conn.exec_driver_sql("SET LOCAL statement_timeout = 0")


def is_unavailable(error: DBAPIError) -> bool:
    """The connection was dropped as unusable (see :func:`_drop_unusable`)."""
    return error.connection_invalidated or is_unusable_server(error.orig)
