"""The work areas of the main window and the page shown for each.

Texts are English sources marked with ``QT_TRANSLATE_NOOP`` (so lupdate finds them)
and translated each time they are shown, so a language switch only has to ask again.
Every area has its page (``ui.shell.page_wiring``); none is left under construction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hallclient.access.permissions import Action, allowed
from ui.kit.area import Area
from ui.kit.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from db.domain import Role


AREAS = (
    Area(
        "intake",
        QT_TRANSLATE_NOOP("Pages", "Intake"),
        QT_TRANSLATE_NOOP("Pages", "Intake and queue"),
        needs_any=(Action.SERVE_CUSTOMERS, Action.ISSUE_TICKETS),
    ),
    Area(
        "fees",
        QT_TRANSLATE_NOOP("Pages", "Fees"),
        QT_TRANSLATE_NOOP("Pages", "Fee lookup"),
    ),
    Area(
        "payments",
        QT_TRANSLATE_NOOP("Pages", "Payments"),
        QT_TRANSLATE_NOOP("Pages", "Payments and receipts"),
        needs_any=(Action.SERVE_CUSTOMERS,),
    ),
    Area(
        "referrals",
        QT_TRANSLATE_NOOP("Pages", "Referrals"),
        QT_TRANSLATE_NOOP("Pages", "Referrals to departments"),
        needs_any=(Action.REFER_MATTERS, Action.HANDLE_REFERRALS),
    ),
    Area(
        "shift",
        QT_TRANSLATE_NOOP("Pages", "Shift"),
        QT_TRANSLATE_NOOP("Pages", "Shift and reconciliation"),
        needs_any=(Action.SERVE_CUSTOMERS,),
    ),
    Area(
        "overview",
        QT_TRANSLATE_NOOP("Pages", "Hall day"),
        QT_TRANSLATE_NOOP("Pages", "The hall's day"),
        needs_any=(Action.RECONCILE_SHIFTS, Action.VIEW_REPORTS),
    ),
    Area(
        "ratings",
        QT_TRANSLATE_NOOP("Pages", "Ratings"),
        QT_TRANSLATE_NOOP("Pages", "Follow-up of bad ratings"),
        needs_any=(Action.FOLLOW_UP_RATINGS,),
    ),
    Area(
        "scripts",
        QT_TRANSLATE_NOOP("Pages", "Scripts"),
        QT_TRANSLATE_NOOP("Pages", "Service scripts"),
        needs_any=(Action.EDIT_SCRIPTS,),
    ),
    Area(
        "directory",
        QT_TRANSLATE_NOOP("Pages", "Departments"),
        QT_TRANSLATE_NOOP("Pages", "Department directory"),
        needs_any=(Action.MANAGE_DEPARTMENTS,),
    ),
    Area(
        "admin",
        QT_TRANSLATE_NOOP("Pages", "Admin"),
        QT_TRANSLATE_NOOP("Pages", "Administration"),
        needs_any=(Action.MANAGE_USERS, Action.VIEW_AUDIT),
    ),
)


def areas_for(role: Role) -> tuple[Area, ...]:
    """The areas this role may see, in navigation order (deny by default, as the core)."""
    return tuple(area for area in AREAS if area.open_to(role))


def landing_area(role: Role) -> str:
    """Where the window opens: department staff on their board, everyone else on the first
    of their areas."""
    if allowed(role, Action.HANDLE_REFERRALS):
        return "referrals"
    return areas_for(role)[0].key
