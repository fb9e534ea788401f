"""The visit the renderer's screens are shown for: the large demo household, served."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import DemoAccount, generate_accounts
from ui.intake.page import IntakePage
from ui.tools.render_tools import wait_until

if TYPE_CHECKING:
    from hallclient.core import Core
    from ui.shell.main_window import MainWindow

RENDER_ACCOUNTS = 200


def large_household() -> DemoAccount:
    """A residential demo account of more than four people (its limits are raised)."""
    accounts = generate_accounts(RENDER_ACCOUNTS, DEMO_SEED)
    return next(
        a
        for a in accounts
        if a.customer_type == "residential" and a.household_size > 4 and a.status == "normal"
    )


def serve_household(core: Core, window: MainWindow, category: str) -> IntakePage:
    """A ticket of ``category`` issued and called, the large household taken for the visit."""
    core.intake.issue_ticket(window.user, category)
    page = window.pages.intake
    assert isinstance(page, IntakePage)
    page.call_next()
    wait_until(lambda: page.visit is not None)
    page.search.setText(large_household().name_initials)
    wait_until(lambda: page.accounts.rowCount() > 0)
    page.results.setFocus()
    page.account_side.take()
    wait_until(lambda: page.visit is not None and page.visit.account_no is not None)
    return page
