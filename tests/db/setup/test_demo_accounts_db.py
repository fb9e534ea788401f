"""Bulk-loading demo accounts: every row arrives, money reads back exact, schema unchanged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.migrate import drift
from db.models.accounts import Account
from hallclient.setup.demo_accounts import DemoAccount, generate_accounts, insert_accounts

COUNT = 5_000
SEED = 7


@pytest.mark.parametrize("rebuild", [False, True], ids=["keep-indexes", "rebuild-indexes"])
def test_insert_accounts(database: Database, rebuild: bool) -> None:
    calls: list[tuple[int, int]] = []
    inserted = insert_accounts(
        database,
        COUNT,
        SEED,
        progress=lambda d, t: calls.append((d, t)),
        batch=1_500,
        rebuild_indexes=rebuild,
    )

    assert inserted == COUNT
    assert calls == [(1_500, COUNT), (3_000, COUNT), (4_500, COUNT), (COUNT, COUNT)]
    expected = {a.account_no: a for a in generate_accounts(COUNT, SEED)}
    with database.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Account)) == COUNT
        stored = {a.account_no: a for a in session.scalars(select(Account))}
    assert stored.keys() == expected.keys()
    for account_no, want in expected.items():
        got = stored[account_no]
        assert _as_demo(got) == want
    assert drift(database.engine) == []


def test_insert_nothing(database: Database) -> None:
    calls: list[tuple[int, int]] = []
    assert insert_accounts(database, 0, SEED, progress=lambda d, t: calls.append((d, t))) == 0
    assert calls == [(0, 0)]


def _as_demo(account: Account) -> DemoAccount:
    return DemoAccount(*(getattr(account, field) for field in DemoAccount._fields))
