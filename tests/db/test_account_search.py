"""Account search on both databases: every kind of query, ranking, and hostile text."""

from __future__ import annotations

import pytest

from db.engine import Database
from hallclient.account_search import Match, search_accounts
from hallclient.auth import Role
from hallclient.clock import FixedClock
from hallclient.demo_accounts import generate_accounts, insert_accounts
from tests.db.security_helpers import START, add_users, context_for

COUNT, SEED = 300, 77


@pytest.fixture
def clerk(database: Database):
    insert_accounts(database, COUNT, SEED)
    return context_for(add_users(database)[Role.CLERK], FixedClock(START))


@pytest.fixture(scope="module")
def accounts():
    return list(generate_accounts(COUNT, SEED))


def _search(database, clerk, text):
    return search_accounts(database, clerk, text)


def test_an_exact_account_number_comes_first(database, clerk, accounts):
    target = accounts[17]
    hits = _search(database, clerk, target.account_no)
    assert (hits[0].account_no, hits[0].match) == (target.account_no, Match.ACCOUNT)
    prefix = _search(database, clerk, target.account_no[:-2])
    assert target.account_no in [hit.account_no for hit in prefix]


def test_meter_phone_and_phone_tail(database, clerk, accounts):
    target = accounts[42]
    assert _search(database, clerk, target.meter_no)[0].account_no == target.account_no
    assert _search(database, clerk, target.phone)[0].account_no == target.account_no
    tail = _search(database, clerk, target.phone[-4:])
    assert target.account_no in [hit.account_no for hit in tail]
    tails = [hit.phone for hit in tail if hit.match is Match.PHONE_TAIL]
    assert tails and all(phone.endswith(target.phone[-4:]) for phone in tails)


def test_pinyin_initials_and_name(database, clerk, accounts):
    target = accounts[5]
    by_initials = _search(database, clerk, target.name_initials.upper())
    assert target.account_no in [hit.account_no for hit in by_initials]
    assert all(hit.match is Match.INITIALS for hit in by_initials)
    by_name = _search(database, clerk, target.name)
    assert by_name and all(hit.name.startswith(target.name) for hit in by_name)


def test_full_width_digits_are_read_as_digits(database, clerk, accounts):
    target = accounts[3]
    wide = target.account_no.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    assert _search(database, clerk, wide)[0].account_no == target.account_no


@pytest.mark.parametrize(
    "text",
    ["", "   ", "9" * 5000, "\x00\x1b[31m", "'; DROP TABLE accounts; --", "' OR '1'='1",
     "😀🔥", "%", "_", "张伟%"],
)  # fmt: skip
def test_hostile_queries_find_nothing_and_change_nothing(database, clerk, text):
    assert _search(database, clerk, text) == []
    assert len(_search(database, clerk, "1")) > 0  # the table is still there
