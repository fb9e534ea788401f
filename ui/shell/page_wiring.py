"""The main window's pages, and what passes between them.

Each page is built, and its module imported, only when a role that sees it logs in (the
page modules are imported here for their types only under TYPE_CHECKING): start-up
does not pay for pages the role never opens.  The fees page fills the cart, the payments
page charges it for the visit at the intake page; the scripts beside the visit follow
the intake page and the cart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hallclient.access.permissions import Action, allowed
from ui.kit.visit_bar import on_visit
from ui.scripts.panel import ScriptPanel

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.receipts.cart import Cart
    from hallclient.receipts.issue import Issued
    from hallclient.tariff.rules import Quote
    from ui.admin.page import AdminPage
    from ui.customer_screen.controller import CustomerScreenController
    from ui.fees.page import FeesPage
    from ui.intake.page import IntakePage
    from ui.kit.area import Area
    from ui.payments.page import PaymentsPage
    from ui.ratings.page import RatingsPage
    from ui.referrals.board_page import ReferralBoardPage
    from ui.referrals.directory_page import DirectoryPage
    from ui.referrals.hall_page import HallReferralsPage
    from ui.referrals.waiting_count import WaitingReferrals
    from ui.scripts.editor_page import ScriptEditorPage
    from ui.shifts.overview_page import OverviewPage
    from ui.shifts.page import ShiftPage


@dataclass
class Pages:
    """The pages built for the logged-in role; None for a page the role does not see."""

    by_key: dict[str, QWidget] = field(default_factory=dict)  # every area's, in nav order
    fees: FeesPage | None = None
    intake: IntakePage | None = None
    payments: PaymentsPage | None = None
    shift: ShiftPage | None = None
    overview: OverviewPage | None = None
    ratings: RatingsPage | None = None
    scripts: ScriptEditorPage | None = None
    referrals: ReferralBoardPage | None = None  # the department's board
    hall_referrals: HallReferralsPage | None = None  # the counter's list of the hall's
    directory: DirectoryPage | None = None
    admin: AdminPage | None = None


def build_pages(core: Core, user_of: Callable[[], CurrentUser], areas: Sequence[Area]) -> Pages:
    """The page of each area the role sees (built one by one)."""
    pages = Pages()
    for area in areas:
        built = _build(pages, core, user_of, area)
        if built is None:  # an area offered to a role with no page for it: a wiring mistake
            raise LookupError(f"no page for the area {area.key!r} and this role")
        pages.by_key[area.key] = built
    return pages


def _build(
    pages: Pages, core: Core, user_of: Callable[[], CurrentUser], area: Area
) -> QWidget | None:
    """Import the area's page module now and build its page, kept in ``pages``."""
    page: QWidget | None = None
    match area.key:
        case "fees":
            from ui.fees.page import FeesPage

            page = pages.fees = FeesPage(core, user_of, area)
        case "intake":
            from ui.intake.page import IntakePage

            page = pages.intake = IntakePage(core, user_of, area)
        case "payments":
            from ui.payments.page import PaymentsPage

            page = pages.payments = PaymentsPage(core, user_of, area)
        case "shift":
            from ui.shifts.page import ShiftPage

            page = pages.shift = ShiftPage(core, user_of, area)
        case "overview":
            from ui.shifts.overview_page import OverviewPage

            page = pages.overview = OverviewPage(core, user_of, area)
        case "ratings":
            from ui.ratings.page import RatingsPage

            page = pages.ratings = RatingsPage(core, user_of, area)
        case "scripts":
            from ui.scripts.editor_page import ScriptEditorPage

            page = pages.scripts = ScriptEditorPage(core, user_of, area)
        case "referrals" if allowed(user_of().role, Action.HANDLE_REFERRALS):
            from ui.referrals.board_page import ReferralBoardPage

            page = pages.referrals = ReferralBoardPage(core, user_of, area)
        case "referrals":
            from ui.referrals.hall_page import HallReferralsPage

            page = pages.hall_referrals = HallReferralsPage(core, user_of, area)
        case "directory":
            from ui.referrals.directory_page import DirectoryPage

            page = pages.directory = DirectoryPage(core, user_of, area)
        case "admin":
            from ui.admin.page import AdminPage

            page = pages.admin = AdminPage(core, user_of, area)
    return page


