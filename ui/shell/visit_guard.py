"""No work is lost unasked, and no visit left without an outcome, when the session ends.

Logging out, quitting or switching user (from the lock panel) with work unfinished first
asks, naming each piece: the visit open at the intake page (and its typed note), fees in
the cart, a payment whose outcome could not be confirmed, a note typed on the referral
board.  Going back (the default, and Esc) keeps everything as it is; going on ends the open
visit as interrupted and lets the rest go.  Quitting behind the lock (the PC shutting
down) cannot ask anyone: the visit is ended as interrupted without a question.

There is no "interrupted" outcome in the schema: the nearest the core's ``close_visit``
accepts without the customer's rating is ``NO_SHOW``; the visit's notes say that the
visit was interrupted and why, so the record is not mistaken for an absent customer.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.domain import VisitOutcome
from hallclient.intake.visits import NOTES_MAX, VisitView
from hallclient.money import format_yuan
from ui.kit.attempt import Attempt
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.errors import HallError
    from ui.shell.page_wiring import Pages

INTERRUPTED = VisitOutcome.NO_SHOW  # the nearest outcome that needs no rating (see above)


class Leaving(enum.Enum):
    LOG_OUT = "log_out"
    QUIT = "quit"
    SWITCH_USER = "switch_user"


class VisitGuard(QObject):
    """Asks before the session ends with work unfinished; ends the open visit, if any."""

    def __init__(
        self, window: QWidget, core: Core, user_of: Callable[[], CurrentUser], pages: Pages
    ) -> None:
        super().__init__(window)
        self._window, self._core, self._user_of, self._pages = window, core, user_of, pages
        self._intake = pages.intake
        self.attempt = Attempt(window)
        self.question: QMessageBox | None = None

    def open_visit(self) -> VisitView | None:
        return None if self._intake is None else self._intake.visit

    def unfinished(self) -> list[str]:
        """Each piece of unfinished work, in words: what happens to it if the session ends."""
        pages, found = self._pages, []
        visit = self.open_visit()
        if visit is not None:
            ticket = visit.ticket_label or self.tr("walk-in")
            noted = self._intake is not None and self._intake.notes.toPlainText().strip()
            text = (
                self.tr("the visit of ticket {ticket} is open, with a note typed")
                if noted
                else self.tr("the visit of ticket {ticket} is open")
            )
            found.append(text.format(ticket=ticket))
        if pages.fees is not None and pages.fees.cart.lines:
            cart = pages.fees.cart
            text = (
                self.tr("the cart holds one line, {amount}, not charged")
                if len(cart.lines) == 1
                else self.tr("the cart holds {count} lines, {amount}, not charged")
            )
            found.append(text.format(count=len(cart.lines), amount=format_yuan(cart.total)))
        if pages.payments is not None and pages.payments.unconfirmed:
            found.append(
                self.tr(
                    "a payment could not be confirmed: press F12 on the payments page again "
                    "first (it is never charged twice)"
                )
            )
        if pages.referrals is not None and pages.referrals.note.text().strip():
            found.append(self.tr("a note typed on the referrals page is not saved"))
        return found

    def confirm(self, then: Callable[[], None], leaving: Leaving) -> None:
        """With work unfinished: ask (go back, or end the visit as interrupted and go on)."""
        unfinished = self.unfinished()
        if not unfinished:
            then()
            return
        name = self._user_of().display_name
        lines = "\n".join(f"• {item}" for item in unfinished)
        questions = {
            Leaving.LOG_OUT: self.tr("Go back and finish it, or log out anyway?"),
            Leaving.QUIT: self.tr("Go back and finish it, or quit anyway?"),
            Leaving.SWITCH_USER: self.tr(
                "Keep it for {name} to finish after unlocking, or switch user anyway?"
            ).format(name=name),
        }
        text = self.tr("The work of {name} is not finished:\n\n{lines}\n\n{question}").format(
            name=name, lines=lines, question=questions[leaving]
        )
        note = (
            self.tr("Going on ends the open visit as interrupted; the rest is not kept.")
            if self.open_visit() is not None
            else self.tr("Going on does not keep it.")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Unfinished work"), text, parent=self._window
        )
        box.setInformativeText(note)
        back = box.addButton(self._back_text(leaving), QMessageBox.ButtonRole.RejectRole)
        go_on = box.addButton(self._go_on_text(leaving), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self._answered(box, box.clickedButton() is go_on, then))
        self.question = box
        box.open()

    def _back_text(self, leaving: Leaving) -> str:
        return self.tr("&Keep the work") if leaving is Leaving.SWITCH_USER else self.tr("&Go back")

    def _go_on_text(self, leaving: Leaving) -> str:
        texts = {
            Leaving.LOG_OUT: self.tr("&Log out anyway"),
            Leaving.QUIT: self.tr("&Quit anyway"),
            Leaving.SWITCH_USER: self.tr("&Switch user anyway"),
        }
        return texts[leaving]

    def _answered(self, box: QMessageBox, go_on: bool, then: Callable[[], None]) -> None:
        self.question = None
        box.deleteLater()
        if go_on:
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
