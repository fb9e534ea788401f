"""Referring from the intake page: the dialog, then refer, mark the visit, print the slip.

All three happen in one call off the GUI thread.  The referral stands once made: a
printer fault afterwards is reported with the reference number, never undoes it, and
Ctrl+F5 prints the slip once the printer is back (``ui.intake.slip_reprint``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer

from db.domain import VisitStage
from hallclient.clock import local
from hallclient.errors import HallError
from hallclient.referrals.service import ReferralView
from ui.intake.referral_dialog import ReferralDialog
from ui.intake.slip_reprint import shown_reference
from ui.words.referrals import referral_problem_text, slip_fault_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.service import AccountPanel
    from hallclient.intake.visits import VisitView
    from ui.intake.host import IntakeHost


@dataclass(frozen=True)
class Referred:
    """One referral done: the referral, the visit now referring, and the slip's fate."""

    referral: ReferralView
    visit: VisitView
    printing_fault: HallError | None  # None: printed, or saved as a PDF
    saved_pdf: Path | None  # where the slip went when the counter has no printer


LEAK_PAUSE_MS = 400  # as for the notes: the emergency check waits for a pause in typing


class ReferralFlow(QObject):
    def __init__(self, page: IntakeHost, core: Core, user_of: Callable[[], CurrentUser]) -> None:
        super().__init__(page.host_widget())
        self._page, self._core, self._user_of = page, core, user_of
        self.dialog: ReferralDialog | None = None

    def start(
        self, visit: VisitView, purpose_department: str | None, account: AccountPanel | None
    ) -> None:
        """The form for ``visit``, its contact from the account (or the walk-in's name)."""
        contact = (
            (account.name, account.phone, account.address)
            if account is not None
            else (visit.customer_name, visit.customer_phone, "")
        )
        desk = self._core.referrals
        departments = desk.departments()
        codes = [department.code for department in departments]
        dialog = ReferralDialog(
            departments,
            lambda matter: desk.suggest(purpose_department, matter, codes),
            self._core.scripts.check_text,
            contact,
            self._page.host_widget(),
        )
        made: dict[str, ReferralView] = {}  # this form's referral, once made: never twice
        dialog.sig_submit.connect(lambda: self._submit(dialog, visit, made))
        leak_check = QTimer(dialog, singleShot=True, interval=LEAK_PAUSE_MS)
        leak_check.timeout.connect(
            lambda: self._page.emergency.check_text(
                dialog.matter.toPlainText(), confidential=dialog.theft.isChecked()
            )
        )
        dialog.matter.textChanged.connect(leak_check.start)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _closed(self, dialog: ReferralDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _submit(
        self, dialog: ReferralDialog, visit: VisitView, made: dict[str, ReferralView]
    ) -> None:
        if not dialog.complete():
            return
        request = dialog.request(visit.id, visit.account_no)
        user, desk = self._user_of(), self._core.referrals

        def work() -> Referred:
            # refused (a matter too short): nothing changes, not even the visit's stage; made
            # but the visit not moved (the connection dropped): a retry does not refer again
            if "referral" not in made:
                made["referral"] = desk.refer(user, request)
            referral = made["referral"]
            moved = self._core.intake.advance_visit(user, visit.id, VisitStage.REFERRING)
            fault: HallError | None = None
            saved: Path | None = None
            try:
                saved = desk.deliver_slip(referral)
            except HallError as error:
                fault = error
            return Referred(referral, moved, fault, saved)

        def done(referred: Referred) -> None:
            printed = referred.printing_fault is None
            self._page.slips.remember(visit.id, referred.referral, printed=printed)
            if shiboken6.isValid(dialog):
                dialog.accept()
            self._page.visit_referred(
                referred.visit, referred.referral.department_code, self._message(referred)
            )

        def refused(error: HallError) -> None:
            text = referral_problem_text(error)
            if "referral" in made:  # made, but not moved on: its slip has not been printed
                self._page.slips.remember(visit.id, made["referral"], printed=False)
                text = self.tr("{reference} is made; {problem}").format(
                    reference=shown_reference(made["referral"]), problem=text
                )
            if shiboken6.isValid(dialog):
                dialog.refused(error, text)
            else:
                self._page.show_problem(error)

        self._page.attempt.run(work, done, refused)

    def _message(self, referred: Referred) -> str:
        due = local(referred.referral.due_at, self._core.settings.timezone)
        text = self.tr("Referred: {reference}; due {due}.").format(
            reference=shown_reference(referred.referral), due=f"{due:%m-%d %H:%M}"
        )
        if referred.saved_pdf is not None:
            text += " " + self.tr("The slip is saved as {path}.").format(path=referred.saved_pdf)
        if referred.printing_fault is not None:
            text += " " + self.tr(
                "Printing the slip failed: {problem} Ctrl+F5 prints it again."
            ).format(problem=slip_fault_text(referred.printing_fault))
        return text
