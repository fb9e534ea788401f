"""Hypothesis: any sequence of purchases and voids of tiered gas on one account in one
tier year charges each band what buying the standing total in one go would, and the
account's stored volume is its lines less its voids.

A void of any purchase but the newest is refused (a later purchase was priced on top
of it) and changes nothing; the newest is voided.
"""

from __future__ import annotations

import itertools
import weakref
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.domain import Role
from hallclient.access.approvals import ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.rules import TierVolumes
from hallclient.ledger.verify import check_volumes
from hallclient.ledger.volumes import read_volumes
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.void import void_receipt
from hallclient.tariff import pricing
from hallclient.tariff.pricing import AccountFacts
from hallclient.uow import UnitOfWork
from tests.db.ledger_helpers import TIER_YEAR, add_ledger_account
from tests.db.receipt_helpers import cash_request, open_till
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD

_accounts = itertools.count(1)
_TILLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # one till per database
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("buy"), st.integers(1, 400)),
        st.tuples(st.just("void"), st.integers(0, 20)),
    ),
    min_size=1,
    max_size=10,
)


class Account:
    """One fresh account of the example, and the receipts standing on it (oldest first)."""

    def __init__(self, till, start: int) -> None:
        self.till, self.start = till, Decimal(start)
        self.number = f"77{next(_accounts):08d}"
        add_ledger_account(
            till.database, used=start, account_no=self.number, meter_no=f"M{self.number}"
        )
        self.standing: list[tuple[str, Decimal, dict[int, Decimal]]] = []

    def buy(self, volume: int) -> None:
        quote = pricing.quote(
            self.till.database, self.till.clerk, "G101", Decimal(volume), account_no=self.number
        )
        request = replace(cash_request(Cart().add(quote)), account_no=self.number)
        record = issue_receipt(self.till.database, self.till.clerk, request).record
        self.standing.append((record.receipt_no, Decimal(volume), _by_band(record.lines)))

    def void(self, pick: int) -> None:
        if not self.standing:
            return
        index = pick % len(self.standing)
        receipt_no = self.standing[index][0]
        request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, receipt_no, "顾客退气")
        grant = grant_approval(
            self.till.database, self.till.clerk, request, EMPLOYEE_NO[Role.SHIFT_MANAGER], PASSWORD
        )
        try:
            void_receipt(
                self.till.database, self.till.clerk, receipt_no, "顾客退气", grant.approval_id
            )
        except LedgerError as error:
            assert error.problem is LedgerProblem.NOT_ON_TOP
            assert index < len(self.standing) - 1  # only the newest may go
            return
        assert index == len(self.standing) - 1
        del self.standing[index]

    def stored(self) -> Decimal:
        with UnitOfWork(self.till.database) as uow:
            return read_volumes(uow, self.number).used(TIER_YEAR)


def _by_band(lines) -> dict[int, Decimal]:
    bands: dict[int, Decimal] = defaultdict(Decimal)
    for line in lines:
        bands[line.band] += line.quantity
    return dict(bands)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=st.integers(0, 800), steps=STEPS)
def test_bands_charged_are_the_split_of_the_standing_total(database, start, steps):
    till = _TILLS.get(database) or _TILLS.setdefault(database, open_till(database))
    account = Account(till, start)
    for action, value in steps:
        account.buy(value) if action == "buy" else account.void(value)
    total = sum((volume for _, volume, _ in account.standing), Decimal(0))
    charged: dict[int, Decimal] = defaultdict(Decimal)
    for _, _, bands in account.standing:
        for band, volume in bands.items():
            charged[band] += volume
    facts = AccountFacts(
        account.number, "residential", 5, volumes=TierVolumes.of({TIER_YEAR: account.start})
    )
    pricer = pricing.pricer(till.database, till.clerk)
    expected = _by_band(pricer.quote("G101", total, facts).lines) if total else {}
    assert dict(charged) == expected
    assert account.stored() == account.start + total
    assert check_volumes(till.database).ok
