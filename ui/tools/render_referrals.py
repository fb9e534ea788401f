"""Rendered referral screens (``hallclient render``): the counter's list, the board, the form.

"main-referrals": the demo clerk 1001's referrals page, with a referral the repair centre
returned (on top, selected), one it closed, and open ones; "referral-board": the repair
centre's board (the demo staff 3001) with three referrals from the counter;
"referral-board-history": the same board after F6, what it closed and returned;
"referral-form" and "emergency": the counter's referral form and the leak screen over a
visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap

from db.domain import ReferralStatus, Urgency
from hallclient.referrals.service import NewReferral
from ui.intake.page import IntakePage
from ui.referrals.board_page import ReferralBoardPage
from ui.referrals.hall_page import HallReferralsPage
from ui.tools.render_tools import framed, grab, wait_until

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.setup.demo_accounts import DemoAccount
    from ui.shell.main_window import MainWindow

REFERRAL_SCREENS = ("referral-board", "referral-board-history", "referral-form", "emergency")
CLERK, REPAIR = ("1001", "demo1001"), ("3001", "demo3001")  # 3001: the repair centre's staff
EXAMPLE_REFERRALS = (
    ("emergency", "客户反映厨房有燃气味，已告知离开室内并开窗通风"),
    ("urgent", "燃气表不走字，灶具无法点火，请尽快上门检查"),
    ("normal", "申请复气通气点火，客户工作日下午在家"),
)
CLOSED_RESULT = "已上门更换表具电池并复查，恢复正常用气"
RETURNED_REASON = "该户尚欠气费两期，须先在窗口结清欠费，再预约复气"


class Renderer(Protocol):
    core: Core

    def _window(self, who: tuple[str, str], area: str, screen: str) -> MainWindow: ...
    def _user(self, who: tuple[str, str], screen: str) -> CurrentUser: ...


def referral_screen(renderer: Renderer, name: str, account: DemoAccount) -> QPixmap:
    if name in ("referral-form", "emergency"):
        return _referral_form(renderer, name, account.account_no)
    made = _refer_examples(renderer, name, account)
    if name == "referral-board":
        return _board(renderer, name, history=False)
    _answer(renderer, name, made)
    if name == "referral-board-history":
        return _board(renderer, name, history=True)
    window = renderer._window(CLERK, "referrals", name)
    window.show()
    page = window.pages.hall_referrals
    assert isinstance(page, HallReferralsPage)
    wait_until(lambda: page.referrals.rowCount() >= len(EXAMPLE_REFERRALS))
    wait_until(lambda: not page.attempt.running)
    return grab(window)


def _refer_examples(renderer: Renderer, name: str, account: DemoAccount) -> list[int]:
    clerk = renderer._user(CLERK, name)
    return [
        renderer.core.referrals.refer(
            clerk,
            NewReferral(
                "emergency_repair",
                Urgency(urgency),
                matter,
                account_no=account.account_no,
                contact_name=account.name,
                contact_phone=account.phone,
                address=account.address,
            ),
        ).id
        for urgency, matter in EXAMPLE_REFERRALS
    ]


def _answer(renderer: Renderer, name: str, made: list[int]) -> None:
    """The repair centre acknowledges the leak, closes the meter and returns the restore."""
    staff, desk = renderer._user(REPAIR, name), renderer.core.referrals
    leak, meter, restore = made
    desk.move(staff, leak, ReferralStatus.ACKNOWLEDGED)
    desk.move(staff, meter, ReferralStatus.ACKNOWLEDGED)
    desk.move(staff, meter, ReferralStatus.IN_PROGRESS, "已派师傅上门")
    desk.move(staff, meter, ReferralStatus.CLOSED, CLOSED_RESULT)
    desk.move(staff, restore, ReferralStatus.RETURNED, RETURNED_REASON)


def _board(renderer: Renderer, name: str, *, history: bool) -> QPixmap:
    window = renderer._window(REPAIR, "referrals", name)
    window.show()
    page = window.pages.referrals
    assert isinstance(page, ReferralBoardPage)
    wait_until(lambda: page.referrals.rowCount() > 0 and not page.attempt.running)
    if history:
        page.toggle_history()
        wait_until(lambda: page.finished.rowCount() > 0 and not page.attempt.running)
    return grab(window)


def _referral_form(renderer: Renderer, name: str, account_no: str) -> QPixmap:
    user = renderer._user(CLERK, name)
    renderer.core.intake.issue_ticket(user, "business")
    window = renderer._window(CLERK, "intake", name)
    window.show()
    page = window.pages.intake
    assert isinstance(page, IntakePage)
    wait_until(lambda: page.purpose.count() > 0)
    page.call_next()
    wait_until(lambda: page.visit is not None and not page.attempt.running)
    page.search.setText(account_no)
    wait_until(lambda: page.accounts.rowCount() > 0)
    page.account_side.take()
    wait_until(lambda: page.account is not None and not page.attempt.running)
    if name == "emergency":
        page.notes.setPlainText("客户说厨房里有很重的燃气味，已关阀门")
        wait_until(lambda: page.emergency.dialog is not None)
        assert page.emergency.dialog is not None
        return framed(grab(window), grab(page.emergency.dialog))
    page.purpose.setCurrentIndex(page.purpose.findData("meter_fault"))
    page._purpose_chosen(page.purpose.currentIndex())
    wait_until(lambda: not page.attempt.running)
    page.refer()
    dialog = page.referral_flow.dialog
    assert dialog is not None
    dialog.matter.insertPlainText("燃气表不走字，灶具无法点火，请尽快上门检查")
    dialog.suggest_now()
    dialog.appointment.setText("工作日 14:00 以后")
    return framed(grab(window), grab(dialog))
