"""Unit of work: one session per use case, rolled back unless committed.

Services take a :class:`UnitOfWork` (cosmicpython style).  Writers use
:func:`run_write`, which retries the whole use case on a serialization failure,
a deadlock or a busy SQLite file -- so a use case must be safe to run again
(idempotency keys make payments so, see DESIGN §5).

A database that cannot be reached or used (server down, file unreadable, busy past
all retries, a PostgreSQL server that cannot write here or stopped answering) becomes
:class:`DatabaseUnavailableError`: the person at the counter reads that nothing was
saved; the driver's words and the server in use go to the log.  The engine has already
dropped such a connection, so the next attempt looks for the server that can write.
A connection that breaks during the commit itself is different: the server may have
committed before the answer was lost, so :class:`CommitUnconfirmedError` says the work
may have been saved.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.engine import Database, is_retryable, is_unavailable
from db.pg_link import server_said_not_here
from hallclient.errors import CommitUnconfirmedError, DatabaseUnavailableError

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ATTEMPTS = 5


class UnitOfWork:
    def __init__(self, database: Database, *, write: bool = False) -> None:
        self.database = database
        self.write = write
        self._session: Session | None = None
        self._connection: Connection | None = None
        self._committed = False

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    @property
    def connection(self) -> Connection:
        """The session's connection in this transaction, for plain Core statements.

        Kept once asked for: the session's own lookup costs more than a small statement,
        and issuance sends a dozen (see ``hallclient.receipts``).  It is forgotten at the
        commit, which ends the transaction it belongs to.
        """
        if self._connection is None:
            self._connection = self.session.connection()
        return self._connection

    def __enter__(self) -> UnitOfWork:
        self._session = self.database.session(write=self.write)
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if not self._committed:
                session.rollback()
        except DBAPIError as error:  # the connection died meanwhile
            if not is_unavailable(error):
                raise
            if exc is None:
                raise _unavailable(self.database, error) from error
            log.warning("rollback after %s failed: %s", type(exc).__name__, error.orig)
        finally:
            session.close()
            self._session, self._connection = None, None
        if isinstance(exc, DBAPIError) and is_unavailable(exc):
            if self._committed:  # saved, but what followed the commit failed: never "nothing"
                raise _unconfirmed(self.database, exc) from exc
            raise _unavailable(self.database, exc) from exc

    def commit(self) -> None:
        """Flush, then commit.  The flush sends the pending writes before the COMMIT: a
        connection that breaks there leaves nothing saved, and only a break during the
        COMMIT itself leaves the outcome unknown."""
        self._connection = None
        self.session.flush()
        try:
            self.session.commit()
        except DBAPIError as error:
            if not is_unavailable(error):
                raise  # refused by the server (a conflict): nothing saved, run again
            self._committed = True  # nothing left to roll back on a dead connection
            raise _unconfirmed(self.database, error) from error
        self._committed = True


def run_write(database: Database, use_case: Callable[[UnitOfWork], T]) -> T:
    """Run ``use_case`` in a write unit of work, retrying transient conflicts, and once
    more when the server said it cannot write here (read-only, shutting down, in
    recovery) before the commit: the pool has been dropped by then, so the second try goes
    through the URL's servers again and finds the one that can write (after a failover
    the clerk need not see the first refusal).  A timeout is not tried again."""
    reconnected = False
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with UnitOfWork(database, write=True) as uow:
                return use_case(uow)
        except CommitUnconfirmedError:
            raise  # perhaps saved: only reading it again tells
        except DatabaseUnavailableError as error:
            if reconnected or not server_said_not_here(error.__cause__):
                raise
            reconnected = True
            log.warning("database unavailable before the commit: trying once more")
        except DBAPIError as error:
            if not is_retryable(error):
                raise
            if attempt == MAX_ATTEMPTS:
                raise _unavailable(database, error) from error
            log.warning("transient database conflict (attempt %d): %s", attempt, error.orig)
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _unavailable(database: Database, error: DBAPIError) -> DatabaseUnavailableError:
    where = database.describe()
    log.error("database unavailable (%s): %s", where, _words(error))
    return DatabaseUnavailableError(
        f"the database {where} cannot be reached or used; nothing was saved", server=where
    )


def _unconfirmed(database: Database, error: DBAPIError) -> CommitUnconfirmedError:
    where = database.describe()
    log.error("commit unconfirmed on %s: %s", where, _words(error))
    return CommitUnconfirmedError(
        f"the connection to {where} broke during the commit: the work may have been saved",
        server=where,
    )


def _words(error: DBAPIError) -> str:
    return " ".join(str(error.orig).split())
