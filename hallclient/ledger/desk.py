"""The ledger desk: an account's bills and the customer's own meter reading.

The hand-over of ``hallclient.ledger`` to the intake and payments pages.
"""

from __future__ import annotations

from db.engine import Database
from hallclient.context import ContextOf, CurrentUser
from hallclient.ledger import service
from hallclient.ledger.rules import ReadingFigures
from hallclient.ledger.service import AccountBills


class LedgerDesk:
    def __init__(self, database: Database, context_of: ContextOf, due_days: int) -> None:
        self.database, self._context_of, self._due_days = database, context_of, due_days

    def account_bills(self, user: CurrentUser, account_no: str) -> AccountBills:
        return service.account_bills(self.database, self._context_of(user), account_no)

    def report_reading(
        self, user: CurrentUser, account_no: str, figures: ReadingFigures, meter_no: str = ""
    ) -> str:
        """The customer's own reading, recorded and billed; the bill's number."""
        context = self._context_of(user)
        return service.report_reading(
            self.database, context, account_no, figures, self._due_days, meter_no
        )
