"""The emergency path: leak words in the notes, or the leak purpose, interrupt the visit
with the safety words and the hotline; Esc does not end it; Ctrl+Enter sends the
emergency referral to the repair centre."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event

from db.domain import ReferralStatus, Urgency, VisitStage
from hallclient.errors import HallError
from tests.ui.helpers import serve_account, settle, untranslated, visible_texts
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ACCOUNT = "1028100001"


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    user = clerk_after_first_login(private_core)
    private_core.intake.issue_ticket(user, "repair")
    return open_window(qtbot, private_core, user)


@pytest.fixture
def page(qtbot, window) -> IntakePage:
    intake = serve_account(qtbot, window, ACCOUNT)
    assert isinstance(intake, IntakePage)
    return intake


def _emergency(qtbot, page):
    qtbot.waitUntil(lambda: page.emergency.dialog is not None and page.emergency.dialog.isVisible())
    dialog = page.emergency.dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_leak_words_in_the_notes_open_the_emergency_and_esc_does_not_close_it(
    qtbot, window, page, private_core
):
    page.notes.setFocus()
    page.notes.insertPlainText("客户说厨房里有很重的燃氣味")
    dialog = _emergency(qtbot, page)
    assert "028-86000119" in dialog.hotline.text()
    assert "不要开关任何电器" in dialog.script.text() and dialog.address.text()
    texts = visible_texts(dialog)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()  # not without being recorded
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.emergency.dialog is None)  # recorded, closed and deleted
    assert page.visit.stage is VisitStage.REFERRING
    assert page.message.text().startswith("紧急转办 ZB2026-000001")
    [made] = private_core.referrals.for_account(window.user, ACCOUNT)
    assert (made.department_code, made.urgency, made.status) == (
        "emergency_repair",
        Urgency.EMERGENCY,
        ReferralStatus.NEW,
    )
    assert "燃氣味" in made.matter or "燃气味" in made.matter
    page.notes.insertPlainText("，已告知")  # the same visit: once is enough
    qtbot.wait(600)
    assert page.emergency.dialog is None
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_F5, CTRL)  # its slip again (no printer here: a PDF)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text().startswith("ZB2026-000001 的回执已保存为"))


def test_the_leak_purpose_opens_it_too(qtbot, page):
    page.purpose.setCurrentIndex(page.purpose.findData("leak_report"))
    page._purpose_chosen(page.purpose.currentIndex())
    dialog = _emergency(qtbot, page)
    assert dialog.hotline.text() == "028-86000119"


def _type(widget: QWidget, text: str) -> None:
    """Each character as a key press carrying its text (QTest's key clicks are ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, key)


def test_the_screen_is_up_as_the_word_is_typed_without_asking_the_database(
    qtbot, page, private_core
):
    qtbot.waitUntil(lambda: page.emergency.words is not None)  # read when the page was shown
    QThreadPool.globalInstance().waitForDone()  # the visit's other reads and writes are done
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(private_core.database.engine, "before_cursor_execute", record)
    try:
        page.notes.setFocus()
        _type(page.notes, "厨房有燃气味")
        dialog = page.emergency.dialog
        assert dialog is not None and dialog.isVisible()  # no pause, no event loop turn
        assert statements == [] and not page.attempt.running
    finally:
        event.remove(private_core.database.engine, "before_cursor_execute", record)
    assert "028-86000119" in dialog.hotline.text() and "不要开关任何电器" in dialog.script.text()


def test_without_the_database_the_shipped_words_and_the_company_line_stand_in(
    qtbot, app, private_core, monkeypatch
):
    def unreachable(_user):  # type: ignore[no-untyped-def]
        raise HallError("database unreachable")

    monkeypatch.setattr(private_core.scripts, "emergency_words", unreachable)
    user = clerk_after_first_login(private_core)
    private_core.intake.issue_ticket(user, "repair")
    page = serve_account(qtbot, open_window(qtbot, private_core, user), ACCOUNT)
    page.notes.setFocus()
    _type(page.notes, "家里漏气了")
    dialog = page.emergency.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.hotline.text() == private_core.settings.hotline
    assert "不要开关任何电器" in dialog.script.text() and "{" not in dialog.script.text()
