"""PostgreSQL, many counters on ONE account at once: the tier year stays exact.

8 counters × 50 purchases of tiered gas on one account, each quoted, then charged; a
purchase whose quote was overtaken by another counter's is refused (the volume moved)
and quoted again, as the counter would.  Afterwards band 1 was never sold past its
limit, the account's stored volume is the sum of its lines, the series are gapless
and the ledger check passes.  And two counters paying one bill at once: one receipt,
one clear refusal.
"""

from __future__ import annotations

import threading
from collections import Counter as Tally
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import func, select

from db.models.receipts import Receipt, ReceiptLine
from hallclient.context import Context
from hallclient.ledger.errors import LedgerError, LedgerProblem
from hallclient.ledger.verify import check_volumes
from hallclient.ledger.volumes import read_volumes
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.verify import check_all
from hallclient.tariff import pricing
from hallclient.uow import UnitOfWork
from tests.db.ledger.ledger_till import BILLED_NO, ledger_till
from tests.db.ledger_helpers import TIER_YEAR
from tests.db.receipt_helpers import ACCOUNT_NO, cash_request, open_till
from tests.db_fixtures import migrated_database

COUNTERS, PURCHASES = 8, 50
BAND_ONE = Decimal(360)  # household of 5: 300 + 60


def _buy_until_it_lands(database, context: Context, volume: Decimal, refusals: Tally) -> None:
    while True:
        quote = pricing.quote(database, context, "G101", volume, account_no=ACCOUNT_NO)
        try:
            issue_receipt(database, context, cash_request(Cart().add(quote)))
            return
        except LedgerError as error:
            assert error.problem is LedgerProblem.TIER_VOLUME_CHANGED
            refusals[context.where.counter_code] += 1


def _counter(database, context: Context, refusals: Tally) -> None:
    for n in range(PURCHASES):
        _buy_until_it_lands(database, context, Decimal(1 + n % 3), refusals)


def test_eight_counters_buy_tiered_gas_on_one_account(pg_database_url):
    with migrated_database(pg_database_url) as database:
        till = open_till(database)  # the account has used 250 m³: band 1 ends 110 m³ on
        contexts = [till.context(counter=f"C{n:02d}") for n in range(1, COUNTERS + 1)]
        refusals: Tally[str] = Tally()
        workers = [
            threading.Thread(target=_counter, args=(database, c, refusals)) for c in contexts
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        with UnitOfWork(database) as uow:
            by_band = dict(
                uow.session.execute(
                    select(ReceiptLine.band, func.sum(ReceiptLine.quantity)).group_by(
                        ReceiptLine.band
                    )
                ).all()
            )
            stored = read_volumes(uow, ACCOUNT_NO).used(TIER_YEAR)
            receipts = uow.session.scalar(select(func.count()).select_from(Receipt))
        bought = sum(by_band.values(), Decimal(0))
        assert receipts == COUNTERS * PURCHASES
        assert bought == COUNTERS * sum(Decimal(1 + n % 3) for n in range(PURCHASES))
        assert by_band[1] == BAND_ONE - 250  # band 1 filled exactly, never past its limit
        assert stored == 250 + bought
        verification = check_all(database)
        assert verification.first_fault is None
        assert [s.receipts for s in verification.series] == [PURCHASES] * COUNTERS
        assert check_volumes(database).ok


def test_two_counters_paying_one_bill_at_once_give_one_receipt(pg_database_url, tmp_path):
    with migrated_database(pg_database_url) as database:
        ledger = ledger_till(database)
        ledger.read(tmp_path, (BILLED_NO, "211906000777", "1000", "2026-10-01"))
        ledger.read(tmp_path, (BILLED_NO, "211906000777", "1120", "2026-11-01"))
        ledger.bill()
        contexts = [ledger.till.context(counter=code) for code in ("C01", "C02")]
        lines = [ledger.bills(BILLED_NO, c).cart_lines() for c in contexts]  # both see it open
        start, outcomes = threading.Barrier(2), []

        def pay(index: int) -> None:
            cart = Cart()
            for quote in lines[index]:
                cart = cart.add(quote)
            request = replace(cash_request(cart), account_no=BILLED_NO)
            start.wait()
            try:
                outcomes.append(issue_receipt(database, contexts[index], request).record)
            except LedgerError as error:
                outcomes.append(error)

        threads = [threading.Thread(target=pay, args=(i,)) for i in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        refusals = [o for o in outcomes if isinstance(o, LedgerError)]
        assert len(outcomes) == 2 and len(refusals) == 1
        assert refusals[0].problem is LedgerProblem.BILL_PAID
        assert ledger.bills(BILLED_NO).bills == ()
        assert check_volumes(database).ok
