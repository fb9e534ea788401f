"""A schedule as a city publishes it, in force on both databases: the documented example
approved and priced as written, abolished fees that nothing can charge, free items that
ride on a receipt as 免费, a household's capped uplift."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.domain import Role
from db.models.receipts import Receipt
from hallclient.clock import FixedClock
from hallclient.printing.layout import Paper, plain_lines
from hallclient.printing.receipt_layout import Copy, receipt_layout
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.issue import issue_receipt
from hallclient.setup.workplace import Workplace
from hallclient.tariff import pricing
from hallclient.tariff.errors import AbolishedFeeError, TariffError, TariffProblem
from hallclient.tariff.importing import ImportedItem, ImportedTariff, read_tariff
from hallclient.tariff.rules import Category
from hallclient.uow import UnitOfWork
from tests.db.ledger_helpers import add_ledger_account
from tests.db.receipt_helpers import ACCOUNT_NO, HALL_NAME, cash_request, open_till
from tests.db.security_helpers import START, add_users, context_for
from tests.db.tariff_helpers import ALL_TYPES, in_force
from tests.printing.samples import HEADING
from ui.main import main

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "published-tariff"
DOCUMENT = "国办函〔2020〕129号"
OPENING = ImportedItem(
    "X301", "开户费", Category.ABOLISHED, "", Decimal(0), ALL_TYPES, "", DOCUMENT
)
SAFETY_CHECK = ImportedItem(
    "S202", "入户安全检查", Category.SERVICE_FEE, "次", Decimal(0), ALL_TYPES, ""
)
PUBLISHED = ImportedTariff((OPENING, SAFETY_CHECK), ())


@pytest.fixture
def till(database):
    till = open_till(database)  # G101 (tiered), S105 过户费, M101 in force
    in_force(database, till.context(Role.ADMIN), PUBLISHED)
    return till


def _receipts(database) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(Receipt)) or 0


def test_the_published_example_is_approved_and_priced_as_written(database, capsys):
    people, clock = add_users(database), FixedClock(START)
    example = read_tariff(EXAMPLE / "items.csv", EXAMPLE / "tiers.csv", EXAMPLE / "late_fees.csv")
    code = in_force(database, context_for(people[Role.ADMIN], clock), example)
    big = add_ledger_account(database, account_no="1028100777", household_size=9)
    clerk = context_for(people[Role.CLERK], clock)
    quote = pricing.quote(database, clerk, "G101", Decimal(600), account_no=big)
    # 9 people, base 4: 5 × 60 = 300 more, capped at 150: band 1 ends at 510 m³
    assert [(line.band, line.quantity, line.unit_price) for line in quote.lines] == [
        (1, Decimal(510), Decimal("2.881")),
        (2, Decimal(90), Decimal("3.457")),
    ]
    url = database.engine.url.render_as_string(hide_password=False)
    assert main(["--database-url", url, "tariff", "review", code.code]) == 0
    review = capsys.readouterr().out
    assert "￥2.881" in review and "￥2.88 " not in review
    assert "免费" in review and f"已取消（{DOCUMENT}）" in review


def test_an_abolished_fee_is_refused_with_its_document(till):
    with pytest.raises(AbolishedFeeError) as refused:
        pricing.quote(till.database, till.clerk, "X301", Decimal(1), account_no=ACCOUNT_NO)
    assert (refused.value.name, refused.value.document) == ("开户费", DOCUMENT)
    assert refused.value.problem is TariffProblem.ABOLISHED


def test_a_forged_line_for_an_abolished_fee_never_reaches_a_receipt(till):
    """A cart line made by hand (not by the pricing service) is priced again in the
    receipt's transaction: the abolished fee is refused there, and nothing is written."""
    honest = till.cart(("S105", "1"))
    fee = honest.lines[0]
    line = replace(fee.lines[0], item_code="X301", item_name="开户费", unit_price=Decimal(100))
    forged = replace(fee, item_code="X301", item_name="开户费", lines=(line,))
    forged = replace(forged, amount=Decimal("100.00"))
    with pytest.raises(TariffError) as refused:
        issue_receipt(till.database, till.clerk, cash_request(honest.add(forged)))
    assert refused.value.problem is TariffProblem.ABOLISHED
    assert _receipts(till.database) == 0


def test_a_free_item_rides_with_a_paid_one_and_prints_as_free(till):
    cart = till.cart(("S105", "1"), ("S202", "1"))
    assert [quote.amount for quote in cart.lines] == [Decimal("30.00"), Decimal(0)]
    record = issue_receipt(till.database, till.clerk, cash_request(cart, tendered="50")).record
    assert record.total == Decimal("30.00")
    assert [(line.item_code, line.amount) for line in record.lines] == [
        ("S105", Decimal("30.00")),
        ("S202", Decimal("0.00")),
    ]
    place = Workplace(record.hall_code, HALL_NAME, record.counter_code, "1 号窗口")
    text = plain_lines(receipt_layout(record, place, HEADING, Paper.MM80, Copy()))
    safety = text.index(next(row for row in text if row.startswith("入户安全检查")))
    assert text[safety + 1].split() == ["1次", "免费"]


def test_a_cart_of_free_items_alone_is_not_charged(till):
    cart = till.cart(("S202", "1"))
    with pytest.raises(ReceiptError) as refused:
        issue_receipt(till.database, till.clerk, cash_request(cart))
    assert refused.value.problem is ReceiptProblem.NOTHING_TO_PAY
    assert _receipts(till.database) == 0


def test_a_clerk_cannot_bring_an_abolished_fee_in_with_another_schedule(till):
    """The admin cannot charge it either: no role prices an abolished fee."""
    admin = context_for(till.people[Role.ADMIN], till.clock)
    with pytest.raises(AbolishedFeeError):
        pricing.quote(till.database, admin, "X301", Decimal(1))
