"""The workplace desk: the hall's counters and this PC's printer, as the admin sees them.

Counters are rows of the database (every PC registers its own at start-up); a printer is
a setting of the PC it stands beside (``[printer]`` in that PC's settings file), so only
this PC's printer is known here, with the paper status it last reported this session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.engine import Database
from hallclient.access.permissions import Action
from hallclient.context import ContextOf, CurrentUser
from hallclient.printing.layout import Paper
from hallclient.printing.printers import PaperStatus, PrinterConfig, last_paper_status
from hallclient.setup.workplace import CounterView, Workplace, hall_counters
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class PrinterSetup:
    """This PC's printer as its settings file configures it."""

    backend: str  # none, network, usb, serial, file, win32
    target: str
    paper_mm: int
    mode: str  # raster or native
    charset: str
    cut: bool
    drawer: bool
    last_paper: PaperStatus | None  # None: not reported since HallClient started here


@dataclass(frozen=True)
class HallCounters:
    workplace: Workplace  # this PC's hall and counter
    counters: list[CounterView]
    printer: PrinterSetup
    settings_file: Path


class WorkplaceDesk:
    def __init__(
        self,
        database: Database,
        context_of: ContextOf,
        workplace: Workplace,
        printer: PrinterConfig,
        settings_file: Path,
    ) -> None:
        self.database, self._context_of = database, context_of
        self.workplace, self.printer, self.settings_file = workplace, printer, settings_file

    def counters(self, user: CurrentUser) -> HallCounters:
        self._context_of(user).require(Action.MANAGE_USERS)
        with UnitOfWork(self.database) as uow:
            counters = hall_counters(uow, self.workplace.hall_code)
        printer = self.printer
        setup = PrinterSetup(
            printer.backend,
            printer.target,
            58 if printer.paper is Paper.MM58 else 80,
            printer.options.mode.value,
            printer.options.charset.value,
            printer.options.cut,
            printer.options.drawer,
            last_paper_status(printer),
        )
        return HallCounters(self.workplace, counters, setup, self.settings_file)
