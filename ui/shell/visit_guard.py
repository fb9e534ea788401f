"""No visit is left without an outcome when the session ends.

Logging out or quitting with a visit open at the intake page first asks: go back to the
visit, or end it now as interrupted.  Switching user from the lock panel ends it as
interrupted without asking (the clerk who served the customer is not at the counter).

There is no "interrupted" outcome in the schema: the nearest the core's ``close_visit``
accepts without the customer's rating is ``NO_SHOW``; the visit's notes say that the
visit was interrupted and why, so the record is not mistaken for an absent customer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.domain import VisitOutcome
from hallclient.intake.visits import NOTES_MAX, VisitView
from ui.kit.attempt import Attempt
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.errors import HallError
    from ui.intake.page import IntakePage

INTERRUPTED = VisitOutcome.NO_SHOW  # the nearest outcome that needs no rating (see above)


class VisitGuard(QObject):
    """Ends the intake page's open visit, if any, before the session ends."""

    def __init__(
        self,
        window: QWidget,
        core: Core,
        user_of: Callable[[], CurrentUser],
        intake: IntakePage | None,
    ) -> None:
        super().__init__(window)
        self._window, self._core, self._user_of, self._intake = window, core, user_of, intake
        self.attempt = Attempt(window)
        self.question: QMessageBox | None = None

    def open_visit(self) -> VisitView | None:
        return None if self._intake is None else self._intake.visit

    def confirm(self, then: Callable[[], None]) -> None:
        """With a visit open: ask (go back, or end it as interrupted and go on); else go on."""
        visit = self.open_visit()
        if visit is None:
            then()
            return
        ticket = visit.ticket_label or self.tr("walk-in")
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("A visit is open"), "", parent=self._window
        )
        box.setText(
            self.tr(
                "The visit of ticket {ticket} is still open.\n\n"
                "Go back and end it (F9), or end it now as interrupted?"
            ).format(ticket=ticket)
        )
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        end = box.addButton(self.tr("&End as interrupted"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._answered(box, box.clickedButton() is end, then))
        self.question = box
        box.open()

    def _answered(self, box: QMessageBox, end: bool, then: Callable[[], None]) -> None:
        self.question = None
        box.deleteLater()
        if end:
            self.interrupt(then)

    def interrupt(self, then: Callable[[], None]) -> None:
        """End the open visit as interrupted, then go on; a refusal is shown and stops here."""
        intake, visit = self._intake, self.open_visit()
        if intake is None or visit is None:
            then()
            return
        user, visit_id = self._user_of(), visit.id
        mark = self.tr("Interrupted: the session ended before the visit was closed.")
        notes = "\n".join(filter(None, (mark, intake.notes.toPlainText())))[:NOTES_MAX]

        def work() -> VisitView:
            self._core.intake.set_visit_notes(user, visit_id, notes)
            return self._core.intake.close_visit(user, visit_id, INTERRUPTED, None)

        def done(_closed: VisitView) -> None:
            intake.visit_ended(self.tr("The visit was ended as interrupted."))
            then()

        self.attempt.run(work, done, self._refused)

    def _refused(self, error: HallError) -> None:
        QMessageBox.warning(self._window, self.tr("A visit is open"), problem_text(error))
