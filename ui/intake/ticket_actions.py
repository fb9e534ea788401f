"""The called ticket's actions at the intake page, and the windows they open.

F3 calls the ticket again, F4 marks it not present, F8 transfers it; F9 asks outcome and
rating (where a customer screen is attached the customer rates there, after the close)
and closes the visit; F7 opens the reception's ticket window, F11 today's visits.
The dialogs are window-modal (``open``), never a nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from db.domain import VisitOutcome
from hallclient.errors import HallError
from ui.intake.close_visit_dialog import CloseVisitDialog
from ui.intake.day_view_dialog import DayViewDialog
from ui.intake.ticket_dialogs import IssueTicketDialog, TransferDialog
from ui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.outcome import VisitSummary
    from hallclient.intake.visits import VisitView
    from ui.intake.host import TicketHost


class TicketActions(QObject):
    sig_closing = Signal(bool)  # the end-of-visit dialog opened (True) or went away (False)
    sig_visit_closed = Signal(object)  # the VisitView F9 closed (unrated: the screen asks)

    def __init__(self, page: TicketHost, core: Core, user_of: Callable[[], CurrentUser]) -> None:
        super().__init__(page.host_widget())
        self._page, self._core, self._user_of = page, core, user_of
        self.close_dialog: CloseVisitDialog | None = None
        self.day_dialog: DayViewDialog | None = None
        self.ticket_dialog: IssueTicketDialog | None = None
        self.transfer_dialog: TransferDialog | None = None
        self._summary_runner = TaskRunner(self)

    def recall(self) -> None:
        ticket = self._page.ticket_id
        if ticket is None:
            return
        user, page = self._user_of(), self._page
        page.attempt.run(
            lambda: self._core.intake.recall(user, ticket),
            lambda _t: page.say(self.tr("Called again.")),
            page.show_problem,
        )

    def skip(self) -> None:
        ticket = self._page.ticket_id
        if ticket is None:
            return
        user, page = self._user_of(), self._page
        page.attempt.run(
            lambda: self._core.intake.skip(user, ticket),
            lambda _t: page.visit_ended(
                self.tr("Marked as not present; it can be called again for 15 minutes.")
            ),
            page.show_problem,
        )

    def end_visit(self) -> None:
        """Ask outcome and rating in a dialog (window-modal, not a nested event loop); the
        outcome the visit produced is read off the GUI thread and preselected."""
        visit = self._page.visit
        if visit is None:
            self._page.say(self.tr("There is no visit to end."))
            return
        dialog = self.close_dialog = CloseVisitDialog(self._page.host_widget())
        user, visit_id = self._user_of(), visit.id
        dialog.expect_suggestion()
        self._summary_runner.start(
            lambda _p: (
                self._core.intake.visit_summary(user, visit_id),
                self._core.ratings.screen_attached(user),
            ),
            lambda read: self._suggest(dialog, *read),
            lambda error: self._suggest(dialog, None, False, error),
        )
        dialog.accepted.connect(self._close_confirmed)
        dialog.finished.connect(lambda _result: self.sig_closing.emit(False))
        self.sig_closing.emit(True)  # the panel shows the satisfaction question and farewell
        dialog.open()
        dialog.activateWindow()

    def _suggest(
        self,
        dialog: CloseVisitDialog,
        summary: VisitSummary | None,
        customer_screen: bool,
        error: BaseException | None = None,
    ) -> None:
        """Unread: the clerk chooses the outcome and records the rating (a screen attached
        meanwhile refuses that, in words)."""
        if dialog is self.close_dialog:  # not closed meanwhile
            outcome = summary.suggested_outcome if summary else None
            dialog.suggest(outcome, customer_screen=customer_screen)
        if error is not None and not isinstance(error, HallError):
            raise error

    def _close_confirmed(self) -> None:
        dialog, page = self.close_dialog, self._page
        visit = page.visit
        if dialog is None or visit is None:
            return
        user, visit_id, notes = self._user_of(), visit.id, page.notes.toPlainText()
        outcome, rating, comment = dialog.chosen_outcome, dialog.rating, dialog.comment.text()
        self.close_dialog = None
        dialog.deleteLater()

        def work() -> VisitView:
            self._core.intake.set_visit_notes(user, visit_id, notes)
            return self._core.intake.close_visit(user, visit_id, outcome, rating, comment)

        page.attempt.run(work, self._closed, page.show_problem)

    def _closed(self, visit: VisitView) -> None:
        rated = visit.satisfaction is not None or visit.outcome is VisitOutcome.NO_SHOW
        self._page.visit_ended(
            self.tr("The visit is closed.")
            if rated
            else self.tr("The visit is closed; the customer rates it on the customer screen.")
        )
        self.sig_visit_closed.emit(visit)

    def issue_tickets(self) -> None:
        """The reception desk's window (F7): number keys issue tickets; it stays open."""
        page = self._page
        dialog = IssueTicketDialog(self._core, self._user_of, page.categories, page.host_widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(page.refresh_waiting)
        self.ticket_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def transfer(self) -> None:
        """Send the called ticket to another service or counter, with a note (F8)."""
        page = self._page
        if page.ticket_id is None or page.visit is None:
            page.say(self.tr("Only a called ticket can be transferred."))
            return
        check = self._core.scripts.check_text
        dialog = TransferDialog(page.categories, check, page.host_widget())
        self.transfer_dialog = dialog
        dialog.accepted.connect(lambda: self._transfer_confirmed(dialog))
        dialog.open()
        dialog.activateWindow()

    def _transfer_confirmed(self, dialog: TransferDialog) -> None:
        user, ticket, page = self._user_of(), self._page.ticket_id, self._page
        assert ticket is not None
        note, category = dialog.note.text(), dialog.category.currentData()
        counter = dialog.counter.text().strip().upper() or None
        dialog.deleteLater()
        page.attempt.run(
            lambda: self._core.intake.transfer(user, ticket, note, category, counter),
            lambda moved: page.visit_ended(
                self.tr("{ticket} transferred.").format(ticket=moved.label)
            ),
            page.show_problem,
        )

    def show_day(self) -> None:
        """Today's visits and counter figures, in their own window (F11)."""
        self.day_dialog = DayViewDialog(self._core, self._user_of, self._page.host_widget())
        self.day_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.day_dialog.show()
        self.day_dialog.reload()
