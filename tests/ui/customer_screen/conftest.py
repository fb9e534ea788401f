"""What the customer screen's tests share: a counter with a screen, texts the customer sees."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableView, QWidget
from sqlalchemy import select

from db.domain import RatingLevel, RatingSource
from db.models import Rating
from hallclient.access.auth import CurrentUser
from hallclient.config import Settings
from hallclient.core import Core
from hallclient.uow import UnitOfWork
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.customer_screen.window import CustomerScreen
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow

ADMIN_PASSWORD = "Admin-Pass-2026"
ACCOUNT_NO = "1028100001"


def attach_screen(core: Core, attached: bool = True) -> None:
    """The demo administrator marks counter C01 as having a customer screen."""
    admin = core.access.login("9001", "demo9001")
    admin = core.access.change_own_password(admin, "demo9001", ADMIN_PASSWORD)
    core.ratings.set_customer_screen(admin, "C01", attached)


def screen_texts(screen: QWidget) -> Iterator[str]:
    """Every text of the screen: its labels, buttons, fields and table cells and headers."""
    yield screen.windowTitle()
    for widget in screen.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QLineEdit):
            yield widget.text()
            yield widget.placeholderText()
        elif isinstance(widget, QTableView):
            model = widget.model()
            for column in range(model.columnCount()):
                yield str(model.headerData(column, Qt.Orientation.Horizontal))
                for row in range(model.rowCount()):
                    yield str(model.index(row, column).data())


def ratings(core: Core) -> list[tuple[int, RatingLevel | None, RatingSource, str]]:
    with UnitOfWork(core.database) as uow:
        rows = uow.session.scalars(select(Rating).order_by(Rating.id))
        return [(row.visit_id, row.level, row.source, row.reason) for row in rows]


@pytest.fixture
def private_settings(private_settings: Settings) -> Settings:
    """The screen full screen on the first monitor (the offscreen platform has one)."""
    return replace(private_settings, customer_screen_monitor=1)


@pytest.fixture
def clerk(private_core) -> CurrentUser:
    return clerk_with_open_shift(private_core)


@pytest.fixture
def window(qtbot, app, private_core, clerk) -> MainWindow:
    attach_screen(private_core)
    for _ in range(2):
        private_core.intake.issue_ticket(clerk, "business")
    opened = open_window(qtbot, private_core, clerk)
    screen = screen_of(opened)
    qtbot.waitUntil(screen.isVisible)
    return opened


def screen_of(window: MainWindow) -> CustomerScreen:
    assert window.customer_screen is not None
    return window.customer_screen.screen


def f9_without_rating(qtbot, window: MainWindow, page: IntakePage) -> int:
    """F9 at a counter with a screen: no rating asked of the clerk, Enter closes."""
    window.show_area("intake")
    visit_id = page.visit.id
    qtbot.keyClick(page, Qt.Key.Key_F9)
    dialog = page.tickets.close_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.customer_screen)
    assert dialog.screen_note.isVisibleTo(dialog) and not dialog.comment.isVisibleTo(dialog)
    assert dialog.screen_note.text() == "请客户在评价器上评价。"
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.visit is None
    return visit_id
