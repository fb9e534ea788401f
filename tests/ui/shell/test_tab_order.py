"""Keyboard everywhere: on every page of the clerk and the shift manager, Tab reaches every
field that can take input, and the page's first key lands in a field, never nowhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.ui.helpers import settle
from tests.ui.sessions import clerk_with_open_shift, manager_chose_password, open_window

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
MAX_TABS = 80


def _inputs(page: QWidget) -> list[QWidget]:
    """The page's own fields a person types or chooses in (buttons have their keys)."""
    found = [w for w in page.findChildren(QWidget) if isinstance(w, INPUTS)]
    return [
        w
        for w in found
        if w.isVisibleTo(page)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)  # their own editor
        and not isinstance(w, QAbstractButton)
    ]


def _reached_by_tab(qtbot, window, page: QWidget) -> set[QWidget]:
    reached: set[QWidget] = set()
    for _ in range(MAX_TABS):
        focus = QApplication.focusWidget()
        if focus is None:
            break
        reached.add(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    return {w for w in reached if page.isAncestorOf(w)}


def _check_every_page(qtbot, window) -> dict[str, list[str]]:
    missed: dict[str, list[str]] = {}
    for area in window.areas:
        window.show_area(area.key)
        page = window.pages.by_key[area.key]
        settle(qtbot, page)
        if QApplication.focusWidget() is None or not page.isAncestorOf(QApplication.focusWidget()):
            page.focusNextChild()
        fields = _inputs(page)
        reached = _reached_by_tab(qtbot, window, page)
        lost = [f"{type(w).__name__}#{w.objectName()}" for w in fields if w not in reached]
        if lost:
            missed[area.key] = lost
    return missed


@pytest.mark.parametrize("role", ["clerk", "shift_manager"])
def test_tab_reaches_every_field_of_every_page(qtbot, app, private_core, role):
    if role == "clerk":
        user = clerk_with_open_shift(private_core)
    else:
        user = private_core.access.login("2001", manager_chose_password(private_core))
    window = open_window(qtbot, private_core, user)
    assert _check_every_page(qtbot, window) == {}
