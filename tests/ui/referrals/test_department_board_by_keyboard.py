"""A referral's way by keyboard, in the real main window: the repair centre's staff land on
their board, acknowledge, start, close one with its result and return another with the
reason, each note reached by its key; then the clerk's referrals page (Ctrl+4) shows the
returned one on top with the department's reason, the overdue one next, the closed one with
its result, the count in the status bar, and prints a slip again (Ctrl+P)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import ReferralStatus
from hallclient import paths
from hallclient.referrals.informants import Informant
from hallclient.referrals.service import NewReferral
from tests.ui.helpers import settle, type_text, untranslated, visible_texts
from tests.ui.sessions import clerk_after_first_login, journal_actions, open_window
from ui.referrals.board_page import ReferralBoardPage
from ui.referrals.hall_page import HallReferralsPage

ACCOUNT = "1028100001"
CTRL = Qt.KeyboardModifier.ControlModifier
RESULT, REASON = "已上门更换表具，恢复供气", "客户地址属抄表中心辖区，请改转抄表中心"


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the person presses it: to whatever has the keyboard focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.fixture
def referred(private_core):
    """Three referrals to the repair centre: an emergency, an urgent one, an emergency."""
    clerk = clerk_after_first_login(private_core)
    desk = private_core.referrals
    made = [
        desk.refer(clerk, NewReferral("emergency_repair", urgency, matter, account_no=ACCOUNT))
        for urgency, matter in (
            ("emergency", "客户说厨房有燃气味，已关闭阀门"),
            ("urgent", "燃气表不走字，灶具无法点火"),
            ("emergency", "楼道里有燃气味，邻居已开窗通风"),
        )
    ]
    return clerk, made


def _staff(core):
    staff = core.access.login("3001", "demo3001")  # the first login's change, as at the counter
    return core.access.change_own_password(staff, "demo3001", "repair-pass-9")


def _board_work(qtbot, window) -> ReferralBoardPage:
    """Acknowledge and start the first, close it with its result; return the urgent one."""
    board = window.pages.referrals
    assert isinstance(board, ReferralBoardPage) and window.current_area() == "referrals"
    qtbot.waitUntil(lambda: board.referrals.rowCount() == 3)
    settle(qtbot, board)
    assert QApplication.focusWidget() is board.table  # the list, ready for the keys
    for key, state in ((Qt.Key.Key_F2, "acknowledged"), (Qt.Key.Key_F3, "in_progress")):
        _press(qtbot, key)
        settle(qtbot, board)
        qtbot.waitUntil(lambda s=state: board.selected().status.value == s)
    _press(qtbot, Qt.Key.Key_F9)  # no result written yet: refused, the cursor to the note
    settle(qtbot, board)
    assert board.message.text() == "请先在备注中填写处理结果（办结）或退回原因（退回）。"
    assert QApplication.focusWidget() is board.note
    _press(qtbot, Qt.Key.Key_Escape)  # back to the list, then Ctrl+N to the note again
    assert QApplication.focusWidget() is board.table
    _press(qtbot, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is board.note
    type_text(board.note, RESULT)
    _press(qtbot, Qt.Key.Key_F9)
    settle(qtbot, board)
    qtbot.waitUntil(lambda: board.referrals.rowCount() == 2)
    assert QApplication.focusWidget() is board.table
    _press(qtbot, Qt.Key.Key_Down)  # below the other emergency: the urgent one
    qtbot.waitUntil(lambda: board.selected().urgency.value == "urgent")
    _press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(board.note, REASON)
    _press(qtbot, Qt.Key.Key_F8)  # back to the hall, with the reason
    settle(qtbot, board)
    qtbot.waitUntil(lambda: board.referrals.rowCount() == 1)
    return board


def _history_by_keyboard(qtbot, board, made) -> None:
    _press(qtbot, Qt.Key.Key_F6)
    settle(qtbot, board)
    qtbot.waitUntil(lambda: board.finished.rowCount() == 2)
    assert board.title.text() == "本部门近 30 天办结和退回的转办"
    assert QApplication.focusWidget() is board.history
    newest = [(f.referral.id, f.referral.status) for f in board.finished.rows()]
    assert newest == [(made[1].id, ReferralStatus.RETURNED), (made[0].id, ReferralStatus.CLOSED)]
    qtbot.waitUntil(lambda: REASON in board.detail.text())
    _press(qtbot, Qt.Key.Key_F9)  # nothing moves in the history
    assert board.message.text() == "这是历史记录：按 F6 回到待办转办。"
    texts = visible_texts(board)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}
    _press(qtbot, Qt.Key.Key_F6)
    settle(qtbot, board)
    assert board.title.text() == "本部门的转办事项" and QApplication.focusWidget() is board.table


def _clerk_page(qtbot, core, clerk) -> tuple[object, HallReferralsPage]:
    window = open_window(qtbot, core, clerk)
    assert window.current_area() == "intake"
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.pages.hall_referrals
    assert isinstance(page, HallReferralsPage) and window.current_area() == "referrals"
    qtbot.waitUntil(lambda: page.referrals.rowCount() == 3)
    settle(qtbot, page)
    return window, page


def test_department_board_by_keyboard(qtbot, app, private_core, clock, referred):
    clerk, made = referred
    staff_window = open_window(qtbot, private_core, _staff(private_core))
    board = _board_work(qtbot, staff_window)
    _history_by_keyboard(qtbot, board, made)
    staff_window.close()
    clock.advance(dt.timedelta(minutes=31))  # the emergency left open is overdue now

    window, page = _clerk_page(qtbot, private_core, clerk)
    assert QApplication.focusWidget() is page.table
    rows = [(r.id, r.status) for r in page.referrals.rows()]
    assert rows == [
        (made[1].id, ReferralStatus.RETURNED),
        (made[2].id, ReferralStatus.NEW),  # overdue: the counter calls the department
        (made[0].id, ReferralStatus.CLOSED),
    ]
    qtbot.waitUntil(lambda: "ZB2026-000002 · 已退回大厅 · 抢修及通气点火中心" in page.detail.text())
    assert f"承办部门退回原因：{REASON}" in page.detail.text()
    assert "请致电客户" in page.detail.text() and "028-86000110 转 8110" not in page.detail.text()
    qtbot.waitUntil(lambda: window.waiting_referrals.text() == "转办待处理 2")
    texts = visible_texts(window)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}

    _press(qtbot, Qt.Key.Key_Down)  # the overdue one: call the department, on its number
    qtbot.waitUntil(
        lambda: "已超时：请致电抢修及通气点火中心（028-86000110 转 8110）" in page.detail.text()
    )
    _press(qtbot, Qt.Key.Key_Down)  # the closed one, with its result
    qtbot.waitUntil(lambda: f"办理结果：{RESULT}" in page.detail.text())
    _press(qtbot, Qt.Key.Key_P, CTRL)  # its slip again: no printer here, so a PDF
    settle(qtbot, page)
    [copy] = (paths.reports_dir() / "referrals").glob("ZB2026-000001-reprint-*.pdf")
    assert copy.read_bytes().startswith(b"%PDF")
    assert page.message.text() == f"ZB2026-000001 的回执已重新保存为 {copy}。"

    _press(qtbot, Qt.Key.Key_Home, CTRL)  # the returned one, on top: the counter takes it up
    _press(qtbot, Qt.Key.Key_F2)  # nothing written: refused, the cursor to the note
    settle(qtbot, page)
    assert page.message.text().startswith("请在备注中写明窗口的处理情况")
    assert QApplication.focusWidget() is page.note
    type_text(page.note, "已致电客户，改转抄表中心")
    _press(qtbot, Qt.Key.Key_F2)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text() == "ZB2026-000002：已由窗口接手。")
    qtbot.waitUntil(lambda: page.referrals.rows()[0].id == made[2].id)  # it leaves the top
    assert page.referrals.rows()[-1].status is ReferralStatus.TAKEN_UP
    qtbot.waitUntil(lambda: window.waiting_referrals.text() == "转办待处理 1")
    assert "referral.taken_up" in journal_actions(private_core)


def test_f2_is_only_for_a_returned_referral_and_a_theft_report_stays_redacted(
    qtbot, app, private_core, referred
):
    clerk, _ = referred
    report = private_core.referrals.refer(
        clerk,
        NewReferral(
            "inspection",
            "urgent",
            "邻居家疑似绕表偷气，请稽查",
            informant=Informant("甄秘密", "13912345678"),
        ),
    )
    window = open_window(qtbot, private_core, clerk)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.pages.hall_referrals
    qtbot.waitUntil(lambda: page.referrals.rowCount() == 4)
    settle(qtbot, page)
    _press(qtbot, Qt.Key.Key_F2)
    assert page.message.text() == "F2 用于承办部门退回的转办；这一件的状态是：新转办。"
    row = next(i for i, r in enumerate(page.referrals.rows()) if r.id == report.id)
    page.table.selectRow(row)
    settle(qtbot, page)
    shown = page.detail.text()
    assert shown.startswith(f"举报 {report.reference}") and "绕表" not in shown
    assert "甄秘密" not in shown and "13912345678" not in shown
    _press(qtbot, Qt.Key.Key_P, CTRL)
    assert page.message.text() == "举报的回执不在此处重打。"
    assert not (paths.reports_dir() / "referrals").exists()
