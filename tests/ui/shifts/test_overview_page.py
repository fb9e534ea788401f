"""The shift manager's day by keyboard: approve a shift, close the day, save the PDF and XLSX."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.ui.helpers import settle
from tests.ui.sessions import clerk_with_open_shift, journal_actions, open_window
from ui.shifts.overview_page import OverviewPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, app, private_core, tmp_path) -> OverviewPage:
    clerk = clerk_with_open_shift(private_core)
    private_core.shifts.close(clerk, {Decimal(100): 5}, {})
    boss = private_core.access.login("2001", "demo2001")
    boss = private_core.access.change_own_password(boss, "demo2001", "Manager-Pass-2026")
    window = open_window(qtbot, private_core, boss)
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    overview = window.pages.overview
    assert isinstance(overview, OverviewPage) and window.current_area() == "overview"
    overview.save_dir = tmp_path / "reports"
    qtbot.waitUntil(lambda: overview.report is not None)
    settle(qtbot, overview)
    return overview


def test_approve_close_the_day_and_save_the_reports(qtbot, page, private_core):
    assert page.shifts.rowCount() == 1
    assert (
        page.shifts.display(page.shifts.row_at(0), page.shifts.COL_STATUS) == "已交班，待值班长审核"
    )
    assert "尚有 1 个班次待审核" in page.summary.text()
    qtbot.keyClick(page, Qt.Key.Key_F10)  # too early: the shift is not approved yet
    settle(qtbot, page)
    shift_id = page.shifts.row_at(0).shift.id
    assert page.message.text() == (
        f"所有班次审核通过后才能日结；尚待处理：C01 王丽（工号 1001）班次 {shift_id}："
        "已交班，待值班长审核。"
    )
    assert page.close_dialog is None  # nothing to confirm
    qtbot.keyClick(page, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.message.text().endswith("已审核通过。"))
    settle(qtbot, page)
    assert page.shifts.display(page.shifts.row_at(0), page.shifts.COL_STATUS) == "已审核"
    qtbot.keyClick(page, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: page.close_dialog is not None and page.close_dialog.isVisible())
    qtbot.keyClicks(page.close_dialog.confirmation, page.close_dialog.expected)
    qtbot.keyClick(page.close_dialog.confirmation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.report is not None and page.report.close is not None)
    assert "已日结；累计总额 ￥0.00" in page.summary.text()
    qtbot.keyClick(page, Qt.Key.Key_P, CTRL)
    pdf = page.save_dir / f"day-report-{page.selected_day().isoformat()}.pdf"
    qtbot.waitUntil(lambda: page.message.text().startswith("已保存"))
    assert pdf.read_bytes().startswith(b"%PDF")
    qtbot.keyClick(page, Qt.Key.Key_R, CTRL)
    shift_pdf = page.save_dir / f"shift-{page.shifts.row_at(0).shift.id}.pdf"
    qtbot.waitUntil(shift_pdf.exists)
    qtbot.keyClick(page, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: page.message.text().startswith("已导出"))
    [xlsx] = page.save_dir.glob("*.xlsx")
    assert load_workbook(xlsx).sheetnames == ["收据", "明细", "作废", "班次"]
    assert {"shift.approved", "day.close"} <= set(journal_actions(private_core))
