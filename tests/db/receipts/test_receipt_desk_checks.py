"""The receipt desk without a printer: the tenders checked before the customer confirms,
and the PDF copy of a waiting receipt, which leaves its print job as it was."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest

from db.models.receipts import PaymentMethod, PrintStatus
from hallclient.errors import HallError
from hallclient.printing.escpos import JobOptions, Mode
from hallclient.printing.layout import Paper
from hallclient.printing.printers import PrinterConfig
from hallclient.receipts.desk import ReceiptDesk
from hallclient.receipts.errors import ReceiptError, ReceiptProblem, ShortTenderError
from hallclient.receipts.issue import issue_receipt
from hallclient.receipts.payment import Tender
from tests.db.receipt_helpers import cash_request, open_till
from tests.printing.samples import HEADING

NO_PRINTER = PrinterConfig("none", "", Paper.MM80, JobOptions(Mode.RASTER))
CASH = Tender(PaymentMethod.CASH, Decimal("60.00"))


def test_short_cash_is_refused_with_what_is_due_and_missing():
    with pytest.raises(ShortTenderError) as caught:
        ReceiptDesk.check_payment(Decimal("60.00"), (CASH,), Decimal("52.20"))
    error = caught.value
    assert error.problem is ReceiptProblem.SHORT_TENDER and isinstance(error, ReceiptError)
    assert (error.due, error.handed, error.missing) == (
        Decimal("60.00"),
        Decimal("52.20"),
        Decimal("7.80"),
    )


def test_the_check_gives_the_change_the_core_will_record():
    wechat = Tender(PaymentMethod.WECHAT, Decimal("40.00"))
    cash = Tender(PaymentMethod.CASH, Decimal("20.00"))
    settled = ReceiptDesk.check_payment(Decimal("60.00"), (wechat, cash), Decimal("50"))
    assert (settled.cash, settled.cash_tendered, settled.change) == (
        Decimal("20.00"),
        Decimal("50.00"),
        Decimal("30.00"),
    )


@pytest.fixture
def till(database):
    return open_till(database)


def test_the_pdf_copy_is_saved_and_the_job_still_waits(till, tmp_path):
    desk = ReceiptDesk(till.database, lambda _user: till.clerk, HEADING, NO_PRINTER)
    issued = issue_receipt(
        till.database, till.clerk, cash_request(till.cart(("S105", "1")), tendered="100")
    )
    assert not desk.has_printer
    target = tmp_path / "copies" / "receipt.pdf"
    assert desk.save_pdf(None, issued.print_job_id, target) == target  # type: ignore[arg-type]
    assert target.read_bytes().startswith(b"%PDF")
    assert not target.with_name("receipt.pdf.part").exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert issued.record.receipt_no in text
    [job] = desk.unfinished(None)  # type: ignore[arg-type]
    assert (job.job_id, job.status) == (issued.print_job_id, PrintStatus.PENDING)


def test_a_pdf_copy_that_cannot_be_written_is_a_clear_refusal(till, tmp_path):
    desk = ReceiptDesk(till.database, lambda _user: till.clerk, HEADING, NO_PRINTER)
    issued = issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(HallError, match=r"receipt\.pdf"):
        desk.save_pdf(None, issued.print_job_id, blocker / "receipt.pdf")  # type: ignore[arg-type]
