"""The admin page (管理): a tab for each thing the role may do here.

Users and Counters for those who manage users (the administrator); the audit journal for
those who may read it (the administrator, the shift manager, the auditor).  Each tab
reads afresh when it opens and gives its list the keyboard; Ctrl+Tab moves between tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QTabWidget, QVBoxLayout, QWidget

from hallclient.access.permissions import Action, allowed
from ui.admin.counters_tab import CountersTab
from ui.admin.journal_tab import JournalTab
from ui.admin.users_tab import UsersTab
from ui.kit.widgets import named

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.kit.area import Area


class AdminPage(QFrame):
    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        area: Area,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.area = area
        role = user_of().role
        manages = allowed(role, Action.MANAGE_USERS)
        self.users = UsersTab(core, user_of) if manages else None
        self.counters = CountersTab(core, user_of) if manages else None
        self.journal = JournalTab(core, user_of) if allowed(role, Action.VIEW_AUDIT) else None
        self.title = named(QLabel(), "pageTitle")
        self.tabs = named(QTabWidget(), "adminTabs")
        self.tabs.setDocumentMode(True)
        for tab in (self.users, self.counters, self.journal):
            if tab is not None:
                self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.area.title)
        names: tuple[tuple[QWidget | None, str], ...] = (
            (self.users, self.tr("&Users")),
            (self.counters, self.tr("&Counters and printers")),
            (self.journal, self.tr("Audit &journal")),
        )
        for tab, name in names:
            if tab is not None:
                self.tabs.setTabText(self.tabs.indexOf(tab), name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
