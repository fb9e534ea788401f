"""Render named screens to PNG files offscreen, for docs, review and tests (``hallclient render``).

Screens: "login", "login-error" (after a refused login), "main" (the demo clerk 1001
on the intake page), "main-<area>" for each work area (the admin area as the demo
administrator 9001, the others as the clerk; "main-referrals" with referrals the repair
centre answered, see :mod:`ui.tools.render_referrals`), "locked" (the clerk's window after the
idle lock), "change-password" (the forced change after the first login) and
"approval" (a manager's approval of a void, over the payments page), "fees-search"
(pinyin initials typed in the fee lookup), "fees-quote" (a tiered gas quote for a
large household, with its basis), "fees-abolished" (an abolished fee chosen),
"payments-series-stopped" (the database lacks receipts this counter issued),
"intake-visit" (a called ticket with its account and purpose), "intake-close" (the
satisfaction question) and "intake-day" (today's visits with wait and service times);
"payments-waiting" and "waiting-database" (:mod:`ui.tools.render_waiting`),
the shift screens of :mod:`ui.tools.render_shifts`, the referral screens of
:mod:`ui.tools.render_referrals`, the admin screens of :mod:`ui.tools.render_admin`,
the kiosk screens of :mod:`ui.tools.render_kiosk`, the customer screen of
:mod:`ui.tools.render_customer_screen`, "main-overview" as the shift manager 2001, and
"main-ratings" (the follow-up of bad ratings, :mod:`ui.tools.render_ratings`).  A real core is
used, logging in directly (the forced password change does not stop it); a database
without users first gets a small demo data set.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication

from db.domain import PaymentMethod
from hallclient.access.approvals import ApprovalRequest
from hallclient.access.permissions import ApprovalKind
from hallclient.config import Settings
from hallclient.errors import HallError
from hallclient.shifts import service as shifts
from ui.access.approval_dialog import ApprovalDialog
from ui.access.login import LoginDialog
from ui.access.password_dialog import PasswordDialog
from ui.fees.page import FeesPage
from ui.payments.page import PaymentsPage
from ui.referrals.directory_page import DirectoryPage
from ui.scripts.editor_page import ScriptEditorPage
from ui.shell.app import prepare_application
from ui.shell.main_window import MainWindow
from ui.shell.pages import AREAS
from ui.tools.render_admin import ADMIN_SCREENS, admin_screen
from ui.tools.render_board import BOARD_SCREENS, board_screen
from ui.tools.render_customer_screen import CUSTOMER_SCREENS, customer_screen
from ui.tools.render_journal import lost_receipts
from ui.tools.render_kiosk import KIOSK_SCREENS, kiosk_screen
from ui.tools.render_ratings import ratings_screen
from ui.tools.render_referrals import REFERRAL_SCREENS, referral_screen
from ui.tools.render_shifts import FLOAT as SHIFT_FLOAT
from ui.tools.render_shifts import SHIFT_SCREENS, shift_screen
from ui.tools.render_tools import framed, grab, wait_until
from ui.tools.render_visit import RENDER_ACCOUNTS, large_household, serve_household
from ui.tools.render_waiting import database_wait_dialog, payment_waiting

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

DIALOG_SCREENS = ("locked", "change-password", "approval", "quick-reference")
FEE_SCREENS = ("fees-search", "fees-quote", "fees-abolished")
INTAKE_SCREENS = ("intake-visit", "intake-close", "intake-day")
PAYMENT_SCREENS = (
    "payments-charge",
    "payments-receipt",
    "payments-waiting",
    "payments-series-stopped",
)
ALL_SCREENS = (
    "login",
    "login-error",
    "waiting-database",
    "main",
    *(f"main-{area.key}" for area in AREAS),
    *DIALOG_SCREENS,
    *FEE_SCREENS,
    *INTAKE_SCREENS,
    *PAYMENT_SCREENS,
    *SHIFT_SCREENS,
    *REFERRAL_SCREENS,
    *ADMIN_SCREENS[1:],  # "main-admin" is among the areas' screens
    *KIOSK_SCREENS,
    *CUSTOMER_SCREENS,
    *BOARD_SCREENS,
)
DEMO_CLERK = ("1001", "demo1001")
DEMO_ADMIN = ("9001", "demo9001")
DEMO_MANAGER = ("2001", "demo2001")
SCREEN_USERS = {
    "admin": DEMO_ADMIN,
    "scripts": DEMO_ADMIN,
    "directory": DEMO_ADMIN,
    "overview": DEMO_MANAGER,
}
APPROVAL_EXAMPLE = ApprovalRequest(ApprovalKind.VOID_RECEIPT, "C01-2026-000123", "客户重复缴费")
RENDER_PASSWORD = "Render-Screens-2026"  # the demo users' own password after the first login
UNKNOWN_EMPLOYEE = ("1009", "wrong-password")  # not a demo user: no failure is counted
_BACKDROP = QColor("#dfe6ee")
# The offscreen platform says this for every window with a size constraint; it is harmless.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def render_screens(
    settings: Settings,
    names: list[str],
    out_dir: Path,
    size: tuple[int, int] = (1366, 768),
    language: str = "zh_CN",
    *,
    first_logins: bool | None = None,
) -> list[Path]:
    """Write ``<out_dir>/<name>.png`` for each name; return the files in order.

    ``first_logins``: make the demo users' required first password change (default:
    only on demo data loaded by this call, never on a database of real users)."""
    unknown = [name for name in names if name not in ALL_SCREENS]
    if unknown:
        raise HallError(f"unknown screen {', '.join(unknown)}; known: {', '.join(ALL_SCREENS)}")
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from hallclient.core import open_core  # after the platform is chosen; SQLAlchemy is slow

    prepare_application(language)
    QApplication.setCursorFlashTime(0)  # a caret that does not blink is the same on every grab
    core = open_core(settings)
    try:
        fresh = not core.access.has_users()
        if fresh:
            core.load_demo(RENDER_ACCOUNTS)
        out_dir.mkdir(parents=True, exist_ok=True)
        first = fresh if first_logins is None else first_logins
        renderer = _Renderer(core, size, language, first_logins_done=first)
        with _without_offscreen_noise():
            return [_save(renderer.render(name), out_dir / f"{name}.png") for name in names]
    finally:
        core.close()


@contextmanager
def _without_offscreen_noise() -> Iterator[None]:
    """Drop the offscreen platform's one harmless warning; pass every other message on."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message == OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class _Renderer:
    def __init__(
        self, core: Core, size: tuple[int, int], language: str, *, first_logins_done: bool
    ) -> None:
        """``first_logins_done``: on demo data loaded for this run, each demo user's required
        first password change is made, so the pages show what a clerk at work sees."""
        self.core, self.size, self.language = core, size, language
        self._first_logins_done = first_logins_done
        self._users: dict[str, CurrentUser] = {}

    def render(self, name: str) -> QPixmap:
        if name.startswith("login"):
            return _on_backdrop(grab(self._login_dialog(failed=name == "login-error")), self.size)
        if name == "waiting-database":
            return _on_backdrop(grab(database_wait_dialog(self.core.settings)), self.size)
        groups: tuple[tuple[tuple[str, ...], Callable[[str], QPixmap]], ...] = (
            (DIALOG_SCREENS, self._dialog_screen),
            (FEE_SCREENS, self._fee_screen),
            (INTAKE_SCREENS, self._intake_screen),
            (PAYMENT_SCREENS, self._payment_screen),
            (SHIFT_SCREENS, lambda n: shift_screen(self, n, large_household().account_no)),
            (
                ("main-referrals", *REFERRAL_SCREENS),
                lambda n: referral_screen(self, n, large_household()),
            ),
            (ADMIN_SCREENS, lambda n: admin_screen(self, n)),
            (("main-ratings",), lambda n: ratings_screen(self, n)),
            (KIOSK_SCREENS, lambda n: kiosk_screen(self, n)),
            (CUSTOMER_SCREENS, lambda n: customer_screen(self, n)),
            (BOARD_SCREENS, lambda n: board_screen(self.core, self._user(DEMO_CLERK, n))),
        )
        for names, screen in groups:
            if name in names:
                return screen(name)
        area = name.removeprefix("main-") if "-" in name else AREAS[0].key
        who = SCREEN_USERS.get(area, DEMO_CLERK)
        return grab(self._window(who, area, name))

    def _window(self, who: tuple[str, str], area: str, screen: str) -> MainWindow:
        window = MainWindow(self.core, self._user(who, screen))
        window.resize(*self.size)
        window.show_area(area)
        page = window.pages.by_key.get(area)
        if isinstance(page, FeesPage):  # it reads the tariff in force once it is shown
            window.show()
            wait_until(lambda: page.pricer is not None or not page.loading)
        if isinstance(page, ScriptEditorPage):  # it reads the scripts in force when shown
            window.show()
            wait_until(lambda: page.scripts.rowCount() > 0)
        if isinstance(page, DirectoryPage):
            window.show()
            wait_until(lambda: page.departments.rowCount() > 0 and not page.attempt.running)
        return window

    def _dialog_screen(self, name: str) -> QPixmap:
        window = self._window(DEMO_CLERK, "payments" if name == "approval" else "intake", name)
        if name == "locked":
            window.show()
            window.lock(idle=True)
            return grab(window)
        if name == "quick-reference":
            window.open_quick_reference()
            reference = window.quick_reference
            assert reference is not None
            reference.search.setText("收费")
            return framed(grab(window), grab(reference))
        user = window.user
        dialog = (
            ApprovalDialog(self.core, user, APPROVAL_EXAMPLE, window)
            if name == "approval"
            else PasswordDialog(self.core, user, forced=True, parent=window)
        )
        dialog_pixmap = grab(dialog)  # before the window goes (it is the dialog's parent)
        return framed(grab(window), dialog_pixmap)

    def _user(self, who: tuple[str, str], screen: str) -> CurrentUser:
        if who[0] not in self._users:
            try:
                user = self.core.access.login(*who)
                if user.must_change_password and self._first_logins_done:
                    user = self.core.access.change_own_password(user, who[1], RENDER_PASSWORD)
                self._users[who[0]] = user
            except HallError as error:
                raise HallError(f"screen {screen} needs the demo user {who[0]}: {error}") from None
        return self._users[who[0]]

    def _login_dialog(self, *, failed: bool) -> LoginDialog:
        workplace = self.core.workplace
        text = f"{workplace.hall_name} · {workplace.counter_name}"
        dialog = LoginDialog(text, self.core.settings.timezone, self.language)
        dialog.attach(self.core.access.login)
        if failed:
            dialog.employee.setText(UNKNOWN_EMPLOYEE[0])
            dialog.password.setText(UNKNOWN_EMPLOYEE[1])
            dialog.submit.click()
            wait_until(lambda: not dialog.attempt.running)
        return dialog

    def _fee_screen(self, name: str) -> QPixmap:
        """The fee lookup: "GHF" typed (pinyin initials), an abolished fee ("费": every fee,
        开户费 chosen), or a tiered gas quote for an account."""
        window = self._window(DEMO_CLERK, "fees", name)
        page = window.pages.fees
        assert isinstance(page, FeesPage)
        if name == "fees-quote":  # for the visit's account, as Ctrl+G at the intake page
            serve_household(self.core, window, "payment")
            wait_until(lambda: page.visit is not None and page.visit.account_no is not None)
            page.quote_gas()
            page.quantity.setText("380")
            page.calculate()
            wait_until(lambda: not page.live.busy)
        elif name == "fees-abolished":
            page.search.setText("费")
            page.results.selectRow(
                next(row for row, item in enumerate(page.items.rows()) if item.abolished)
            )
        else:
            page.search.setText("GHF")
        return grab(window)

    def _intake_screen(self, name: str) -> QPixmap:
        """A visit in progress: ticket called, account found by initials, purpose chosen."""
        user = self._user(DEMO_CLERK, name)
        for category in ("business", "repair", "priority", "payment", "payment"):
            self.core.intake.issue_ticket(user, category)
        window = self._window(DEMO_CLERK, "intake", name)
        window.show()
        page = serve_household(self.core, window, "payment")
        page.purpose.setCurrentIndex(0)
        page._purpose_chosen(0)
        wait_until(lambda: not page.attempt.running)
        page.notes.setPlainText("客户咨询本年阶梯气量，已说明各档上限。")
        panel = window.script_panel
        assert panel is not None
        wait_until(lambda: not panel.busy())
        if name == "intake-visit":
            return grab(window)
        page.tickets.end_visit()
        dialog = page.tickets.close_dialog
        assert dialog is not None
        dialog.ratings.button(5).setChecked(True)
        if name == "intake-close":
            wait_until(lambda: not panel.busy())
            return framed(grab(window), grab(dialog))
        dialog.accept()
        wait_until(lambda: page.visit is None)
        page.tickets.show_day()
        day = page.tickets.day_dialog
        assert day is not None
        wait_until(lambda: day.visits.rowCount() > 0)
        day.table.setCurrentIndex(day.visits.index(0, 0))  # its scripts below the list
        wait_until(lambda: bool(day.shown.text()))
        return framed(grab(window), grab(day))

    def _payment_screen(self, name: str) -> QPixmap:
        """Tiered gas and a fee in the cart, part paid by WeChat Pay; then the receipt."""
        clerk = self.core.context(self._user(DEMO_CLERK, name))
        if shifts.current_shift(self.core.database, clerk) is None:
            shifts.open_shift(self.core.database, clerk, SHIFT_FLOAT)
        window = self._window(DEMO_CLERK, "fees", name)
        fees, payments = window.pages.fees, window.pages.payments
        assert isinstance(fees, FeesPage) and isinstance(payments, PaymentsPage)
        serve_household(self.core, window, "payment")
        wait_until(lambda: fees.visit is not None and fees.visit.account_no is not None)
        for code, quantity in (("G101", "380"), ("S105", "1")):
            fees.search.setText(code)
            fees.quantity.setText(quantity)
            fees.calculate()
            wait_until(lambda: not fees.live.busy)
            fees.add_to_cart()
        window.show_area("payments")
        payments.form.amounts[PaymentMethod.WECHAT].setText("500")
        # the tier year moved with the receipt screen's gas: this one costs more
        payments.form.tendered.setText("2000" if name == "payments-series-stopped" else "700")
        if name == "payments-charge":
            return grab(window)
        if name == "payments-waiting":
            return payment_waiting(self.core, window, payments)
        tenders, handed = payments.form.tenders()
        payments.charge(tenders, handed)
        wait_until(
            lambda: payments.preview.pixmap() is not None and not payments.preview.pixmap().isNull()
        )
        if name == "payments-series-stopped":
            return self._series_stopped(window, payments)
        return grab(window)

    def _series_stopped(self, window: MainWindow, payments: PaymentsPage) -> QPixmap:
        """The receipt just issued and two after it, known to a journal of this screen's own
        only (the PC's journal and the database stay as they are): the database lacks them,
        as after a restore from an older backup."""
        desk = self.core.receipts
        series = payments.receipt_no.text().rsplit("-", 1)[0]
        own = desk.journal
        with tempfile.TemporaryDirectory() as folder:
            desk.journal = lost_receipts(own, series, Path(folder), 2)
            try:
                window.show()
                window.show_area("intake")
                window.show_area("payments")
                wait_until(payments.series_note.isVisible)
                return grab(window)
            finally:
                desk.journal = own


def _on_backdrop(dialog: QPixmap, size: tuple[int, int]) -> QPixmap:
    """The dialog centred on a plain screen, as the clerk sees it at start-up."""
    screen = QPixmap(*size)
    screen.fill(_BACKDROP)
    return framed(screen, dialog)


def _save(pixmap: QPixmap, path: Path) -> Path:
    if not pixmap.save(str(path), "PNG"):
        raise HallError(f"could not write {path}")
    return path
