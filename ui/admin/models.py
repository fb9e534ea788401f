"""The admin page's tables: the users, the hall's counters, the audit journal."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hallclient.access.audit import EntryView
from hallclient.access.users import UserView
from hallclient.clock import local
from hallclient.setup.workplace import CounterView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import Index, RowsTableModel
from ui.words.users import role_text

INACTIVE = QColor("#7b8794")
DETAILS_MAX = 160  # characters of an entry's details in its cell (the tooltip has them all)
STATE = {
    True: QT_TRANSLATE_NOOP("AdminModels", "active"),
    False: QT_TRANSLATE_NOOP("AdminModels", "deactivated"),
}
YES = QT_TRANSLATE_NOOP("AdminModels", "yes")
NEVER = QT_TRANSLATE_NOOP("AdminModels", "never")
EVERY_CATEGORY = QT_TRANSLATE_NOOP("AdminModels", "every category")
THIS_PC = QT_TRANSLATE_NOOP("AdminModels", "this PC")
SCREEN_ATTACHED = QT_TRANSLATE_NOOP("AdminModels", "attached")
_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")  # an ISO moment, as the journal stores one


class UsersModel(RowsTableModel[UserView]):
    """``now``: the core's clock, so that a lockout that has run out shows as over."""

    CONTEXT = "AdminModels"
    COL_NUMBER, COL_NAME, COL_ROLE, COL_DEPARTMENT, COL_STATE = range(5)
    COL_LOCKED, COL_MUST_CHANGE, COL_LAST_LOGIN = range(5, 8)
    HEADERS = (
        QT_TRANSLATE_NOOP("AdminModels", "Employee no."),
        QT_TRANSLATE_NOOP("AdminModels", "Name"),
        QT_TRANSLATE_NOOP("AdminModels", "Role"),
        QT_TRANSLATE_NOOP("AdminModels", "Department"),
        QT_TRANSLATE_NOOP("AdminModels", "State"),
        QT_TRANSLATE_NOOP("AdminModels", "Locked until"),
        QT_TRANSLATE_NOOP("AdminModels", "Must change password"),
        QT_TRANSLATE_NOOP("AdminModels", "Last login"),
    )

    def __init__(self, timezone: str, now: Callable[[], datetime]) -> None:
        super().__init__()
        self._timezone, self._now = timezone, now
        self.department_names: dict[str, str] = {}

    def is_locked(self, row: UserView) -> bool:
        return row.locked_until is not None and row.locked_until > self._now()

    def display(self, row: UserView, column: int) -> str:
        department = row.department_code or ""
        until, moment = row.locked_until, row.last_login_at
        cells = (
            row.employee_no,
            row.display_name,
            role_text(row.role),
            self.department_names.get(department, department),
            self.tr_source(STATE[row.active]),
            f"{local(until, self._timezone):%m-%d %H:%M}" if until and self.is_locked(row) else "",
            self.tr_source(YES) if row.must_change_password else "",
            f"{local(moment, self._timezone):%Y-%m-%d %H:%M}" if moment else self.tr_source(NEVER),
        )
        return cells[column]

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and not row.active:
            return INACTIVE
        return super().data(index, role)


class CountersModel(RowsTableModel[CounterView]):
    CONTEXT = "AdminModels"
    COL_CODE, COL_NAME, COL_CALLS, COL_STATE, COL_SCREEN, COL_HERE = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("AdminModels", "Code"),
        QT_TRANSLATE_NOOP("AdminModels", "Name"),
        QT_TRANSLATE_NOOP("AdminModels", "Calls tickets of"),
        QT_TRANSLATE_NOOP("AdminModels", "State"),
        QT_TRANSLATE_NOOP("AdminModels", "Customer screen"),
        QT_TRANSLATE_NOOP("AdminModels", "This PC"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.here = ""  # this PC's counter code

    def display(self, row: CounterView, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_CALLS:
            calls = " · ".join(row.categories.split(";"))
            return calls if row.categories else self.tr_source(EVERY_CATEGORY)
        if column == self.COL_STATE:
            return self.tr_source(STATE[row.active])
        if column == self.COL_SCREEN:
            return self.tr_source(SCREEN_ATTACHED) if row.customer_screen else "—"
        return self.tr_source(THIS_PC) if row.code == self.here else ""


class JournalModel(RowsTableModel[EntryView]):
    CONTEXT = "AdminModels"
    COL_SEQ, COL_TIME, COL_WHO, COL_ACTION, COL_OBJECT, COL_DETAILS, COL_PLACE = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("AdminModels", "No."),
        QT_TRANSLATE_NOOP("AdminModels", "Time"),
        QT_TRANSLATE_NOOP("AdminModels", "Who"),
        QT_TRANSLATE_NOOP("AdminModels", "Action"),
        QT_TRANSLATE_NOOP("AdminModels", "Object"),
        QT_TRANSLATE_NOOP("AdminModels", "Details"),
        QT_TRANSLATE_NOOP("AdminModels", "Where"),
    )
    RIGHT_ALIGNED = frozenset({COL_SEQ})

    def __init__(self, timezone: str) -> None:
        super().__init__()
        self._timezone = timezone
        self.names: Mapping[str, str] = {}

    def _person(self, employee_no: str) -> str:
        name = self.names.get(employee_no)
        return f"{employee_no} {name}" if name else employee_no

    def display(self, row: EntryView, column: int) -> str:
        cells: tuple[Callable[[], str], ...] = (
            lambda: str(row.seq),
            lambda: f"{local(row.occurred_at, self._timezone):%Y-%m-%d %H:%M:%S}",
            lambda: self._person(row.actor),
            lambda: row.action,
            lambda: self._object(row),
            lambda: _cut(details_text(row.details, self._timezone)),
            lambda: f"{row.hall_code} · {row.counter_code}",
        )
        return cells[column]()

    def _object(self, row: EntryView) -> str:
        if row.object_type == "user":
            return self._person(row.object_id)
        return f"{row.object_type} {row.object_id}".strip()

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_at(index.row())
        tooltip = role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_DETAILS
        if tooltip and row is not None:
            return details_text(row.details, self._timezone)
        return super().data(index, role)


def details_text(details: Mapping[str, object], timezone: str) -> str:
    """``key: value`` pairs as stored (a list of two is a change, before → after); a
    moment (stored in UTC) in the hall's time."""

    def value(item: object) -> str:
        if item is None:
            return "—"
        if isinstance(item, str):
            return _hall_time(item, timezone) if _MOMENT.match(item) else item
        return json.dumps(item, ensure_ascii=False)

    parts = []
    for key, item in details.items():
        if isinstance(item, list) and len(item) == 2:
            parts.append(f"{key}: {value(item[0])} → {value(item[1])}")
        else:
            parts.append(f"{key}: {value(item)}")
    return "; ".join(parts)


def _hall_time(text: str, timezone: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{local(moment, timezone):%Y-%m-%d %H:%M:%S}" if moment.tzinfo else text


def _cut(text: str) -> str:
    return text if len(text) <= DETAILS_MAX else text[: DETAILS_MAX - 1] + "…"
