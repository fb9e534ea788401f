"""At 1366×768, in Chinese and in English, no text of the clerk's referrals page or of the
department's board and its history is elided or clipped (the result column aside: it is in
full beside the list), with a returned, a closed and an open referral on them."""

from __future__ import annotations

import pytest

from db.domain import ReferralStatus
from hallclient.referrals.service import NewReferral
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_after_first_login, open_window
from tests.ui.shell.test_no_clipping import clipped

ACCOUNT = "1028100001"
MATTERS = (
    ("emergency", "客户反映厨房有燃气味，已告知离开室内并开窗通风"),
    ("urgent", "燃气表不走字，灶具无法点火，请尽快上门检查"),
    ("normal", "申请复气通气点火，客户工作日下午在家"),
)


@pytest.fixture(params=["zh_CN", "en"])
def answered(request, app, private_core):
    """Three referrals the repair centre acknowledged, closed and returned; the language."""
    app.set_language(request.param)
    clerk = clerk_after_first_login(private_core)
    staff = private_core.access.login("3001", "demo3001")
    staff = private_core.access.change_own_password(staff, "demo3001", "repair-pass-9")
    desk = private_core.referrals
    leak, meter, restore = (
        desk.refer(clerk, NewReferral("emergency_repair", urgency, matter, account_no=ACCOUNT))
        for urgency, matter in MATTERS
    )
    desk.move(staff, leak.id, ReferralStatus.ACKNOWLEDGED)
    desk.move(staff, meter.id, ReferralStatus.ACKNOWLEDGED)
    desk.move(staff, meter.id, ReferralStatus.CLOSED, "已上门更换表具电池并复查，恢复正常用气")
    desk.move(staff, restore.id, ReferralStatus.RETURNED, "该户尚欠气费两期，须先结清欠费")
    return clerk, staff


def test_the_clerks_referrals_page_fits(qtbot, private_core, answered):
    clerk, _ = answered
    window = open_window(qtbot, private_core, clerk)
    assert window.show_area("referrals")
    page = window.pages.hall_referrals
    qtbot.waitUntil(lambda: page.referrals.rowCount() == 3)
    settle(qtbot, page)
    assert clipped(page) == []
    assert clipped(window.statusBar()) == []


def test_the_board_and_its_history_fit(qtbot, private_core, answered):
    _, staff = answered
    window = open_window(qtbot, private_core, staff)
    board = window.pages.referrals
    qtbot.waitUntil(lambda: board.referrals.rowCount() == 1)
    settle(qtbot, board)
    assert clipped(board) == []
    board.toggle_history()
    qtbot.waitUntil(lambda: board.finished.rowCount() == 2)
    settle(qtbot, board)
    assert clipped(board) == []
