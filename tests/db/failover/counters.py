"""Counters issuing receipts in threads, each with its own engine, for failover trials.

Each counter charges a payment and, when told the database is unavailable, sends the
same payment (the same key) again, as the payment page does, until it lands.  It
records what it was told was saved; anything other than a receipt or
:class:`DatabaseUnavailableError` reaching it is recorded as unexpected and stops it:
that is what a clerk would have seen as the window's apology.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from db import migrate
from db.domain import Role
from db.engine import Database
from db.models.receipts import Receipt
from db.pg_link import PgLimits
from hallclient.context import Context
from hallclient.errors import DatabaseUnavailableError
from hallclient.receipts.cart import Cart
from hallclient.receipts.errors import SeriesStoppedError
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.journal import CounterJournal
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import cash_request, open_till
from tests.db_fixtures import no_postgresql
from tests.pg_cluster import PgUnavailableError
from tests.pg_standby import PgPair

COUNTERS = 4
LIMITS = PgLimits(connect_timeout_s=2, statement_timeout_s=3, client_margin_s=1)
RETRY_PAUSE_S = 0.1


@dataclass(frozen=True)
class Saved:
    key: str
    receipt_no: str
    at: float  # time.monotonic() when the counter was told


@dataclass
class Counter:
    context: Context
    saved: list[Saved] = field(default_factory=list)
    unavailable: int = 0
    unexpected: list[BaseException] = field(default_factory=list)
    database: Database | None = None
    journal: CounterJournal | None = None  # the PC's own journal of receipts, if kept
    stopped: SeriesStoppedError | None = None  # the journal found the server lacking

    def saved_since(self, moment: float) -> bool:
        return any(saved.at > moment for saved in self.saved)


class Hall:
    """A migrated database on the pair's primary and four counters with open shifts;
    with ``journals``, each counter keeps its journal of receipts in a folder of its own
    there, as each counter PC does, and stops when the journal finds the server lacking."""

    def __init__(self, pair: PgPair, journals: Path | None = None) -> None:
        self.name = f"hallclient_trial_{uuid.uuid4().hex[:8]}"
        pair.create_database(self.name)
        self.url = pair.url(self.name)
        setup = Database.connect(pair.primary.url(self.name))
        try:
            migrate.upgrade(setup.engine)
            till = open_till(setup)
            self.cart: Cart = till.cart(("S105", "1"))
            contexts = [till.context(counter=f"C{n:02d}") for n in range(1, COUNTERS + 1)]
            self.admin = replace(contexts[0], user=till.people[Role.ADMIN])
        finally:
            setup.dispose()
        self.counters = [
            Counter(context, journal=_journal(journals, context)) for context in contexts
        ]
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(counter,), daemon=True)
            for counter in self.counters
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(30)

    def all_saved_since(self, moment: float) -> bool:
        return all(counter.saved_since(moment) for counter in self.counters)

    def unexpected(self) -> list[BaseException]:
        return [error for counter in self.counters for error in counter.unexpected]

    def _run(self, counter: Counter) -> None:
        database = counter.database = Database.connect(self.url, limits=LIMITS)
        try:
            while not self._stop.is_set() and not counter.unexpected and not counter.stopped:
                self._pay(database, counter)
        finally:
            database.dispose()

    def _pay(self, database: Database, counter: Counter) -> None:
        request = cash_request(self.cart)
        while not self._stop.is_set():
            try:
                issued = issue_receipt(database, counter.context, request, counter.journal)
            except SeriesStoppedError as error:  # the page's red note: IT restores first
                counter.stopped = error
                return
            except DatabaseUnavailableError:  # unconfirmed ones too: the key makes it safe
                counter.unavailable += 1
                self._stop.wait(RETRY_PAUSE_S)
                continue
            except Exception as error:  # what the window would show as its apology
                counter.unexpected.append(error)
                return
            counter.saved.append(Saved(request.key, issued.record.receipt_no, time.monotonic()))
            return


def _journal(root: Path | None, context: Context) -> CounterJournal | None:
    return None if root is None else CounterJournal(root / context.where.counter_code)


def started_pair(*, synchronous: bool, link_proxy: bool = False) -> PgPair:
    """A primary and its standby, or the test skipped (failed in CI) without PostgreSQL."""
    try:
        return PgPair(synchronous=synchronous, link_proxy=link_proxy)
    except PgUnavailableError as error:
        no_postgresql(str(error))


def receipts_on(url: str) -> dict[str, str]:
    """Every receipt on the server at ``url``, read-only or not: its number by key."""
    readable = make_url(url).update_query_dict({"target_session_attrs": "any"})
    database = Database.connect(readable.render_as_string(hide_password=False))
    try:
        with UnitOfWork(database) as uow:
            rows = uow.session.execute(select(Receipt.idempotency_key, Receipt.receipt_no))
            return {key: number for key, number in rows}
    finally:
        database.dispose()


def wait_until(condition: Callable[[], bool], within_s: float) -> bool:
    """Whether ``condition`` became true within ``within_s`` seconds."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
