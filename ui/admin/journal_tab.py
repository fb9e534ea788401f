"""The audit journal, read only: the newest entries, by person or action, a page at a time.

Type an employee number (who acted, or whose account was acted on) or part of an action's
code (``user.``, ``void``, ``login``) and press Enter; F8 shows the older entries, F7 the
newer ones again, F5 the newest.  Times are in the hall's time zone.  The journal holds
no password and no informant (a theft report is only ever named 举报 and its number).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from hallclient.access.journal import PAGE_SIZE, JournalSearch
from ui.admin.models import JournalModel
from ui.kit.attempt import Attempt
from ui.kit.widgets import named, table_view
from ui.words.users import user_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.access.journal import JournalPage
    from hallclient.core import Core
    from hallclient.errors import HallError


class JournalTab(QWidget):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._core, self._user_of = core, user_of
        self.person = QLineEdit(maxLength=16)
        self.action = QLineEdit(maxLength=64)
        self.person_label, self.action_label = QLabel(), QLabel()
        self.person_label.setBuddy(self.person)
        self.action_label.setBuddy(self.action)
        for field in (self.person, self.action):
            field.returnPressed.connect(self.newest)
        self.entries = JournalModel(core.settings.timezone)
        self.table = table_view(self.entries, "adminJournal", JournalModel.COL_DETAILS)
        self.shown = named(QLabel(wordWrap=True), "feeFound")
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        filters = QHBoxLayout()
        for widget, stretch in (
            (self.person_label, 0),
            (self.person, 1),
            (self.action_label, 0),
            (self.action, 2),
        ):
            filters.addWidget(widget, stretch)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(filters, 0, 0)
        layout.addWidget(self.table, 1, 0)
        layout.addWidget(self.shown, 2, 0)
        layout.addWidget(self.keys, 3, 0)
        layout.setRowStretch(1, 1)
        self.page: JournalPage | None = None
        self._newer: list[int | None] = []  # the pages before this one: their ``before_seq``
        self._before: int | None = None  # this page's
        self.attempt = Attempt(self)
        for key, slot in (
            ("F5", self.newest),
            ("F8", self.older),
            ("F7", self.newer),
            ("Ctrl+F", self.person.setFocus),
        ):
            QShortcut(QKeySequence(key), self, slot)
        self.retranslate()

    def retranslate(self) -> None:
        self.person_label.setText(self.tr("Employee no."))
        self.action_label.setText(self.tr("Action contains"))
        self.person.setPlaceholderText(self.tr("anyone"))
        self.action.setPlaceholderText(self.tr("any action (a part of its code)"))
        self.keys.setText(
            self.tr(
                "Enter in a filter: search · F8 older entries · F7 newer · F5 the newest · "
                "Ctrl+F the filters. Read only: the journal is never changed. Times are the "
                "hall's."
            )
        )
        self._show_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._read(self._before)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.table.setFocus()

    def newest(self) -> None:
        self._newer.clear()
        self._read(None)

    def older(self) -> None:
        page = self.page
        if page is None or not page.has_older or not page.entries:
            return
        self._newer.append(self._before)
        self._read(page.entries[-1].seq)

    def newer(self) -> None:
        if self._newer:
            self._read(self._newer.pop())

    def _read(self, before: int | None) -> None:
        user = self._user_of()
        search = JournalSearch(self.person.text(), self.action.text(), before, PAGE_SIZE)
        self.attempt.run(
            lambda: self._core.access.journal(user, search),
            lambda page: self._loaded(page, before),
            self._refused,
        )

    def _loaded(self, page: JournalPage, before: int | None) -> None:
        self.page, self._before = page, before
        self.entries.names = page.names
        self.entries.set_rows(page.entries)
        if page.entries:
            self.table.selectRow(0)
        self._show_page()

    def _refused(self, error: HallError) -> None:
        self.shown.setText(user_problem_text(error))

    def _show_page(self) -> None:
        page = self.page
        if page is None:
            return
        if not page.entries:
            self.shown.setText(self.tr("No entry matches."))
            return
        text = self.tr("Entries No. {newest} to {oldest}, the newest first.").format(
            newest=page.entries[0].seq, oldest=page.entries[-1].seq
        )
        if page.has_older:
            text += " " + self.tr("Older entries: F8.")
        if self._newer:
            text += " " + self.tr("Newer entries: F7.")
        self.shown.setText(text)
