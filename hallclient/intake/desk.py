"""The intake desk: the queue, the visit from call to farewell, account search and the day view.

The hand-over of ``hallclient.intake`` to the intake page and its dialogs; each
method is one use case, run as the given clerk at this counter.
"""

from __future__ import annotations

import datetime as dt

from db.domain import VisitOutcome, VisitStage
from db.engine import Database
from hallclient.context import ContextOf, CurrentUser
from hallclient.intake import day_view, queue, service, visits
from hallclient.intake.account_search import AccountHit, search_accounts
from hallclient.intake.day_view import DayFigures, DayVisit
from hallclient.intake.outcome import VisitSummary, visit_summary
from hallclient.intake.queue import CalledTicket, TicketView
from hallclient.intake.service import AccountPanel, Purpose, QueueCategory
from hallclient.intake.visits import VisitView
from hallclient.ratings.pending import DEFAULT_RATING_WAIT


class IntakeDesk:
    def __init__(
        self,
        database: Database,
        context_of: ContextOf,
        rating_wait: dt.timedelta = DEFAULT_RATING_WAIT,  # the customer screen's question
    ) -> None:
        self.database, self._context_of, self._rating_wait = database, context_of, rating_wait

    def issue_ticket(self, user: CurrentUser, category_code: str) -> TicketView:
        return queue.issue_ticket(self.database, self._context_of(user), category_code)

    def call_next(self, user: CurrentUser) -> CalledTicket | None:
        return queue.call_next(self.database, self._context_of(user), self._rating_wait)

    def recall(self, user: CurrentUser, ticket_id: int) -> TicketView:
        return queue.recall(self.database, self._context_of(user), ticket_id, self._rating_wait)

    def skip(self, user: CurrentUser, ticket_id: int) -> TicketView:
        return queue.skip(self.database, self._context_of(user), ticket_id)

    def transfer(
        self,
        user: CurrentUser,
        ticket_id: int,
        note: str,
        category_code: str | None,
        counter_code: str | None,
    ) -> TicketView:
        return queue.transfer(
            self.database,
            self._context_of(user),
            ticket_id,
            note,
            category_code=category_code,
            counter_code=counter_code,
        )

    def queue_categories(self, user: CurrentUser) -> list[QueueCategory]:
        return service.queue_categories(self.database, self._context_of(user))

    def waiting(self, user: CurrentUser) -> list[TicketView]:
        return queue.waiting(self.database, self._context_of(user))

    def search_accounts(self, user: CurrentUser, text: str) -> list[AccountHit]:
        return search_accounts(self.database, self._context_of(user), text)

    def account_panel(self, user: CurrentUser, account_no: str) -> AccountPanel:
        return service.account_panel(self.database, self._context_of(user), account_no)

    def purposes(self, user: CurrentUser) -> list[Purpose]:
        return service.purposes(self.database, self._context_of(user))

    def day_report(self, user: CurrentUser) -> tuple[list[DayVisit], DayFigures]:
        return day_view.day_report(self.database, self._context_of(user))

    def visit(self, user: CurrentUser, visit_id: int) -> VisitView:
        return visits.get_visit(self.database, self._context_of(user), visit_id)

    def visit_summary(self, user: CurrentUser, visit_id: int) -> VisitSummary:
        """What the visit produced (receipts, referrals) and the outcome that follows."""
        return visit_summary(self.database, self._context_of(user), visit_id)

    def start_walk_in(self, user: CurrentUser, **customer: str) -> VisitView:
        context = self._context_of(user)
        return visits.start_walk_in(
            self.database, context, **customer, rating_wait=self._rating_wait
        )

    def advance_visit(self, user: CurrentUser, visit_id: int, stage: VisitStage) -> VisitView:
        return visits.advance(self.database, self._context_of(user), visit_id, stage)

    def set_visit_account(self, user: CurrentUser, visit_id: int, account_no: str) -> VisitView:
        return visits.set_account(self.database, self._context_of(user), visit_id, account_no)

    def set_visit_purpose(self, user: CurrentUser, visit_id: int, purpose: str) -> VisitView:
        return visits.set_purpose(self.database, self._context_of(user), visit_id, purpose)

    def set_visit_notes(self, user: CurrentUser, visit_id: int, notes: str) -> VisitView:
        return visits.set_notes(self.database, self._context_of(user), visit_id, notes)

    def close_visit(
        self,
        user: CurrentUser,
        visit_id: int,
        outcome: VisitOutcome,
        rating: int | None,
        comment: str = "",
    ) -> VisitView:
        context = self._context_of(user)
        return visits.close_visit(self.database, context, visit_id, outcome, rating, comment)
