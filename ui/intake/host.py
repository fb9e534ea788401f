"""What the intake page's helpers (emergency, referral form, slip reprint, the ticket's
actions, the account side) ask of the page.

They take this Protocol, not the page class, so no helper imports the page that holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
        QWidget,
    )

    from hallclient.errors import HallError
    from hallclient.intake.service import AccountPanel, QueueCategory
    from hallclient.intake.visits import VisitView
    from hallclient.referrals.service import ReferralView
    from ui.intake.account_models import AccountTableModel
    from ui.kit.attempt import Attempt


class SlipMemory(Protocol):
    def remember(self, visit_id: int, referral: ReferralView, *, printed: bool) -> None: ...


class LeakCheck(Protocol):
    def check_text(self, text: str, *, confidential: bool = False) -> None: ...


class IntakeHost(Protocol):
    """The visit in hand, its notes, the page's one running attempt and its message line."""

    visit: VisitView | None
    account: AccountPanel | None

    @property
    def notes(self) -> QPlainTextEdit: ...

    @property
    def attempt(self) -> Attempt: ...

    @property
    def slips(self) -> SlipMemory: ...

    @property
    def emergency(self) -> LeakCheck: ...

    def host_widget(self) -> QWidget:
        """The page itself: the parent of the helpers and of their dialogs."""
        ...

    def say(self, text: str) -> None: ...

    def show_problem(self, error: HallError) -> None: ...

    def visit_referred(self, visit: VisitView, department_code: str, text: str) -> None: ...


class TicketHost(Protocol):
    """The called ticket and its visit, for the ticket's actions (F3, F4, F7, F8, F9, F11)."""

    @property
    def visit(self) -> VisitView | None: ...

    @property
    def ticket_id(self) -> int | None: ...

    @property
    def categories(self) -> list[QueueCategory]: ...

    @property
    def notes(self) -> QPlainTextEdit: ...

    @property
    def attempt(self) -> Attempt: ...

    def host_widget(self) -> QWidget: ...

    def say(self, text: str) -> None: ...

    def show_problem(self, error: HallError) -> None: ...

    def visit_ended(self, message: str) -> None: ...

    def refresh_waiting(self) -> None: ...


class AccountHost(Protocol):
    """The visit and its account, and the widgets the account side fills."""

    visit: VisitView | None
    account: AccountPanel | None

    @property
    def search(self) -> QLineEdit: ...

    @property
    def message(self) -> QLabel: ...

    @property
    def accounts(self) -> AccountTableModel: ...

    @property
    def results(self) -> QTableView: ...

    @property
    def panel(self) -> QLabel: ...

    @property
    def purpose(self) -> QComboBox: ...

    @property
    def attempt(self) -> Attempt: ...

    def host_widget(self) -> QWidget: ...

    def say(self, text: str) -> None: ...

    def show_problem(self, error: HallError) -> None: ...

    def show_visit(self) -> None: ...
