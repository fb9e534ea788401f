"""Watching a visit for a smell of gas, and the emergency path when there is one.

The leak purpose, or leak words in the visit's notes, open the emergency screen once
per visit.  Recording it makes the emergency referral to the repair centre (with what
the customer said and where), moves the visit to "referring" and prints the slip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer

from hallclient.errors import HallError
from hallclient.referrals.emergency import LEAK_PURPOSE, REPAIR, emergency_referral, mentions_leak
from hallclient.scripts.catalogue import ScriptKey
from hallclient.scripts.panel import Choices
from hallclient.visits import VisitStage
from ui.emergency_dialog import EmergencyDialog
from ui.referral_texts import referral_problem_text

if TYPE_CHECKING:
    from hallclient.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.visits import VisitView
    from ui.intake_page import IntakePage

NOTES_PAUSE_MS = 400


class EmergencyFlow(QObject):
    def __init__(self, page: IntakePage, core: Core, user_of: Callable[[], CurrentUser]) -> None:
        super().__init__(page)
        self._page, self._core, self._user_of = page, core, user_of
        self.dialog: EmergencyDialog | None = None
        self._handled: set[int] = set()  # visits whose emergency is open or recorded
        self._timer = QTimer(self, singleShot=True, interval=NOTES_PAUSE_MS)
        self._timer.timeout.connect(self._check_notes)

    def notes_changed(self) -> None:
        self._timer.start()

    def visit_changed(self, visit: VisitView | None) -> None:
        if visit is not None and visit.purpose_code == LEAK_PURPOSE:
            self.open(visit)

    def _check_notes(self) -> None:
        self.check_text(self._page.notes.toPlainText())

    def check_text(self, text: str) -> None:
        """Leak words in any text of the visit (its notes, a referral's matter)."""
        visit = self._page.visit
        if visit is not None and mentions_leak(text):
            self.open(visit)

    def open(self, visit: VisitView) -> None:
        """The emergency screen for ``visit``, unless it was shown already."""
        if visit.id in self._handled:
            return
        self._handled.add(visit.id)
        user, desk = self._user_of(), self._core.scripts
        facts = desk.facts(user, visit.id)
        language = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        shown = desk.panel(user, facts, Choices(language=language))
        script = next(s.text for s in shown if s.script.key is ScriptKey.EMERGENCY)
        account = self._page.account
        dialog = EmergencyDialog(script, facts.emergency_hotline or self._core.settings.hotline,
                                 account.address if account else "", self._page)  # fmt: skip
        dialog.sig_record.connect(lambda: self._record(dialog, visit))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _record(self, dialog: EmergencyDialog, visit: VisitView) -> None:
        account, notes = self._page.account, self._page.notes.toPlainText()
        where = dialog.address.text()
        contact = ((account.name, account.phone, where) if account
                   else (visit.customer_name, visit.customer_phone, where))  # fmt: skip
        request = emergency_referral(notes, visit.id, visit.account_no, contact)
        user, referrals = self._user_of(), self._core.referrals

        def work() -> tuple[VisitView, str, HallError | None]:
            referral = referrals.refer(user, request)
            moved = self._core.advance_visit(user, visit.id, VisitStage.REFERRING)
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
            text = self.tr("Emergency referral {reference} sent to the repair centre.").format(
                reference=reference)  # fmt: skip
            if fault is not None:
                text += " " + self.tr("The slip was not printed: {problem}").format(
                    problem=str(fault))  # fmt: skip
            self._page.visit_referred(moved, REPAIR, text)

        self._page.attempt.run(work, done, lambda error: dialog.error.setText(
            referral_problem_text(error)))  # fmt: skip
