"""The referral desk: what the referral screens call (the counter's form and list, the board).

A thin hand-over like :class:`~hallclient.shifts.desk.ShiftDesk`: the routing rules are
read once from ``resources/reference``; the slip is laid out for the counter's printer
and sent through the same printer code as a receipt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from db.domain import ReferralStatus
from db.engine import Database
from hallclient import paths
from hallclient.clock import local
from hallclient.context import Context, CurrentUser
from hallclient.errors import HallError
from hallclient.printing.escpos import job_bytes
from hallclient.printing.layout import Layout, Paper
from hallclient.printing.pdf import render_pdf
from hallclient.printing.printers import PaperStatus, PrinterConfig, send_job
from hallclient.printing.receipt_layout import Heading
from hallclient.referrals import board_history, directory, hall_list, service
from hallclient.referrals.board_history import Finished
from hallclient.referrals.directory import DepartmentEntry
from hallclient.referrals.routing import Suggestion, load_rules, suggest
from hallclient.referrals.service import EventView, NewReferral, ReferralView
from hallclient.referrals.slip import SlipDepartment, slip_layout


class ReferralDesk:
    def __init__(
        self,
        database: Database,
        context_of: Callable[[CurrentUser], Context],
        heading: Heading,
        printer: PrinterConfig,
        reference_folder: Path,
    ) -> None:
        self.database, self._context_of = database, context_of
        self.heading, self.printer = heading, printer
        self.rules = load_rules(reference_folder)

    def departments(self) -> list[DepartmentEntry]:
        return directory.departments(self.database)

    def suggest(
        self, purpose_department: str | None, matter: str, departments: list[str]
    ) -> list[Suggestion]:
        """``departments``: the directory's codes, read once by the form (not per keystroke)."""
        return suggest(self.rules, departments, purpose_department, matter)

    def refer(self, user: CurrentUser, new: NewReferral) -> ReferralView:
        return service.refer(self.database, self._context_of(user), new)

    def board(self, user: CurrentUser) -> list[ReferralView]:
        return service.board(self.database, self._context_of(user))

    def move(
        self, user: CurrentUser, referral_id: int, status: ReferralStatus, note: str = ""
    ) -> ReferralView:
        return service.move(self.database, self._context_of(user), referral_id, status, note)

    def history(self, user: CurrentUser, referral_id: int) -> list[EventView]:
        return service.history(self.database, self._context_of(user), referral_id)

    def finished(self, user: CurrentUser) -> list[Finished]:
        return board_history.finished(self.database, self._context_of(user))

    def hall_referrals(self, user: CurrentUser) -> list[ReferralView]:
        return hall_list.hall_referrals(self.database, self._context_of(user))

    def needing_counter(self, user: CurrentUser) -> int:
        return hall_list.needing_counter(self.database, self._context_of(user))

    def take_up(self, user: CurrentUser, referral_id: int, note: str) -> ReferralView:
        return hall_list.take_up(self.database, self._context_of(user), referral_id, note)

    def department_entries(self, user: CurrentUser) -> list[DepartmentEntry]:
        return directory.department_entries(self.database, self._context_of(user))

    def save_department(self, user: CurrentUser, entry: DepartmentEntry, *, new: bool) -> None:
        directory.save_department(self.database, self._context_of(user), entry, new=new)

    def escalated(self, user: CurrentUser) -> list[ReferralView]:
        return service.escalated(self.database, self._context_of(user))

    def for_account(self, user: CurrentUser, account_no: str) -> list[ReferralView]:
        return service.for_account(self.database, self._context_of(user), account_no)

    # -- the slip --------------------------------------------------------------------------

    def slip(
        self,
        referral: ReferralView,
        paper: Paper | None = None,
        reprinted_at: datetime | None = None,
    ) -> Layout:
        info = next(d for d in self.departments() if d.code == referral.department_code)
        department = SlipDepartment(
            info.name_zh, info.phone, info.extension, info.location, info.hours
        )
        return slip_layout(referral, department, self.heading, paper or self._paper, reprinted_at)

    @property
    def _paper(self) -> Paper:
        return self.printer.paper if self.printer.backend != "none" else Paper.MM80

    def slip_pdf(self, referral: ReferralView, reprinted_at: datetime | None = None) -> bytes:
        return render_pdf(self.slip(referral, reprinted_at=reprinted_at), referral.reference)

    def print_slip(
        self, referral: ReferralView, reprinted_at: datetime | None = None
    ) -> PaperStatus:
        data, _mode = job_bytes(
            self.slip(referral, reprinted_at=reprinted_at), self.printer.options
        )
        return send_job(self.printer, data)

    def deliver_slip(
        self, referral: ReferralView, reprinted_at: datetime | None = None
    ) -> Path | None:
        """On the counter's printer; without one, as a PDF in the reports folder (returned).
        A copy printed again is marked so, and its PDF does not replace the first one's."""
        if self.printer.backend != "none":
            self.print_slip(referral, reprinted_at)
            return None
        folder = paths.reports_dir() / "referrals"
        name = referral.reference
        if reprinted_at is not None:
            name += f"-reprint-{local(reprinted_at, self.heading.timezone):%Y%m%d-%H%M%S}"
        target = folder / f"{name}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(self.slip_pdf(referral, reprinted_at))
            os.replace(partial, target)
        except OSError as error:
            raise HallError(f"{target}: {error.strerror or error}") from None
        return target

    def reprint_slip(self, user: CurrentUser, referral: ReferralView) -> Path | None:
        """The slip once more (the customer lost it), marked as a copy printed now."""
        return self.deliver_slip(referral, self._context_of(user).clock.now())
