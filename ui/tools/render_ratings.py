"""The rendered follow-up page (``hallclient render --screen main-ratings``).

The shift manager 2001's ratings page with three bad ratings' cases, prepared on the
render's own database as visits of earlier days (the clock of each visit is set back):
one 40 days old, called back but past its due day (red), one whose cause is recorded,
and one opened three days ago; good ratings of the same days fill the month's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPixmap

from db.domain import FollowUpStatus, VisitOutcome
from hallclient.access.audit import Where
from hallclient.clock import FixedClock
from hallclient.context import Context
from hallclient.intake import queue, visits
from ui.ratings.page import RatingsPage
from ui.tools.render_tools import grab, settle, wait_until

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.shell.main_window import MainWindow

CLERK, SECOND_CLERK, MANAGER = ("1001", "demo1001"), ("1002", "demo1002"), ("2001", "demo2001")


@dataclass(frozen=True)
class _Example:
    days_ago: int
    clerk: tuple[str, str]
    counter: str
    score: int  # 1-5, as the clerk records the customer's answer
    reason: str
    steps: tuple[tuple[FollowUpStatus, str], ...] = ()


EXAMPLES = (
    _Example(
        40,
        SECOND_CLERK,
        "C02",
        1,
        "办理过户等了一个多小时，窗口中途还离开了二十分钟",
        ((FollowUpStatus.CALLED_BACK, "已电话致歉，客户要求说明窗口离开的原因"),),
    ),
    _Example(
        9,
        CLERK,
        "C03",
        2,
        "没有提前告知要带房产证，白跑了一趟",
        (
            (FollowUpStatus.CALLED_BACK, "已回访，客户同意下周再来办理"),
            (FollowUpStatus.CAUSE_RECORDED, "一次性告知单缺少过户所需材料"),
        ),
    ),
    _Example(3, SECOND_CLERK, "C02", 2, "收费员没有讲清阶梯气价是怎么算的"),
)
GOOD_SCORES = (5, 5, 4, 5, 3)  # rated the same days, at the same counters


class Renderer(Protocol):
    core: Core

    def _window(self, who: tuple[str, str], area: str, screen: str) -> MainWindow: ...
    def _user(self, who: tuple[str, str], screen: str) -> CurrentUser: ...


def ratings_screen(renderer: Renderer, name: str) -> QPixmap:
    core, boss = renderer.core, renderer._user(MANAGER, name)
    if not core.ratings.open_cases(boss):  # once per database
        for example in EXAMPLES:
            visit_id = _rated_visits(renderer, name, example)
            case_id = next(c.id for c in core.ratings.open_cases(boss) if c.visit_id == visit_id)
            for to, words in example.steps:
                core.ratings.advance_case(boss, case_id, to, words)
    window = renderer._window(MANAGER, "ratings", name)
    page = window.pages.ratings
    assert isinstance(page, RatingsPage)
    window.show()
    wait_until(lambda: page.loaded and not page.attempt.running)
    page.table.selectRow(1)  # the overdue one above stays red; this one's steps beside
    settle()
    return grab(window)


def _rated_visits(renderer: Renderer, name: str, example: _Example) -> int:
    """Good ratings' visits on the example's day, then the bad one's (its id is returned)."""
    core = renderer.core
    user = renderer._user(example.clerk, name)
    then = core.clock.now() - dt.timedelta(days=example.days_ago)
    then = then.replace(hour=2, minute=30)  # 10:30 in the hall, on that day
    where = Where(core.where.hall_code, example.counter)
    visit_id = 0
    for score, reason in [*((s, "") for s in GOOD_SCORES), (example.score, example.reason)]:
        context = Context(user, where, FixedClock(then), core.settings.timezone)
        queue.issue_ticket(core.database, context, "business")
        called = queue.call_next(core.database, context)
        assert called is not None
        visit_id = called.visit_id
        visits.close_visit(core.database, context, visit_id, VisitOutcome.RESOLVED, score, reason)
        then += dt.timedelta(minutes=12)
    return visit_id
