"""Walking the visible texts of a window, for the "everything is translated" test."""

from __future__ import annotations

import re
from collections.abc import Iterator

import shiboken6
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QWidget,
)

# Names and technical tokens that stay as they are in the Chinese UI.
ALLOWED = re.compile(
    r"HallClient|SQLite|PostgreSQL|English|\bGHF\b|\bPDF\b|\bXLSX\b"  # GHF: pinyin, an example
    r"|\b(?:Ctrl|Alt|Shift)\+\w+|\b(?:Esc|Enter|Tab|Delete|F\d{1,2})\b"
    r"|\{[a-z_]+\}"  # a script placeholder, shown to the admin as typed
    r"|(?:[A-Za-z]:)?[/\\]\S+"  # file paths
)
ASCII_WORD = re.compile(r"[A-Za-z]{3,}")
TAG = re.compile(r"<[^>]+>")


def untranslated(text: str) -> list[str]:
    """ASCII words of three or more letters left after removing the allowed tokens."""
    return ASCII_WORD.findall(ALLOWED.sub(" ", TAG.sub(" ", text)))


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(row) for row in range(widget.count()))
    elif isinstance(widget, QListWidget):
        yield from (widget.item(row).text() for row in range(widget.count()))


def _menu_texts(window: QMainWindow) -> Iterator[str]:
    for action in window.menuBar().actions():
        yield action.text()
        menu = action.menu()
        if menu is not None:
            yield from (item.text() for item in menu.actions())


def visible_texts(window: QWidget) -> Iterator[str]:
    """Window title, visible widgets' texts and, for a main window, its menus."""
    yield window.windowTitle()
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window):
            yield from _widget_texts(widget)
    if isinstance(window, QMainWindow):
        yield from _menu_texts(window)


def settle(qtbot, form) -> None:
    """Wait until the form's attempt (run off the GUI thread) has reported back, and the
    fees page's quote as typed; a form deleted on success has settled too."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not _busy(form), timeout=10_000)


def _busy(form) -> bool:
    attempt, live = getattr(form, "attempt", None), getattr(form, "live", None)
    return (attempt is not None and attempt.running) or (live is not None and live.busy)


def serve_account(qtbot, window, account_no: str):
    """The intake page with the next ticket called and ``account_no`` taken (by its number)."""
    intake = window.pages.intake
    qtbot.waitUntil(lambda: intake.purpose.count() > 0)  # the purposes are read when shown
    intake.call_next()
    settle(qtbot, intake)
    intake.search.setText(account_no)
    qtbot.waitUntil(lambda: intake.accounts.rowCount() == 1)
    intake.account_side.take()
    settle(qtbot, intake)
    return intake


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as an input method delivers Chinese: the committed
    characters in one input-method event (QTest's key clicks carry Latin-1 only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
