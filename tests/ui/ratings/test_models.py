"""The cases' table without a view: each column's text in Chinese, '(预计)' while the
calendar does not cover the due day's year, overdue in red and said so."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt

from db.domain import FollowUpStatus, RatingLevel
from hallclient.ratings.cases import CaseView
from ui.ratings.models import OVERDUE_COLOUR, CasesModel

CASE = CaseView(
    id=7,
    visit_id=42,
    counter_code="C02",
    clerk_employee_no="1002",
    clerk_name="李强",
    level=RatingLevel.VERY_DISSATISFIED,
    reason="收费员态度\n不好",
    status=FollowUpStatus.CALLED_BACK,
    opened_at=dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC),
    due_on=dt.date(2026, 12, 22),
    due_estimated=False,
    overdue=False,
    call_back_note="已电话联系",
    cause="",
    fix="",
    result="",
)


def _texts(model: CasesModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_each_column_in_the_managers_words(app):
    model = CasesModel()
    model.set_rows([CASE])
    headers = [model.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(6)]
    assert headers == ["办结期限", "窗口", "收费员", "评价", "客户意见", "进度"]
    assert _texts(model, 0) == [
        "2026-12-22",
        "C02",
        "李强 1002",
        "非常不满意",
        "收费员态度 不好",
        "已回访",
    ]
    assert model.index(0, CasesModel.COL_DUE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_an_estimated_due_day_and_an_overdue_case_say_so(app):
    model = CasesModel()
    model.set_rows([replace(CASE, due_estimated=True), replace(CASE, overdue=True, reason="")])
    assert model.display(model.row_at(0), CasesModel.COL_DUE) == "2026-12-22（预计）"
    late = model.row_at(1)
    assert model.display(late, CasesModel.COL_DUE) == "2026-12-22 已逾期"
    assert model.display(late, CasesModel.COL_REASON) == "—"
    gone = replace(CASE, clerk_name="")  # a number no longer known
    assert model.display(gone, CasesModel.COL_CLERK) == "1002"
    for column in range(model.columnCount()):  # the whole row in red
        assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
