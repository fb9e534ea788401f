"""Sending finished ESC/POS bytes to the counter's printer through python-escpos.

One fresh python-escpos object per job (a ``Network`` whose open failed stays broken),
keyword arguments only (3.x shifted ``Usb``'s positions), short timeouts (its default
is 60 s), and the whole job in one write.  Where the printer can answer (network, USB,
serial) the job is bracketed by paper-status queries (DLE EOT 4): the answer after
the job proves the printer took every byte before it.  No answer is "unknown", never
"paper OK" -- python-escpos' own ``paper_status()`` says "adequate" to silence.

A printer that leaves its first status query unanswered (many cheap ones never answer
DLE EOT 4) is, for the rest of the session, treated like one without status: no query,
no wait, no "did it print?" question; its jobs report ``NO_ANSWER`` so the clerk is told
the paper is not checked.  One that has answered once is asked every time: its silence
after a job is a fault, and the clerk is asked.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass
from typing import Any

from hallclient import paths
from hallclient.config import Settings
from hallclient.errors import HallError
from hallclient.printing.escpos import Charset, JobOptions, Mode
from hallclient.printing.layout import Paper

log = logging.getLogger(__name__)
STATUS_QUERY = b"\x10\x04\x04"  # DLE EOT 4: roll paper sensor status
DEFAULT_TIMEOUT = 3.0


class PrinterProblem(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"
    OFFLINE = "offline"  # refused or unreachable: nothing was sent
    PAPER_OUT = "paper_out"  # the printer said so before the job: nothing was sent
    TIMEOUT = "timeout"  # no answer while or after sending: it may or may not have printed
    DROPPED = "dropped"  # the connection broke during the job: part may have printed
    FAILED = "failed"


_MAYBE_PRINTED = {PrinterProblem.TIMEOUT, PrinterProblem.DROPPED}


class PrinterFault(HallError):
    def __init__(
        self, problem: PrinterProblem, detail: str = "", *, maybe_printed: bool | None = None
    ) -> None:
        self.problem, self.detail = problem, detail
        self._maybe = problem in _MAYBE_PRINTED if maybe_printed is None else maybe_printed
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)

    @property
    def maybe_printed(self) -> bool:
        """Bytes may have reached the paper: only the clerk can tell (no blind reprint)."""
        return self._maybe


class PaperStatus(enum.StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"
    NO_ANSWER = "no_answer"  # the printer never answers status queries: not asked any more


def paper_status_of(answer: bytes) -> PaperStatus:
    """Read a DLE EOT 4 answer: fixed bits 0x12, near end 0x0C, paper end 0x60."""
    if len(answer) != 1 or answer[0] & 0x93 != 0x12:
        return PaperStatus.UNKNOWN
    if answer[0] & 0x60:
        return PaperStatus.OUT
    return PaperStatus.NEAR_END if answer[0] & 0x0C else PaperStatus.OK


@dataclass(frozen=True)
class PrinterConfig:
    backend: str  # none, network, usb, serial, file, win32
    target: str
    paper: Paper
    options: JobOptions
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_settings(cls, settings: Settings) -> PrinterConfig:
        options = JobOptions(
            Mode(settings.printer_mode),
            Charset(settings.printer_charset),
            cut=settings.printer_cut,
            drawer=settings.printer_drawer,
        )
        paper = Paper.MM58 if settings.printer_paper == 58 else Paper.MM80
        return cls(settings.printer_backend, settings.printer_target, paper, options)

    @property
    def configured(self) -> bool:
        """A printer to send to: a backend and its target (else nothing is drawn or sent)."""
        return self.backend != "none" and bool(self.target)

    @property
    def answers_status(self) -> bool:
        return self.backend in ("network", "usb", "serial")

    def describe(self) -> str:
        return "none" if self.backend == "none" else f"{self.backend} {self.target}".strip()


def _escpos_printer(config: PrinterConfig) -> Any:
    """A fresh python-escpos printer for one job (imported late: see DESIGN §6a)."""
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(paths.escpos_cache_dir()))
    from escpos import printer

    target, timeout = config.target, config.timeout
    if config.backend == "network":
        host, _, port = target.partition(":")
        return printer.Network(host=host, port=int(port or 9100), timeout=timeout)
    if config.backend == "usb":
        vendor, _, product = target.partition(":")
        ids = {"idVendor": int(vendor, 16), "idProduct": int(product, 16)}
        return printer.Usb(**ids, timeout=int(timeout * 1000))  # milliseconds
    if config.backend == "serial":
        device, _, baud = target.partition("@")
        return printer.Serial(devfile=device, baudrate=int(baud or 9600), timeout=timeout)
    if config.backend == "file":
        return printer.File(devfile=target)
    if config.backend == "win32":
        return printer.Win32Raw(printer_name=target)
    raise PrinterFault(PrinterProblem.NOT_CONFIGURED, config.backend)


# this session: whether each printer (by ``describe()``) answers status queries; a
# printer not in it has not been asked yet
_ANSWERS_STATUS: dict[str, bool] = {}


# this session: the paper status each printer (by ``describe()``) last reported
_LAST_PAPER: dict[str, PaperStatus] = {}


def last_paper_status(config: PrinterConfig) -> PaperStatus | None:
    """What the printer last answered about its paper since HallClient started on this PC;
    None when it has not answered yet (nothing printed, or a printer that never answers)."""
    return _LAST_PAPER.get(config.describe())


def _asks_status(config: PrinterConfig) -> bool:
    return config.answers_status and _ANSWERS_STATUS.get(config.describe(), True)


def _status(device: Any, config: PrinterConfig) -> PaperStatus:
    """Ask for the paper status; a network printer that hangs up has dropped the job."""
    try:
        device._raw(STATUS_QUERY)
        answer = bytes(device._read())
    except TimeoutError:
        answer = b""
    except OSError:  # pyusb's timeout is an OSError; on a network it is a broken link
        if config.backend == "network":
            raise
        answer = b""
    else:
        if not answer and config.backend == "network":
            raise ConnectionResetError("the printer closed the connection")
    printer = config.describe()
    if answer:
        _ANSWERS_STATUS[printer] = True
        _LAST_PAPER[printer] = paper_status_of(answer[:1])
    elif printer not in _ANSWERS_STATUS:
        _ANSWERS_STATUS[printer] = False
        log.warning("printer %s does not answer status queries: not asked again", printer)
    return paper_status_of(answer[:1])


def send_job(config: PrinterConfig, data: bytes) -> PaperStatus:
    """Print ``data``; return the paper status the printer reported after it.

    Raises :class:`PrinterFault`; ``maybe_printed`` tells whether bytes may have gone out.
    """
    if not config.configured:
        raise PrinterFault(PrinterProblem.NOT_CONFIGURED)
    device, sent = _open(config), False
    try:
        if _asks_status(config) and _status(device, config) is PaperStatus.OUT:
            raise PrinterFault(PrinterProblem.PAPER_OUT)
        sent = True
        device._raw(data)
        if not config.answers_status:
            return PaperStatus.UNKNOWN
        if not _asks_status(config):  # it left a query unanswered, now or earlier
            return PaperStatus.NO_ANSWER
        after = _status(device, config)
        if after is PaperStatus.UNKNOWN:
            raise PrinterFault(PrinterProblem.TIMEOUT, "no answer after the job")
        if after is PaperStatus.OUT:  # the paper ran out during the job: it may be cut short
            raise PrinterFault(PrinterProblem.PAPER_OUT, "after the job", maybe_printed=True)
        return after
    except TimeoutError as error:
        raise PrinterFault(PrinterProblem.TIMEOUT, str(error)) from None
    except PrinterFault:
        raise
    except Exception as error:  # reset, broken pipe, device gone; pywin32's error is no OSError
        problem = PrinterProblem.DROPPED if sent else PrinterProblem.OFFLINE
        raise PrinterFault(problem, f"{type(error).__name__}: {error}") from None
    finally:
        _close(device, config)


def _open(config: PrinterConfig) -> Any:
    try:
        device = _escpos_printer(config)
    except (ValueError, RuntimeError) as error:  # a bad target; a backend this PC lacks
        raise PrinterFault(PrinterProblem.NOT_CONFIGURED, f"{config.describe()}: {error}") from None
    try:
        device.open()
    except Exception as error:  # python-escpos raises its own DeviceNotFoundError and others
        log.warning("printer %s cannot be opened: %s", config.describe(), error)
        raise PrinterFault(PrinterProblem.OFFLINE, str(error)) from None
    return device


def _close(device: Any, config: PrinterConfig) -> None:
    """Close the device; for the Windows queue this is when the job is committed."""
    try:
        device.close()
    except Exception as error:
        log.warning("printer %s: closing failed: %s", config.describe(), error)
        if config.backend == "win32":  # the spooler commits at close: it may have printed
            raise PrinterFault(PrinterProblem.DROPPED, str(error), maybe_printed=True) from None
