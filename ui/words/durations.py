"""A length of time in hours and minutes, as the screens show a response target.

"2 小时 30 分钟", never "150 分钟" or "2.5 小时": the way a clerk says it to a customer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.kit.i18n import QT_TRANSLATE_NOOP

_HOURS_AND_MINUTES = QT_TRANSLATE_NOOP("Durations", "{hours} h {minutes} min")
_HOURS = QT_TRANSLATE_NOOP("Durations", "{hours} h")
_MINUTES = QT_TRANSLATE_NOOP("Durations", "{minutes} min")
HOURS_UNIT = QT_TRANSLATE_NOOP("Durations", "h")  # a spin box's suffix
MINUTES_UNIT = QT_TRANSLATE_NOOP("Durations", "min")


def _tr(source: str) -> str:
    return QCoreApplication.translate("Durations", source)


def duration_text(minutes: int) -> str:
    """``minutes`` (whole, not negative) in hours and minutes, leaving out a zero part."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _tr(_HOURS_AND_MINUTES).format(hours=hours, minutes=rest)
    if hours:
        return _tr(_HOURS).format(hours=hours)
    return _tr(_MINUTES).format(minutes=rest)


def unit_suffix(unit: str) -> str:
    """`` 小时`` / `` h``: a spin box's suffix for :data:`HOURS_UNIT` or :data:`MINUTES_UNIT`."""
    return " " + _tr(unit)
