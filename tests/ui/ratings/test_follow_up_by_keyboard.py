"""The shift manager follows a bad rating up by keyboard alone, in the real main window: the
case is on the ratings page (Ctrl+7), Enter opens its next step, an empty step is refused
with the cursor in the field, then call back, cause, fix and close; the overview counts
the overdue cases in red and leads to them; the month's report is saved as PDF and XLSX."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import FollowUpStatus, RatingLevel, RatingSource
from hallclient.ratings.record import GivenRating
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_after_first_login, journal_actions, manager_chose_password
from tests.ui.sessions import open_window as open_main_window
from ui.ratings.models import OVERDUE_COLOUR, CasesModel
from ui.ratings.page import RatingsPage
from ui.shifts.overview_page import OverviewPage

CTRL = Qt.KeyboardModifier.ControlModifier
REASON = "等了四十分钟才叫号"
STEPS = (  # QTest types no Chinese
    (FollowUpStatus.CALLED_BACK, "called the customer, who waited 40 minutes", "已回访"),
    (FollowUpStatus.CAUSE_RECORDED, "only two counters open at the peak", "已查明原因"),
    (FollowUpStatus.FIXED, "a third counter opens from 9 to 11", "已整改"),
    (FollowUpStatus.CLOSED, "the customer accepts the apology", "已办结"),
)


def _bad_rating(core) -> int:
    """Clerk 1001 calls a ticket and records the customer's 不满意: the case's id."""
    clerk = clerk_after_first_login(core)
    core.intake.issue_ticket(clerk, "payment")
    called = core.intake.call_next(clerk)
    assert called is not None
    given = GivenRating(RatingLevel.DISSATISFIED, RatingSource.CLERK, REASON)
    case_id = core.ratings.record(clerk, called.visit_id, given).case_id
    assert case_id is not None
    return case_id


def _ratings_page(qtbot, core):
    boss = core.access.login("2001", manager_chose_password(core))
    window = open_main_window(qtbot, core, boss)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.pages.ratings
    assert isinstance(page, RatingsPage) and window.current_area() == "ratings"
    qtbot.waitUntil(lambda: page.loaded)
    settle(qtbot, page)
    return window, boss, page


def _cell(page: RatingsPage, column: int) -> str:
    return page.cases.display(page.cases.row_at(0), column)


def test_the_manager_follows_a_bad_rating_up_by_keyboard(qtbot, app, private_core):
    case_id = _bad_rating(private_core)
    _window, boss, page = _ratings_page(qtbot, private_core)
    assert page.cases.rowCount() == 1 and QApplication.focusWidget() is page.table
    due = private_core.ratings.case(boss, case_id).due_on
    assert _cell(page, CasesModel.COL_DUE).startswith(due.isoformat())
    assert (_cell(page, CasesModel.COL_LEVEL), _cell(page, CasesModel.COL_REASON)) == (
        "不满意",
        REASON,
    )
    assert _cell(page, CasesModel.COL_CLERK) == "王丽 1001"
    assert _cell(page, CasesModel.COL_STATUS) == "待回访" and REASON in page.detail.text()

    qtbot.keyClick(page.table, Qt.Key.Key_F6)  # overdue only: not this one, due in 15 days
    qtbot.waitUntil(lambda: page.cases.rowCount() == 0 and not page.attempt.running)
    assert page.detail.text() == "没有逾期的回访件。"
    qtbot.keyClick(page.table, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.cases.rowCount() == 1 and not page.attempt.running)

    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the next step
    assert QApplication.focusWidget() is page.step and "回访：" in page.step_label.text()
    qtbot.keyClick(page.step, Qt.Key.Key_Return)  # nothing written: refused, cursor stays
    qtbot.waitUntil(lambda: page.message.text() == "请填写这一步做了什么。")
    settle(qtbot, page)
    assert QApplication.focusWidget() is page.step
    for step, (to, words, state) in enumerate(STEPS):
        if step:  # F2 from the list, as Enter
            qtbot.keyClick(page.table, Qt.Key.Key_F2)
        assert QApplication.focusWidget() is page.step
        qtbot.keyClicks(page.step, words)
        qtbot.keyClick(page.step, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda state=state: page.message.text() == f"回访件 {case_id}：{state}。")
        settle(qtbot, page)
        assert QApplication.focusWidget() is page.table
        assert private_core.ratings.case(boss, case_id).status is to
    assert page.cases.rowCount() == 0  # a closed case leaves the list
    case = private_core.ratings.case(boss, case_id)
    assert (case.call_back_note, case.cause, case.fix, case.result) == tuple(s[1] for s in STEPS)
    assert journal_actions(private_core)[-4:] == [f"follow_up.{to.value}" for to, *_ in STEPS]


def test_the_overview_counts_overdue_cases_and_leads_to_them(qtbot, app, private_core, clock):
    _bad_rating(private_core)
    clock.advance(dt.timedelta(days=40))  # 15 working days are past, whatever the holidays
    window, _boss, page = _ratings_page(qtbot, private_core)
    assert page.cases.data(page.cases.index(0, 0), Qt.ItemDataRole.ForegroundRole) == (
        OVERDUE_COLOUR
    )
    assert _cell(page, CasesModel.COL_DUE).endswith("已逾期")
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    overview = window.pages.overview
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.report is not None and not overview.attempt.running)
    assert "差评回访逾期 1 件" in overview.follow_ups.text()
    assert "#b3261e" in overview.follow_ups.text()  # red
    overview.follow_ups.setFocus()
    qtbot.keyClick(overview.follow_ups, Qt.Key.Key_Tab)  # to the link, then Enter follows it
    qtbot.keyClick(overview.follow_ups, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_area() == "ratings")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_month_report_is_saved_as_pdf_and_xlsx(qtbot, app, private_core, tmp_path):
    _bad_rating(private_core)
    _window, _boss, page = _ratings_page(qtbot, private_core)
    page.files.save_dir = tmp_path
    year, month = page.chosen_month()
    name = f"ratings-{year}-{month:02d}"
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: page.message.text().startswith("已保存："), timeout=20_000)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / f"{name}.pdf"), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    rows = [line.split() for line in text.splitlines()]
    # C01: 1 rated, none very satisfied/satisfied/fairly, 1 dissatisfied, 0%, 1 bad, 0% called
    assert ["C01", "1", "0", "0", "0", "1", "0", "0", "0.00%", "1", "0.00%", "0.00%", "0"] in rows
    assert ["王丽", "1001", "1", "0", "0", "0", "1", "0", "0", "0.00%", "1"] in [
        r[:11] for r in rows
    ]
    page.message.clear()
    qtbot.keyClick(page.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: page.message.text().startswith("已保存："), timeout=20_000)
    book = openpyxl.load_workbook(tmp_path / f"{name}.xlsx")
    counters = book["各窗口"]
    assert [c.value for c in counters[2]] == ["C01", 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]
    assert counters["I2"].number_format == "0.00%"
    assert [c.value for c in book["各收费员"]["A"]][1:] == ["王丽 1001"]

    other = 3 if month != 3 else 4  # a month of this year without ratings, chosen by keyboard
    qtbot.keyClick(page.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.month  # on its month
    qtbot.keyClicks(page.month, f"{other:02d}")
    assert page.chosen_month() == (year, other)
    page.message.clear()
    qtbot.keyClick(page.month, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: page.message.text().startswith("已保存："), timeout=20_000)
    empty = tmp_path / f"ratings-{year}-{other:02d}.pdf"
    text = subprocess.run(["pdftotext", str(empty), "-"], capture_output=True, check=True).stdout
    assert "本月无评价" in text.decode()
