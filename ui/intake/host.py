"""What the intake page's helpers (emergency, referral form, slip reprint) ask of the page.

They take this Protocol, not the page class, so no helper imports the page that holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit, QWidget

    from hallclient.errors import HallError
    from hallclient.intake.service import AccountPanel
    from hallclient.intake.visits import VisitView
    from hallclient.referrals.service import ReferralView
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
