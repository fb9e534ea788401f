"""The selected case in words beside the list: the visit, the customer's reason and each
step taken so far."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.clock import local
from hallclient.ratings.cases import CaseView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.ratings.models import clerk_text
from ui.words.follow_up import level_text, status_text

CONTEXT = "FollowUpCase"
_STEPS = (
    ("call_back_note", QT_TRANSLATE_NOOP("FollowUpCase", "Call back: {text}")),
    ("cause", QT_TRANSLATE_NOOP("FollowUpCase", "Cause: {text}")),
    ("fix", QT_TRANSLATE_NOOP("FollowUpCase", "Fixed: {text}")),
)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def case_detail(case: CaseView, timezone: str) -> str:
    lines = [
        _tr(QT_TRANSLATE_NOOP("FollowUpCase", "Case {id} · visit {visit} · opened {at}")).format(
            id=case.id, visit=case.visit_id, at=f"{local(case.opened_at, timezone):%Y-%m-%d %H:%M}"
        ),
        _tr(QT_TRANSLATE_NOOP("FollowUpCase", "{counter} · clerk {clerk} · {level}")).format(
            counter=case.counter_code, clerk=clerk_text(case), level=level_text(case.level)
        ),
        _tr(QT_TRANSLATE_NOOP("FollowUpCase", "The customer said: {reason}")).format(
            reason=case.reason or "—"
        ),
        _tr(QT_TRANSLATE_NOOP("FollowUpCase", "Due {day}{estimated} · {state}")).format(
            day=case.due_on.isoformat(),
            estimated=_tr(QT_TRANSLATE_NOOP("FollowUpCase", " (estimated)"))
            if case.due_estimated
            else "",
            state=status_text(case.status),
        ),
    ]
    lines += [
        _tr(source).format(text=getattr(case, field))
        for field, source in _STEPS
        if getattr(case, field)
    ]
    return "\n".join(lines)
