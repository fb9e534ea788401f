"""The intake page by keyboard only: call next, find the account by pinyin initials,
set the purpose, end the visit with a rating.  Keys beyond the typed data are counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import VisitOutcome
from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
NO_SHOW = VisitOutcome.NO_SHOW


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    user = clerk_after_first_login(private_core)
    for category in ("payment", "business", "payment"):
        private_core.intake.issue_ticket(user, category)
    return open_window(qtbot, private_core, user)


@pytest.fixture
def page(qtbot, window) -> IntakePage:
    intake = window.pages.intake
    assert isinstance(intake, IntakePage) and window.current_area() == "intake"
    qtbot.waitUntil(lambda: intake.waiting.text() == "等候 3 人")
    return intake


class Keys:
    """Presses keys on whatever has the focus, counting them."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def press(self, key: Qt.Key) -> None:
        self.count += 1
        self.qtbot.keyClick(QApplication.focusWidget(), key)

    def type(self, text: str) -> None:
        """Typed data, not counted.  Chinese comes from the input method, which QTest
        cannot drive: it is inserted where the cursor is, as the IME would."""
        widget = QApplication.focusWidget()
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:
            widget.insertPlainText(text)


def _someone() -> tuple[str, str]:
    account = next(
        a
        for a in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED)
        if a.customer_type == "residential" and len(a.name_initials) == 3
    )
    return account.account_no, account.name_initials


def test_a_whole_visit_by_keyboard(qtbot, window, page):
    keys = Keys(qtbot)
    account_no, initials = _someone()
    keys.press(Qt.Key.Key_F2)
    settle(qtbot, page)
    assert page.ticket.text() == "A001" and page.stage.text() == "已叫号"
    assert QApplication.focusWidget() is page.search
    keys.type(initials)
    qtbot.waitUntil(
        lambda: (
            account_no
            in [page.accounts.row_at(r).account_no for r in range(page.accounts.rowCount())]
        )
    )
    while page.accounts.row_at(page.results.currentIndex().row()).account_no != account_no:
        keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.visit.account_no == account_no and account_no in page.panel.text()
    assert QApplication.focusWidget() is page.purpose
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.visit.purpose_code is not None and page.stage.text() == "办理中"
    keys.type("客户询问阶梯气价")
    keys.press(Qt.Key.Key_F9)
    dialog = page.tickets.close_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.outcome)
    keys.type("5")  # the customer's answer
    assert dialog.rating == 5, QApplication.focusWidget()
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.visit is None)  # once the outcome is read and the visit closed
    assert page.message.text() == "接待已结束。", page.message.text()
    visit = window.core.intake.visit(window.user, 1)
    assert (visit.outcome, visit.satisfaction, visit.notes) == (
        VisitOutcome.RESOLVED,
        5,
        "客户询问阶梯气价",
    )
    nothing_left = (
        page.search.text(),
        page.accounts.rowCount(),
        page.panel.isVisible(),
        page.notes.toPlainText(),
    )
    assert nothing_left == ("", 0, False, "")  # nothing of this customer for the next one
    print(f"\nkeys beyond the typed data: {keys.count}")
    assert keys.count <= 8


def test_a_no_show_then_the_next_ticket(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F4)
    settle(qtbot, page)
    assert page.visit is None and "过号" in page.message.text()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    assert page.ticket.text() in ("A002", "B001")


def test_the_rating_is_required_to_end(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F6)
    settle(qtbot, page)
    assert page.ticket.text() == "散客"
    qtbot.keyClick(page, Qt.Key.Key_F9)
    dialog = page.tickets.close_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # answered once the counter's screen is read
    qtbot.waitUntil(lambda: "1 至 5" in dialog.error.text())
    assert dialog.isVisible()
    dialog.reject()


@pytest.mark.parametrize("text", ["'; DROP TABLE accounts; --", "😀😀", "\x1b[2J", "x" * 39])
def test_hostile_search_text_finds_nothing_and_breaks_nothing(qtbot, page, text):
    qtbot.keyClick(page, Qt.Key.Key_F6)
    settle(qtbot, page)
    page.search.setText(text)
    qtbot.wait(100)
    assert page.accounts.rowCount() == 0 and page.visit is not None


def test_every_visible_text_is_translated(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    texts = [text for text in visible_texts(page) if text]
    assert not [t for t in texts if untranslated(t)], texts


def test_todays_visits_with_times_and_filters(qtbot, page, private_core):
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    user, skipped = page.window().user, page.visit.id
    qtbot.waitUntil(lambda: private_core.scripts.shown_on_visit(user, skipped) != [])  # 叫号
    qtbot.keyClick(page, Qt.Key.Key_F4)  # A001 not present
    settle(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    visit = page.visit.id
    qtbot.waitUntil(lambda: private_core.scripts.shown_on_visit(user, visit) != [])  # the panel
    page.tickets.end_visit()
    page.tickets.close_dialog.ratings.button(4).setChecked(True)
    page.tickets.close_dialog.accept()
    settle(qtbot, page)
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_F11)
    dialog = page.tickets.day_dialog
    qtbot.waitUntil(lambda: dialog.visits.rowCount() == 2)
    assert dialog.summary.text() == "显示 2 次接待 · 当前等候 1 人"
    assert dialog.figures.rowCount() == 1
    assert dialog.figures.display(dialog.figures.row_at(0), 4) == "4.00"
    served = next(n for n in range(2) if dialog.visits.row_at(n).outcome is not NO_SHOW)
    dialog.table.setCurrentIndex(dialog.visits.index(served, 0))
    qtbot.waitUntil(lambda: dialog.shown.text().startswith("C01 B001 显示过的话术："))
    assert "叫号" in dialog.shown.text() and "问候" in dialog.shown.text()  # with their times
    outcome = dialog.filters["outcome"]
    outcome.setCurrentIndex(outcome.findText("过号未到"))
    qtbot.waitUntil(lambda: dialog.visits.rowCount() == 1)
    assert dialog.shown.text() == ""  # the list changed: no other visit's scripts stay
    dialog.table.setCurrentIndex(dialog.visits.index(0, 0))  # A001: called, never came
    qtbot.waitUntil(lambda: dialog.shown.text().startswith("C01 A001 显示过的话术："))
    assert "叫号" in dialog.shown.text()  # what the panel showed while calling it
    dialog.close()


def test_reception_issues_tickets_by_number_keys(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F7)
    dialog = page.tickets.ticket_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    place = [category.prefix for category in dialog.categories].index("A")
    qtbot.keyClick(dialog, Qt.Key(Qt.Key.Key_1.value + place))
    settle(qtbot, dialog)
    assert dialog.issued.text() == "A003"  # two were issued before
    dialog.close()
    qtbot.waitUntil(lambda: page.waiting.text() == "等候 4 人")


def test_a_transfer_needs_a_note_and_ends_the_visit_here(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F8)
    dialog = page.tickets.transfer_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.note)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible() and "原因" in dialog.error.text()
    dialog.counter.setText("c02")
    dialog.note.setText("需到2号窗口办理过户")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.visit is None and page.message.text() == "A001 已转移。"
    qtbot.waitUntil(lambda: page.waiting.text() == "等候 3 人")
