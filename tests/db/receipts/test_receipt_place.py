"""A receipt's copies name the hall and counter it was issued at, wherever they are made.

Issued at counter 2, the receipt's PDF copy and its reprint are made at counter 1, whose
heading names another hall: both still read the receipt's own hall and 2 号窗口.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from hallclient.printing.escpos import Charset, JobOptions, Mode
from hallclient.printing.layout import Paper
from hallclient.printing.printers import PrinterConfig
from hallclient.printing.receipt_layout import Heading
from hallclient.receipts.desk import ReceiptDesk
from hallclient.receipts.issue import issue_receipt
from tests.db.receipt_helpers import HALL_NAME, cash_request, open_till, register_counter
from tests.db_fixtures import migrated_database
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import FakePrinter
from ui.main import main

# counter 1's own heading, as its settings and workplace would give it
AT_COUNTER_ONE = Heading("城东燃气有限公司", "别处营业厅", "1 号窗口", "96777", "Asia/Shanghai")
ISSUED_AT = f"{HALL_NAME} · 2 号窗口"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


def _pdf_lines(path: Path) -> list[str]:
    command = ["pdftotext", "-layout", str(path), "-"]
    text = subprocess.run(command, capture_output=True, check=True)
    return [line.strip() for line in text.stdout.decode("utf-8").splitlines() if line.strip()]


def _issued_at_counter_two(database):
    till = open_till(database)  # counter 1 (C01)
    register_counter(database, "C02")
    at_two = till.context(counter="C02")
    issued = issue_receipt(database, at_two, cash_request(till.cart(("S105", "1"))))
    return till, issued


@needs_poppler
def test_the_pdf_and_the_reprint_name_the_counter_of_issue(database, tmp_path):
    till, issued = _issued_at_counter_two(database)
    printer = FakePrinter()
    try:
        options = JobOptions(Mode.NATIVE, Charset.GBK)
        config = PrinterConfig("network", printer.target, Paper.MM80, options, timeout=0.5)
        desk = ReceiptDesk(database, lambda _user: till.clerk, AT_COUNTER_ONE, config)
        user = till.clerk.user
        pdf = desk.save_pdf(user, issued.print_job_id, tmp_path / "copy.pdf")
        reprint = desk.reprint(user, issued.record.receipt_no, "customer lost it")
        assert desk.print(user, reprint.job_id).printed
        paper = [line.strip() for line in decode(printer.job(0), "gbk").texts]
    finally:
        printer.close()
    for heading in (_pdf_lines(pdf), paper):
        assert ISSUED_AT in heading[:3]
        assert not any("1 号窗口" in line or "别处营业厅" in line for line in heading)
    assert "收费收据【重打1】" in paper


@needs_poppler
def test_the_command_line_copy_names_the_counter_of_issue(
    capsys, monkeypatch, sqlite_database_url, tmp_path
):
    monkeypatch.setenv("HALLCLIENT_HALL_NAME", "别处营业厅")  # counter 1's settings
    with migrated_database(sqlite_database_url) as database:
        _till, issued = _issued_at_counter_two(database)
    pdf = tmp_path / "copy.pdf"
    argv = ["--database-url", sqlite_database_url, "receipts", "pdf"]
    assert main([*argv, issued.record.receipt_no, "--out", str(pdf)]) == 0
    lines = _pdf_lines(pdf)
    assert ISSUED_AT in lines[:3] and "收费收据【副本】" in lines
