"""The counter's customer screen rendered (``hallclient render``), at the size given.

"customer-screen": the demo clerk 1001 has charged the large household's tiered gas (one
line per tier) and a transfer fee, paid in cash: the lines with their approval documents,
the total, the cash handed over and the change.  "customer-screen-rating": the question
after F9, 满意 tapped and a ready reason chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap

from db.domain import RatingLevel
from hallclient.shifts import service as shifts
from ui.fees.page import FeesPage
from ui.payments.page import PaymentsPage
from ui.tools.render_shifts import FLOAT
from ui.tools.render_tools import grab, wait_until
from ui.tools.render_visit import serve_household

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.shell.main_window import MainWindow

CUSTOMER_SCREENS = ("customer-screen", "customer-screen-rating")
CLERK = ("1001", "demo1001")
FEES = (("G101", "380"), ("S105", "1"))
CASH_HANDED = "2000"


class Renderer(Protocol):
    core: Core
    size: tuple[int, int]

    def _window(self, who: tuple[str, str], area: str, screen: str) -> MainWindow: ...
    def _user(self, who: tuple[str, str], screen: str) -> CurrentUser: ...


def customer_screen(renderer: Renderer, name: str) -> QPixmap:
    core = renderer.core
    clerk = core.context(renderer._user(CLERK, name))
    if shifts.current_shift(core.database, clerk) is None:
        shifts.open_shift(core.database, clerk, FLOAT)
    window = renderer._window(CLERK, "fees", name)
    controller = window.customer_screen
    assert controller is not None
    screen = controller.screen
    _charge(core, window)
    wait_until(lambda: bool(screen.totals.text()) and "￥" in screen.totals.text())
    if name == "customer-screen-rating":
        screen.ask_rating()
        screen.rating.level_button(RatingLevel.SATISFIED).click()
        screen.rating.reasons[0].click()
    screen.resize(*renderer.size)
    pixmap = grab(screen)
    window.close()
    return pixmap


def _charge(core: Core, window: MainWindow) -> None:
    """The household served, its gas and a fee in the cart, paid in cash."""
    fees, payments = window.pages.fees, window.pages.payments
    assert isinstance(fees, FeesPage) and isinstance(payments, PaymentsPage)
    serve_household(core, window, "payment")
    wait_until(lambda: fees.visit is not None and fees.visit.account_no is not None)
    for code, quantity in FEES:
        fees.search.setText(code)
        fees.quantity.setText(quantity)
        fees.calculate()
        wait_until(lambda: not fees.live.busy)
        fees.add_to_cart()
    window.show_area("payments")
    payments.form.tendered.setText(CASH_HANDED)
    tenders, handed = payments.form.tenders()
    payments.charge(tenders, handed)
    wait_until(lambda: not payments.attempt.running and payments.cart.lines == ())
