"""A network that stops forwarding: a payment is cut off, not held for as long as it lasts.

A real payment goes through a TCP proxy to a real PostgreSQL; the proxy freezes in the
middle (during a statement, or with the COMMIT on its way).  Neither the server's
timeouts nor TCP keepalives notice; the engine's watchdog does, so the call returns
unavailable (or unconfirmed, during the commit) within the test's 2 s statement timeout
plus margin.  Sent again with the same key once the network is back, the payment is
charged once.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url

from db.engine import Database
from db.models.receipts import Receipt
from db.pg_link import PgLimits
from hallclient.errors import CommitUnconfirmedError, DatabaseUnavailableError
from hallclient.receipts.issue import issue_receipt
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import cash_request, open_till
from tests.pg_cluster import PgServer
from tests.tcp_proxy import TcpProxy

LIMITS = PgLimits(connect_timeout_s=2, statement_timeout_s=2, client_margin_s=1)
RETURNS_WITHIN_S = 30  # generous: the watchdog cuts after 3 s


@dataclass
class Hall:
    direct: Database  # the test's own view of the server, not through the proxy
    counter: Database  # the counter's, through the proxy
    proxy: TcpProxy


@pytest.fixture
def hall(pg_server: PgServer, pg_template: str) -> Iterator[Hall]:
    name = f"hallclient_test_{uuid.uuid4().hex[:12]}"
    url = make_url(pg_server.create_database(name, template=pg_template))
    proxy = TcpProxy(url.port or 5432, url.host or "127.0.0.1")
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    direct = Database.connect(url.render_as_string(hide_password=False))
    counter = Database.connect(proxied, limits=LIMITS)
    try:
        yield Hall(direct, counter, proxy)
    finally:
        proxy.resume()
        counter.dispose()
        direct.dispose()
        proxy.close()
        pg_server.drop_database(name)


def _outcome(call: Callable[[], Any]) -> BaseException | Any:
    """The call's result or error, run in a thread and waited for with a generous bound."""
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(call())
        except BaseException as error:  # handed to the test to assert on
            box.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(RETURNS_WITHIN_S)
    assert not thread.is_alive(), "the call is still blocked on the frozen network"
    return box[0]


def _charges(database: Database, key: str) -> int:
    with UnitOfWork(database) as uow:
        count = select(func.count()).select_from(Receipt).where(Receipt.idempotency_key == key)
        return uow.session.scalar(count) or 0


def test_a_hanging_network_during_a_statement_fails_the_payment_and_the_retry_charges_once(
    hall: Hall,
) -> None:
    till = open_till(hall.direct)
    request = cash_request(till.cart(("S105", "1")))

    def freeze_at_the_receipt(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO receipts "):
            hall.proxy.freeze()

    event.listen(hall.counter.engine, "before_cursor_execute", freeze_at_the_receipt)
    error = _outcome(lambda: issue_receipt(hall.counter, till.clerk, request))
    event.remove(hall.counter.engine, "before_cursor_execute", freeze_at_the_receipt)
    assert isinstance(error, DatabaseUnavailableError)
    assert not isinstance(error, CommitUnconfirmedError)  # cut before the commit: nothing saved
    hall.proxy.resume()
    issued = issue_receipt(hall.counter, till.clerk, request)
    assert not issued.replayed
    assert _charges(hall.direct, request.key) == 1


def test_a_hanging_network_during_the_commit_says_unconfirmed_and_the_retry_charges_once(
    hall: Hall,
) -> None:
    """The COMMIT is held by the network and delivered after the cut: the server commits a
    payment the counter was told "may have been saved"; the same key finds it."""
    till = open_till(hall.direct)
    request = cash_request(till.cart(("S105", "1")))
    event.listen(hall.counter.engine, "commit", lambda _conn: hall.proxy.freeze())
    error = _outcome(lambda: issue_receipt(hall.counter, till.clerk, request))
    assert isinstance(error, CommitUnconfirmedError)
    assert "may have been saved" in str(error)
    hall.proxy.resume()
    issued = _outcome(lambda: issue_receipt(hall.counter, till.clerk, request))
    assert not isinstance(issued, BaseException), issued
    assert _charges(hall.direct, request.key) == 1


def test_a_network_frozen_between_payments_is_noticed_and_left_once_it_flows(
    hall: Hall,
) -> None:
    """The pooled connection's check (the pre-ping) is bounded too, and so is connecting."""
    till = open_till(hall.direct)
    cart = till.cart(("S105", "1"))
    issue_receipt(hall.counter, till.clerk, cash_request(cart))  # a warm pooled connection
    hall.proxy.freeze()
    error = _outcome(lambda: issue_receipt(hall.counter, till.clerk, cash_request(cart)))
    assert isinstance(error, DatabaseUnavailableError)
    assert f"127.0.0.1:{hall.proxy.port}" in str(error)  # names the server it could not use
    hall.proxy.resume()
    assert not issue_receipt(hall.counter, till.clerk, cash_request(cart)).replayed
