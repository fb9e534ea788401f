"""Watching a visit for a smell of gas, and the emergency path when there is one.

The leak purpose, or leak words in the visit's notes, open the emergency screen once
per visit.  Recording it makes the emergency referral to the repair centre (with what
the customer said and where), moves the visit to "referring" and prints the slip.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject

from db.domain import VisitStage
from hallclient.errors import HallError
from hallclient.referrals.emergency import LEAK_PURPOSE, REPAIR, emergency_referral, mentions_leak
from hallclient.referrals.service import ReferralView
from hallclient.scripts.emergency_words import EmergencyWords
from ui.intake.emergency_dialog import EmergencyDialog
from ui.kit.tasks import TaskRunner
from ui.words.referrals import referral_problem_text, slip_fault_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.visits import VisitView
    from ui.intake.host import IntakeHost

log = logging.getLogger(__name__)


class EmergencyFlow(QObject):
    """Opens the screen the moment the leak word is complete, from words held in memory
    (:meth:`read_words` ahead, the shipped ones until then); the database is written only
    once the clerk records it."""

    def __init__(self, page: IntakeHost, core: Core, user_of: Callable[[], CurrentUser]) -> None:
        super().__init__(page.host_widget())
        self._page, self._core, self._user_of = page, core, user_of
        self.dialog: EmergencyDialog | None = None
        self._handled: set[int] = set()  # visits whose emergency is open or recorded
        self._made: dict[int, ReferralView] = {}  # the emergency referral made for a visit
        self.words: EmergencyWords | None = None  # the database's, once read
        self._reader = TaskRunner(self)
        self._read_for: int | None = None  # the visit the words were last read at

    def read_words(self) -> None:
        """Read the words in force ahead, off the GUI thread (when the page is shown, and at
        each new visit, so an admin's new version arrives)."""
        if self._reader.busy():
            return
        user, desk = self._user_of(), self._core.scripts
        self._reader.start(lambda _p: desk.emergency_words(user), self._have_words, self._unread)

    def _have_words(self, words: EmergencyWords) -> None:
        self.words = words

    def _unread(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        log.warning("emergency words not read, the last ones stand in: %s", error)

    def notes_changed(self) -> None:
        """Checked at every change (pure and fast): no pause before the screen."""
        self.check_text(self._page.notes.toPlainText())

    def visit_changed(self, visit: VisitView | None) -> None:
        if visit is not None and visit.id != self._read_for:
            self._read_for = visit.id
            self.read_words()
        if visit is not None and visit.purpose_code == LEAK_PURPOSE:
            self.open(visit, self._page.notes.toPlainText())

    def check_text(self, text: str, *, confidential: bool = False) -> None:
        """Leak words in any text of the visit (its notes, a referral's matter).  From a theft
        report (``confidential``) the emergency referral carries nothing of the reporter."""
        visit = self._page.visit
        if visit is not None and mentions_leak(text):
            self.open(visit, text, confidential=confidential)

    def _script(self, visit: VisitView) -> tuple[str, str]:
        """The safety words and the hotline, from memory."""
        words = self.words or self._core.scripts.shipped_emergency_words(self._user_of())
        language = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        account = self._page.account
        customer = account.name if account is not None else visit.customer_name
        return words.say(visit.purpose_code, customer, language), words.hotline

    def open(self, visit: VisitView, said: str, *, confidential: bool = False) -> None:
        """The emergency screen for ``visit``, unless it was shown already."""
        if visit.id in self._handled:
            return
        script, hotline = self._script(visit)
        account = self._page.account
        address = "" if confidential or account is None else account.address
        dialog = EmergencyDialog(script, hotline, address, self._page.host_widget())
        dialog.sig_record.connect(lambda: self._record(dialog, visit, said, confidential))
        dialog.finished.connect(dialog.deleteLater)
        self._handled.add(visit.id)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.ok.setFocus()  # typing on (in the form behind) must not land in the address

    def _record(
        self, dialog: EmergencyDialog, visit: VisitView, said: str, confidential: bool
    ) -> None:
        account, where = self._page.account, dialog.address.text()
        if confidential and not where.strip():
            dialog.error.setText(self.tr("Where is the smell? Write the address first."))
            return
        if confidential:  # a theft report: the repair team gets the place, not the reporter
            request = emergency_referral(said, None, None, ("", "", where))
        else:
            contact = (
                (account.name, account.phone, where)
                if account
                else (visit.customer_name, visit.customer_phone, where)
            )
            request = emergency_referral(said, visit.id, visit.account_no, contact)
        user, referrals = self._user_of(), self._core.referrals

        made = self._made

        def work() -> tuple[VisitView, str, HallError | None]:
            if visit.id not in made:  # a retry after a dropped connection sends no second team
                made[visit.id] = referrals.refer(user, request)
            referral = made[visit.id]
            moved = self._core.intake.advance_visit(user, visit.id, VisitStage.REFERRING)
            fault: HallError | None = None
            try:
                referrals.deliver_slip(referral)
            except HallError as error:  # the referral stands: said, not undone
                fault = error
            return moved, referral.reference, fault

        def done(result: tuple[VisitView, str, HallError | None]) -> None:
            self.dialog = None
            dialog.done_recording()
            moved, reference, fault = result
            self._page.slips.remember(visit.id, made[visit.id], printed=fault is None)
            text = self.tr("Emergency referral {reference} sent to the repair centre.").format(
                reference=reference
            )
            if fault is not None:
                text += " " + self.tr(
                    "Printing the slip failed: {problem} Ctrl+F5 prints it again."
                ).format(problem=slip_fault_text(fault))
            self._page.visit_referred(moved, REPAIR, text)

        self._page.attempt.run(
            work, done, lambda error: dialog.error.setText(referral_problem_text(error))
        )
