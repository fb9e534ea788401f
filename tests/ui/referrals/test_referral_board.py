"""The department's board by keyboard: referrals from the counter appear most pressing
first, F2 acknowledges, F9 closes only with a result, and the counter then sees the
referral closed on the customer's account."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.domain import ReferralStatus
from hallclient.referrals.rules import Lateness
from hallclient.referrals.service import NewReferral
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.referrals.board_page import ReferralBoardPage
from ui.shell.main_window import MainWindow

ACCOUNT = "1028100001"


@pytest.fixture
def referred(private_core):
    """Two referrals to the repair centre from the demo clerk: a normal one, an emergency."""
    clerk = clerk_after_first_login(private_core)
    desk = private_core.referrals
    normal = desk.refer(
        clerk,
        NewReferral("emergency_repair", "normal", "燃气表不走字，请上门检查", account_no=ACCOUNT),
    )
    urgent = desk.refer(
        clerk,
        NewReferral("emergency_repair", "emergency", "客户说屋里有燃气味", account_no=ACCOUNT),
    )
    return clerk, normal, urgent


@pytest.fixture
def window(qtbot, app, private_core, referred) -> MainWindow:
    staff = private_core.access.login("3001", "demo3001")
    staff = private_core.access.change_own_password(staff, "demo3001", "repair-pass-9")
    return open_window(qtbot, private_core, staff)


@pytest.fixture
def page(qtbot, window) -> ReferralBoardPage:
    assert window.show_area("referrals")
    board = window.pages.referrals
    assert isinstance(board, ReferralBoardPage)
    qtbot.waitUntil(lambda: board.referrals.rowCount() == 2)
    settle(qtbot, board)
    return board


def test_the_emergency_comes_first_and_every_text_is_translated(page, referred):
    _, normal, urgent = referred
    assert [r.reference for r in page.referrals.rows()] == [urgent.reference, normal.reference]
    assert all(r.lateness is Lateness.ON_TIME for r in page.referrals.rows())
    texts = visible_texts(page)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_acknowledge_then_close_with_a_result_by_keyboard(qtbot, page, referred, private_core):
    clerk, _, urgent = referred
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    qtbot.waitUntil(
        lambda: (
            page.selected() is not None and page.selected().status is ReferralStatus.ACKNOWLEDGED
        )
    )
    qtbot.keyClick(page, Qt.Key.Key_F9)
    settle(qtbot, page)
    assert page.message.text() == "请先在备注中填写处理结果（办结）或退回原因（退回）。"
    page.note.setText("已上门处理 检漏正常")
    qtbot.keyClick(page, Qt.Key.Key_F9)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.referrals.rowCount() == 1)
    assert page.message.text() == f"{urgent.reference}：已办结。"
    seen_at_counter = {
        r.reference: r.status for r in private_core.referrals.for_account(clerk, ACCOUNT)
    }
    assert seen_at_counter[urgent.reference] is ReferralStatus.CLOSED
