"""Finding the gas account as the clerk types, on a million accounts.

The query decides what it can be: digits are an account or meter number (prefix), a
whole phone number (11 digits) or a phone's last four; ASCII letters are the pinyin
initials of a name (zw → 张伟); Chinese is the start of a name or of an address from its
road onwards (锦华路25号, see ``db.search_keys``), names ranked first.  Each kind is one
indexed range query (``col >= q AND col < q + U+10FFFF``, the same on SQLite and
PostgreSQL) run straight on a pooled driver connection, merged in rank order: the
exact account number, the exact meter number, the whole phone, then prefixes.
Anything else -- very long text, control characters, SQL, emoji -- finds nothing
instead of failing.
"""

from __future__ import annotations

import enum
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from db.engine import Database
from db.search_keys import address_key
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.errors import DatabaseUnavailableError

MAX_QUERY = 40
_TOP = "\U0010ffff"
log = logging.getLogger(__name__)
_HAN = re.compile(r"[\u3400-\u9fff]+")


class Match(enum.IntEnum):
    """Why an account was found; lower sorts first."""

    ACCOUNT = 0
    METER = 1
    PHONE = 2
    PHONE_TAIL = 3
    ACCOUNT_PREFIX = 4
    METER_PREFIX = 5
    INITIALS = 6
    NAME = 7
    ADDRESS = 8


@dataclass(frozen=True)
class AccountHit:
    account_no: str
    meter_no: str
    name: str
    phone: str
    address: str
    customer_type: str
    status: str
    match: Match


def normalise(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), no spaces or control characters."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c)[0] != "C")


_COLUMNS = "account_no, meter_no, name, phone, address, customer_type, status"
_PREFIX = "SELECT {c} FROM accounts WHERE {k} >= :text AND {k} < :top ORDER BY {k} LIMIT :n"
_EQUAL = "SELECT {c} FROM accounts WHERE {k} = :text ORDER BY account_no LIMIT :n"


@dataclass(frozen=True)
class Query:
    """One statement of a search (named ``:parameters``), and how its rows rank."""

    if_equal: Match  # for a row whose account or meter number is the text itself
    otherwise: Match
    sql: str
    params: dict[str, object]


def _prefix(if_equal: Match, otherwise: Match, key: str, text: str, limit: int) -> Query:
    sql = _PREFIX.format(c=_COLUMNS, k=key)
    return Query(if_equal, otherwise, sql, {"text": text, "top": text + _TOP, "n": limit})


def _equal(match: Match, key: str, text: str, limit: int) -> Query:
    return Query(match, match, _EQUAL.format(c=_COLUMNS, k=key), {"text": text, "n": limit})


def plan(text: str, limit: int) -> list[Query]:
    """The statements this text can answer, in rank order; none for text that can be nothing."""
    query = normalise(text)
    if not query or len(query) > MAX_QUERY:
        return []
    if query.isascii() and query.isdigit():
        queries = [
            _prefix(Match.ACCOUNT, Match.ACCOUNT_PREFIX, "account_no", query, limit),
            _prefix(Match.METER, Match.METER_PREFIX, "meter_no", query, limit),
        ]
        if len(query) == 11:
            queries.append(_equal(Match.PHONE, "phone", query, limit))
        if len(query) == 4:
            queries.append(_equal(Match.PHONE_TAIL, "phone_last4", query, limit))
        return queries
    if query.isascii() and query.isalpha():
        return [_prefix(Match.INITIALS, Match.INITIALS, "name_initials", query.lower(), limit)]
    queries = []
    if _HAN.fullmatch(query):
        queries.append(_prefix(Match.NAME, Match.NAME, "name", query, limit))
    if _HAN.search(query) and (key := address_key(query)):
        queries.append(_prefix(Match.ADDRESS, Match.ADDRESS, "address_key", key, limit))
    return queries


def _driver_sql(sql: str, backend: str) -> str:
    """``:name`` parameters as the driver wants them (psycopg: ``%(name)s``)."""
    return re.sub(r":(\w+)", r"%(\1)s", sql) if backend == "postgresql" else sql


def _rows(database: Database, queries: list[Query]) -> Iterator[tuple[Query, tuple[str, ...]]]:
    """Each statement on one pooled driver connection: on every keystroke the ORM's
    session and statement machinery would cost several times the query (see the
    benchmark); the SQL is fixed text with bound parameters, never the typed text."""
    dbapi = database.engine.dialect.loaded_dbapi
    connection = database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        for query in queries:
            cursor.execute(_driver_sql(query.sql, database.backend), query.params)
            for row in cursor.fetchall():
                yield query, tuple(row)
    except (dbapi.OperationalError, dbapi.InterfaceError) as error:
        log.error("account search: database unavailable: %s", error)
        where = database.describe()
        raise DatabaseUnavailableError(
            f"the database {where} cannot be reached or used", server=where
        ) from None
    finally:
        connection.close()


def search_accounts(
    database: Database, context: Context, text: str, limit: int = 30
) -> list[AccountHit]:
    """Up to ``limit`` accounts, best first, each once (with its best reason)."""
    context.require(Action.SERVE_CUSTOMERS)
    exact = normalise(text)
    hits: dict[str, AccountHit] = {}
    for query, row in _rows(database, plan(text, limit)):
        number, meter, name, phone, address, kind, status = row
        match = query.if_equal if exact in (number, meter) else query.otherwise
        best = hits.get(number)
        if best is None or match < best.match:
            hits[number] = AccountHit(number, meter, name, phone, address, kind, status, match)
    return sorted(hits.values(), key=lambda hit: hit.match)[:limit]
