"""The demo account generator: deterministic, unique numbers, plausible values."""

from __future__ import annotations

from collections import Counter
from itertools import islice

import pytest

from db.search_keys import address_key
from hallclient.pinyin import name_initials
from hallclient.setup.demo_accounts import (
    COLUMNS,
    DemoAccount,
    generate_accounts,
    generate_raw,
)

SAMPLE = 20_000


@pytest.fixture(scope="module")
def sample() -> list[DemoAccount]:
    return list(generate_accounts(SAMPLE, seed=42))


def test_same_seed_gives_the_same_rows(sample: list[DemoAccount]) -> None:
    assert list(generate_accounts(2_000, seed=42)) == sample[:2_000]


def test_a_different_seed_gives_different_rows() -> None:
    first = list(generate_accounts(200, seed=1))
    second = list(generate_accounts(200, seed=2))
    assert [a.name for a in first] != [a.name for a in second]
    assert [a.phone for a in first] != [a.phone for a in second]


def test_a_longer_run_starts_with_the_shorter_one() -> None:
    assert list(generate_accounts(50, seed=9)) == list(islice(generate_accounts(500, seed=9), 50))


def test_count_zero_yields_nothing() -> None:
    assert list(generate_accounts(0, seed=1)) == []


def test_raw_rows_match_the_accounts(sample: list[DemoAccount]) -> None:
    """The account owes nothing typed in: its arrears are its unpaid bills (demo_ledger)."""
    for raw, account in zip(generate_raw(SAMPLE, seed=42), sample, strict=True):
        assert len(raw) == len(COLUMNS) == len(DemoAccount._fields) + 1
        assert raw[:10] == tuple(account)
        assert raw[10] == address_key(account.address)


def test_account_and_meter_numbers_are_unique(sample: list[DemoAccount]) -> None:
    accounts = [a.account_no for a in sample]
    meters = [a.meter_no for a in sample]
    assert len(set(accounts)) == SAMPLE
    assert len(set(meters)) == SAMPLE
    assert not set(accounts) & set(meters)
    assert accounts == sorted(accounts)  # issued in order
    for account_no, meter_no in zip(accounts, meters, strict=True):
        assert len(account_no) == 10 and account_no.isdigit() and account_no[0] == "1"
        assert len(meter_no) == 12 and meter_no.isdigit()


def test_phones_are_mobile_numbers(sample: list[DemoAccount]) -> None:
    for account in sample:
        assert len(account.phone) == 11 and account.phone.isdigit()
        assert account.phone[:2] in {"13", "15", "16", "17", "18", "19"}
        assert account.phone_last4 == account.phone[-4:]


def test_names_and_initials(sample: list[DemoAccount]) -> None:
    for account in sample:
        assert 2 <= len(account.name) <= 20
        assert account.name_initials == name_initials(account.name)
        assert 1 <= len(account.name_initials) <= 20
        assert account.name_initials.isascii() and account.name_initials.isalnum()
    residents = [a.name for a in sample if a.customer_type == "residential"]
    surnames = Counter(name[0] for name in residents)
    assert {"王", "李", "张"} <= {s for s, _ in surnames.most_common(5)}
    assert any(name.startswith(("欧阳", "司马", "诸葛", "上官")) for name in residents)


def test_addresses_are_in_chengdu(sample: list[DemoAccount]) -> None:
    for account in sample:
        assert account.address.startswith("成都市")
        assert len(account.address) <= 200
    homes = [a.address for a in sample if a.customer_type == "residential"]
    assert all("栋" in home and home.endswith("室") for home in homes)
    assert len({home.split("区", 1)[0] for home in homes}) >= 10


def test_customer_type_and_status_mix(sample: list[DemoAccount]) -> None:
    types = Counter(a.customer_type for a in sample)
    assert set(types) == {"residential", "commercial", "industrial", "public_institution"}
    assert 0.87 < types["residential"] / SAMPLE < 0.93
    statuses = Counter(a.status for a in sample)
    assert set(statuses) == {"normal", "suspended", "closed"}
    assert statuses["normal"] / SAMPLE > 0.9


def test_household_sizes(sample: list[DemoAccount]) -> None:
    for account in sample:
        if account.customer_type == "residential":
            assert 1 <= account.household_size <= 6
        else:
            assert account.household_size == 1
