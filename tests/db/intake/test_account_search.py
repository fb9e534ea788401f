"""Account search on both databases: every kind of query, ranking, and hostile text."""

from __future__ import annotations

import pytest

from db.domain import Role
from db.engine import Database
from db.models import Account
from db.search_keys import address_key
from hallclient.clock import FixedClock
from hallclient.intake.account_search import Match, search_accounts
from hallclient.setup.demo_accounts import generate_accounts, insert_accounts
from hallclient.uow import UnitOfWork
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
    by_name = [h for h in _search(database, clerk, target.name) if h.match is Match.NAME]
    assert by_name and all(hit.name.startswith(target.name) for hit in by_name)


def test_address_from_the_road_with_or_without_city_and_district(database, clerk, accounts):
    target = next(a for a in accounts[30:] if "栋" in a.address)
    road_on = address_key(target.address)
    for typed in (road_on, road_on[: road_on.index("号") + 1], target.address):
        hits = _search(database, clerk, typed)
        assert target.account_no in [hit.account_no for hit in hits]
        assert all(address_key(hit.address).startswith(address_key(typed)) for hit in hits)
        assert {hit.match for hit in hits} == {Match.ADDRESS}


def test_a_name_ranks_before_an_address_that_starts_the_same(database, clerk):
    with UnitOfWork(database) as uow:
        uow.session.add_all(
            [
                _account("9000000001", "锦华", "锦江区书院街1号"),
                _account("9000000002", "王芳", "成都市武侯区锦华路9号"),
            ]
        )
        uow.commit()
    hits = _search(database, clerk, "锦华")
    found = [(h.account_no, h.match) for h in hits]
    assert found[0] == ("9000000001", Match.NAME)  # the demo accounts may share the street
    assert ("9000000002", Match.ADDRESS) in found[1:]


def test_an_account_stored_through_the_model_keeps_its_address_key(database, clerk):
    with UnitOfWork(database) as uow:
        account = _account("9000000003", "李军", "四川省成都市高新区天府大道１２号")
        uow.session.add(account)
        uow.commit()
    assert account.address_key == "天府大道12号"
    assert _search(database, clerk, "天府大道12")[0].account_no == "9000000003"


def _account(number: str, name: str, address: str) -> Account:
    return Account(
        account_no=number,
        meter_no="M" + number,
        name=name,
        name_initials="",
        phone="13800000000",
        phone_last4="0000",
        address=address,
        customer_type="residential",
        status="active",
    )


def test_full_width_digits_are_read_as_digits(database, clerk, accounts):
    target = accounts[3]
    wide = target.account_no.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    assert _search(database, clerk, wide)[0].account_no == target.account_no


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "9" * 5000,
        "\x00\x1b[31m",
        "'; DROP TABLE accounts; --",
        "' OR '1'='1",
        "😀🔥",
        "%",
        "_",
        "张伟%",
    ],
)
def test_hostile_queries_find_nothing_and_change_nothing(database, clerk, text):
    assert _search(database, clerk, text) == []
    assert len(_search(database, clerk, "1")) > 0  # the table is still there


def test_an_account_number_typed_in_full_width_is_found(database, clerk, accounts):
    target = accounts[17]
    typed = target.account_no.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    hits = _search(database, clerk, f"　{typed} ")  # an ideographic space, as an IME leaves it
    assert (hits[0].account_no, hits[0].match) == (target.account_no, Match.ACCOUNT)
