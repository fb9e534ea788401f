"""A work area of the main window: a stable key, its texts (translated when shown), who sees it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hallclient.access.permissions import Action, allowed

if TYPE_CHECKING:
    from db.domain import Role


def _translate(source: str) -> str:
    return QCoreApplication.translate("Pages", source)


@dataclass(frozen=True)
class Area:
    """One work area: a stable key (screen names, tests) and its texts in the current language."""

    key: str
    nav_source: str
    title_source: str
    needs_any: tuple[Action, ...] = ()  # shown only to roles with one of these (empty: all)

    def open_to(self, role: Role) -> bool:
        return not self.needs_any or any(allowed(role, action) for action in self.needs_any)

    @property
    def nav_label(self) -> str:
        return _translate(self.nav_source)

    @property
    def title(self) -> str:
        return _translate(self.title_source)
