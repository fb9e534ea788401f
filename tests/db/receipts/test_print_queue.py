"""Printing jobs on the test network printer: success, every fault mode, retry and 重打."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PIL import Image

from db.domain import PrintStatus
from hallclient.printing import raster
from hallclient.printing.escpos import Charset, JobOptions, Mode
from hallclient.printing.layout import Paper
from hallclient.printing.print_queue import print_job
from hallclient.printing.printers import PaperStatus, PrinterConfig, PrinterProblem
from hallclient.printing.raster import render_raster
from hallclient.printing.receipt_layout import Copy, receipt_layout
from hallclient.receipts import jobs
from hallclient.receipts.desk import ReceiptDesk
from hallclient.receipts.issue import issue_receipt
from tests.db.receipt_helpers import cash_request, open_till
from tests.printing.escpos_decoder import decode
from tests.printing.fake_printer import FakePrinter
from tests.printing.samples import HEADING, PLACE


@pytest.fixture
def till(sqlite_database):
    return open_till(sqlite_database)


@pytest.fixture
def issued(till):
    return issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))


def _printer(mode: str = "ok"):
    printer = FakePrinter(mode)
    yield printer
    printer.close()


@pytest.fixture
def printer(request):
    yield from _printer(getattr(request, "param", "ok"))


def _config(printer: FakePrinter, mode: Mode = Mode.RASTER, paper: Paper = Paper.MM58):
    options = JobOptions(mode, Charset.GBK, drawer=True)
    return PrinterConfig("network", printer.target, paper, options, timeout=0.5)


def _status(till, job_id):
    waiting = {job.job_id: job for job in jobs.unfinished_jobs(till.database, till.clerk)}
    return waiting[job_id].status if job_id in waiting else PrintStatus.PRINTED


@pytest.mark.parametrize("paper", [Paper.MM58, Paper.MM80])
def test_a_raster_receipt_reaches_the_printer_whole(till, issued, printer, paper):
    result = print_job(
        till.database, till.clerk, _config(printer, paper=paper), HEADING, issued.print_job_id
    )
    assert (result.printed, result.paper, result.mode) == (True, PaperStatus.OK, Mode.RASTER)
    [image] = decode(printer.job(0)).images
    expected = render_raster(receipt_layout(issued.record, PLACE, HEADING, paper, Copy()))
    assert image.convert("L").tobytes() == expected.convert("L").tobytes()
    assert decode(printer.job(0)).drawer  # a cash payment opens the drawer
    assert _status(till, issued.print_job_id) is PrintStatus.PRINTED


def test_native_text_reaches_the_printer(till, issued, printer):
    print_job(
        till.database, till.clerk, _config(printer, Mode.NATIVE), HEADING, issued.print_job_id
    )
    texts = decode(printer.job(0), "gbk").texts
    assert f"票据号：{issued.record.receipt_no}" in texts and "户名：张伟" in texts


@pytest.mark.parametrize(
    ("printer", "problem", "status"),
    [
        ("paper_out", PrinterProblem.PAPER_OUT, PrintStatus.PENDING),
        ("refuse", PrinterProblem.OFFLINE, PrintStatus.PENDING),
        ("stall", PrinterProblem.TIMEOUT, PrintStatus.SENDING),
        ("drop", PrinterProblem.DROPPED, PrintStatus.SENDING),
    ],
    indirect=["printer"],
)
def test_each_fault_keeps_the_job_with_a_clear_reason(till, issued, printer, problem, status):
    result = print_job(till.database, till.clerk, _config(printer), HEADING, issued.print_job_id)
    assert (result.printed, result.problem) == (False, problem)
    assert result.maybe_printed is (status is PrintStatus.SENDING)
    [job] = jobs.unfinished_jobs(till.database, till.clerk)
    assert (job.status, job.last_error.split(":")[0]) == (status, problem.value)


def test_a_printer_that_never_answers_status_is_asked_once_per_session(till, issued):
    """A real TCP printer that takes every byte and never answers DLE EOT 4: the first
    job waits once for the query before it, then prints without a question; later jobs
    send no query and do not wait."""
    printer = FakePrinter("mute")
    try:
        config = _config(printer)
        first = print_job(till.database, till.clerk, config, HEADING, issued.print_job_id)
        assert (first.printed, first.problem, first.paper) == (True, None, PaperStatus.NO_ANSWER)
        assert decode(printer.job(0)).images and printer.queries == [1]
        again = issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))
        started = time.monotonic()
        second = print_job(till.database, till.clerk, config, HEADING, again.print_job_id)
        assert time.monotonic() - started < config.timeout  # no query waited for
        assert (second.printed, second.paper) == (True, PaperStatus.NO_ANSWER)
        assert len(decode(printer.job(1)).images) == 1 and printer.queries == [1, 0]
        assert jobs.unfinished_jobs(till.database, till.clerk) == []
    finally:
        printer.close()


def test_a_printer_that_answered_once_is_still_asked_after_a_stall(till, issued):
    """Silence after a job from a printer that answered before it is a fault each time."""
    again = issue_receipt(till.database, till.clerk, cash_request(till.cart(("S105", "1"))))
    for printer in _printer("stall"):
        for job_id in (issued.print_job_id, again.print_job_id):
            result = print_job(till.database, till.clerk, _config(printer), HEADING, job_id)
            assert (result.problem, result.maybe_printed) == (PrinterProblem.TIMEOUT, True)
        printer.job(1)
        assert printer.queries == [2, 2]


def test_after_paper_out_the_retry_prints_the_original(till, issued):
    for mode in ("paper_out", "ok"):
        for printer in _printer(mode):
            result = print_job(
                till.database, till.clerk, _config(printer), HEADING, issued.print_job_id
            )
    assert result.printed and _status(till, issued.print_job_id) is PrintStatus.PRINTED


def test_a_dropped_job_is_reprinted_only_as_a_marked_copy(till, issued):
    for printer in _printer("drop"):
        print_job(
            till.database, till.clerk, _config(printer, Mode.NATIVE), HEADING, issued.print_job_id
        )
    copy = jobs.resolve_interrupted(till.database, till.clerk, issued.print_job_id, printed=False)
    for printer in _printer("ok"):
        result = print_job(
            till.database, till.clerk, _config(printer, Mode.NATIVE), HEADING, copy.job_id
        )
        texts = [text.strip() for text in decode(printer.job(0), "gbk").texts]
    assert result.printed and "收费收据【重打1】" in texts
    assert not decode(printer.job(0), "gbk").drawer  # a copy does not open the drawer


def test_the_file_backend_writes_the_job(till, issued, tmp_path):
    path = tmp_path / "printer.bin"
    config = PrinterConfig("file", str(path), Paper.MM80, JobOptions(Mode.NATIVE))
    result = print_job(till.database, till.clerk, config, HEADING, issued.print_job_id)
    assert result.printed and "户名：张伟" in decode(path.read_bytes()).texts


def test_no_printer_configured_keeps_the_job_pending(till, issued):
    config = PrinterConfig("none", "", Paper.MM80, JobOptions())
    result = print_job(till.database, till.clerk, config, HEADING, issued.print_job_id)
    assert result.problem is PrinterProblem.NOT_CONFIGURED
    assert _status(till, issued.print_job_id) is PrintStatus.PENDING


def test_a_job_is_never_sent_twice(till, issued, printer):
    """A second print of the same job (a double key press, a replayed payment) sends nothing."""
    first = print_job(till.database, till.clerk, _config(printer), HEADING, issued.print_job_id)
    again = print_job(till.database, till.clerk, _config(printer), HEADING, issued.print_job_id)
    assert first.printed and (again.printed, again.not_pending) == (False, True)
    printer.job(0)
    assert len(printer.jobs) == 1


def _counting_renders(monkeypatch) -> list[Image.Image]:
    """Every receipt rasterised, by whichever caller: the real drawing still runs."""
    drawn: list[Image.Image] = []
    real = raster._render

    def counted(layout):
        drawn.append(real(layout))
        return drawn[-1]

    monkeypatch.setattr(raster, "_render", counted)
    return drawn


def _desk(till, config: PrinterConfig) -> ReceiptDesk:
    return ReceiptDesk(till.database, lambda _user: till.clerk, HEADING, config)


def test_a_printed_receipt_is_drawn_once_for_the_printer_and_its_preview(
    till, issued, printer, monkeypatch
):
    desk = _desk(till, _config(printer, paper=Paper.MM80))
    drawn = _counting_renders(monkeypatch)
    result = desk.print(None, issued.print_job_id)
    preview = desk.preview(None, result)
    assert result.printed and len(drawn) == 1 and preview is drawn[0]
    [printed] = decode(printer.job(0)).images
    assert printed.convert("L").tobytes() == preview.convert("L").tobytes()
    assert preview.tobytes() == desk.receipt_image(None, issued.print_job_id).tobytes()


@pytest.mark.parametrize("native", [True, False])
def test_a_receipt_not_printed_as_raster_is_drawn_once_for_its_preview(
    till, issued, printer, monkeypatch, native
):
    """Native text, or no printer at all: nothing drawn to print, the preview once."""
    if native:
        config, paper = _config(printer, Mode.NATIVE), Paper.MM58
    else:  # the preview of a counter without a printer is 80 mm wide, whatever the setting
        config, paper = PrinterConfig("none", "", Paper.MM58, JobOptions()), Paper.MM80
    desk = _desk(till, config)
    drawn = _counting_renders(monkeypatch)
    result = desk.print(None, issued.print_job_id)
    assert result.printed is native and result.image is None and drawn == []
    assert result.problem is (None if native else PrinterProblem.NOT_CONFIGURED)
    preview = desk.preview(None, result)
    assert len(drawn) == 1 and preview is drawn[0] and preview.width == paper.dots


def test_native_mode_says_when_a_character_sent_the_receipt_as_an_image(till, issued, printer):
    rare = replace(HEADING, company="䶮城燃气有限公司")  # 䶮: not in the printer's GBK font
    config = _config(printer, Mode.NATIVE)
    result = print_job(till.database, till.clerk, config, rare, issued.print_job_id)
    assert (result.printed, result.mode, result.as_image) == (True, Mode.RASTER, True)
    assert decode(printer.job(0)).texts == []


def test_native_mode_that_prints_natively_is_no_image(till, issued, printer):
    config = _config(printer, Mode.NATIVE)
    result = print_job(till.database, till.clerk, config, HEADING, issued.print_job_id)
    assert (result.printed, result.mode, result.as_image) == (True, Mode.NATIVE, False)
