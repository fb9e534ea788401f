"""The ratings desk: the customer's rating, bad ratings' follow-up cases, the month's figures.

The hand-over of ``hallclient.ratings`` to the screens that come (the customer screen,
the manager's overview); each method is one use case, run as the given person here.
"""

from __future__ import annotations

from db.domain import FollowUpStatus
from db.engine import Database
from hallclient.context import ContextOf, CurrentUser
from hallclient.ratings import cases, monthly, record, screen
from hallclient.ratings.cases import CaseView
from hallclient.ratings.monthly import MonthlyRatings
from hallclient.ratings.record import GivenRating, RatingView
from hallclient.reports.ratings_report import MonthlyReport, monthly_report


class RatingDesk:
    def __init__(self, database: Database, context_of: ContextOf) -> None:
        self.database, self._context_of = database, context_of

    def record(self, user: CurrentUser, visit_id: int, given: GivenRating) -> RatingView:
        return record.record_rating(self.database, self._context_of(user), visit_id, given)

    def screen_attached(self, user: CurrentUser) -> bool:
        """Whether this counter has a customer screen: the customer rates there, not the clerk."""
        return screen.counter_has_screen(self.database, self._context_of(user))

    def set_customer_screen(self, user: CurrentUser, counter_code: str, attached: bool) -> None:
        context = self._context_of(user)
        screen.set_customer_screen(self.database, context, counter_code, attached)

    def case(self, user: CurrentUser, case_id: int) -> CaseView:
        return cases.get_case(self.database, self._context_of(user), case_id)

    def open_cases(self, user: CurrentUser, *, overdue_only: bool = False) -> list[CaseView]:
        context = self._context_of(user)
        return cases.list_cases(self.database, context, overdue_only=overdue_only)

    def advance_case(
        self, user: CurrentUser, case_id: int, to: FollowUpStatus, text: str
    ) -> CaseView:
        return cases.advance_case(self.database, self._context_of(user), case_id, to, text)

    def monthly(self, user: CurrentUser, year: int, month: int) -> MonthlyRatings:
        return monthly.monthly_ratings(self.database, self._context_of(user), year, month)

    def monthly_report(self, user: CurrentUser, year: int, month: int) -> MonthlyReport:
        """The month's figures with the clerks' names, for its PDF and XLSX."""
        return monthly_report(self.database, self._context_of(user), year, month)
