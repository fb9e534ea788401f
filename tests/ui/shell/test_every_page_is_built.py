"""No page under construction: every role (the demo users, after their first password
change), every page its navigation offers, opened by its key; no text anywhere says what
the placeholder page said, in English or Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import Role
from tests.ui.helpers import visible_texts
from tests.ui.sessions import open_window
from ui.shell.pages import areas_for
from ui.tools.render_tools import settle

DEMO_USERS = {
    Role.CLERK: "1001",
    Role.SHIFT_MANAGER: "2001",
    Role.DEPARTMENT_STAFF: "3001",
    Role.AUDITOR: "4001",
    Role.ADMIN: "9001",
}
# what the pages under construction said, in both languages (the placeholder is gone: a
# page that says it again, or anything like it, fails here)
PLACEHOLDER_SENTENCES = (
    "This part of HallClient is being built",
    "being built",
    "此功能正在建设中",
    "敬请期待",
)


def _pages() -> list[pytest.param]:
    return [
        pytest.param(role, area.key, id=f"{role}-{area.key}")
        for role in DEMO_USERS
        for area in areas_for(role)
    ]


@pytest.mark.parametrize(("role", "key"), _pages())
def test_every_page_is_built(qtbot, app, private_core, role, key):
    number = DEMO_USERS[role]
    user = private_core.access.login(number, f"demo{number}")
    user = private_core.access.change_own_password(user, f"demo{number}", f"Own-Pass-{role}")
    window = open_window(qtbot, private_core, user)
    row = [area.key for area in window.areas].index(key)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key(Qt.Key.Key_1.value + row),
        Qt.KeyboardModifier.ControlModifier,
    )
    assert window.current_area() == key
    settle()  # the page has read what it shows
    texts = [t for t in visible_texts(window) if any(s in t for s in PLACEHOLDER_SENTENCES)]
    assert texts == [], f"{role} {key}: {texts}"
    page = window.stack.currentWidget()
    assert page is window.pages.by_key[key] and page.area.key == key
