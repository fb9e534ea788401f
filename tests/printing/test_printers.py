"""Printer settings to python-escpos backends, and the paper-status byte."""

from __future__ import annotations

import pytest

from hallclient.printing.escpos import JobOptions
from hallclient.printing.layout import Paper
from hallclient.printing.printers import (
    PaperStatus,
    PrinterConfig,
    PrinterFault,
    PrinterProblem,
    _escpos_printer,
    paper_status_of,
    send_job,
)


def _config(backend: str, target: str) -> PrinterConfig:
    return PrinterConfig(backend, target, Paper.MM80, JobOptions(), timeout=2.0)


def test_each_backend_is_built_with_keyword_arguments():
    network = _escpos_printer(_config("network", "192.168.1.50"))
    assert (network.host, network.port, network.timeout) == ("192.168.1.50", 9100, 2.0)
    usb = _escpos_printer(_config("usb", "04b8:0202"))
    assert (usb.usb_args, usb.timeout) == ({"idVendor": 0x04B8, "idProduct": 0x0202}, 2000)
    serial = _escpos_printer(_config("serial", "COM3@19200"))
    assert (serial.devfile, serial.baudrate, serial.timeout) == ("COM3", 19200, 2.0)


@pytest.mark.parametrize(
    ("backend", "target", "problem"),
    [
        ("none", "", PrinterProblem.NOT_CONFIGURED),
        ("usb", "not-hex", PrinterProblem.NOT_CONFIGURED),
        ("network", "127.0.0.1:notaport", PrinterProblem.NOT_CONFIGURED),
        ("win32", "POS-80", PrinterProblem.NOT_CONFIGURED),  # no Windows printer queue here
        ("serial", "/dev/does-not-exist", PrinterProblem.OFFLINE),
    ],
)
def test_a_printer_that_cannot_be_used_is_a_clear_fault(backend, target, problem):
    with pytest.raises(PrinterFault) as caught:
        send_job(_config(backend, target), b"\x1b@")
    assert caught.value.problem is problem and not caught.value.maybe_printed


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (b"\x12", PaperStatus.OK),
        (b"\x1e", PaperStatus.NEAR_END),
        (b"\x72", PaperStatus.OUT),
        (b"\x7e", PaperStatus.OUT),
        (b"", PaperStatus.UNKNOWN),
        (b"\xff", PaperStatus.UNKNOWN),
    ],
)
def test_the_paper_status_byte(answer, status):
    assert paper_status_of(answer) is status
