"""Finding the gas account as the clerk types, on a million accounts.

The query decides what it can be: digits are an account or meter number (prefix), a
whole phone number (11 digits) or a phone's last four; ASCII letters are the pinyin
initials of a name (zw → 张伟); Chinese is the start of a name.  Each kind is one
indexed range query (``col >= q AND col < q + U+10FFFF``, the same on SQLite and
PostgreSQL), merged in rank order: the exact account number, the exact meter
number, the whole phone, then prefixes.  Anything else -- very long text, control
characters, SQL, emoji -- finds nothing instead of failing.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute

from db.engine import Database
from db.models import Account
from hallclient.context import Context
from hallclient.permissions import Action
from hallclient.uow import UnitOfWork

MAX_QUERY = 40
_TOP = "\U0010ffff"
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


_COLUMNS = (
    Account.account_no, Account.meter_no, Account.name, Account.phone, Account.address,
    Account.customer_type, Account.status,
)  # fmt: skip
Rows = Select[str, str, str, str, str, str, str]  # the columns of an AccountHit
Query = tuple[Match, Match, Rows]  # (rank if equal to the text, rank otherwise, query)


def _prefix(column: InstrumentedAttribute[str], text: str, limit: int) -> Rows:
    where = (column >= text) & (column < text + _TOP)
    return select(*_COLUMNS).where(where).order_by(column).limit(limit)


def _equal(column: InstrumentedAttribute[str], text: str, limit: int) -> Rows:
    return select(*_COLUMNS).where(column == text).order_by(Account.account_no).limit(limit)


def plan(text: str, limit: int) -> list[Query]:
    """The queries this text can answer, in rank order; none for text that can be nothing."""
    query = normalise(text)
    if not query or len(query) > MAX_QUERY:
        return []
    if query.isascii() and query.isdigit():
        queries = [
            (Match.ACCOUNT, Match.ACCOUNT_PREFIX, _prefix(Account.account_no, query, limit)),
            (Match.METER, Match.METER_PREFIX, _prefix(Account.meter_no, query, limit)),
        ]
        if len(query) == 11:
            queries.append((Match.PHONE, Match.PHONE, _equal(Account.phone, query, limit)))
        if len(query) == 4:
            tail = _equal(Account.phone_last4, query, limit)
            queries.append((Match.PHONE_TAIL, Match.PHONE_TAIL, tail))
        return queries
    if query.isascii() and query.isalpha():
        initials = _prefix(Account.name_initials, query.lower(), limit)
        return [(Match.INITIALS, Match.INITIALS, initials)]
    if _HAN.fullmatch(query):
        return [(Match.NAME, Match.NAME, _prefix(Account.name, query, limit))]
    return []


def search_accounts(
    database: Database, context: Context, text: str, limit: int = 30
) -> list[AccountHit]:
    """Up to ``limit`` accounts, best first, each once (with its best reason).

    Plain rows, not ORM objects: this runs on every keystroke, and building objects
    would cost several times the queries themselves.
    """
    context.require(Action.SERVE_CUSTOMERS)
    exact = normalise(text)
    hits: dict[str, AccountHit] = {}
    with UnitOfWork(database) as uow:
        for if_equal, otherwise, query in plan(text, limit):
            for number, meter, name, phone, address, kind, status in uow.session.execute(query):
                match = if_equal if exact in (number, meter) else otherwise
                best = hits.get(number)
                if best is None or match < best.match:
                    hits[number] = AccountHit(
                        number, meter, name, phone, address, kind, status, match
                    )
    return sorted(hits.values(), key=lambda hit: hit.match)[:limit]