def connect_visit(pages: Pages, show_area: Callable[[str], bool]) -> None:
    """The intake page's visit is the fees and payments pages' context: they show it, work
    on its account and start afresh for each new one.  From either of them F10 pays the
    account's bills and F9 ends the visit; Ctrl+G quotes its gas from the intake and
    payments pages too."""
    intake, fees, payments = pages.intake, pages.fees, pages.payments
    if intake is None:
        return
    visit_pages = [page for page in (fees, payments) if page is not None]

    def share(_visit: object) -> None:
        shared = on_visit(intake.visit, intake.account)
        for page in visit_pages:
            page.set_visit(shared)

    def end_visit() -> None:
        if show_area("intake"):
            intake.tickets.end_visit()

    intake.sig_visit_changed.connect(share)
    for page in visit_pages:
        pay_bills = partial(intake.account_side.pay_bills, page.say)
        QShortcut(QKeySequence(Qt.Key.Key_F10), page, pay_bills)
        QShortcut(QKeySequence(Qt.Key.Key_F9), page, end_visit)
    if fees is None:
        return

    def quote_gas() -> None:
        if show_area("fees"):
            fees.quote_gas()

    for gas_page in (intake, payments):
        if gas_page is not None:
            QShortcut(QKeySequence("Ctrl+G"), gas_page, quote_gas)
    if payments is not None:
        payments.sig_charged.connect(lambda _issued: intake.account_side.refresh())


def connect_cart(
    pages: Pages,
    show_printer_state: Callable[[str], None],
    show_area: Callable[[str], object],
) -> None:
    """The fees page fills the cart, Enter on a quote there goes to the payments page; that
    page charges it and empties it; F10 at the intake page puts the account's bills in it."""
    fees, payments, intake = pages.fees, pages.payments, pages.intake
    if fees is None or payments is None:
        return

    def charged(_issued: Issued) -> None:
        fees.clear_cart()

    def pay_bills(lines: list[Quote]) -> None:
        """F10 at the intake page: the bills go in the cart and the payments page opens."""
        fees.put_bills(lines)
        show_area("payments")

    payments.sig_printer_state.connect(show_printer_state)
    fees.sig_cart_changed.connect(payments.set_cart)
    fees.sig_pay.connect(lambda: show_area("payments"))
    payments.sig_charged.connect(charged)
    if intake is not None:
        intake.sig_pay_bills.connect(pay_bills)


def script_panel(
    pages: Pages, core: Core, user_of: Callable[[], CurrentUser]
) -> ScriptPanel | None:
    """The scripts beside the visit, for those who serve customers."""
    intake = pages.intake
    if intake is None or not allowed(user_of().role, Action.SERVE_CUSTOMERS):
        return None
    panel = ScriptPanel(core, user_of)
    intake.sig_visit_changed.connect(panel.set_visit)
    intake.sig_closing.connect(panel.set_closing)
    intake.sig_referred.connect(panel.set_department)

    def cart_changed(cart: Cart) -> None:
        total = cart.total
        panel.set_amount(total if total > 0 else None)
        intake.charge_pending(total)

    if pages.fees is not None:
        pages.fees.sig_cart_changed.connect(cart_changed)
    return panel


def waiting_referrals(
    pages: Pages, core: Core, user_of: Callable[[], CurrentUser]
) -> WaitingReferrals | None:
    """The status bar's count of the hall's referrals that need the counter, for those who
    refer; read again whenever the referrals page has read its list."""
    if pages.hall_referrals is None:
        return None
    from ui.referrals.waiting_count import WaitingReferrals

    count = WaitingReferrals(core, user_of)
    pages.hall_referrals.sig_reloaded.connect(count.refresh)
    return count


def customer_screen(
    pages: Pages, core: Core, user_of: Callable[[], CurrentUser], window: QWidget
) -> CustomerScreenController | None:
    """The screen facing the customer, for those who serve: it follows the visit, the cart
    and the receipt, asks the rating after F9, and the intake page's waiting call follows."""
    intake = pages.intake
    if intake is None or not allowed(user_of().role, Action.SERVE_CUSTOMERS):
        return None
    from ui.customer_screen.controller import CustomerScreenController

    screen = CustomerScreenController(core, user_of, window)
    intake.sig_visit_changed.connect(screen.visit_changed)
    intake.tickets.sig_visit_closed.connect(screen.visit_closed)
    screen.sig_rating_settled.connect(intake.rating_settled)
    if pages.fees is not None:
        pages.fees.sig_cart_changed.connect(screen.cart_changed)
    if pages.payments is not None:
        pages.payments.sig_charged.connect(screen.charged)
    return screen
