"""The account side of the intake page: find the account, take it, pay its bills.

The search runs as the clerk types (the newest answer wins); Enter takes the hit for the
visit and shows its panel.  A search that finds nothing says so in the page's message
line, with what was searched; Enter then leaves the cursor in the search, its text
selected, to type again.  F10 puts the taken account's open bills, oldest first with
their late fees, in the cart for the payments page; Ctrl+R records the customer's own
meter reading, billed at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from hallclient.errors import HallError
from ui.intake.account_panel_text import account_panel_text
from ui.intake.reading_dialog import ReadingDialog
from ui.kit.i18n import QT_TRANSLATE_NOOP, counted
from ui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.account_search import AccountHit
    from hallclient.intake.service import AccountPanel
    from hallclient.intake.visits import VisitView
    from hallclient.ledger.service import AccountBills
    from hallclient.referrals.service import ReferralView
    from ui.intake.host import AccountHost

    # The visit with the account set (None: it ended meanwhile), its panel, its referrals.
    Taken = tuple[VisitView | None, AccountPanel, list[ReferralView]]


def _shown(text: str) -> str:
    """The search text as the message may show it: trimmed, no control characters."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()


_BILLS_TAKEN = (
    QT_TRANSLATE_NOOP("AccountSide", "{n} bill in the cart: ￥{amount} with late fees ￥{fees}."),
    QT_TRANSLATE_NOOP("AccountSide", "{n} bills in the cart: ￥{amount} with late fees ￥{fees}."),
)


class AccountSide(QObject):
    sig_pay_bills = Signal(object)  # the account's open bills as cart lines (list[Quote])

    def __init__(self, page: AccountHost, core: Core, user_of: Callable[[], CurrentUser]) -> None:
        super().__init__(page.host_widget())
        self._page, self._core, self._user_of = page, core, user_of
        self.searches = 0  # the newest search; older answers are dropped
        self.not_found = ""  # the message line's "nothing found", while it is shown
        self.reading_dialog: ReadingDialog | None = None
        self._runner = TaskRunner(self)

    def search(self, text: str) -> None:
        self.searches += 1
        generation, user = self.searches, self._user_of()
        self._runner.start(
            lambda _p: self._core.intake.search_accounts(user, text),
            lambda hits: self._found(generation, text, hits),
            self._search_failed,
        )

    def _search_failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self._page.show_problem(error)

    def _found(self, generation: int, text: str, hits: list[AccountHit]) -> None:
        if generation != self.searches:
            return  # the clerk has typed on since: a newer answer is coming
        self._page.accounts.set_rows(hits)
        if hits:
            self._page.results.selectRow(0)
        searched = _shown(text)
        if hits or not searched:
            self._forget_not_found()
            return
        self.not_found = self.tr(
            "No account found for “{text}”. Please try again with the account or meter "
            "number, the last four digits of the phone, the name or the address."
        ).format(text=searched)
        self._page.say(self.not_found)

    def _forget_not_found(self) -> None:
        """A later search found something (or was emptied): the complaint goes."""
        if self.not_found and self._page.message.text() == self.not_found:
            self._page.say("")
        self.not_found = ""

    def take(self) -> bool:
        """Enter on a hit: the account is the visit's; False when there is nothing to take.
        Enter after a search that found nothing: the cursor stays in the search, its text
        selected, so the clerk types again (True: the key is used)."""
        page = self._page
        hit = page.accounts.row_at(page.results.currentIndex().row())
        if hit is None and page.accounts.rowCount() == 0 and self.not_found:
            page.say(self.not_found)
            page.search.setFocus()
            page.search.selectAll()
            return True
        if hit is None or page.visit is None:
            return False
        user, visit_id = self._user_of(), page.visit.id

        def work() -> Taken:
            visit = self._core.intake.set_visit_account(user, visit_id, hit.account_no)
            referrals = self._core.referrals.for_account(user, hit.account_no)
            return visit, self._core.intake.account_panel(user, hit.account_no), referrals

        page.attempt.run(work, self._taken, page.show_problem)
        return True

    def _taken(self, result: Taken) -> None:
        page = self._page
        page.visit, panel, referrals = result
        page.account = panel
        page.panel.setText(account_panel_text(panel, referrals, self._core.settings.timezone))
        page.panel.show()
        page.show_visit()
        page.purpose.setFocus()

    def pay_bills(self, tell: Callable[[str], None] | None = None) -> None:
        """F10: the taken account's open bills, oldest first with their late fees, into the
        cart for the payments page (fewer: remove the newest there).  ``tell``: where to say
        why not, when F10 was pressed on another page."""
        page = self._page
        say = tell or page.say
        if page.account is None:
            say(self.tr("Take the customer's account first (Ctrl+1, search, then Enter)."))
            return
        user, account_no = self._user_of(), page.account.account_no
        page.attempt.run(
            lambda: self._core.ledger.account_bills(user, account_no),
            lambda bills: self._bills_taken(bills, say),
            page.show_problem,
        )

    def _bills_taken(self, bills: AccountBills, say: Callable[[str], None]) -> None:
        if not bills.bills:
            say(self.tr("The account has no unpaid bills."))
            return
        self.sig_pay_bills.emit(bills.cart_lines())
        self._page.say(
            counted(
                "AccountSide",
                len(bills.bills),
                *_BILLS_TAKEN,
                amount=f"{bills.arrears + bills.late_fees:,.2f}",
                fees=f"{bills.late_fees:,.2f}",
            )
        )

    def report_reading(self) -> None:
        """Ctrl+R: the customer's own meter reading, billed at once (then F10 pays it)."""
        page = self._page
        account = page.account
        if account is None or page.visit is None:
            page.say(self.tr("Take the customer's account first (search, then Enter)."))
            return
        dialog = self.reading_dialog = ReadingDialog(
            self._core, self._user_of, account.account_no, account.name, page.host_widget()
        )
        dialog.accepted.connect(lambda: self._reading_billed(account.account_no, dialog.bill_no))
        dialog.open()

    def _reading_billed(self, account_no: str, bill_no: str | None) -> None:
        user, page = self._user_of(), self._page
        visit = page.visit
        page.attempt.run(
            lambda: (
                visit,
                self._core.intake.account_panel(user, account_no),
                self._core.referrals.for_account(user, account_no),
            ),
            self._taken,
            page.show_problem,
        )
        page.say(
            self.tr("Reading recorded and billed: bill {bill}. F10 pays it.").format(bill=bill_no)
        )

    def refresh(self) -> None:
        """After a payment: the taken account's panel read again (its bills, its payments)."""
        user, page = self._user_of(), self._page
        account, visit = page.account, page.visit
        if account is None or visit is None:
            return
        number = account.account_no
        self._runner.start(
            lambda _p: (
                visit,
                self._core.intake.account_panel(user, number),
                self._core.referrals.for_account(user, number),
            ),
            lambda taken: self._refreshed(taken, visit.id),
            self._search_failed,
        )

    def _refreshed(self, taken: Taken, visit_id: int) -> None:
        page = self._page
        if page.visit is None or page.visit.id != visit_id:
            return  # the visit ended meanwhile
        focus = QApplication.focusWidget()
        self._taken(taken)
        if focus is not None:
            focus.setFocus()  # the clerk stays where they were
