"""Names stay as typed on the receipt and its PDF; account numbers are read as numbers."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from db.domain import PaymentMethod
from db.models.receipts import Receipt
from hallclient.printing.escpos import Charset, JobOptions, Mode
from hallclient.printing.layout import Paper
from hallclient.printing.printers import PrinterConfig
from hallclient.receipts.cart import Cart
from hallclient.receipts.desk import ReceiptDesk
from hallclient.receipts.issue import PaymentRequest, issue_receipt
from hallclient.receipts.payment import Tender
from hallclient.receipts.store import load_record
from hallclient.tariff import pricing
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import ACCOUNT_NO, cash_request, open_till
from tests.printing.samples import HEADING

WALK_IN = "王先生（℃测试）"
FULL_WIDTH = {ord(digit): ord(digit) + 0xFEE0 for digit in "0123456789"}  # 1 → １


def _walk_in_request(till, name: str) -> PaymentRequest:
    cart = Cart().add(pricing.quote(till.database, till.clerk, "S105", Decimal(1)))
    tenders = (Tender(PaymentMethod.CASH, cart.total),)
    return PaymentRequest(uuid.uuid4().hex, cart, tenders, customer_name=name)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")
def test_a_walk_in_name_stays_byte_identical_on_the_record_and_the_pdf(database, tmp_path):
    till = open_till(database)
    issued = issue_receipt(database, till.clerk, _walk_in_request(till, f" {WALK_IN}\t"))
    number = issued.record.receipt_no
    with UnitOfWork(database) as uow:
        row = uow.session.scalars(select(Receipt).where(Receipt.receipt_no == number)).one()
        stored = load_record(uow, row).customer_name
    assert stored.encode() == issued.record.customer_name.encode() == WALK_IN.encode()
    config = PrinterConfig("none", "", Paper.MM80, JobOptions(Mode.RASTER, Charset.GB18030))
    desk = ReceiptDesk(database, lambda _user: till.clerk, HEADING, config)
    pdf = desk.save_pdf(till.clerk.user, issued.print_job_id, tmp_path / "walk-in.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    assert f"户名：{WALK_IN}" in text.stdout.decode("utf-8").splitlines()


def test_an_account_number_typed_in_full_width_pays_that_account(database):
    till = open_till(database)
    request = cash_request(till.cart(("S105", "1")))
    typed = replace(request, account_no=ACCOUNT_NO.translate(FULL_WIDTH))
    issued = issue_receipt(database, till.clerk, typed)
    assert issued.record.account_no == ACCOUNT_NO and issued.record.customer_name == "张伟"
    again = issue_receipt(database, till.clerk, typed)  # the same key: the same receipt
    assert again.record.receipt_no == issued.record.receipt_no
