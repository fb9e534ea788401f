"""The kiosk's paper ticket: its bytes decode to the number, category, people ahead and the
QR of the ticket, in both modes; the file backend writes them; a printer fault is returned
and logged, never raised."""

from __future__ import annotations

import datetime as dt
import logging
import socket
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from db.domain import PriorityReason
from hallclient.kiosk.ticket_print import print_ticket, ticket_layout
from hallclient.kiosk.tickets import KioskTicket
from hallclient.printing.escpos import Charset, JobOptions, Mode, job_bytes
from hallclient.printing.layout import Paper, display_width
from hallclient.printing.printers import PrinterConfig, PrinterProblem
from hallclient.printing.raster import qr_image, render_raster
from tests.printing.escpos_decoder import decode

TIMEZONE = "Asia/Shanghai"
TICKET = KioskTicket(
    label="A012",
    category_code="enquiry",
    category_zh="业务咨询",
    category_en="Enquiries",
    people_ahead=3,
    issued_at=dt.datetime(2026, 12, 7, 1, 5, tzinfo=dt.UTC),
    service_day=dt.date(2026, 12, 7),
    hall_code="H01",
    hall_name="城东营业厅",
    priority_reason=PriorityReason.ELDERLY,
    account_given=False,
)
PAYLOAD = "HALL:H01;DAY:2026-12-07;TICKET:A012"


def _same(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


def _contains(image: Image.Image, part: Image.Image) -> bool:
    """``part`` drawn centred somewhere down ``image`` (as the raster draws a QR code)."""
    left = (image.width - part.width) // 2
    return any(
        _same(image.crop((left, top, left + part.width, top + part.height)), part.convert("1"))
        for top in range(image.height - part.height)
    )


@pytest.mark.parametrize("paper", [Paper.MM58, Paper.MM80])
def test_native_bytes_carry_the_number_large_the_category_and_the_qr(paper):
    data, mode = job_bytes(ticket_layout(TICKET, paper, TIMEZONE), JobOptions(Mode.NATIVE))
    printed = decode(data)
    assert mode is Mode.NATIVE and printed.cuts == 1 and not printed.drawer
    by_text = {line.text.strip(): line for line in printed.lines}
    assert by_text["A012"].size == 0x33 and by_text["A012"].align == 1  # four times as large
    assert by_text["业务咨询"].size == 0x11
    assert {"城东营业厅", "前面还有 3 人等候", "取号时间：2026-12-07 09:05"} <= by_text.keys()
    assert "绿色通道（老年人）优先" in by_text
    assert all(
        display_width(line.text) * ((line.size & 0x0F) + 1) <= paper.columns
        for line in printed.lines
    )
    [qr] = printed.images  # padded with white to whole bytes
    expected = qr_image(PAYLOAD)
    assert _same(qr.crop((0, 0, expected.width, expected.height)), expected.convert("1"))


def test_raster_bytes_are_the_drawn_ticket_with_its_qr():
    layout = ticket_layout(TICKET, Paper.MM80, TIMEZONE)
    data, mode = job_bytes(layout, JobOptions(Mode.RASTER, Charset.GB18030))
    printed = decode(data)
    assert mode is Mode.RASTER and printed.texts == []
    [image] = printed.images
    assert _same(image, render_raster(layout))
    assert _contains(image, qr_image(PAYLOAD))


def test_the_file_backend_writes_the_ticket(tmp_path: Path):
    target = tmp_path / "printer.bin"
    config = PrinterConfig("file", str(target), Paper.MM58, JobOptions(Mode.NATIVE, drawer=True))
    result = print_ticket(config, TICKET, TIMEZONE)
    assert result.printed
    printed = decode(target.read_bytes())
    assert "A012" in [text.strip() for text in printed.texts]
    assert not printed.drawer  # a kiosk never pulses a cash drawer


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("backend", "target"),
    [("file", "missing-folder/printer.bin"), ("network", "127.0.0.1:{port}")],
)
def test_a_printer_fault_is_returned_and_logged(tmp_path, caplog, backend, target):
    where = str(tmp_path / target) if backend == "file" else target.format(port=_closed_port())
    config = PrinterConfig(backend, where, Paper.MM80, JobOptions(), timeout=2.0)
    with caplog.at_level(logging.ERROR, "hallclient.kiosk.ticket_print"):
        result = print_ticket(config, TICKET, TIMEZONE)
    assert (result.printed, result.problem) == (False, PrinterProblem.OFFLINE)
    assert "kiosk ticket A012 not printed" in caplog.text
