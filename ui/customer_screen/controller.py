"""What drives the customer screen: the clerk's pages' signals, never a database poll.

The intake page's visit resets the screen (a new customer sees only their own ticket,
and the welcome shows between customers); the fees page's cart and the payments page's
receipt fill it, the receipt only if it is this visit's (a late receipt of the customer
before never shows to the next).  After F9 closes a visit the clerk did not rate (the
counter has a screen), the screen asks the customer; the answer is recorded off the GUI
thread, and if nobody answers within the setting's seconds 'not rated' is recorded (a
level tapped but not submitted is the customer's answer, and is recorded with it).  A
screen that is not full screen on its monitor (shown as a window on the clerk's side)
asks nothing: the visit is recorded as not rated, as a clerk could tap it.
Either way ``sig_rating_settled`` tells the intake page, whose call may be waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from db.domain import RatingLevel, RatingSource, VisitOutcome
from hallclient.errors import HallError
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.record import GivenRating
from ui.customer_screen.lines import lines_of_cart, lines_of_receipt, settled
from ui.customer_screen.placement import Placement, place
from ui.customer_screen.window import CustomerScreen
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.visits import VisitView
    from hallclient.receipts.cart import Cart
    from hallclient.receipts.issue import Issued

log = logging.getLogger(__name__)
THANKS_MS = 4000  # the thanks stay this long, then the welcome


class CustomerScreenController(QObject):
    sig_rating_settled = Signal(int)  # the visit whose rating is in (or was refused)

    def __init__(self, core: Core, user_of: Callable[[], CurrentUser], window: QWidget) -> None:
        super().__init__(window)
        self._core, self._user_of, self._clerk_window = core, user_of, window
        settings = core.settings
        self._monitor = settings.customer_screen_monitor
        self.placed: Placement | None = None  # where the screen opened, once it has
        self.screen = CustomerScreen(settings.company_name, core.workplace.counter_name, window)
        self.screen.rating.sig_submitted.connect(self._submitted)
        self.status = named(QLabel(), "statusCustomerScreen")  # for the clerk's status bar
        self.status.hide()
        self._notes = {"placed": "", "rating": ""}  # the status bar's two possible notes
        self.visit_id: int | None = None  # the visit being served
        self.asking: int | None = None  # the visit whose rating the screen asks for
        self._runner = TaskRunner(self)
        self._timeout = QTimer(self, singleShot=True)
        self._timeout.setInterval(settings.customer_screen_rating_timeout * 1000)
        self._timeout.timeout.connect(self._timed_out)
        self._thanks = QTimer(self, singleShot=True, interval=THANKS_MS)
        self._thanks.timeout.connect(self._welcome_unless_serving)
        QTimer.singleShot(0, self, self.start)  # once the clerk's window is built

    # -- opening -----------------------------------------------------------------------------

    def start(self, *_user: object) -> None:
        """Read whether the counter has a screen (off the GUI thread), then open it if so
        or if the settings name its monitor; again after a required password change."""
        user = self._user_of()
        if self.screen.isVisible() or user.must_change_password:
            return
        self._runner.start(
            lambda _p: self._core.ratings.screen_attached(user), self._open, self._unread
        )

    def _open(self, attached: bool) -> None:
        if not attached and not self._monitor:
            return
        user = self._user_of()
        self.screen.set_clerk(user.display_name, user.employee_no)
        self.screen.show_welcome()
        clerk_working = self._clerk_window.isActiveWindow()
        placed = self.placed = place(self.screen, self._monitor)
        if clerk_working:  # the keyboard stays with the clerk, whatever the platform does
            self._clerk_window.activateWindow()
        if placed is Placement.FULL_SCREEN:
            if not attached:
                log.info("customer screen on monitor %s; the clerk records ratings", self._monitor)
            return
        log.warning("customer screen: %s (monitor %s), shown as a window", placed, self._monitor)
        missing = self.tr(
            "Customer screen: monitor {n} is not connected; shown as a window, which asks "
            "no rating."
        )
        self._tell_clerk(
            "placed",
            self.tr("Customer screen: no monitor is set; shown as a window, which asks no rating.")
            if placed is Placement.NO_MONITOR
            else missing.format(n=self._monitor),
        )

    def _unread(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        log.warning("customer screen: the counter's setting could not be read: %s", error)
        self._open(attached=False)  # on the monitor the settings name, if any

    def _tell_clerk(self, note: str, text: str) -> None:
        self._notes[note] = text
        shown = " · ".join(filter(None, self._notes.values()))
        self.status.setText(shown)
        self.status.setVisible(bool(shown))

    # -- the pages' signals ------------------------------------------------------------------

    def visit_changed(self, visit: VisitView | None) -> None:
        if visit is None:
            self.visit_id = None
            if self.asking is None and not self._thanks.isActive():
                self.screen.show_welcome()
            return
        if visit.id == self.visit_id:
            return
        self._stop_asking()  # a new customer: the core settled the last one's rating
        self.visit_id = visit.id
        user = self._user_of()
        self.screen.set_clerk(user.display_name, user.employee_no)
        self.screen.show_visit(visit.ticket_label)

    def cart_changed(self, cart: Cart) -> None:
        if self.visit_id is not None:  # a quote between customers is nobody's business here
            self.screen.show_fees(lines_of_cart(cart))

    def charged(self, issued: Issued) -> None:
        if self.visit_id is not None and issued.visit_id == self.visit_id:
            record = issued.record
            self.screen.show_settled(lines_of_receipt(record), settled(record))

    def visit_closed(self, visit: VisitView) -> None:
        """F9 closed the visit: unrated (a screen is attached), the customer is asked."""
        if visit.satisfaction is not None or visit.outcome is VisitOutcome.NO_SHOW:
            return
        if not self.screen.isVisible():  # attached since the clerk's window opened
            self._open(attached=True)
        self.visit_id, self.asking = None, visit.id
        self._thanks.stop()
        if self.placed is not Placement.FULL_SCREEN:
            # a window on the clerk's side: whoever tapped it could be the clerk
            log.warning("customer screen not on its monitor: visit %s not rated", visit.id)
            self._record(GivenRating(None, RatingSource.TIMEOUT))
            self.screen.show_welcome()
            return
        self.screen.ask_rating()
        self._timeout.start()

    # -- the rating --------------------------------------------------------------------------

    def _submitted(self, level: RatingLevel, reason: str) -> None:
        self._record(GivenRating(level, RatingSource.CUSTOMER_SCREEN, reason))
        self.screen.show_thanks()
        self._thanks.start()

    def _timed_out(self) -> None:
        level = self.screen.rating.level
        if level is None:
            self._record(GivenRating(None, RatingSource.TIMEOUT))
            self.screen.show_welcome()
        else:  # tapped, not submitted: the customer's answer all the same
            self._submitted(level, self.screen.rating.reason())

    def _record(self, given: GivenRating) -> None:
        visit_id, user = self.asking, self._user_of()
        self._stop_asking()
        self._clerk_window.activateWindow()  # the customer may have typed: keys back to the clerk
        if visit_id is None:
            return
        self._runner.start(
            lambda _p: self._core.ratings.record(user, visit_id, given),
            lambda _view: self._settled(visit_id),
            lambda error: self._refused(visit_id, error),
        )

    def _refused(self, visit_id: int, error: BaseException) -> None:
        """The customer is never shown a refusal: a second rating changes nothing, and
        anything else is the clerk's to know."""
        if not isinstance(error, HallError):
            raise error
        if not (isinstance(error, RatingError) and error.problem is RatingProblem.ALREADY_RATED):
            log.warning("customer screen: the rating of visit %s was refused: %s", visit_id, error)
            self._tell_clerk(
                "rating",
                self.tr("The customer's rating was not saved: {problem}").format(
                    problem=problem_text(error)
                ),
            )
        self.sig_rating_settled.emit(visit_id)

    def _settled(self, visit_id: int) -> None:
        self._tell_clerk("rating", "")
        self.sig_rating_settled.emit(visit_id)

    def _stop_asking(self) -> None:
        self.asking = None
        self._timeout.stop()

    def _welcome_unless_serving(self) -> None:
        if self.visit_id is None and self.asking is None:
            self.screen.show_welcome()
