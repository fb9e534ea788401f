"""The words for a gas account's status (正常, 欠费停气, 销户): the panel and the refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.kit.i18n import QT_TRANSLATE_NOOP

_STATUSES = {
    "normal": QT_TRANSLATE_NOOP("Intake", "normal"),
    "suspended": QT_TRANSLATE_NOOP("Intake", "gas suspended"),
    "closed": QT_TRANSLATE_NOOP("Intake", "account closed"),
}


def account_status_text(status: str) -> str:
    return (
        QCoreApplication.translate("Intake", _STATUSES[status]) if status in _STATUSES else status
    )
